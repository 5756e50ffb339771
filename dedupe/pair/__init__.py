"""One pair of articles: aligned passages, similarity figures, the verdict and the report."""
