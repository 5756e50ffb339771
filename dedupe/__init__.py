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
    "article_from_text": "dedupe.ingest.build",
    "iter_articles": "dedupe.ingest.read",
    "load_articles": "dedupe.ingest.read",
    "load_file": "dedupe.ingest.read",
    "normalize": "dedupe.text.normalize",
    "normalize_text": "dedupe.text.normalize",
    "tokenize": "dedupe.text.tokens",
    "compare": "dedupe.pair.compare",
    "analyze": "dedupe.pair.compare",
    "PairReport": "dedupe.pair.compare",
    "Relation": "dedupe.pair.verdict",
    "extract_quotes": "dedupe.quotes.extract",
    "Quote": "dedupe.quotes.extract",
    "audit_quotes": "dedupe.quotes.match",
    "match_quotes": "dedupe.quotes.match",
    "QuoteAudit": "dedupe.quotes.match",
    "QuoteGroup": "dedupe.quotes.match",
    "extract_entities": "dedupe.evidence.mentions",
    "event_profile": "dedupe.evidence.events",
    "compare_facts": "dedupe.evidence.facts",
    "FactFlag": "dedupe.evidence.fact_flags",
    "scan": "dedupe.corpus.scan",
    "ScanReport": "dedupe.corpus.scan",
    "Index": "dedupe.corpus.index",
    "to_json": "dedupe.report.serialize",
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
    from dedupe.corpus.index import Index
    from dedupe.corpus.scan import ScanReport, scan
    from dedupe.errors import DedupeError, IndexStoreError, InputError, NoArticlesError, SettingsError
    from dedupe.evidence.events import event_profile
    from dedupe.evidence.fact_flags import FactFlag
    from dedupe.evidence.facts import compare_facts
    from dedupe.evidence.mentions import extract_entities
    from dedupe.ingest.build import article_from_text
    from dedupe.ingest.read import iter_articles, load_articles, load_file
    from dedupe.models import Article, Boilerplate, Span, Token
    from dedupe.pair.compare import PairReport, analyze, compare
    from dedupe.pair.verdict import Relation
    from dedupe.quotes.extract import Quote, extract_quotes
    from dedupe.quotes.match import QuoteAudit, QuoteGroup, audit_quotes, match_quotes
    from dedupe.report.serialize import to_json
    from dedupe.settings import Settings
    from dedupe.text.normalize import normalize, normalize_text
    from dedupe.text.tokens import tokenize


def __getattr__(name: str) -> Any:
    """Import an exported name from its module on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dedupe' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public API, so that ``dir(dedupe)`` shows it before first use."""
    return sorted(set(__all__) | set(globals()))
