"""A meal voucher's reference: optional, short, printable as typed; other tenders'
references are not this rule's business."""

import pytest

from pos.domain.errors import PosError
from pos.domain.tenders import MEAL_VOUCHER_REFERENCE_MAX, check_meal_voucher_reference


@pytest.mark.parametrize("reference", ["", "TR 0123456789", "E-123/45.6", "9" * 24])
def test_a_printable_short_reference_or_none_is_taken(reference: str) -> None:
    check_meal_voucher_reference("meal_voucher", reference)


@pytest.mark.parametrize("reference", ["9" * 25, "TR#12", " 12", "Ticket «12»", "-12"])
def test_a_long_or_odd_reference_is_refused_by_its_code(reference: str) -> None:
    with pytest.raises(PosError) as refused:
        check_meal_voucher_reference("meal_voucher", reference)
    assert refused.value.code == "meal_voucher_reference"
    assert refused.value.params["max"] == MEAL_VOUCHER_REFERENCE_MAX


def test_other_tenders_references_are_left_alone() -> None:
    check_meal_voucher_reference("gift_card", "GC#" + "9" * 40)
