"""zxing-cpp as the till's camera decoder: chosen when installed, zbar otherwise, and a
code shown for a few noisy 720p frames among empty ones is still delivered, once."""

from __future__ import annotations

from types import ModuleType

import pytest

from hardware.camera import (
    DecoderUnavailable,
    FrameReader,
    GrayFrame,
    RepeatGuard,
    SymbolKind,
    ZbarDecoder,
    ZxingDecoder,
    default_decoder,
)
from hardware.camera import choice as camera_choice
from pos.ui.camera.frames import image_to_gray
from tests.camera.conftest import frame_image
from tests.camera.draw import EAN, QR_TEXT, add_noise, busy_background, ean13_image, place


def test_the_default_decoder_is_zxing_and_it_is_available() -> None:
    decoder = default_decoder()
    assert isinstance(decoder, ZxingDecoder)
    assert decoder.availability().ok


def test_without_zxing_the_default_falls_back_to_zbar(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> ModuleType:
        raise ImportError("No module named 'zxingcpp'")

    class NoZxing(ZxingDecoder):
        def __init__(self, symbols: object = None) -> None:
            super().__init__(symbols, import_zxing=missing)  # type: ignore[arg-type]

    monkeypatch.setattr(camera_choice, "ZxingDecoder", NoZxing)
    assert isinstance(camera_choice.default_decoder(), ZbarDecoder)


def test_without_zxing_decoding_is_reported_unavailable() -> None:
    def missing() -> ModuleType:
        raise ImportError("No module named 'zxingcpp'")

    decoder = ZxingDecoder(import_zxing=missing)
    assert not decoder.availability().ok
    assert "zxing" in decoder.availability().message
    with pytest.raises(DecoderUnavailable):
        decoder.decode(GrayFrame(b"\0" * 4, 2, 2))


def test_a_code_held_sideways_is_read() -> None:
    frame = place(ean13_image(EAN, 2), busy_background(640, 480), angle=90)
    assert [(c.kind, c.text) for c in ZxingDecoder().decode(image_to_gray(frame))] == [
        (SymbolKind.EAN13, EAN)
    ]


def _noisy(image_name: str, seed: int) -> GrayFrame:
    """A fresh sensor-noise draw per frame, as a camera gives: no two frames alike."""
    return image_to_gray(add_noise(frame_image(image_name, 1280, 720), 0.25, seed=seed))


def test_a_code_seen_for_three_noisy_frames_is_delivered_once() -> None:
    """Three 720p frames of a 30 fps camera (0.1 s) among empty noisy ones: the EAN needs
    two sightings (RepeatGuard), so missing two of the three frames would lose it."""
    reader = FrameReader(default_decoder(), RepeatGuard())
    frames = [_noisy("none", 1), _noisy("none", 2)]
    frames += [_noisy("ean13", seed) for seed in (3, 4, 5)]
    frames += [_noisy("none", 6), _noisy("qr", 7), _noisy("none", 8)]
    delivered = [(c.kind, c.text) for frame in frames for c in reader.read(frame)]
    assert delivered == [(SymbolKind.EAN13, EAN), (SymbolKind.QR, QR_TEXT)]
    assert reader.stats.frames == len(frames)
