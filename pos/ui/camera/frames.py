"""Video frames to packed grayscale bytes, on the decoding thread.

Most cameras deliver YUV, whose Y plane already is the grayscale image: it is copied
straight out of the mapped frame (~0.03 ms at 720p). Anything else (RGB, JPEG, 10-bit
planar) goes through ``toImage()`` and a Grayscale8 conversion (3–8 ms at 720p), which is
why this never runs on the GUI thread. PySide holds the GIL for the whole of each Qt call,
so that conversion is done in strips: the GUI thread never waits behind a whole frame.
"""

from __future__ import annotations

from hardware.camera import GrayFrame
from pos.ui.camera.qt_media import QImage, QVideoFrame, QVideoFrameFormat

_Pixel = QVideoFrameFormat.PixelFormat
_GRAY = QImage.Format.Format_Grayscale8
#: Rows converted per Qt call: ~0.5–1 ms at 720p, the longest the GIL is held at a time.
STRIP_ROWS = 120
#: Plane 0 is 8-bit luma.
_LUMA_PLANE = frozenset(
    {
        _Pixel.Format_NV12,
        _Pixel.Format_NV21,
        _Pixel.Format_YUV420P,
        _Pixel.Format_YUV422P,
        _Pixel.Format_YV12,
        _Pixel.Format_IMC1,
        _Pixel.Format_IMC2,
        _Pixel.Format_IMC3,
        _Pixel.Format_IMC4,
        _Pixel.Format_Y8,
    }
)
#: Plane 0 interleaves luma with other bytes: (offset of the first luma byte, step).
#: 16-bit formats keep their high (little-endian second) byte: P010/P016 are MSB-aligned.
_INTERLEAVED = {
    _Pixel.Format_YUYV: (0, 2),
    _Pixel.Format_UYVY: (1, 2),
    _Pixel.Format_Y16: (1, 2),
    _Pixel.Format_P010: (1, 2),
    _Pixel.Format_P016: (1, 2),
}


def frame_to_gray(frame: QVideoFrame) -> GrayFrame | None:
    """The frame's luma, tightly packed; ``None`` for an empty or unreadable frame."""
    if not frame.isValid() or frame.width() <= 0 or frame.height() <= 0:
        return None
    layout = _luma_layout(frame.pixelFormat())
    if layout is not None:
        gray = _mapped_luma(frame, *layout)
        if gray is not None:
            return gray
    image = frame.toImage()
    return None if image.isNull() else image_to_gray(image)


def image_to_gray(image: QImage) -> GrayFrame:
    """``image`` as Grayscale8 with the row padding (``bytesPerLine`` > width) removed."""
    if image.format() == _GRAY:
        return _packed(image)
    width, height = image.width(), image.height()
    strips = (
        _packed(image.copy(0, top, width, min(STRIP_ROWS, height - top)).convertToFormat(_GRAY))
        for top in range(0, height, STRIP_ROWS)
    )
    return GrayFrame(b"".join(strip.pixels for strip in strips), width, height)


def _packed(gray: QImage) -> GrayFrame:
    return GrayFrame.from_buffer(gray.constBits(), gray.width(), gray.height(), gray.bytesPerLine())


def _luma_layout(pixel_format: QVideoFrameFormat.PixelFormat) -> tuple[int, int] | None:
    if pixel_format in _LUMA_PLANE:
        return 0, 1
    return _INTERLEAVED.get(pixel_format)


def _mapped_luma(frame: QVideoFrame, first: int, step: int) -> GrayFrame | None:
    if not frame.map(QVideoFrame.MapMode.ReadOnly):
        return None
    try:
        return GrayFrame.from_buffer(
            frame.bits(0),
            frame.width(),
            frame.height(),
            frame.bytesPerLine(0),
            first=first,
            step=step,
        )
    except ValueError:  # a plane smaller than announced: let toImage() have a go
        return None
    finally:
        frame.unmap()
