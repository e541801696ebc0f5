"""Camera barcode decoding on plain grayscale bytes: no Qt, no app code.

``pos.ui.camera`` turns video frames into ``GrayFrame``s and runs a ``FrameReader`` on a
worker thread, over ``default_decoder()`` (zxing-cpp; zbar when the wheel is missing);
everything here is synchronous and testable without a camera.
"""

from hardware.camera.choice import default_decoder
from hardware.camera.fake import FakeDecoder
from hardware.camera.ports import Availability, CameraDecoder, DecoderUnavailable
from hardware.camera.reader import FrameReader, ReaderStats
from hardware.camera.repeat_guard import RepeatGuard, RepeatSettings
from hardware.camera.symbols import DEFAULT_SYMBOLS, Decoded, GrayFrame, Rect, SymbolKind
from hardware.camera.validation import validate
from hardware.camera.zbar import ZbarDecoder, decode_gray
from hardware.camera.zxing import ZxingDecoder

__all__ = [
    "DEFAULT_SYMBOLS",
    "Availability",
    "CameraDecoder",
    "Decoded",
    "DecoderUnavailable",
    "FakeDecoder",
    "FrameReader",
    "GrayFrame",
    "ReaderStats",
    "Rect",
    "RepeatGuard",
    "RepeatSettings",
    "SymbolKind",
    "ZbarDecoder",
    "ZxingDecoder",
    "decode_gray",
    "default_decoder",
    "validate",
]
