"""Text primitives: normalisation, sentences, language, dates, word hashes and MinHash signatures."""
