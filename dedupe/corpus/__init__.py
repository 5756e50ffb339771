"""Many articles: LSH candidates, clusters, the scan, the SQLite index and the engines."""
