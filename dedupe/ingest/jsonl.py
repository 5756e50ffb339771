"""Stream a JSONL dump of any size, one chunk in memory."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from dedupe.errors import InputError, NoArticlesError
from dedupe.ingest.build import RawArticle
from dedupe.ingest.formats import (
    jsonl_record,
    lenient_records,
)

_CHUNK = 1 << 20
# What ``decoding.decode`` refuses or guesses at; a file showing any of these is read whole
# so that it fails or warns exactly as before. UTF-32 LE's mark starts with UTF-16 LE's.
_NOT_UTF8 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_PROBE = 8192
_MAX_CONTROL_SHARE = 0.05


def stream_lenient(path: str, stem: str, problems: list[InputError]) -> Iterator[RawArticle] | None:
    """Read a JSONL dump once, for ``skip_bad``: a bad line goes to ``problems``, the rest is yielded.

    Returns None (read it whole, line by line alike) where the file is not plain UTF-8
    lines or is one JSON list, as ``stream_jsonl`` does.
    """
    try:
        with open(path, "rb") as stream:  # noqa: PTH123 - a binary probe
            head = stream.read(_PROBE)
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from error
    if head.startswith(_NOT_UTF8) or b"\x00" in head or head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"[":
        return None

    def records() -> Iterator[RawArticle]:
        found = 0
        try:
            numbered = ((n, line) for n, line in enumerate(_lines(path), start=1) if line.strip())
            for record in lenient_records(numbered, path, stem, problems):
                found += 1
                yield record
        except UnicodeDecodeError as error:
            raise InputError(path, f"not UTF-8 text after {found} records ({error.reason})") from error
        except OSError as error:
            raise InputError(path, f"cannot read ({error.strerror})") from error
        if not found:
            raise NoArticlesError(path, "no usable JSON records")

    return records()


def stream_jsonl(path: str, stem: str) -> Iterator[RawArticle] | None:
    """Check a JSONL dump line by line, then return a generator of its records.

    Returns None (read it whole) where ``decode`` would refuse, guess or warn, or where
    the text is one JSON list: then reading it whole says exactly what is wrong.
    """
    try:
        with open(path, "rb") as stream:  # noqa: PTH123 - a binary probe, then text chunks
            head = stream.read(_PROBE)
        counts = [0, 0]  # characters, control characters
        first_error: InputError | None = None
        records = 0
        opening = ""
        for number, line in enumerate(_lines(path, counts), start=1):
            if first_error is not None or not line.strip():
                continue
            opening = opening or line.lstrip()[0]
            try:
                jsonl_record(line, path, stem, number)
                records += 1
            except InputError as error:
                first_error = error
    except UnicodeDecodeError:
        return None
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from error
    if (
        head.startswith(_NOT_UTF8)
        or b"\x00" in head
        or opening in ("", "[")
        or counts[1] / counts[0] > _MAX_CONTROL_SHARE
    ):
        return None
    if first_error is not None:
        raise first_error
    if not records:
        raise NoArticlesError(path, "no JSON records")
    return (
        jsonl_record(line, path, stem, number)
        for number, line in enumerate(_lines(path), start=1)
        if line.strip()
    )


def _lines(path: str, counts: list[int] | None = None) -> Iterator[str]:
    """Yield a UTF-8 file's lines as ``text.splitlines()`` splits the whole, one chunk in memory.

    With ``counts``, add the characters read to ``counts[0]`` and the control characters
    (other than tab and line breaks) to ``counts[1]``.
    """
    with open(path, encoding="utf-8-sig", newline="") as stream:  # noqa: PTH123 - chunked reading
        rest: list[str] = []  # the last, maybe unfinished line, in pieces: a line may span chunks
        while chunk := stream.read(_CHUNK):
            if counts is not None:
                counts[0] += len(chunk)
                counts[1] += len(_CONTROL.findall(chunk))
            lines = chunk.splitlines(keepends=True)
            if len(lines) == 1 and lines[0].splitlines()[0] == chunk and not (rest and rest[-1][-1] == "\r"):
                rest.append(chunk)  # no line ends in this chunk
                continue
            if rest:  # joined first: a "\r" ending the last chunk and a "\n" opening this one are one break
                lines[:1] = ("".join(rest) + lines[0]).splitlines(keepends=True)
            rest = [lines.pop()]
            for line in lines:
                yield line.splitlines()[0]
        yield from "".join(rest).splitlines()
