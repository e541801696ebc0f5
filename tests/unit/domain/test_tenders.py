import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.errors import PosError
from pos.domain.tenders import Payment, TenderKind


def test_cash_gives_change() -> None:
    payment = Payment(1250)
    payment.add(TenderKind.CASH, 2000)
    assert payment.is_covered and payment.change_cents == 750 and payment.remaining_cents == 0


def test_split_card_then_cash() -> None:
    payment = Payment(4599)
    payment.add(TenderKind.VOUCHER, 1000, "AVOIR-12")
    payment.add(TenderKind.CARD, 3000)
    assert not payment.is_covered and payment.remaining_cents == 599
    payment.add(TenderKind.CASH, 1000)
    assert payment.change_cents == 401


def test_card_cannot_exceed_what_is_due() -> None:
    payment = Payment(1000)
    with pytest.raises(PosError) as err:
        payment.add(TenderKind.CARD, 1001)
    assert err.value.code == "tender_exceeds_due"
    assert payment.tenders == []


def test_no_tender_after_paid_and_no_zero_tender() -> None:
    payment = Payment(500)
    payment.add("cash", 500)
    with pytest.raises(PosError, match="already paid"):
        payment.add("cash", 100)
    with pytest.raises(PosError):
        Payment(500).add("card", 0)


@given(
    st.integers(0, 10**6),
    st.lists(st.tuples(st.sampled_from(list(TenderKind)), st.integers(1, 10**6)), max_size=8),
)
def test_change_never_negative_and_only_cash_overpays(total: int, attempts) -> None:
    payment = Payment(total)
    for kind, amount in attempts:
        try:
            payment.add(kind, amount)
        except PosError:
            continue
    assert payment.change_cents >= 0
    assert payment.paid_cents - payment.change_cents == min(payment.paid_cents, total)
    if payment.change_cents:
        last = payment.tenders[-1]
        assert last.kind == "cash" and payment.change_cents < last.amount_cents
