"""GTIN check digits and conversions, on real published codes and hand-checked examples."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.barcodes import BarcodeError, gtin_check_digit, make_ean13
from hardware.barcodes.gtin import (
    compress_upca,
    expand_upce,
    gtin14_to_ean13,
    upca_to_ean13,
    validate_ean8,
    validate_ean13,
)

DIGITS = "0123456789"


def digit_strings(length: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=DIGITS, min_size=length, max_size=length)


@pytest.mark.parametrize(
    ("body", "check"),
    [
        ("301762042200", 3),  # Nutella 400 g
        ("544900000099", 6),  # Coca-Cola 33 cl
        ("400638133393", 1),  # the Wikipedia EAN-13 example
        ("950110153100", 0),  # GS1 General Specifications example
        ("9638507", 4),  # EAN-8
        ("9501234", 6),  # GS1 EAN-8 example
        ("03600029145", 2),  # UPC-A
        ("1301762042200", 0),  # GTIN-14
    ],
)
def test_check_digit_of_published_codes(body: str, check: int) -> None:
    assert gtin_check_digit(body) == check


@given(digit_strings(12))
def test_leading_zeros_do_not_change_the_check_digit(body: str) -> None:
    assert gtin_check_digit("0" + body) == gtin_check_digit(body)


@pytest.mark.parametrize("code", ["3017620422003", "5449000000996", "4006381333931"])
def test_valid_ean13_is_returned_unchanged(code: str) -> None:
    assert validate_ean13(code) == code


@pytest.mark.parametrize("last", [d for d in DIGITS if d != "3"])
def test_every_wrong_ean13_check_digit_is_refused_naming_the_right_one(last: str) -> None:
    code = "301762042200" + last
    with pytest.raises(BarcodeError) as err:
        validate_ean13(code)
    assert err.value.code == "bad_check_digit"
    assert err.value.params["expected"] == 3
    assert str(err.value) == (
        f"The check digit of {code} is wrong (expected 3): scan again or type the code."
    )


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("", "empty"),
        ("301762042200", "bad_length"),
        ("30176204220033", "bad_length"),
        ("30176204220O3", "not_digits"),  # letter O for zero
        ("３０１７６２０４２２００３", "not_digits"),  # full-width digits pass str.isdigit
        (" 3017620422003", "not_digits"),  # validators are strict; parse_scan trims
    ],
)
def test_malformed_ean13_is_refused_with_its_code(code: str, error: str) -> None:
    with pytest.raises(BarcodeError) as err:
        validate_ean13(code)
    assert err.value.code == error


def test_ean8() -> None:
    assert validate_ean8("96385074") == "96385074"
    assert validate_ean8("95012346") == "95012346"
    with pytest.raises(BarcodeError) as err:
        validate_ean8("96385075")
    assert (err.value.code, err.value.params["expected"]) == ("bad_check_digit", 4)
    with pytest.raises(BarcodeError) as err:
        validate_ean8("9638507")
    assert err.value.code == "bad_length"


def test_upca_becomes_ean13_with_a_leading_zero() -> None:
    assert upca_to_ean13("036000291452") == "0036000291452"
    assert upca_to_ean13("036000241457") == "0036000241457"
    with pytest.raises(BarcodeError) as err:
        upca_to_ean13("036000291453")
    assert (err.value.code, err.value.params["expected"]) == ("bad_check_digit", 2)


@pytest.mark.parametrize(
    ("upce", "upca"),
    [
        ("04252614", "042100005264"),  # last data digit 0-2: manufacturer 42100
        ("01234505", "012000003455"),
        ("01234531", "012300000451"),  # 3: manufacturer 12300, product 00045
        ("01234543", "012340000053"),  # 4: manufacturer 12340, product 00005
        ("01234565", "012345000065"),  # 5-9: manufacturer 12345, product 00006
        ("11234562", "112345000062"),  # number system 1
    ],
)
def test_upce_expands_by_the_standard_rules_and_compresses_back(upce: str, upca: str) -> None:
    assert expand_upce(upce) == upca
    assert compress_upca(upca) == upce


@pytest.mark.parametrize(
    ("upce", "error"),
    [
        ("04252615", "bad_check_digit"),
        ("24252614", "bad_number_system"),
        ("0425261", "bad_length"),
        ("0425261x", "not_digits"),
    ],
)
def test_bad_upce_is_refused(upce: str, error: str) -> None:
    with pytest.raises(BarcodeError) as err:
        expand_upce(upce)
    assert err.value.code == error


def test_upce_check_digit_error_names_the_expected_digit() -> None:
    with pytest.raises(BarcodeError) as err:
        expand_upce("04252610")
    assert str(err.value) == (
        "The check digit of 04252610 is wrong (expected 4): scan again or type the code."
    )


@pytest.mark.parametrize("upca", ["036000291452", "212345000069", "012345100065", "012340000152"])
def test_upca_without_a_upce_form_compresses_to_none(upca: str) -> None:
    upca = upca[:11] + str(gtin_check_digit(upca[:11]))
    assert compress_upca(upca) is None


def test_gtin14() -> None:
    assert gtin14_to_ean13("03017620422003") == "3017620422003"
    with pytest.raises(BarcodeError) as err:
        gtin14_to_ean13("13017620422000")
    assert (err.value.code, err.value.params["indicator"]) == ("trade_unit", "1")
    with pytest.raises(BarcodeError) as err:
        gtin14_to_ean13("03017620422004")
    assert err.value.code == "bad_check_digit"


def test_make_ean13() -> None:
    assert make_ean13("301762042200") == "3017620422003"
    with pytest.raises(BarcodeError) as err:
        make_ean13("30176204220")
    assert err.value.code == "bad_length"
    with pytest.raises(BarcodeError) as err:
        make_ean13("30176204220a")
    assert err.value.code == "not_digits"


@given(digit_strings(12))
def test_make_ean13_always_validates(body: str) -> None:
    code = make_ean13(body)
    assert code[:12] == body
    assert validate_ean13(code) == code


@given(digit_strings(12), st.integers(0, 12), st.integers(1, 9))
def test_any_single_digit_change_of_an_ean13_is_caught(body: str, pos: int, shift: int) -> None:
    code = make_ean13(body)
    changed = code[:pos] + str((int(code[pos]) + shift) % 10) + code[pos + 1 :]
    with pytest.raises(BarcodeError) as err:
        validate_ean13(changed)
    assert err.value.code == "bad_check_digit"


@given(digit_strings(7), st.integers(0, 7), st.integers(1, 9))
def test_any_single_digit_change_of_an_ean8_is_caught(body: str, pos: int, shift: int) -> None:
    code = body + str(gtin_check_digit(body))
    changed = code[:pos] + str((int(code[pos]) + shift) % 10) + code[pos + 1 :]
    with pytest.raises(BarcodeError):
        validate_ean8(changed)


def _valid_upce(system: str, data: str) -> str:
    """The one UPC-E with these digits whose check digit is right (asserting there is one)."""
    valid = []
    for check in DIGITS:
        try:
            expand_upce(system + data + check)
        except BarcodeError:
            continue
        valid.append(system + data + check)
    assert len(valid) == 1
    return valid[0]


def _is_canonical(data: str) -> bool:
    """UPC-E forms the standard allows: others duplicate a form with a lower last digit."""
    last = data[5]
    if last == "3":
        return data[2] not in "012"
    if last == "4":
        return data[3] != "0"
    if last in "56789":
        return data[4] != "0"
    return True


@given(st.sampled_from("01"), digit_strings(6))
def test_upce_round_trips_where_defined(system: str, data: str) -> None:
    upce = _valid_upce(system, data)
    upca = expand_upce(upce)
    assert upca_to_ean13(upca) == "0" + upca  # the expansion is a valid UPC-A
    compressed = compress_upca(upca)
    assert compressed is not None
    assert expand_upce(compressed) == upca
    assert (compressed == upce) == _is_canonical(data)


@given(digit_strings(11))
def test_compressible_upca_expands_back(body: str) -> None:
    upca = body + str(gtin_check_digit(body))
    upce = compress_upca(upca)
    if upce is not None:
        assert expand_upce(upce) == upca
