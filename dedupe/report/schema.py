"""JSON Schemas of the report documents, derived from the result dataclasses that ``to_json`` writes.

One schema per report ``kind`` (``KINDS``); ``tools/build_schemas.py`` writes them to
``dedupe/report/schemas/<kind>.json``, which ship in the wheel. Because the schema is
read off the same dataclass fields (those shown in its repr) that ``to_json`` walks, the
two cannot drift apart silently: the tests validate every command's real output.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from typing import Any

from dedupe.report.serialize import SCHEMA_VERSION


def _kinds() -> dict[str, type]:
    from dedupe.corpus.dossier import Dossier
    from dedupe.corpus.fact_audit import FactAudit
    from dedupe.corpus.records import IndexStats, QueryResult
    from dedupe.corpus.scan import ScanReport
    from dedupe.pair.compare import PairReport
    from dedupe.quotes.match import QuoteAudit

    return {
        "pair_report": PairReport,
        "quote_audit": QuoteAudit,
        "fact_audit": FactAudit,
        "scan": ScanReport,
        "index_query": QueryResult,
        "index_stats": IndexStats,
        "dossier": Dossier,
    }


KINDS = ("pair_report", "quote_audit", "fact_audit", "scan", "index_query", "index_stats", "dossier")
"""Every report ``kind`` the CLI prints as JSON."""


def schema(kind: str) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the JSON document of report ``kind``."""
    root = _kinds()[kind]
    definitions: dict[str, Any] = {}
    body = _object(root, definitions)
    body["properties"] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "kind": {"const": kind},
        **body["properties"],
    }
    body["required"] = list(dict.fromkeys(["schema_version", "kind", *body["required"]]))
    if kind == "scan":  # `dedupe scan` adds the event clusters' dossiers with --dossiers on
        dossier = _kinds()["dossier"]
        body["properties"]["dossiers"] = {"type": "array", "items": _type(dossier, definitions)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://dedupe-news/schemas/{kind}.json",
        "title": f"dedupe {kind} report (schema_version {SCHEMA_VERSION})",
        **body,
        "$defs": definitions,
    }


def _object(kind: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(kind)
    shown: list[tuple[str, Any]] = []
    for f in dataclasses.fields(kind):
        if not f.repr:
            continue
        inline = f.metadata.get("inline", ())
        if inline:  # the held dataclass's fields in its place, as ``serialize.to_data`` shows them
            held = typing.get_type_hints(hints[f.name])
            shown.extend((part, held[part]) for part in inline)
        else:
            shown.append((f.name, hints[f.name]))
    return {
        "type": "object",
        "description": (kind.__doc__ or "").strip().split("\n")[0],
        "properties": {name: _type(hint, definitions) for name, hint in shown},
        "required": [name for name, _ in shown],
        "additionalProperties": False,
    }


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type(a, definitions) for a in args]}
    if origin in (tuple, list, set, frozenset):
        if origin is tuple and args and args[-1] is not Ellipsis:
            return {"type": "array", "prefixItems": [_type(a, definitions) for a in args]}
        return {"type": "array", "items": _type(args[0], definitions) if args else {}}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(args[1], definitions)}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if hint is type(None):
        return {"type": "null"}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"enum": [m.value for m in hint]}
    if isinstance(hint, type) and issubclass(hint, bool):
        return {"type": "boolean"}
    if isinstance(hint, type) and issubclass(hint, int):
        return {"type": "integer"}
    if isinstance(hint, type) and issubclass(hint, float):
        return {"type": "number"}
    if isinstance(hint, type) and issubclass(hint, str):
        return {"type": "string"}
    if isinstance(hint, type) and issubclass(hint, date):
        return {"type": "string", "format": "date"}
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder against recursion
            definitions[name] = _object(hint, definitions)
        return {"$ref": f"#/$defs/{name}"}
    return {}  # anything else (Any, objects): no constraint
