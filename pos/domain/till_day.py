"""The till day: a session from its opening float to its Z, its cash movements and reports.

Pure figures. The store computes a session's totals from its sales (``DayFigures``, the
X report); closing compares them with what was counted (``close_figures``): over/short
per tender, shown only after the blind count was entered. Cash expected is the float
plus cash taken, less the change given back, plus cash in, less cash out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from pos.domain.cash import CashCount
from pos.domain.errors import PosError
from pos.domain.money import MAX_CENTS, format_eur


class MovementKind(StrEnum):
    IN = "in"
    OUT = "out"


class MovementReason(StrEnum):
    BANK_DEPOSIT = "bank_deposit"
    PETTY_CASH = "petty_cash"
    CHANGE_TOP_UP = "change_top_up"
    OTHER = "other"  # needs a note


#: Tenders counted at a Z: cash by denomination, the others as one total each (the card
#: terminal's own day total, the cheques and meal vouchers in the drawer). A voucher or
#: gift card leaves nothing to count: its expected figure is taken as counted.
CASH = "cash"
COUNTED_TENDERS: tuple[str, ...] = (CASH, "card", "cheque", "meal_voucher")

#: A difference (sum of every tender's over/short, in absolute value) above this needs a
#: manager's approval to close; a setting can change it.
DEFAULT_DIFFERENCE_LIMIT_CENTS = 500
#: A session open longer than this must be closed before selling again (a setting too).
DEFAULT_MAX_SESSION_HOURS = 24


@dataclass(frozen=True, slots=True)
class StaffRef:
    staff_id: str
    name: str


@dataclass(frozen=True, slots=True)
class TillSession:
    session_id: str
    terminal_id: str
    opened_by: StaffRef
    opened_at: str
    float_count: CashCount
    status: str  # "open" | "closed"
    closed_by: StaffRef | None = None
    closed_at: str | None = None

    @property
    def float_cents(self) -> int:
        return self.float_count.total_cents


@dataclass(frozen=True, slots=True)
class CashMovement:
    movement_id: str
    session_id: str
    kind: MovementKind
    reason: MovementReason
    note: str
    amount_cents: int
    by: StaffRef
    at: str
    approval_id: str | None = None


@dataclass(frozen=True, slots=True)
class TenderTotal:
    """One tender's share of the session: ``amount_cents`` is net (cash less change)."""

    tender: str
    payments: int
    amount_cents: int


@dataclass(frozen=True, slots=True)
class CashierTotal:
    cashier: str
    sales: int
    total_cents: int


@dataclass(frozen=True, slots=True)
class VatTotal:
    vat_bp: int
    base_cents: int
    vat_cents: int
    total_cents: int


@dataclass(frozen=True, slots=True)
class DayFigures:
    """The X report: everything a session's sales and movements add up to, now."""

    session: TillSession
    at: str
    sales_count: int
    sales_total_cents: int
    discount_cents: int
    cash_tendered_cents: int
    change_cents: int
    cash_in_cents: int
    cash_out_cents: int
    by_tender: tuple[TenderTotal, ...]
    by_cashier: tuple[CashierTotal, ...]
    by_vat: tuple[VatTotal, ...]
    returns_count: int = 0  # return (and exchange) tickets, apart from sales_count
    returns_total_cents: int = 0  # what their returned lines gave back (>= 0)
    refunds_by_tender: tuple[TenderTotal, ...] = ()  # money given back, per tender (>= 0)

    @property
    def cash_expected_cents(self) -> int:
        return (
            self.session.float_cents + self.cash_tendered_cents - self.change_cents
            - self.refunded(CASH) + self.cash_in_cents - self.cash_out_cents
        )  # fmt: skip

    def refunded(self, tender: str) -> int:
        return sum(t.amount_cents for t in self.refunds_by_tender if t.tender == tender)

    def expected(self, tender: str) -> int:
        if tender == CASH:
            return self.cash_expected_cents
        taken = sum(t.amount_cents for t in self.by_tender if t.tender == tender)
        return taken - self.refunded(tender)


@dataclass(frozen=True, slots=True)
class TenderCount:
    """Counted vs expected for one tender; ``difference`` > 0 is over, < 0 short."""

    tender: str
    expected_cents: int
    counted_cents: int

    @property
    def difference_cents(self) -> int:
        return self.counted_cents - self.expected_cents


@dataclass(frozen=True, slots=True)
class ClosingCount:
    """What the closer counted, blind: cash by denomination, other tenders as totals."""

    cash: CashCount
    others: Mapping[str, int] = field(default_factory=dict)


def check_counted_others(
    others: Mapping[str, int], expected: Mapping[str, int] | None = None
) -> dict[str, int]:
    """The non-cash counted totals, checked: a tender that is counted, a sane amount.
    A total may be negative only where the expected one is (card refunds above the
    day's card payments: the terminal's own total is negative too)."""
    checked: dict[str, int] = {}
    for tender, cents in others.items():
        low = -MAX_CENTS if (expected or {}).get(tender, 0) < 0 else 0
        if tender not in COUNTED_TENDERS or tender == CASH:
            raise PosError(
                f"“{tender}” is not a tender counted at closing "
                f"({', '.join(COUNTED_TENDERS[1:])}; cash is counted by denomination).",
                code="tender_not_counted",
                tender=tender,
            )
        if isinstance(cents, bool) or not isinstance(cents, int) or not low <= cents <= MAX_CENTS:
            raise PosError(
                f"The counted {tender} total must be whole cents between {format_eur(low)} "
                f"and {format_eur(MAX_CENTS)}.",
                code="counted_amount_refused",
                tender=tender,
                amount=cents,
            )
        checked[tender] = cents
    return checked


def close_figures(figures: DayFigures, counted: ClosingCount) -> tuple[TenderCount, ...]:
    """Counted vs expected per tender: every counted tender (a missing figure counts 0),
    then any other tender the session took (taken as counted: nothing to count)."""
    expected = {tender: figures.expected(tender) for tender in COUNTED_TENDERS[1:]}
    others = check_counted_others(counted.others, expected)
    rows = [TenderCount(CASH, figures.cash_expected_cents, counted.cash.total_cents)]
    for tender in COUNTED_TENDERS[1:]:
        rows.append(TenderCount(tender, figures.expected(tender), others.get(tender, 0)))
    for total in figures.by_tender:
        if total.tender not in COUNTED_TENDERS:
            rows.append(TenderCount(total.tender, total.amount_cents, total.amount_cents))
    return tuple(rows)


def total_difference(rows: tuple[TenderCount, ...]) -> int:
    """Every tender's over/short in absolute value: a cash surplus never hides a card gap."""
    return sum(abs(row.difference_cents) for row in rows)
