"""Internal references read from Code 128 labels or typed at the till."""

import pytest

from hardware.barcodes import BarcodeError
from hardware.barcodes.code128 import SKU_MAX_LENGTH, validate_sku


@pytest.mark.parametrize(
    ("raw", "sku"),
    [
        ("ABC-123", "ABC-123"),
        ("  bag/M 42 \r\n", "bag/M 42"),  # scanner suffix trimmed, inner space and case kept
        ("\tX\t", "X"),
        (" !~", "!~"),  # the ends of printable ASCII
        ("A" * SKU_MAX_LENGTH, "A" * SKU_MAX_LENGTH),
    ],
)
def test_valid_references(raw: str, sku: str) -> None:
    assert validate_sku(raw) == sku


@pytest.mark.parametrize("raw", ["", "   ", "\r\n"])
def test_empty_reference(raw: str) -> None:
    with pytest.raises(BarcodeError) as err:
        validate_sku(raw)
    assert err.value.code == "empty"


def test_too_long_reference() -> None:
    with pytest.raises(BarcodeError) as err:
        validate_sku("A" * (SKU_MAX_LENGTH + 1))
    assert err.value.code == "bad_length"
    assert "49 characters long, more than 48" in str(err.value)


@pytest.mark.parametrize(
    ("raw", "char", "position"),
    [
        ("café", "é", 4),
        ("AB\x1dCD", "\x1d", 3),  # GS1-128 group separator: not a plain reference
        ("A\tB", "\t", 2),
        ("A\x7fB", "\x7f", 2),
    ],
)
def test_characters_outside_printable_ascii(raw: str, char: str, position: int) -> None:
    with pytest.raises(BarcodeError) as err:
        validate_sku(raw)
    assert err.value.code == "bad_characters"
    assert (err.value.params["char"], err.value.params["position"]) == (char, position)
    assert f"at position {position}" in str(err.value)
