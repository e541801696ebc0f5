"""Text to printer bytes, in an explicit code page, with a deliberate fallback.

Decision: the renderer selects the page with python-escpos ``charcode()`` (which emits
``ESC t n`` with ``n`` from the printer's capability profile, and pins the library to that
page), then sends text as bytes made here by ``encode_text`` through ``printer._raw``.
Why not ``printer.text()``: the library turns any character the page lacks into a silent
"?", and in its default "magic" mode it even switches pages mid-line (for "€" it picks a
page most printers lack). Encoding here gives exact bytes that tests can assert, and the
fallback table below is ours: "bœuf" prints "boeuf", never "b?uf".

Pages (``ESC t`` numbers come from the printer model's profile): the Western pages of
python-escpos's printer database that Python can encode. For French:
- ``CP1252``: Windows Western; has "€" (0x80), œ Œ « » ’ “ ” … – — ×: everything.
- ``ISO_8859-15``: "€" and œ Œ, but no ’ “ ” … – —.
- ``CP858``: CP850 with "€" (0xD5); "é" is 0x82; has « » × but no œ/Œ, no ’ “ ” … – —.
- ``CP850`` / ``ISO_8859-1``: no "€"; ``CP437`` has no À È Ê Ô Ù and no "€".
A page without every letter of ``REQUIRED`` cannot print a French receipt: the printer
then prints text as an image (``RASTER``, see ``raster.py``).
"""

from __future__ import annotations

import logging
import unicodedata
from functools import cache

log = logging.getLogger(__name__)

#: Printer page name (as in python-escpos's database) -> Python codec: the Latin pages.
CODECS: dict[str, str] = {
    "CP1252": "cp1252",
    "ISO_8859-15": "iso8859_15",
    "CP858": "cp858",
    "CP850": "cp850",
    "ISO_8859-1": "iso8859_1",
    "CP857": "cp857",
    "CP863": "cp863",
    "CP860": "cp860",
    "CP1250": "cp1250",
    "CP852": "cp852",
    "ISO_8859-2": "iso8859_2",
    "CP865": "cp865",
    "CP437": "cp437",
}
#: Not a code page: the text is drawn as a picture (always right, slower).
RASTER = "IMAGE"

#: Every character Comptoir may print: French letters, ligatures, typography, VAT table.
FRENCH_CHARACTERS = (
    "àâäçéèêëîïôöùûüÿ",
    "ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ",
    "œŒæÆ€«»’“”…–—×°",
    "0123456789 %,.:;!?/+-*=()#'\"",
)
#: What a page must have for a French receipt; the rest has a readable fallback.
REQUIRED = "àâçéèêëîïôùûüÀÇÉÈÊ€"

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
            f"Code page {codepage!r} is not supported for receipts: use one of {supported}, "
            "or print as an image."
        ) from None


def is_known_page(codepage: str) -> bool:
    """A page we can encode, or ``RASTER``."""
    return codepage.upper() in CODECS or codepage.upper() == RASTER


@cache
def missing_characters(codepage: str, characters: str = "".join(FRENCH_CHARACTERS)) -> str:
    """The characters of ``characters`` the page lacks (printed by their fallback)."""
    if codepage.upper() == RASTER:
        return ""
    codec = codec_for(codepage)
    return "".join(dict.fromkeys(c for c in characters if not _encodable(c, codec)))


def french_rank(codepage: str) -> tuple[int, int]:
    """Sort key, best page for French first: all of ``REQUIRED``, then most characters."""
    return (
        len(missing_characters(codepage, REQUIRED)) > 0,
        len(missing_characters(codepage)),
    )


def fold_text(text: str, codepage: str) -> str:
    """Replace every character ``codepage`` cannot print by its fallback (str to str).

    Order: control characters (but newline) become spaces; then the page's own character,
    ``FALLBACK``, the letter without its accent (``ő`` -> ``o``), and last ``UNKNOWN`` with
    a warning in the log. ``RASTER`` keeps every printable character: a font draws it.
    """
    if codepage.upper() == RASTER:
        return "".join(" " if c != "\n" and unicodedata.category(c) == "Cc" else c for c in text)
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
