"""Find the words of many texts at once and hash them, without one Python string per word.

The signature path needs only each word's 64-bit hash, never the word. Texts of ASCII
and the simple folds of ``normalize`` (curly quotes, dashes, odd spaces, soft hyphens)
are folded to bytes, joined into one buffer and split into words with numpy; each word
is then hashed with a vectorised XXH3-64, bit for bit ``xxhash.xxh3_64_intdigest`` of
its UTF-8 bytes. Any other text takes the reference path (``tokens.words`` and the
same hash per word), so the words are always exactly ``tokens.words``'.

The word rule is ``normalize``'s ``\\d++(?:[.,]\\d++)*+|[a-z0-9]++(?:'[a-z0-9]++)*+``
read left to right. On runs of ``[a-z0-9]`` it comes to this: a word takes whole runs,
joined by single apostrophes; a run starting with a digit, unless an apostrophe joins it
to a word, gives a number of its leading digits, which a single ``.`` or ``,`` joins to
the next run's leading digits, and an apostrophe never continues. Where a number stops
inside a run ("1990s", "12.5km"), the rest of the run starts a new word.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import xxhash

from dedupe.models import Span
from dedupe.text.normalize import simple_fold
from dedupe.text.tokens import words
from dedupe.text.xxh3 import xxh3_words

Bytes = npt.NDArray[np.uint8]
Positions = npt.NDArray[np.int64]
Hashes64 = npt.NDArray[np.uint64]

# ASCII lower-casing and the backtick that ``normalize`` reads as an apostrophe, as one table.
_ASCII_FOLD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ`", b"abcdefghijklmnopqrstuvwxyz'")
# Each text opens with a byte no word contains: no word crosses from one text to the
# next, and ``_joined`` finds the texts again by it.
_SEPARATOR = b"\n"


@dataclass(frozen=True, slots=True)
class WordHashes:
    """The XXH3-64 hashes of the words of many texts, concatenated, and where each text's begin."""

    hashes: Hashes64
    bounds: Positions  # text i's words are hashes[bounds[i]:bounds[i + 1]]
    joined: tuple[bytes, ...] = ()  # with ``join``: each text's words joined by single spaces, UTF-8


def hash_words(
    texts: Sequence[str], spans: Sequence[Iterable[Span]] | None = None, *, join: bool = False
) -> WordHashes:
    """Return the hash of every word ``tokens.words`` finds in each text (or in its ``spans``).

    With ``join``, also each text's ``" ".join(words).encode()``, built without the words.

    Examples:
        >>> hash_words(["It's 12.5 km"], join=True).joined
        (b"it's 12.5 km",)
    """
    regions: list[list[Span] | None] = [None] * len(texts) if spans is None else [list(r) for r in spans]
    folded = [_fold(text, region) for text, region in zip(texts, regions, strict=True)]
    buffer = b"".join(_SEPARATOR + (f or b"") for f in folded)
    text_starts = np.cumsum([0] + [len(_SEPARATOR) + len(f or b"") for f in folded])
    starts, ends = word_bounds(buffer)
    hashes = xxh3_words(buffer, starts, ends)
    bounds = np.searchsorted(starts, text_starts)
    joined = _joined(buffer, starts, ends, text_starts) if join else []
    slow = [i for i, f in enumerate(folded) if f is None]
    if not slow:
        return WordHashes(hashes, bounds, tuple(joined))
    parts = np.split(hashes, bounds[1:-1])
    for i in slow:
        found = words(texts[i], regions[i])
        parts[i] = np.fromiter(map(word_hash, found), dtype=np.uint64, count=len(found))
        if join:
            joined[i] = " ".join(found).encode()
    counts = np.fromiter((p.size for p in parts), dtype=np.int64, count=len(parts))
    return WordHashes(np.concatenate(parts), np.concatenate(([0], np.cumsum(counts))), tuple(joined))


def word_hash(word: str) -> int:
    """Return a word's 64-bit hash: XXH3-64 of its UTF-8, what ``hash_words`` gives it in bulk."""
    return xxhash.xxh3_64_intdigest(word.encode())


def _fold(text: str, spans: Iterable[Span] | None) -> bytes | None:
    """Return the folded bytes of ``text`` (its spans joined by a separator), or None if not simple."""
    if spans is not None:
        pieces = [_fold(text[span.start : span.end], None) for span in spans]
        return None if None in pieces else _SEPARATOR.join(pieces)  # type: ignore[arg-type]
    if not text.isascii():
        folded = simple_fold(text)
        if folded is None:
            return None
        text = folded
    return text.encode("ascii").translate(_ASCII_FOLD)


def _joined(buffer: bytes, starts: Positions, ends: Positions, text_starts: Positions) -> list[bytes]:
    """Return each text's words joined by single spaces, as ``" ".join(words).encode()``.

    Bytes outside words become spaces and only the first space after a word is kept; words
    with nothing between them ("1990" "s") get a space put in. The separator that opens
    each text stays a newline, which no word contains, so one ``split`` cuts them apart.
    """
    data = np.frombuffer(buffer, dtype=np.uint8)
    inside = np.zeros(data.size, dtype=bool)
    np.logical_or(_is_letter(data), _is_digit(data), out=inside)
    # The only other bytes inside words: an apostrophe, point or comma that joins two runs.
    middle = data[1:-1]
    joiners = np.flatnonzero(
        ((middle == ord("'")) | (middle == ord(".")) | (middle == ord(","))) & inside[:-2] & inside[2:]
    )
    joiners += 1
    word = np.searchsorted(starts, joiners, "right") - 1
    inside[joiners[joiners < ends[word]]] = True
    inside[text_starts[:-1]] = True  # the newline that opens each text
    kept = inside.copy()
    kept[1:] |= inside[:-1]  # the first byte after a word: the space after it
    # Arithmetic, not ``np.where``: a third of the time on bytes.
    out = (data * inside + ~inside * np.uint8(ord(" ")))[kept]
    touching = ends[:-1][starts[1:] == ends[:-1]]
    if touching.size:
        out = np.insert(out, np.cumsum(kept)[touching - 1], ord(" "))
    return [text.strip(b" ") for text in out.tobytes().split(_SEPARATOR)[1:]]


def word_bounds(buffer: bytes) -> tuple[Positions, Positions]:
    """Return the ``[start, end)`` byte offsets of the words of folded ASCII ``buffer``, in order."""
    data = np.frombuffer(buffer, dtype=np.uint8)
    digit = _is_digit(data)
    alnum = np.zeros(data.size + 2, dtype=bool)
    np.logical_or(_is_letter(data), digit, out=alnum[1:-1])
    edges = np.flatnonzero(alnum[1:] != alnum[:-1])
    run_starts, run_ends = edges[0::2], edges[1::2]
    if run_starts.size == 0:
        return run_starts, run_ends
    # The byte after each run, when it is the only byte before the next run.
    follows = np.zeros(run_starts.size, dtype=np.uint8)
    follows[1:] = data[run_ends[:-1]]
    follows[1:][run_starts[1:] - run_ends[:-1] != 1] = 0
    joined = follows == ord("'")
    starts, ends = run_starts, run_ends
    numbers = np.flatnonzero(digit[run_starts])
    if numbers.size:
        joined, splits = _numbers(data, digit, run_starts, run_ends, follows, joined, numbers)
        starts = run_starts[~joined]
        ends = run_ends[np.append(~joined[1:], True)]
        if splits.size:
            starts = np.insert(starts, np.searchsorted(starts, splits), splits)
            ends = np.insert(ends, np.searchsorted(ends, splits), splits)
    elif joined.any():
        starts = run_starts[~joined]
        ends = run_ends[np.append(~joined[1:], True)]
    return starts, ends


def _numbers(
    data: Bytes,
    digit: npt.NDArray[np.bool_],
    run_starts: Positions,
    run_ends: Positions,
    follows: Bytes,
    joined: npt.NDArray[np.bool_],
    numbers: Positions,
) -> tuple[npt.NDArray[np.bool_], Positions]:
    """Return which runs join the run before them, and where numbers stop inside runs.

    ``numbers`` are the runs that open with a digit; ``joined`` says which runs follow an
    apostrophe. A run that is all digits ends inside a number unless an apostrophe joined
    it to a word, in which case it carries on that word's state.
    """
    digit_starts, digit_ends = _digit_runs(digit)
    digits_end = digit_ends[np.searchsorted(digit_starts, run_starts[numbers])]
    all_digits = digits_end == run_ends[numbers]
    in_number = np.zeros(run_starts.size, dtype=bool)
    in_number[numbers[all_digits]] = True
    carried = numbers[all_digits & joined[numbers]]
    if carried.size:
        source = np.arange(run_starts.size)
        source[carried] = 0
        np.maximum.accumulate(source, out=source)
        in_number = in_number[source]
    word_joins = joined & ~np.append(False, in_number[:-1])
    continues = numbers[(follows[numbers] == ord(".")) | (follows[numbers] == ord(","))]
    continues = continues[in_number[continues - 1]]
    joined = word_joins.copy()
    joined[continues] = True
    split = ~all_digits & ~word_joins[numbers]
    return joined, digits_end[split]


def _is_letter(data: Bytes) -> npt.NDArray[np.bool_]:
    # Unsigned wrap-around: one subtraction and one comparison, several times a table look-up.
    return (data - np.uint8(ord("a"))) < np.uint8(26)


def _is_digit(data: Bytes) -> npt.NDArray[np.bool_]:
    return (data - np.uint8(ord("0"))) < np.uint8(10)


def _digit_runs(digit: npt.NDArray[np.bool_]) -> tuple[Positions, Positions]:
    """Return ``[start, end)`` of each maximal run of ``True`` in ``digit``."""
    digits = np.flatnonzero(digit)
    if digits.size == 0:
        return digits, digits
    breaks = np.flatnonzero(np.diff(digits) != 1)
    starts = np.concatenate((digits[:1], digits[breaks + 1]))
    ends = np.concatenate((digits[breaks], digits[-1:])) + 1
    return starts, ends
