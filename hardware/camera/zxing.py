"""The zxing-cpp decoder on plain grayscale bytes: the till's camera decoder.

Chosen over zbar (``hardware.camera.zbar``, kept as the fallback) by
``tests/benchmarks/camera_bench.py``, both run side by side on the same frames: on a
noisy 1280×720 frame zbar spends ~55 ms of CPU (under 20 frames a second on one core,
half a 30 fps camera's frames dropped), zxing-cpp ~12 ms; on clean frames 10 ms against
~4 ms; both read every generated scenario, zxing-cpp also degraded QR codes zbar misses
(LIBRARIES.md). It is one self-contained wheel (no system library) and releases the GIL
while it decodes, so the GUI thread runs on.

Settings: rotation on (a product held sideways), the downscaled pyramid on (a code held
close to the lens), inverted (light on dark) codes off: zbar never read them either, and
they cost ~20 % on every frame.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

from hardware.camera.ports import Availability, DecoderUnavailable
from hardware.camera.symbols import DEFAULT_SYMBOLS, Decoded, GrayFrame, Rect, SymbolKind

log = logging.getLogger(__name__)

#: zxing-cpp's format names for ours.
_ZXING_NAMES: dict[SymbolKind, str] = {
    SymbolKind.EAN13: "EAN13",
    SymbolKind.EAN8: "EAN8",
    SymbolKind.UPCA: "UPCA",
    SymbolKind.CODE128: "Code128",
    SymbolKind.QR: "QRCode",
}
_KINDS = {name: kind for kind, name in _ZXING_NAMES.items()}


def _import_zxing() -> ModuleType:
    import zxingcpp

    return zxingcpp


class ZxingDecoder:
    """``CameraDecoder`` over zxing-cpp. ``symbols=None``: every symbology zxing knows
    (codes of kinds outside ``SymbolKind`` are dropped)."""

    def __init__(
        self,
        symbols: Iterable[SymbolKind] | None = DEFAULT_SYMBOLS,
        *,
        import_zxing: Callable[[], ModuleType] = _import_zxing,
    ) -> None:
        self.symbols = tuple(symbols) if symbols is not None else None
        self._import_zxing = import_zxing
        self._zxing: ModuleType | None = None
        self._formats: Any = None
        self._availability: Availability | None = None

    def availability(self) -> Availability:
        if self._availability is None:
            self._availability = self._load()
        return self._availability

    def _load(self) -> Availability:
        try:
            zxing = self._import_zxing()
        except ImportError as exc:
            log.warning("zxing-cpp unavailable: %s", exc)
            return Availability.unavailable(
                "error", f"zxing-cpp is not installed ({exc}): pip install zxing-cpp."
            )
        if self.symbols is not None:
            self._formats = [getattr(zxing.BarcodeFormat, _ZXING_NAMES[s]) for s in self.symbols]
        self._zxing = zxing
        return Availability.available()

    def decode(self, frame: GrayFrame) -> list[Decoded]:
        availability = self.availability()
        zxing = self._zxing
        if zxing is None:
            raise DecoderUnavailable(availability.message)
        view = zxing.ImageView(frame.pixels, frame.width, frame.height, zxing.ImageFormat.Lum)
        options: dict[str, Any] = {"try_rotate": True, "try_downscale": True, "try_invert": False}
        if self._formats is not None:
            options["formats"] = self._formats
        found = zxing.read_barcodes(view, **options)
        return [decoded for raw in found if (decoded := _convert(raw)) is not None]


def _convert(raw: Any) -> Decoded | None:
    kind = _KINDS.get(raw.format.name)
    if kind is None:
        return None
    position = raw.position
    corners = (position.top_left, position.top_right, position.bottom_right, position.bottom_left)
    xs, ys = [p.x for p in corners], [p.y for p in corners]
    left, top = min(xs), min(ys)
    return Decoded(kind, raw.text, Rect(left, top, max(xs) - left + 1, max(ys) - top + 1))
