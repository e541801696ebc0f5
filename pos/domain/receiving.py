"""Checking a delivery against its expected list, and a transfer's lines (issue 16).

Not blind: whoever checks a delivery sees what is expected (the point is to find the
gaps). Each scan adds units to a line; an article not on the delivery becomes an
*extra* line; units found broken move from received to damaged. Damaged units are
reported to the sender and never stocked. Quantities are whole units (a delivery of
goods sold by weight is counted in their packs).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from pos.domain.errors import PosError

#: One scan or typed quantity: above this is a slip of the finger, not a delivery.
MAX_SCAN_UNITS = 9_999
#: A line's total (the contract's limit per line).
MAX_LINE_UNITS = 100_000
BAD_QUANTITY = "receiving_bad_quantity"  # params: quantity, most
NOTHING_COUNTED = "receiving_nothing_counted"
NOT_ON_SHEET = "receiving_not_on_sheet"  # params: sku


class LineState(StrEnum):
    OK = "ok"
    MISSING = "missing"  # fewer arrived than expected
    EXTRA = "extra"  # more than expected, or not on the delivery at all
    DAMAGED = "damaged"  # some arrived broken


@dataclass(frozen=True, slots=True)
class SheetLine:
    product_id: int
    sku: str
    name: str
    expected: int
    received: int = 0  # in good state, going on the shelf
    damaged: int = 0

    @property
    def state(self) -> LineState:
        if self.damaged:
            return LineState.DAMAGED
        if self.received < self.expected:
            return LineState.MISSING
        if self.received > self.expected:
            return LineState.EXTRA
        return LineState.OK


def check_quantity(quantity: int, most: int = MAX_SCAN_UNITS) -> int:
    """A typed or scanned quantity: a whole number from 1 to ``most``."""
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= most:
        raise PosError(
            f"{quantity} is not a quantity to count: type a whole number from 1 to {most}.",
            code=BAD_QUANTITY, quantity=str(quantity), most=str(most),
        )  # fmt: skip
    return quantity


class ReceivingSheet:
    """The lines of one delivery being checked, in the order they were listed or found."""

    def __init__(self, lines: list[SheetLine]) -> None:
        self._lines: dict[int, SheetLine] = {}
        for line in lines:  # two lines of one article on a delivery note count as one
            found = self._lines.get(line.product_id)
            self._lines[line.product_id] = (
                line if found is None else replace(found, expected=found.expected + line.expected)
            )

    @property
    def lines(self) -> list[SheetLine]:
        return list(self._lines.values())

    def line(self, product_id: int) -> SheetLine | None:
        return self._lines.get(product_id)

    def scan(self, product_id: int, sku: str, name: str, quantity: int = 1) -> SheetLine:
        """Add ``quantity`` good units; an article not on the delivery is an extra line."""
        check_quantity(quantity)
        line = self._lines.get(product_id) or SheetLine(product_id, sku, name, 0)
        total = line.received + line.damaged + quantity
        check_quantity(total, MAX_LINE_UNITS)
        line = replace(line, received=line.received + quantity)
        self._lines[product_id] = line
        return line

    def set_counts(self, product_id: int, received: int, damaged: int) -> SheetLine:
        """Correct a line by hand (a miscount): both figures at once, zero allowed."""
        line = self._lines.get(product_id)
        if line is None:
            raise PosError("This article is not on the sheet: scan it first.",
                           code=NOT_ON_SHEET, sku=str(product_id))  # fmt: skip
        for value in (received, damaged):
            if value:
                check_quantity(value, MAX_LINE_UNITS)
        line = replace(line, received=received, damaged=damaged)
        self._lines[product_id] = line
        return line

    def mark_damaged(self, product_id: int, quantity: int = 1) -> SheetLine:
        """Move ``quantity`` units of a line from received to damaged."""
        line = self._lines.get(product_id)
        if line is None:
            raise PosError("This article is not on the sheet: scan it first.",
                           code=NOT_ON_SHEET, sku=str(product_id))  # fmt: skip
        check_quantity(quantity, max(line.received, 1))
        return self.set_counts(product_id, line.received - quantity, line.damaged + quantity)

    def counted(self) -> list[SheetLine]:
        """The lines to report: every expected one, and extras that were counted."""
        lines = [x for x in self._lines.values() if x.expected or x.received or x.damaged]
        if not any(x.received or x.damaged for x in lines):
            raise PosError(
                "Nothing was counted on this delivery: scan what arrived, or leave it for later.",
                code=NOTHING_COUNTED,
            )
        return lines


@dataclass(frozen=True, slots=True)
class TransferLine:
    product_id: int
    sku: str
    name: str
    quantity: int


class TransferSheet:
    """The articles being sent to another store, one line per article."""

    def __init__(self) -> None:
        self._lines: dict[int, TransferLine] = {}

    @property
    def lines(self) -> list[TransferLine]:
        return list(self._lines.values())

    def add(self, product_id: int, sku: str, name: str, quantity: int = 1) -> TransferLine:
        check_quantity(quantity)
        found = self._lines.get(product_id)
        total = quantity + (found.quantity if found else 0)
        line = TransferLine(product_id, sku, name, check_quantity(total, MAX_LINE_UNITS))
        self._lines[product_id] = line
        return line

    def remove(self, product_id: int) -> None:
        self._lines.pop(product_id, None)
