"""The camera refuses what the hand scanner would refuse: linear codes go through
``parse_scan`` (check digits, lengths, carton codes), so both inputs agree on every label.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from hardware.barcodes import BarcodeError, CodeKind, parse_scan
from hardware.camera.symbols import Decoded, SymbolKind

log = logging.getLogger(__name__)

#: What ``parse_scan`` may classify each symbology's text as; anything else is a misread
#: (e.g. an "EAN-13" whose digits parse as something shorter).
_EXPECTED: dict[SymbolKind, frozenset[CodeKind]] = {
    SymbolKind.EAN13: frozenset({CodeKind.EAN13, CodeKind.VARIABLE_MEASURE, CodeKind.UPCA}),
    SymbolKind.UPCA: frozenset({CodeKind.EAN13, CodeKind.VARIABLE_MEASURE, CodeKind.UPCA}),
    SymbolKind.EAN8: frozenset({CodeKind.EAN8}),
    SymbolKind.CODE128: frozenset(CodeKind),
}


def validate(code: Decoded) -> Decoded | None:
    """``code`` with its text normalised (EAN-13 form for GTINs, trimmed for QR), or
    ``None`` when it must not reach the till. Refusals are logged, never raised: the next
    frame simply tries again."""
    if code.kind is SymbolKind.QR:
        text = code.text.strip()
        return replace(code, text=text) if text else None
    try:
        parsed = parse_scan(code.text)
    except BarcodeError as exc:
        log.debug("refused a %s read: %s", code.kind, exc.code)
        return None
    if parsed.kind not in _EXPECTED[code.kind]:
        log.debug("refused a %s read that parses as %s", code.kind, parsed.kind)
        return None
    return replace(code, text=parsed.value)
