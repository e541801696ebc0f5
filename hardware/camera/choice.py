"""Which decoder the camera screens get: zxing-cpp when installed, else zbar.

zxing-cpp decodes a noisy 720p frame in a quarter of zbar's time (``zxing.py`` has the
figures), which is what keeps a 30 fps camera at 25+ decoded frames a second on two
cores. zbar stays the fallback: a till missing the wheel still scans, more slowly.
"""

from __future__ import annotations

from collections.abc import Iterable

from hardware.camera.ports import CameraDecoder
from hardware.camera.symbols import DEFAULT_SYMBOLS, SymbolKind
from hardware.camera.zbar import ZbarDecoder
from hardware.camera.zxing import ZxingDecoder


def default_decoder(symbols: Iterable[SymbolKind] | None = DEFAULT_SYMBOLS) -> CameraDecoder:
    """The fastest decoder available here (checked once, on the calling thread)."""
    wanted = tuple(symbols) if symbols is not None else None
    zxing = ZxingDecoder(wanted)
    return zxing if zxing.availability().ok else ZbarDecoder(wanted)
