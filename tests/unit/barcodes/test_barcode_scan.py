"""``parse_scan``: what the till gets from any scan or typed code."""

import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hardware.barcodes as barcodes
from hardware.barcodes import (
    BarcodeError,
    CodeKind,
    MeasureKind,
    ScannedCode,
    VariableMeasure,
    make_ean13,
    parse_scan,
)


@pytest.mark.parametrize(
    ("raw", "kind", "value"),
    [
        ("3017620422003", CodeKind.EAN13, "3017620422003"),  # Nutella
        ("5449000000996", CodeKind.EAN13, "5449000000996"),  # Coca-Cola
        ("96385074", CodeKind.EAN8, "96385074"),
        ("036000291452", CodeKind.UPCA, "0036000291452"),
        ("04252614", CodeKind.UPCE, "0042100005264"),
        ("01234531", CodeKind.UPCE, "0012300000451"),
        ("14252611", CodeKind.UPCE, "0142100005261"),  # number system 1
        ("03017620422003", CodeKind.EAN13, "3017620422003"),  # GTIN-14, indicator 0
        ("00036000291452", CodeKind.EAN13, "0036000291452"),
        ("ABC-123", CodeKind.SKU, "ABC-123"),
        ("12-34", CodeKind.SKU, "12-34"),  # not all digits
    ],
)
def test_codes_are_classified_and_normalised(raw: str, kind: CodeKind, value: str) -> None:
    assert parse_scan(raw) == ScannedCode(kind, value, None)


@pytest.mark.parametrize(
    "raw",
    [
        "3017620422003\r\n",
        "3017620422003\n",
        "3017620422003\t",
        "  3017620422003  ",
        "3 017620 422003",  # typed as printed under the bars
    ],
)
def test_whitespace_around_and_inside_digits_is_dropped(raw: str) -> None:
    assert parse_scan(raw) == ScannedCode(CodeKind.EAN13, "3017620422003")


def test_eight_digits_passing_both_checks_read_as_ean8() -> None:
    # 01234145 is also the UPC-E of 012340000015; EAN-8 is tried first, by design.
    assert parse_scan("01234145") == ScannedCode(CodeKind.EAN8, "01234145")
    assert parse_scan("01234565") == ScannedCode(CodeKind.EAN8, "01234565")  # UPC-E 012345000065


def test_eight_digits_failing_both_checks_name_the_ean8_digit() -> None:
    with pytest.raises(BarcodeError) as err:
        parse_scan("04252615")
    assert err.value.code == "bad_check_digit"
    assert str(err.value) == (
        "The check digit of 04252615 is wrong (expected 0): scan again or type the code."
    )


def test_eight_digits_not_starting_with_0_or_1_are_only_ean8() -> None:
    with pytest.raises(BarcodeError) as err:
        parse_scan("96385075")
    assert (err.value.code, err.value.params["expected"]) == ("bad_check_digit", 4)


def test_price_label() -> None:
    assert parse_scan("2100042004993\r\n") == ScannedCode(
        CodeKind.VARIABLE_MEASURE,
        "2100042004993",
        VariableMeasure(item_code="00042", kind=MeasureKind.PRICE, value=499, raw="2100042004993"),
    )


def test_weight_label() -> None:
    scanned = parse_scan("2712345012508")
    assert scanned.kind is CodeKind.VARIABLE_MEASURE
    assert scanned.measure == VariableMeasure(
        item_code="12345", kind=MeasureKind.WEIGHT, value=1250, raw="2712345012508"
    )


def test_weight_label_wrapped_in_a_gtin14() -> None:
    scanned = parse_scan("02712345012508")
    assert (scanned.kind, scanned.value) == (CodeKind.VARIABLE_MEASURE, "2712345012508")


def test_2x_code_without_a_layout_is_a_plain_ean13() -> None:
    assert parse_scan("2712345012508", layouts=()) == ScannedCode(CodeKind.EAN13, "2712345012508")


@pytest.mark.parametrize(
    "raw",
    [
        "3017620422000",
        "3017620422004",
        "3017620422009",
        "036000291453",
        "96385070",
        "03017620422004",
        "2100042004994",
    ],
)
def test_a_wrong_check_digit_is_always_bad_check_digit(raw: str) -> None:
    with pytest.raises(BarcodeError) as err:
        parse_scan(raw)
    assert err.value.code == "bad_check_digit"
    assert f"(expected {err.value.params['expected']})" in str(err.value)


@pytest.mark.parametrize("raw", ["1", "1234567", "123456789", "12345678901", "123456789012345"])
def test_other_digit_counts_are_refused(raw: str) -> None:
    with pytest.raises(BarcodeError) as err:
        parse_scan(raw)
    assert err.value.code == "bad_length"
    assert str(err.value) == (
        f"{raw} has {len(raw)} digits; barcodes have 8, 12, 13 or 14: "
        "scan again or type the full code."
    )


def test_a_carton_gtin14_is_refused() -> None:
    with pytest.raises(BarcodeError) as err:
        parse_scan("13017620422000")
    assert err.value.code == "trade_unit"


@pytest.mark.parametrize("raw", ["", " ", "\r\n", "\t \n"])
def test_nothing_scanned(raw: str) -> None:
    with pytest.raises(BarcodeError) as err:
        parse_scan(raw)
    assert err.value.code == "empty"
    assert str(err.value) == "Nothing was scanned: scan again or type the code."


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("A" * 49, "bad_length"),
        ("café", "bad_characters"),
        ("٣٠١٧٦٢٠٤٢٢٠٠٣", "bad_characters"),  # Arabic-Indic digits are not barcode digits
    ],
)
def test_bad_references(raw: str, error: str) -> None:
    with pytest.raises(BarcodeError) as err:
        parse_scan(raw)
    assert err.value.code == error


def test_barcode_error_is_a_value_error_that_survives_pickling() -> None:
    with pytest.raises(ValueError) as caught:
        parse_scan("3017620422004")
    err = caught.value
    assert isinstance(err, BarcodeError)
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.code, copy.message, copy.params) == (err.code, err.message, err.params)
    assert str(copy) == str(err) == err.message


def test_long_garbage_is_shortened_in_messages() -> None:
    with pytest.raises(BarcodeError) as err:
        parse_scan("1" * 200)
    assert str(err.value).startswith("1" * 39 + "… has 200 digits;")


def test_scanned_code_is_immutable() -> None:
    scanned = parse_scan("3017620422003")
    with pytest.raises(dataclasses.FrozenInstanceError):
        scanned.value = "x"  # type: ignore[misc]


def test_public_names() -> None:
    assert set(barcodes.__all__) == {
        "parse_scan",
        "ScannedCode",
        "CodeKind",
        "BarcodeError",
        "VariableMeasure",
        "VariableMeasureLayout",
        "MeasureKind",
        "DEFAULT_LAYOUTS",
        "make_ean13",
        "gtin_check_digit",
    }


@given(st.text(alphabet="0123456789", min_size=12, max_size=12).filter(lambda b: b[0] != "2"))
def test_any_valid_ean13_scans_as_itself(body: str) -> None:
    code = make_ean13(body)
    assert parse_scan(code + "\r\n") == ScannedCode(CodeKind.EAN13, code)


@given(st.text())
def test_any_input_gives_a_code_or_a_barcode_error(raw: str) -> None:
    try:
        scanned = parse_scan(raw)
    except BarcodeError as err:
        assert err.message
        return
    assert scanned.value
    assert scanned.value == scanned.value.strip()
