"""dedupe: find overlapping news reports of the same event and show where outlets differ.

The library API is what the CLI calls; every function takes and returns plain
dataclasses and never prints or exits. Names are imported on first use (PEP 562)
so that ``import dedupe`` and ``dedupe --help`` stay fast.

Examples:
    >>> from dedupe import compare, load_articles  # doctest: +SKIP
    >>> a, b = load_articles(["a.txt", "b.txt"])  # doctest: +SKIP
    >>> compare(a, b).relation  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# ``normalize`` is both a function and the (light) module defining it: bind the
# function now, or the first import of the module would shadow it on the package.
from dedupe.normalize import normalize

_EXPORTS = {
    "Article": "dedupe.models",
    "Boilerplate": "dedupe.models",
    "Span": "dedupe.models",
    "Token": "dedupe.models",
    "DedupeError": "dedupe.errors",
    "InputError": "dedupe.errors",
    "NoArticlesError": "dedupe.errors",
    "SettingsError": "dedupe.errors",
    "IndexStoreError": "dedupe.errors",
    "Settings": "dedupe.settings",
    "article_from_text": "dedupe.ingest",
    "iter_articles": "dedupe.ingest",
    "load_articles": "dedupe.ingest",
    "load_file": "dedupe.ingest",
    "normalize": "dedupe.normalize",
    "normalize_text": "dedupe.normalize",
    "tokenize": "dedupe.normalize",
    "compare": "dedupe.pipeline",
    "analyze": "dedupe.pipeline",
    "PairReport": "dedupe.pipeline",
    "Relation": "dedupe.verdict",
    "extract_quotes": "dedupe.quotes",
    "Quote": "dedupe.quotes",
    "audit_quotes": "dedupe.quote_match",
    "match_quotes": "dedupe.quote_match",
    "QuoteAudit": "dedupe.quote_match",
    "QuoteGroup": "dedupe.quote_match",
    "extract_entities": "dedupe.entities",
    "event_profile": "dedupe.entities",
    "compare_facts": "dedupe.facts",
    "FactFlag": "dedupe.facts",
    "scan": "dedupe.corpus",
    "ScanReport": "dedupe.corpus",
    "Index": "dedupe.store",
    "to_json": "dedupe.serialize",
}

__all__ = [
    "Article",
    "Boilerplate",
    "DedupeError",
    "FactFlag",
    "Index",
    "IndexStoreError",
    "InputError",
    "NoArticlesError",
    "PairReport",
    "Quote",
    "QuoteAudit",
    "QuoteGroup",
    "Relation",
    "ScanReport",
    "Settings",
    "SettingsError",
    "Span",
    "Token",
    "__version__",
    "analyze",
    "article_from_text",
    "audit_quotes",
    "compare",
    "compare_facts",
    "event_profile",
    "extract_entities",
    "extract_quotes",
    "iter_articles",
    "load_articles",
    "load_file",
    "match_quotes",
    "normalize",
    "normalize_text",
    "scan",
    "to_json",
    "tokenize",
]

if TYPE_CHECKING:
    from dedupe.corpus import ScanReport, scan
    from dedupe.entities import event_profile, extract_entities
    from dedupe.errors import DedupeError, IndexStoreError, InputError, NoArticlesError, SettingsError
    from dedupe.facts import FactFlag, compare_facts
    from dedupe.ingest import article_from_text, iter_articles, load_articles, load_file
    from dedupe.models import Article, Boilerplate, Span, Token
    from dedupe.normalize import normalize, normalize_text, tokenize
    from dedupe.pipeline import PairReport, analyze, compare
    from dedupe.quote_match import QuoteAudit, QuoteGroup, audit_quotes, match_quotes
    from dedupe.quotes import Quote, extract_quotes
    from dedupe.serialize import to_json
    from dedupe.settings import Settings
    from dedupe.store import Index
    from dedupe.verdict import Relation


def __getattr__(name: str) -> Any:
    """Import an exported name from its module on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dedupe' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
