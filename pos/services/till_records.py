"""The till day's records as JSON: what is stored, printed and pushed through the outbox.

One shape per record, the outbox operation's payload (``sync.contract.till_days``): the
opening (``till_session_opened``), a cash movement (``cash_movement``) and the Z report
(``till_session_closed``), which is also the report kept in ``z_report``. Integers and
strings only (canonical JSON); a Z carries its session's header, so central can file it
even if it never saw the opening.
"""

from __future__ import annotations

from typing import Any

from pos.domain.cash import CashCount
from pos.domain.till_day import CashMovement, DayFigures, StaffRef, TenderCount, TillSession

OPENED = "till_session_opened"
MOVED = "cash_movement"
CLOSED = "till_session_closed"


def staff(ref: StaffRef) -> dict[str, str]:
    return {"staff_id": ref.staff_id, "name": ref.name}


def pieces(count: CashCount) -> list[dict[str, int]]:
    return [{"denomination_cents": d, "pieces": n} for d, n in count.pieces]


def opened(session: TillSession) -> dict[str, Any]:
    return {
        "session_id": session.session_id,
        "terminal_id": session.terminal_id,
        "opened_by": staff(session.opened_by),
        "opened_at": session.opened_at,
        "float_cents": session.float_cents,
        "float_counts": pieces(session.float_count),
    }


def movement(m: CashMovement, terminal_id: str) -> dict[str, Any]:
    return {
        "movement_id": m.movement_id,
        "session_id": m.session_id,
        "terminal_id": terminal_id,
        "kind": m.kind.value,
        "reason": m.reason.value,
        "note": m.note,
        "amount_cents": m.amount_cents,
        "by": staff(m.by),
        "at": m.at,
        "approval_id": m.approval_id,
    }


def figures(x: DayFigures) -> dict[str, Any]:
    """The X report's figures (also the body of a Z). ``refunds_by_tender`` only when
    money was given back: a day without refunds keeps the record it always had."""
    refunds = {
        "refunds_by_tender": [
            {"tender": t.tender, "payments": t.payments, "amount_cents": t.amount_cents}
            for t in x.refunds_by_tender
        ]
    }
    return {
        "sales_count": x.sales_count,
        "sales_total_cents": x.sales_total_cents,
        "returns_count": x.returns_count,
        "returns_total_cents": x.returns_total_cents,
        "discount_cents": x.discount_cents,
        "cash_tendered_cents": x.cash_tendered_cents,
        "change_cents": x.change_cents,
        "cash_in_cents": x.cash_in_cents,
        "cash_out_cents": x.cash_out_cents,
        "cash_expected_cents": x.cash_expected_cents,
        "by_tender": [
            {"tender": t.tender, "payments": t.payments, "amount_cents": t.amount_cents}
            for t in x.by_tender
        ],
        "by_cashier": [
            {"cashier": c.cashier, "sales": c.sales, "total_cents": c.total_cents}
            for c in x.by_cashier
        ],
        "by_vat": [
            {
                "vat_bp": v.vat_bp,
                "base_cents": v.base_cents,
                "vat_cents": v.vat_cents,
                "total_cents": v.total_cents,
            }
            for v in x.by_vat
        ],
        **(refunds if x.refunds_by_tender else {}),
    }


def z_report(
    x: DayFigures,
    rows: tuple[TenderCount, ...],
    cash: CashCount,
    closed_by: StaffRef,
    closed_at: str,
    approval_id: str | None,
) -> dict[str, Any]:
    session = x.session
    return {
        **opened(session),
        **figures(x),
        "closed_by": staff(closed_by),
        "closed_at": closed_at,
        "cash_counts": pieces(cash),
        "counted": [
            {
                "tender": r.tender,
                "expected_cents": r.expected_cents,
                "counted_cents": r.counted_cents,
                "difference_cents": r.difference_cents,
            }
            for r in rows
        ],
        "difference_cents": sum(abs(r.difference_cents) for r in rows),
        "approval_id": approval_id,
    }
