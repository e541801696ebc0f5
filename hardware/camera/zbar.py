"""The zbar decoder (through pyzbar) on plain grayscale bytes.

pyzbar imports fine without the system library and fails only on
``from pyzbar.pyzbar import decode`` (``ImportError: Unable to find zbar shared library``),
so the import is attempted once, lazily, and its failure becomes an ``Availability``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

from hardware.camera.ports import Availability, DecoderUnavailable
from hardware.camera.symbols import DEFAULT_SYMBOLS, Decoded, GrayFrame, Rect, SymbolKind

log = logging.getLogger(__name__)

#: pyzbar's symbol names for ours; zbar reports UPC-A as EAN-13 unless UPC-A is asked for.
_ZBAR_NAMES: dict[SymbolKind, str] = {
    SymbolKind.EAN13: "EAN13",
    SymbolKind.EAN8: "EAN8",
    SymbolKind.UPCA: "UPCA",
    SymbolKind.CODE128: "CODE128",
    SymbolKind.QR: "QRCODE",
}
_KINDS = {name: kind for kind, name in _ZBAR_NAMES.items()}


def _import_pyzbar() -> ModuleType:
    from pyzbar import pyzbar

    return pyzbar


class ZbarDecoder:
    """``CameraDecoder`` over pyzbar. ``symbols=None`` lets zbar try every symbology it
    knows (slower; codes of kinds outside ``SymbolKind`` are dropped)."""

    def __init__(
        self,
        symbols: Iterable[SymbolKind] | None = DEFAULT_SYMBOLS,
        *,
        import_zbar: Callable[[], ModuleType] = _import_pyzbar,
    ) -> None:
        self.symbols = tuple(symbols) if symbols is not None else None
        self._import_zbar = import_zbar
        self._pyzbar: ModuleType | None = None
        self._availability: Availability | None = None

    def availability(self) -> Availability:
        if self._availability is None:
            self._availability = self._load()
        return self._availability

    def _load(self) -> Availability:
        try:
            self._pyzbar = self._import_zbar()
        except ImportError as exc:
            log.warning("camera decoding unavailable: %s", exc)
            return Availability.unavailable(
                "no_zbar",
                f"The zbar library is not installed ({exc}): install libzbar0 "
                "to scan with the camera.",
            )
        except OSError as exc:  # a zbar library that is there but cannot be loaded
            log.warning("camera decoding unavailable: %s", exc)
            return Availability.unavailable(
                "error", f"The zbar library could not be loaded ({exc})."
            )
        return Availability.available()

    def decode(self, frame: GrayFrame) -> list[Decoded]:
        availability = self.availability()
        if self._pyzbar is None:
            raise DecoderUnavailable(availability.message)
        return decode_with(self._pyzbar, frame, self.symbols)


def decode_gray(
    pixels: bytes,
    width: int,
    height: int,
    *,
    symbols: Iterable[SymbolKind] | None = DEFAULT_SYMBOLS,
) -> list[Decoded]:
    """Decode one packed grayscale frame (``width * height`` bytes); raise
    ``DecoderUnavailable`` without zbar. Raw results: validation is ``validate``'s job."""
    return ZbarDecoder(symbols).decode(GrayFrame(pixels, width, height))


def decode_with(
    pyzbar: ModuleType, frame: GrayFrame, symbols: Iterable[SymbolKind] | None
) -> list[Decoded]:
    wanted = None if symbols is None else [pyzbar.ZBarSymbol[_ZBAR_NAMES[s]] for s in symbols]
    found = pyzbar.decode((frame.pixels, frame.width, frame.height), symbols=wanted)
    return [decoded for raw in found if (decoded := _convert(raw)) is not None]


def _convert(raw: Any) -> Decoded | None:
    kind = _KINDS.get(raw.type)
    if kind is None:
        return None
    try:
        text = raw.data.decode("utf-8")
    except UnicodeDecodeError:  # binary payloads are nothing the shop prints
        log.debug("dropped a %s code that is not UTF-8 text", raw.type)
        return None
    left, top, width, height = raw.rect
    return Decoded(kind, text, Rect(left, top, width, height))
