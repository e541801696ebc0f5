import pytest

from pos.domain.errors import PosError
from pos.domain.money import MAX_CENTS, check_amount, format_eur, mul_div_half_up, parse_eur


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12,50", 1250),
        ("12.5", 1250),
        ("12 €", 1200),
        ("1 234,56", 123456),
        ("0,07", 7),
        ("3", 300),
    ],
)
def test_parse_eur_reads_what_cashiers_type(text: str, cents: int) -> None:
    assert parse_eur(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "12,345", "-5", "1e3"])
def test_parse_eur_refuses_garbage_with_a_code(text: str) -> None:
    with pytest.raises(PosError) as err:
        parse_eur(text)
    assert err.value.code in {"amount_unreadable", "amount_too_precise"}


def test_amounts_over_the_limit_are_refused() -> None:
    assert check_amount(MAX_CENTS) == MAX_CENTS
    with pytest.raises(PosError, match="over the limit") as err:
        check_amount(MAX_CENTS + 1)
    assert err.value.code == "amount_too_large"
    with pytest.raises(PosError):
        check_amount(12.5)  # type: ignore[arg-type]


def test_format_eur_is_french() -> None:
    assert format_eur(123456) == "1\u202f234,56\u00a0€"
    assert format_eur(-5) == "-0,05\u00a0€"


@pytest.mark.parametrize(
    ("amount", "num", "den", "expected"),
    [(5, 1, 2, 3), (-5, 1, 2, -3), (4, 1, 2, 2), (249, 452, 1000, 113), (1, 1, 3, 0)],
)
def test_mul_div_half_up(amount: int, num: int, den: int, expected: int) -> None:
    assert mul_div_half_up(amount, num, den) == expected
