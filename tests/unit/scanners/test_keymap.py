import pytest

from hardware.scanners.keymap import KeyboardFix, fix_layout

US_ON_AZERTY = KeyboardFix.US_SCANNER_ON_AZERTY
AZERTY_ON_US = KeyboardFix.AZERTY_SCANNER_ON_US


def test_us_scanner_on_azerty_reads_the_unshifted_digit_row_as_digits() -> None:
    assert fix_layout("&é\"'(-è_çà", US_ON_AZERTY) == "1234567890"


def test_azerty_scanner_on_us_reads_the_shifted_digit_row_as_digits() -> None:
    assert fix_layout("!@#$%^&*()", AZERTY_ON_US) == "1234567890"


def test_an_ean13_typed_through_the_mismatch_comes_back_whole() -> None:
    assert fix_layout("àç&é\"'(-è_çà&", US_ON_AZERTY) == "0912345678901"
    assert fix_layout(")(!@#$%^&*()!", AZERTY_ON_US) == "0912345678901"


@pytest.mark.parametrize("fix", [US_ON_AZERTY, AZERTY_ON_US])
def test_digits_on_the_host_stay_digits_for_keypad_mode_scanners(fix: KeyboardFix) -> None:
    assert fix_layout("3017620422003", fix) == "3017620422003"


@pytest.mark.parametrize("fix", [US_ON_AZERTY, AZERTY_ON_US])
def test_letters_a_q_and_z_w_swap_keeping_case(fix: KeyboardFix) -> None:
    assert fix_layout("QZAW qzaw", fix) == "AWQZ awqz"
    assert fix_layout("BCDEFRST", fix) == "BCDEFRST"


def test_us_scanner_on_azerty_m_comes_from_the_comma_key() -> None:
    # US "M" is AZERTY's ",?" key; US ";:" is AZERTY's "mM" key.
    assert fix_layout("?,", US_ON_AZERTY) == "Mm"
    assert fix_layout("mM", US_ON_AZERTY) == ";:"


def test_azerty_scanner_on_us_m_comes_from_the_semicolon_key() -> None:
    assert fix_layout(";:", AZERTY_ON_US) == "mM"
    assert fix_layout("mM", AZERTY_ON_US) == ",?"


def test_a_code128_sku_from_a_us_scanner_on_azerty() -> None:
    # The scanner means "AZM-2024/B": US keys A Z Shift+M - 2 0 2 4 / Shift+B on AZERTY.
    assert fix_layout("QW?)éàé'!B", US_ON_AZERTY) == "AZM-2024/B"


def test_a_code128_sku_from_an_azerty_scanner_on_us_loses_only_the_dash() -> None:
    # AZERTY types "-" unshifted on the "6" key; a host digit stays a digit (module doc).
    assert fix_layout("QW:6@)@$>B", AZERTY_ON_US) == "AZM62024/B"


def test_the_two_fixes_undo_each_other_where_no_host_digit_is_involved() -> None:
    text = ")aAzZqQwWmM,?;.:/!§ù%*µ$£"
    assert fix_layout(fix_layout(text, US_ON_AZERTY), AZERTY_ON_US) == text


def test_none_and_string_values() -> None:
    assert fix_layout('&é"QW', KeyboardFix.NONE) == '&é"QW'
    assert fix_layout('&é"', "us_scanner_on_azerty") == "123"
    with pytest.raises(ValueError):
        fix_layout("123", "dvorak")
