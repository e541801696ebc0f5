"""Validation and the frame reader: the camera refuses what the hand scanner refuses."""

from __future__ import annotations

import pytest

from hardware.camera import (
    Decoded,
    FakeDecoder,
    FrameReader,
    GrayFrame,
    RepeatGuard,
    RepeatSettings,
    SymbolKind,
    validate,
)

BLANK = GrayFrame(b"\0" * 4, 2, 2)


@pytest.mark.parametrize(
    ("kind", "raw", "text"),
    [
        (SymbolKind.EAN13, "3017620422003", "3017620422003"),
        (SymbolKind.EAN13, "2712345012508", "2712345012508"),  # weighed item: kept as is
        (SymbolKind.UPCA, "036000291452", "0036000291452"),  # 13-digit form
        (SymbolKind.EAN8, "96385074", "96385074"),
        (SymbolKind.CODE128, "ABC-42", "ABC-42"),
        (SymbolKind.QR, "  CMPT-CART:K7M2-Q9XD\r\n", "CMPT-CART:K7M2-Q9XD"),
    ],
)
def test_valid_codes_are_normalised(kind: SymbolKind, raw: str, text: str) -> None:
    assert validate(Decoded(kind, raw)) == Decoded(kind, text)


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        (SymbolKind.EAN13, "3017620422004"),  # forged check digit
        (SymbolKind.EAN13, "96385074"),  # an "EAN-13" with 8 digits is a misread
        (SymbolKind.EAN13, "13017620422000"),  # carton code (GTIN-14, indicator 1)
        (SymbolKind.EAN8, "96385075"),
        (SymbolKind.CODE128, "tab\there"),
        (SymbolKind.QR, "  \n"),
    ],
)
def test_invalid_codes_are_refused(kind: SymbolKind, raw: str) -> None:
    assert validate(Decoded(kind, raw)) is None


def test_the_reader_validates_then_delivers_once_and_counts() -> None:
    codes = [Decoded(SymbolKind.EAN13, "3017620422004"), Decoded(SymbolKind.QR, "PU-1")]
    reader = FrameReader(FakeDecoder(lambda _frame: codes), RepeatGuard(RepeatSettings()))
    assert reader.read(BLANK) == [Decoded(SymbolKind.QR, "PU-1")]
    assert reader.read(BLANK) == []
    stats = reader.stats
    assert (stats.frames, stats.decoded, stats.refused, stats.delivered) == (2, 4, 2, 1)


def test_a_forged_code_is_never_delivered_however_long_it_is_shown() -> None:
    forged = [Decoded(SymbolKind.EAN13, "3017620422004")]
    reader = FrameReader(FakeDecoder(lambda _frame: forged))
    assert not any(reader.read(BLANK) for _ in range(50))
