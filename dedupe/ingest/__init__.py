"""Reading articles: files, decoding and the boilerplate set aside."""
