"""The pickup state machine and scan-to-pick: every legal move, every refusal."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.errors import PosError
from pos.domain.pickup import (
    OPEN_STATES,
    Picking,
    PickOutcome,
    PickupLine,
    PickupState,
    can_move,
    check_move,
)

S = PickupState


def _lines() -> list[PickupLine]:
    return [
        PickupLine("SKU-1", "Confiture de fraise", ("3000000000017",), 2, 459, 550),
        PickupLine("SKU-2", "Œufs frais × 6", ("3000000000024", "3000000000031"), 1, 329, 550),
    ]


def test_the_happy_path_and_its_branches() -> None:
    assert can_move(S.RECEIVED, S.PREPARING)
    assert can_move(S.PREPARING, S.READY)
    assert can_move(S.READY, S.COLLECTED)
    assert can_move(S.READY, S.PARTIALLY_COLLECTED)
    for state in OPEN_STATES:
        assert can_move(state, S.CANCELLED)


@pytest.mark.parametrize(
    ("current", "target", "code"),
    [
        (S.RECEIVED, S.READY, "pickup_illegal_move"),
        (S.RECEIVED, S.COLLECTED, "pickup_illegal_move"),
        (S.READY, S.PREPARING, "pickup_illegal_move"),
        (S.COLLECTED, S.CANCELLED, "pickup_closed"),
        (S.CANCELLED, S.PREPARING, "pickup_closed"),
        (S.EXPIRED, S.READY, "pickup_closed"),
    ],
)
def test_illegal_moves_are_refused_in_words(current, target, code) -> None:
    with pytest.raises(PosError) as refused:
        check_move(current, target)
    assert refused.value.code == code
    assert current.value in refused.value.message


@given(st.sampled_from(list(S)), st.sampled_from(list(S)))
def test_closed_orders_never_move(current: PickupState, target: PickupState) -> None:
    if current not in OPEN_STATES:
        assert not can_move(current, target)


def test_scan_to_pick_counts_each_item_and_says_when_done() -> None:
    picking = Picking.start(_lines())
    picking, outcome, line = picking.pick("3000000000017")
    assert outcome is PickOutcome.OK and line.picked == 1
    picking, outcome, _ = picking.pick("3000000000031")  # the product's second barcode
    assert outcome is PickOutcome.LINE_DONE
    assert [(line.sku, short) for line, short in picking.missing] == [("SKU-1", 1)]
    picking, outcome, _ = picking.pick("3000000000017")
    assert outcome is PickOutcome.ALL_DONE and picking.complete and not picking.missing


def test_a_wrong_item_or_one_too_many_is_refused_and_changes_nothing() -> None:
    picking = Picking.start(_lines())
    with pytest.raises(PosError) as wrong:
        picking.pick("3017620422003")
    assert wrong.value.code == "pick_wrong_item"
    picking, _, _ = picking.pick("3000000000024")
    with pytest.raises(PosError) as too_many:
        picking.pick("3000000000024")
    assert too_many.value.code == "pick_too_many" and "Œufs" in too_many.value.message
    assert [line.picked for line in picking.lines] == [0, 1]
