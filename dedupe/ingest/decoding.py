"""Decode article bytes: UTF-8 (with or without a byte-order mark), else a detected encoding.

Binary files and control-character noise are refused with an ``InputError`` naming
the file; a guessed encoding is reported with an ``InputWarning``.
"""

from __future__ import annotations

import codecs
import warnings

from dedupe.errors import InputError

_BINARY_PROBE = 8192
# UTF-32 LE's mark starts with UTF-16 LE's, so it is tried first.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
# Text is binary when over 5% of it is control characters other than line breaks and tabs.
_MAX_CONTROL_SHARE = 0.05
# charset-normalizer guesses within this much chaos/coherence of the best are equally
# good; then the encoding the web uses most wins (cp1250 and cp1252 both fit French,
# only cp1252 reads its "à").
_GUESS_TIE = 0.05
_COMMON_ENCODINGS = (
    "cp1252 latin_1 iso8859_15 cp1251 koi8_r cp1250 iso8859_2 cp1256 gb18030 big5 shift_jis".split()
)


class InputWarning(UserWarning):
    """Input was readable only with a guess (an encoding other than UTF-8)."""


def decode(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8 (or by their BOM), else as a detected encoding with a warning."""
    if not data.strip():
        raise InputError(source, "empty file" if not data else "file holds only whitespace")
    bom = next((codec for mark, codec in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as error:
            raise InputError(source, f"cannot decode: bad {bom} after its byte-order mark") from error
    elif b"\x00" in data[:_BINARY_PROBE]:
        raise InputError(source, "binary file (NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guess_decode(data, source)
    if not text.strip():
        raise InputError(source, "file holds only whitespace")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(source, "binary file (control characters), not text")
    return text


def _guess_decode(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes  # only needed for non-UTF-8 input

    # Without a BOM or NUL bytes, a UTF-16/32 guess is an accident of even byte counts.
    fits = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not fits:
        raise InputError(source, "cannot decode: not UTF-8 and no other encoding fits")
    best = fits[0]
    ties = [
        m.encoding
        for m in fits
        if m.chaos <= best.chaos + _GUESS_TIE and m.coherence >= best.coherence - _GUESS_TIE
    ]
    if best.coherence < _GUESS_TIE:
        ties.append("cp1252")  # too little text to recognise a language: the web's commonest
    encoding = next(
        name for name in [*(n for n in _COMMON_ENCODINGS if n in ties), *ties] if _fits(data, name)
    )
    text = data.decode(encoding)
    warnings.warn(f"{source}: not UTF-8; decoded as {encoding}", InputWarning, stacklevel=3)
    return text


def _fits(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls / len(text)
