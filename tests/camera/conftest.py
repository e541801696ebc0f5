"""Camera tests: generated frames, real zbar, real decoding threads (always shut down)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from functools import cache

import pytest

os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")

from PySide6.QtGui import QColor, QImage

from hardware.camera import CameraDecoder, RepeatSettings
from pos.ui.camera import CameraScanner
from tests.camera.draw import scenario


@cache
def frame_image(name: str, width: int = 640, height: int = 480) -> QImage:
    """Scenario frames are drawn once per session (5–10 ms each)."""
    return scenario(name, width, height)


def solid(value: int, width: int = 32, height: int = 24) -> QImage:
    """A uniform grey frame: its first pixel tells which frame the decoder got."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(value, value, value))
    return image


ScannerFactory = Callable[..., CameraScanner]


@pytest.fixture
def make_scanner(qapp: object) -> Iterator[ScannerFactory]:
    made: list[CameraScanner] = []

    def make(decoder: CameraDecoder, settings: RepeatSettings | None = None) -> CameraScanner:
        scanner = CameraScanner(decoder, settings)
        made.append(scanner)
        return scanner

    yield make
    for scanner in made:
        scanner.shutdown()
        assert not scanner.running
