"""Text to printer bytes, in an explicit code page, with a deliberate fallback.

Decision: the renderer selects the page with python-escpos ``charcode()`` (which emits
``ESC t n`` with ``n`` from the printer's capability profile, and pins the library to that
page), then sends text as bytes made here by ``encode_text`` through ``printer._raw``.
Why not ``printer.text()``: the library turns any character the page lacks into a silent
"?", and in its default "magic" mode it even switches pages mid-line (for "€" it picks a
page most printers lack). Encoding here gives exact bytes that tests can assert, and the
fallback table below is ours: "bœuf" prints "boeuf", never "b?uf".

Supported pages (``ESC t`` numbers are Epson's, taken from the profile):
- ``CP858``: CP850 with "€" (0xD5); "é" is 0x82; has « » × but no œ/Œ, no ’ “ ” … – —.
- ``CP1252``: Windows Western; has "€" (0x80), œ Œ « » ’ “ ” … – — ×.
"""

from __future__ import annotations

import logging
import unicodedata

log = logging.getLogger(__name__)

#: Printer page name (as in python-escpos profiles) -> Python codec.
CODECS: dict[str, str] = {"CP858": "cp858", "CP1252": "cp1252"}

#: Used only for characters the selected page lacks; every value is plain ASCII.
FALLBACK: dict[str, str] = {
    "œ": "oe",
    "Œ": "OE",
    "æ": "ae",
    "Æ": "AE",
    "Ł": "L",  # letters NFKD does not decompose
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "’": "'",
    "‘": "'",
    "‚": ",",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "…": "...",
    "–": "-",
    "—": "-",
    "‑": "-",
    "−": "-",
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (French before ; : ! ?)
    "\u2009": " ",  # thin space
    "\u2007": " ",  # figure space
    "×": "x",
    "→": "->",
    "€": "EUR",
    "°": "o",
    "•": "*",
    "·": ".",
}

#: Printed for a character with no fallback at all; logged, so never silent.
UNKNOWN = "?"


def codec_for(codepage: str) -> str:
    """Python codec for a supported page name; a clear error for any other."""
    try:
        return CODECS[codepage.upper()]
    except KeyError:
        supported = ", ".join(CODECS)
        raise ValueError(
            f"Code page {codepage!r} is not supported for receipts: use one of {supported}."
        ) from None


def fold_text(text: str, codepage: str) -> str:
    """Replace every character ``codepage`` cannot print by its fallback (str to str).

    Order: control characters (but newline) become spaces; then the page's own character,
    ``FALLBACK``, the letter without its accent (``ő`` -> ``o``), and last ``UNKNOWN`` with
    a warning in the log.
    """
    codec = codec_for(codepage)
    return "".join(_fold_char(char, codec) for char in text)


def encode_text(text: str, codepage: str) -> bytes:
    """``fold_text`` then encode: bytes for ``printer._raw`` after ``ESC t`` for that page."""
    return fold_text(text, codepage).encode(codec_for(codepage))


def _fold_char(char: str, codec: str) -> str:
    if char != "\n" and unicodedata.category(char) == "Cc":
        return " "  # an ESC in a product name must not become a printer command
    if _encodable(char, codec):
        return char
    if char in FALLBACK:
        return FALLBACK[char]
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if base and _encodable(base, codec):
        return base
    log.warning("No receipt fallback for %r (U+%04X) in %s", char, ord(char), codec)
    return UNKNOWN


def _encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True
