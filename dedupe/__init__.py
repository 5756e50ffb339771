"""dedupe: find overlapping news reports of the same event and show where outlets differ.

The library API is what the CLI calls; every function takes and returns plain
dataclasses and never prints or exits.
"""

from __future__ import annotations

from dedupe.errors import DedupeError, InputError, NoArticlesError, SettingsError
from dedupe.ingest import article_from_text, iter_articles, load_articles, load_file
from dedupe.models import Article, Boilerplate, Span, Token
from dedupe.normalize import normalize, normalize_text, tokenize

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Boilerplate",
    "DedupeError",
    "InputError",
    "NoArticlesError",
    "SettingsError",
    "Span",
    "Token",
    "__version__",
    "article_from_text",
    "iter_articles",
    "load_articles",
    "load_file",
    "normalize",
    "normalize_text",
    "tokenize",
]
