"""Bytes to text: the encoding is detected, never assumed.

Order of evidence, strongest first: a byte-order mark (UTF-8, UTF-16,
UTF-32); a NUL in every other byte (UTF-16 without a mark); valid UTF-8;
then ``charset_normalizer``, limited to the encodings news archives use, so
that Western text in cp1252 or latin-1 is not read as Central European
cp1250 (latin-1 is read as cp1252, its superset for printable text, as
browsers do).  What decodes to nothing readable is a binary file.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
NEWS_ENCODINGS = [
    "utf_8",
    "utf_16",
    "utf_32",
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1251",
    "koi8_r",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
]
MAX_CONTROL_SHARE = 0.01
"""More control characters than this (other than whitespace) mean a binary file."""


class DecodeError(ValueError):
    """The bytes are no text in any encoding we read."""


def decode(data: bytes) -> str:
    """The text of ``data``; raise :class:`DecodeError` with a reason otherwise."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _readable(_strict(data, encoding), encoding)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _readable(_strict(data, utf16), utf16)
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return _readable(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=NEWS_ENCODINGS).best()
    if best is None:
        raise DecodeError("binary file or unknown encoding (no common encoding fits)")
    return _readable(str(best), best.encoding)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"not valid {encoding} at byte {error.start}") from error


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of Latin script has a NUL in (nearly) every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _readable(text: str, encoding: str) -> str:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    if "\x00" in text or controls > MAX_CONTROL_SHARE * max(len(text), 1):
        raise DecodeError(f"binary file (control characters when read as {encoding})")
    return text
