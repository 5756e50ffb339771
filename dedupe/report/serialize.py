"""One JSON serialisation for every result dataclass, stamped with ``schema_version``.

Dataclasses become objects with their field names, tuples become arrays, dates ISO
strings, enums their values and ``Span``s ``{"start": …, "end": …}``. A field whose
metadata names ``inline`` fields of the dataclass it holds shows those in its place (a
``Link`` shows its ``Similarity``'s figures as its own). Bump
``SCHEMA_VERSION`` whenever a field is renamed or removed; adding one is compatible.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
from datetime import date
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1


def to_data(value: Any) -> Any:
    """Turn a result (dataclasses, tuples, dates, enums) into JSON-ready plain data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data: dict[str, Any] = {}
        for name, inline in _shown_fields(type(value)):
            if inline:
                held = getattr(value, name)
                data.update((part, to_data(getattr(held, part))) for part in inline)
            else:
                data[name] = to_data(getattr(value, name))
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [to_data(v) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, float):
        return round(value, 4)
    return value


@cache
def _shown_fields(kind: type) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The fields of a dataclass that its JSON shows (those in its repr), each with the fields of
    its value shown in its place (none: the field itself), looked up once per class."""
    return tuple((f.name, tuple(f.metadata.get("inline", ()))) for f in dataclasses.fields(kind) if f.repr)


def to_json(value: Any, *, kind: str, indent: int | None = 2) -> str:
    """Serialise a result as a JSON document ``{"schema_version", "kind", …fields}``."""
    data = to_data(value)
    document = {"schema_version": SCHEMA_VERSION, "kind": kind}
    document.update(data if isinstance(data, dict) else {"items": data})
    return json.dumps(document, ensure_ascii=False, indent=indent)


def _umask() -> int:
    """The process's umask (read by setting it, then restoring it at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename, never half-written.

    The file gets the mode any new file gets (0666 less the umask), as a report is meant
    to be shared; the folder must exist (``FileNotFoundError`` otherwise), so a mistyped
    path is an error rather than a new tree of folders.
    """
    target = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        Path(temp).chmod(0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
        Path(temp).replace(target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# Characters a terminal acts on rather than shows: C0/C1 controls (but tab and line breaks)
# and the bidirectional overrides and isolates that reorder what follows (U+202E shows
# "txt.exe" as "exe.txt").
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def visible(text: str) -> str:
    r"""Return ``text`` with control and bidi characters written as escapes (``\x1b``, ``\u202e``).

    Examples:
        >>> visible("a\x1b[2Jb")
        'a\\x1b[2Jb'
    """
    return _INVISIBLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def csv_cell(value: str) -> str:
    """Return a CSV cell a spreadsheet shows rather than runs: one opening like a formula gets a ``'``.

    Examples:
        >>> csv_cell("@SUM(A1)")
        "'@SUM(A1)"
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def markdown_safe(text: str) -> str:
    """Return Markdown whose inline HTML (``<script>``, ``<img onerror>``) shows as text.

    Only ``&`` and ``<`` are escaped: no tag or entity can open without them, and a ``>``
    at a line's start is Markdown's quoted block, which must stay one.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;")
