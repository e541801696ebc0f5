"""Frame → grayscale conversion: padded rows, RGB frames and the YUV luma fast path."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

from pos.ui.camera.frames import frame_to_gray, image_to_gray
from tests.camera.conftest import solid

Pixel = QVideoFrameFormat.PixelFormat


def test_row_padding_is_stripped() -> None:
    image = QImage(641, 3, QImage.Format.Format_Grayscale8)  # rows padded to 644 bytes
    assert image.bytesPerLine() == 644
    bits = image.bits()
    for y in range(3):
        for x in range(644):
            bits[y * 644 + x] = (x + y) % 256 if x < 641 else 0xEE  # padding: never read
    gray = image_to_gray(image)
    assert (gray.width, gray.height, len(gray.pixels)) == (641, 3, 641 * 3)
    assert gray.pixels[641:644] == bytes([1, 2, 3])  # row 1 starts right after row 0
    assert gray.pixels[-1] == (640 + 2) % 256


def test_colour_frames_become_grey_levels() -> None:
    image = QImage(4, 2, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    image.setPixelColor(0, 0, QColor(0, 0, 0))
    gray = frame_to_gray(QVideoFrame(image))
    assert gray is not None
    assert gray.pixels[0] == 0 and set(gray.pixels[1:]) == {255}


LUMA_LAYOUTS = [
    (Pixel.Format_NV12, 0, 1),
    (Pixel.Format_YUV420P, 0, 1),
    (Pixel.Format_YUYV, 0, 2),
    (Pixel.Format_UYVY, 1, 2),
]


@pytest.mark.parametrize(("pixel_format", "first", "step"), LUMA_LAYOUTS)
def test_yuv_frames_give_their_luma_directly(
    pixel_format: QVideoFrameFormat.PixelFormat, first: int, step: int
) -> None:
    width, height = 64, 4
    frame = QVideoFrame(QVideoFrameFormat(QSize(width, height), pixel_format))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    stride, plane = frame.bytesPerLine(0), frame.bits(0)
    for y in range(height):
        for x in range(width):
            plane[y * stride + first + x * step] = (x * 4 + y) % 256
    frame.unmap()
    gray = frame_to_gray(frame)
    assert gray is not None
    assert gray.pixels == bytes((x * 4 + y) % 256 for y in range(height) for x in range(width))


def test_an_empty_frame_gives_nothing() -> None:
    assert frame_to_gray(QVideoFrame()) is None


def test_a_frame_from_an_image_keeps_its_size() -> None:
    gray = frame_to_gray(QVideoFrame(solid(77, 50, 30)))
    assert gray is not None
    assert (gray.width, gray.height, set(gray.pixels)) == (50, 30, {77})
