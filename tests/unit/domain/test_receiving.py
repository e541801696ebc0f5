"""The delivery check and the transfer sheet: states per line, scans in sequence, broken
units moved out of stock, and bad quantities refused with nothing changed."""

from __future__ import annotations

import pytest

from pos.domain.errors import PosError
from pos.domain.receiving import (
    BAD_QUANTITY,
    MAX_SCAN_UNITS,
    NOT_ON_SHEET,
    NOTHING_COUNTED,
    LineState,
    ReceivingSheet,
    SheetLine,
    TransferSheet,
)


def _sheet() -> ReceivingSheet:
    return ReceivingSheet([SheetLine(1, "A", "Bière", 12), SheetLine(2, "B", "Pain", 6),
                           SheetLine(1, "A", "Bière", 3)])  # fmt: skip


def test_a_check_in_sequence_gives_each_line_its_state() -> None:
    sheet = _sheet()
    assert [(x.product_id, x.expected) for x in sheet.lines] == [(1, 15), (2, 6)]  # merged
    assert {x.state for x in sheet.lines} == {LineState.MISSING}  # nothing counted yet
    sheet.scan(1, "A", "Bière", 10)
    sheet.scan(1, "A", "Bière", 5)
    sheet.scan(2, "B", "Pain", 7)
    sheet.scan(3, "C", "Lait")  # not on the delivery
    states = [(x.product_id, x.state) for x in sheet.lines]
    assert states == [(1, LineState.OK), (2, LineState.EXTRA), (3, LineState.EXTRA)]
    sheet.mark_damaged(1, 2)
    line = sheet.line(1)
    assert (line.received, line.damaged, line.state) == (13, 2, LineState.DAMAGED)
    assert len(sheet.counted()) == 3


def test_bad_quantities_are_refused_and_change_nothing() -> None:
    sheet = _sheet()
    sheet.scan(2, "B", "Pain", 4)
    for quantity in (0, -3, MAX_SCAN_UNITS + 1):
        with pytest.raises(PosError) as refused:
            sheet.scan(2, "B", "Pain", quantity)
        assert refused.value.code == BAD_QUANTITY
    with pytest.raises(PosError) as too_many_broken:
        sheet.mark_damaged(2, 5)  # only 4 were received
    assert too_many_broken.value.code == BAD_QUANTITY
    with pytest.raises(PosError) as absent:
        sheet.mark_damaged(9)
    assert absent.value.code == NOT_ON_SHEET
    assert (sheet.line(2).received, sheet.line(2).damaged) == (4, 0)


def test_nothing_counted_is_not_a_receipt() -> None:
    with pytest.raises(PosError) as refused:
        _sheet().counted()
    assert refused.value.code == NOTHING_COUNTED


def test_a_transfer_sheet_adds_up_one_line_per_article() -> None:
    sheet = TransferSheet()
    sheet.add(1, "A", "Bière", 2)
    sheet.add(1, "A", "Bière", 3)
    sheet.add(2, "B", "Pain")
    with pytest.raises(PosError):
        sheet.add(2, "B", "Pain", 0)
    assert [(x.product_id, x.quantity) for x in sheet.lines] == [(1, 5), (2, 1)]
    sheet.remove(1)
    assert [x.product_id for x in sheet.lines] == [2]
