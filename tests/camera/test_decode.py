"""Both decoders (zxing-cpp, the default, and zbar, the fallback) on generated frames:
each kind, each degradation they must handle, and refusals."""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

import pytest

from hardware.camera import (
    DEFAULT_SYMBOLS,
    DecoderUnavailable,
    GrayFrame,
    SymbolKind,
    ZbarDecoder,
    ZxingDecoder,
    decode_gray,
)
from pos.ui.camera.frames import image_to_gray
from tests.camera.conftest import frame_image
from tests.camera.draw import (
    EAN,
    QR_TEXT,
    add_noise,
    blur,
    busy_background,
    ean13_image,
    place,
    qr_image,
)

EXPECTED = {
    "ean13": (SymbolKind.EAN13, EAN),
    "qr": (SymbolKind.QR, QR_TEXT),
    "rotated": (SymbolKind.EAN13, EAN),  # 12°
    "blurred": (SymbolKind.QR, QR_TEXT),
    "noisy": (SymbolKind.EAN13, EAN),
}


DECODERS = {"zxing": ZxingDecoder, "zbar": ZbarDecoder}


def _read(
    frame: GrayFrame,
    symbols: Iterable[SymbolKind] | None = DEFAULT_SYMBOLS,
    decoder: str = "zbar",
) -> list[tuple[SymbolKind, str]]:
    found = DECODERS[decoder](symbols).decode(frame)
    return [(code.kind, code.text) for code in found]


@pytest.mark.parametrize("decoder", sorted(DECODERS))
@pytest.mark.parametrize("size", [(640, 480), (1280, 720)], ids=["480p", "720p"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_kind_and_degradation_is_read(name: str, size: tuple[int, int], decoder: str) -> None:
    assert _read(image_to_gray(frame_image(name, *size)), decoder=decoder) == [EXPECTED[name]]


@pytest.mark.parametrize("decoder", sorted(DECODERS))
@pytest.mark.parametrize("size", [(640, 480), (1280, 720)], ids=["480p", "720p"])
def test_a_busy_scene_without_code_yields_nothing(size: tuple[int, int], decoder: str) -> None:
    frame = image_to_gray(frame_image("none", *size))
    assert _read(frame, symbols=None, decoder=decoder) == []


@pytest.mark.parametrize("decoder", sorted(DECODERS))
@pytest.mark.parametrize("angle", [-15, 8, 15])
def test_tilted_codes_are_read(angle: float, decoder: str) -> None:
    scene = busy_background(640, 480)
    assert _read(image_to_gray(place(qr_image(QR_TEXT, 3), scene, angle)), decoder=decoder) == [
        (SymbolKind.QR, QR_TEXT)
    ]
    assert _read(image_to_gray(place(ean13_image(EAN, 2), scene, angle)), decoder=decoder) == [
        (SymbolKind.EAN13, EAN)
    ]


@pytest.mark.parametrize("decoder", sorted(DECODERS))
def test_the_rectangle_locates_the_code(decoder: str) -> None:
    (code,) = DECODERS[decoder]().decode(image_to_gray(frame_image("qr")))
    assert code.rect is not None
    assert abs(code.rect.left + code.rect.width / 2 - 320) < 10
    assert abs(code.rect.top + code.rect.height / 2 - 240) < 10


@pytest.mark.parametrize("decoder", sorted(DECODERS))
def test_symbols_restrict_what_is_looked_for(decoder: str) -> None:
    frame = image_to_gray(frame_image("qr"))
    assert _read(frame, symbols=[SymbolKind.EAN13], decoder=decoder) == []
    assert _read(frame, symbols=None, decoder=decoder) == [(SymbolKind.QR, QR_TEXT)]


@pytest.mark.parametrize("decoder", sorted(DECODERS))
def test_a_forged_check_digit_is_not_read(decoder: str) -> None:
    forged = EAN[:-1] + str((int(EAN[-1]) + 1) % 10)
    frame = image_to_gray(place(ean13_image(forged), busy_background(640, 480)))
    assert _read(frame, symbols=None, decoder=decoder) == []


@pytest.mark.parametrize("decoder", sorted(DECODERS))
def test_too_much_damage_never_gives_a_wrong_code(decoder: str) -> None:
    ruined = add_noise(blur(frame_image("ean13"), factor=3.5), strength=0.45)
    assert _read(image_to_gray(ruined), decoder=decoder) in ([], [(SymbolKind.EAN13, EAN)])


def test_decode_gray_is_zbar_on_raw_bytes() -> None:
    found = decode_gray(*_args(image_to_gray(frame_image("ean13"))))
    assert [(code.kind, code.text) for code in found] == [(SymbolKind.EAN13, EAN)]


def test_without_the_zbar_library_decoding_is_reported_unavailable() -> None:
    def missing() -> ModuleType:
        raise ImportError("Unable to find zbar shared library")

    decoder = ZbarDecoder(import_zbar=missing)
    availability = decoder.availability()
    assert (availability.ok, availability.code) == (False, "no_zbar")
    assert "zbar" in availability.message
    with pytest.raises(DecoderUnavailable):
        decoder.decode(GrayFrame(b"\0" * 4, 2, 2))


def test_the_installed_zbar_is_available() -> None:
    assert ZbarDecoder().availability().ok


def test_gray_frames_must_be_tightly_packed() -> None:
    with pytest.raises(ValueError, match="row padding"):
        GrayFrame(b"\0" * 10, 3, 3)
    with pytest.raises(ValueError):
        GrayFrame(b"", 0, 0)


def test_luma_is_copied_out_of_padded_and_interleaved_buffers() -> None:
    rows = bytes(range(8)) + bytes(range(10, 18))  # two rows, stride 8
    assert GrayFrame.from_buffer(rows, 3, 2, 8).pixels == bytes([0, 1, 2, 10, 11, 12])
    yuyv = GrayFrame.from_buffer(rows, 3, 2, 8, step=2)
    assert yuyv.pixels == bytes([0, 2, 4, 10, 12, 14])
    uyvy = GrayFrame.from_buffer(rows, 3, 2, 8, first=1, step=2)
    assert uyvy.pixels == bytes([1, 3, 5, 11, 13, 15])
    with pytest.raises(ValueError):
        GrayFrame.from_buffer(rows, 5, 2, 8, step=2)  # a row would run past its stride


def _args(frame: GrayFrame) -> tuple[bytes, int, int]:
    return frame.pixels, frame.width, frame.height
