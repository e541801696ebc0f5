"""GS1 variable-measure labels: default layouts, custom layouts and price/weight check digits."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.barcodes import (
    DEFAULT_LAYOUTS,
    BarcodeError,
    MeasureKind,
    VariableMeasure,
    VariableMeasureLayout,
    make_ean13,
)
from hardware.barcodes.gs1_variable import decode_variable_measure, price_weight_check_digit

DIGITS = "0123456789"

#: ``22 IIIII V PPPP C``: a 4-digit price guarded by its own check digit at position 7.
PRICE_WITH_CHECK = VariableMeasureLayout(
    prefixes=frozenset({"22"}),
    kind=MeasureKind.PRICE,
    item_start=2,
    item_length=5,
    value_start=8,
    value_length=4,
    has_value_check_digit=True,
)
#: ``23 IIII V WWWWW C``: a 5-digit weight guarded by its own check digit at position 6.
WEIGHT_WITH_CHECK = VariableMeasureLayout(
    prefixes=frozenset({"23"}),
    kind=MeasureKind.WEIGHT,
    item_start=2,
    item_length=4,
    value_start=7,
    value_length=5,
    has_value_check_digit=True,
)


def test_default_price_label() -> None:
    # Item 00042 at 4.99 €.
    assert decode_variable_measure("2100042004993") == VariableMeasure(
        item_code="00042", kind=MeasureKind.PRICE, value=499, raw="2100042004993"
    )


def test_default_weight_label() -> None:
    # Item 12345 weighing 1.250 kg.
    assert decode_variable_measure("2712345012508") == VariableMeasure(
        item_code="12345", kind=MeasureKind.WEIGHT, value=1250, raw="2712345012508"
    )


@pytest.mark.parametrize(
    ("prefix", "kind"),
    [(f"2{d}", MeasureKind.PRICE) for d in "012345"]
    + [(f"2{d}", MeasureKind.WEIGHT) for d in "6789"],
)
def test_default_layouts_split_prices_and_weights(prefix: str, kind: MeasureKind) -> None:
    measure = decode_variable_measure(make_ean13(prefix + "98765" + "43210"))
    assert measure is not None
    assert (measure.kind, measure.item_code, measure.value) == (kind, "98765", 43210)


def test_every_2x_prefix_has_exactly_one_default_layout() -> None:
    owners = [p for layout in DEFAULT_LAYOUTS for p in layout.prefixes]
    assert sorted(owners) == [f"2{d}" for d in DIGITS]


def test_other_prefixes_are_not_variable_measure() -> None:
    assert decode_variable_measure("3017620422003") is None
    assert decode_variable_measure("0036000291452") is None


def test_a_2x_prefix_no_layout_claims_is_not_variable_measure() -> None:
    only_21 = (dataclasses.replace(DEFAULT_LAYOUTS[0], prefixes=frozenset({"21"})),)
    assert decode_variable_measure("2712345012508", only_21) is None
    assert decode_variable_measure("2712345012508", ()) is None


def test_the_first_layout_claiming_a_prefix_wins() -> None:
    weight_21 = VariableMeasureLayout(prefixes=frozenset({"21"}), kind=MeasureKind.WEIGHT)
    measure = decode_variable_measure("2100042004993", (weight_21, *DEFAULT_LAYOUTS))
    assert measure is not None
    assert measure.kind is MeasureKind.WEIGHT


def test_a_bad_ean13_check_digit_is_refused_before_decoding() -> None:
    with pytest.raises(BarcodeError) as err:
        decode_variable_measure("2100042004994")
    assert (err.value.code, err.value.params["expected"]) == ("bad_check_digit", 3)


@pytest.mark.parametrize(
    ("digits", "check"),
    [
        ("2875", 9),  # GS1 General Specifications 7.9.3 example
        ("14685", 6),  # GS1 General Specifications 7.9.4 example
        ("1234", 9),  # 2+4+9+8 = 23, ×3 = 69
        ("0349", 7),  # 0+6+2+1 = 9, ×3 = 27
        ("01299", 5),  # 0+2+9+9+7 = 27; 5- of 5 is 3 and 27+3 = 30
        ("00000", 0),
    ],
)
def test_price_weight_check_digit(digits: str, check: int) -> None:
    assert price_weight_check_digit(digits) == check


@pytest.mark.parametrize("digits", ["123", "123456"])
def test_price_weight_check_digit_covers_four_or_five_digits(digits: str) -> None:
    with pytest.raises(ValueError, match="4 or 5 digits"):
        price_weight_check_digit(digits)


def test_four_digit_price_with_its_check_digit() -> None:
    code = make_ean13("22" + "00042" + "9" + "1234")
    assert code == "2200042912349"
    assert decode_variable_measure(code, (PRICE_WITH_CHECK,)) == VariableMeasure(
        item_code="00042", kind=MeasureKind.PRICE, value=1234, raw=code
    )


def test_five_digit_weight_with_its_check_digit() -> None:
    code = make_ean13("23" + "0042" + "6" + "14685")
    assert decode_variable_measure(code, (WEIGHT_WITH_CHECK,)) == VariableMeasure(
        item_code="0042", kind=MeasureKind.WEIGHT, value=14685, raw=code
    )


@pytest.mark.parametrize("wrong", [d for d in DIGITS if d != "9"])
def test_a_wrong_price_check_digit_is_refused(wrong: str) -> None:
    code = make_ean13("22" + "00042" + wrong + "1234")  # the EAN-13 check itself is right
    with pytest.raises(BarcodeError) as err:
        decode_variable_measure(code, (PRICE_WITH_CHECK,))
    assert err.value.code == "bad_check_digit"
    assert str(err.value) == (
        f"The price check digit of {code} is wrong (expected 9): scan again or type the code."
    )


def test_a_wrong_weight_check_digit_is_refused() -> None:
    code = make_ean13("23" + "0042" + "7" + "14685")
    with pytest.raises(BarcodeError, match=r"weight check digit .* \(expected 6\)"):
        decode_variable_measure(code, (WEIGHT_WITH_CHECK,))


@given(st.text(alphabet=DIGITS, min_size=4, max_size=5), st.data(), st.integers(1, 9))
def test_any_single_digit_change_of_a_value_changes_its_check_digit(
    value: str, data: st.DataObject, shift: int
) -> None:
    pos = data.draw(st.integers(0, len(value) - 1))
    changed = value[:pos] + str((int(value[pos]) + shift) % 10) + value[pos + 1 :]
    assert price_weight_check_digit(changed) != price_weight_check_digit(value)


@given(
    st.sampled_from([f"2{d}" for d in DIGITS]),
    st.text(alphabet=DIGITS, min_size=5, max_size=5),
    st.integers(0, 99_999),
)
def test_default_layouts_decode_what_was_encoded(prefix: str, item: str, value: int) -> None:
    code = make_ean13(f"{prefix}{item}{value:05d}")
    measure = decode_variable_measure(code)
    assert measure is not None
    assert (measure.item_code, measure.value, measure.raw) == (item, value, code)
    assert measure.kind is (MeasureKind.PRICE if prefix <= "25" else MeasureKind.WEIGHT)


def test_layout_prefixes_are_coerced_to_a_frozenset() -> None:
    layout = VariableMeasureLayout(prefixes={"21"}, kind=MeasureKind.PRICE)  # type: ignore[arg-type]
    assert layout.prefixes == frozenset({"21"})
    assert isinstance(layout.prefixes, frozenset)


def test_layout_prefixes_must_not_be_one_string() -> None:
    with pytest.raises(TypeError):
        VariableMeasureLayout(prefixes="21", kind=MeasureKind.PRICE)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"prefixes": frozenset()}, "at least one prefix"),
        ({"prefixes": frozenset({"30"})}, "20 to 29"),
        ({"prefixes": frozenset({"2"})}, "20 to 29"),
        ({"item_start": 1}, "item code must lie"),
        ({"item_length": 0}, "item code must lie"),
        ({"value_length": 6}, "value must lie"),  # 7 + 6 runs into the EAN-13 check digit
        ({"value_start": 6}, "overlap"),
        ({"has_value_check_digit": True}, "overlap"),  # position 6 is the item code's
        ({"has_value_check_digit": True, "value_length": 3, "value_start": 8}, "4- or 5-digit"),
    ],
)
def test_impossible_layouts_are_refused_when_built(
    changes: dict[str, object], message: str
) -> None:
    base = {"prefixes": frozenset({"21"}), "kind": MeasureKind.PRICE}
    with pytest.raises(ValueError, match=message):
        VariableMeasureLayout(**(base | changes))  # type: ignore[arg-type]
