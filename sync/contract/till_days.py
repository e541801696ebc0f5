"""The till day on the wire: a session's opening, its cash movements and its Z report.

Three operation kinds, pushed in outbox order like every operation and idempotent by
``op_id`` (the session id for an opening, the movement id for a movement,
``z-<session id>`` for a Z). A Z repeats its session's header, so central files it even
without the opening. Central keeps each terminal's sessions and serves them to the
operator (``GET /v1/admin/terminals/{store_id}/{terminal_id}/sessions``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictInt, StrictStr

from sync.contract.scalars import (
    WIRE,
    Cents,
    Count,
    Name,
    OpId,
    ShortText,
    StoreId,
    TerminalId,
    Timestamp,
    VatBp,
)

MovementKind = Literal["in", "out"]
MovementReason = Literal["bank_deposit", "petty_cash", "change_top_up", "other"]
#: Euro coins and notes, in cents.
Denomination = Literal[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000]
Pieces = Annotated[StrictInt, Field(ge=1, le=2000)]
#: Over (> 0) or short (< 0): signed cents.
SignedCents = Annotated[StrictInt, Field(ge=-100_000_000, le=100_000_000)]
SessionId = OpId
Rows = 64  # at most this many rows in each list of a report


class StaffOnWire(BaseModel):
    model_config = WIRE

    staff_id: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    name: Name


class CashPieces(BaseModel):
    model_config = WIRE

    denomination_cents: Denomination
    pieces: Pieces


class TillSessionOpenedPayload(BaseModel):
    """``till_session_opened``: the float counted by denomination."""

    model_config = WIRE

    session_id: SessionId
    terminal_id: TerminalId
    opened_by: StaffOnWire
    opened_at: Timestamp
    float_cents: Cents
    float_counts: Annotated[list[CashPieces], Field(max_length=15)]


class CashMovementPayload(BaseModel):
    """``cash_movement``: cash put into or taken out of the drawer, with its reason."""

    model_config = WIRE

    movement_id: OpId
    session_id: SessionId
    terminal_id: TerminalId
    kind: MovementKind
    reason: MovementReason
    note: Annotated[StrictStr, Field(max_length=200)]
    amount_cents: Annotated[StrictInt, Field(ge=1, le=100_000_000)]
    by: StaffOnWire
    at: Timestamp
    approval_id: OpId | None


class TenderFigure(BaseModel):
    model_config = WIRE

    tender: ShortText
    payments: Count
    amount_cents: Cents


class CashierFigure(BaseModel):
    """A cashier's tickets: returns count negative, so the net may be below zero."""

    model_config = WIRE

    cashier: Name
    sales: Count
    total_cents: SignedCents


class VatFigure(BaseModel):
    """A rate's net over the session: below zero when more was returned than sold."""

    model_config = WIRE

    vat_bp: VatBp
    base_cents: SignedCents
    vat_cents: SignedCents
    total_cents: SignedCents


class TenderCounted(BaseModel):
    model_config = WIRE

    tender: ShortText
    expected_cents: SignedCents
    counted_cents: Cents
    difference_cents: SignedCents


def _none(rows: list[TenderFigure]) -> bool:
    return not rows


class TillSessionClosedPayload(TillSessionOpenedPayload):
    """``till_session_closed``: the Z report, its session's header included."""

    closed_by: StaffOnWire
    closed_at: Timestamp
    sales_count: Count
    sales_total_cents: Cents
    returns_count: Count
    returns_total_cents: Cents
    discount_cents: Cents
    cash_tendered_cents: Cents
    change_cents: Cents
    cash_in_cents: Cents
    cash_out_cents: Cents
    cash_expected_cents: SignedCents
    by_tender: Annotated[list[TenderFigure], Field(max_length=Rows)]
    by_cashier: Annotated[list[CashierFigure], Field(max_length=Rows)]
    by_vat: Annotated[list[VatFigure], Field(max_length=Rows)]
    cash_counts: Annotated[list[CashPieces], Field(max_length=15)]
    counted: Annotated[list[TenderCounted], Field(max_length=Rows)]
    difference_cents: Cents  # every tender's |over/short| added up
    approval_id: OpId | None
    #: Money given back per tender (``payments`` = refunds); absent when none was, so
    #: the Z of a session without refunds reads, stores and hashes as before.
    refunds_by_tender: Annotated[
        list[TenderFigure], Field(default_factory=list, max_length=Rows, exclude_if=_none)
    ]


class SessionView(BaseModel):
    """One session as central holds it: its opening, movements and Z (null while open)."""

    model_config = WIRE

    session_id: SessionId
    status: Literal["open", "closed"]
    opened: TillSessionOpenedPayload
    movements: list[CashMovementPayload]
    z_report: TillSessionClosedPayload | None


class SessionsView(BaseModel):
    """``GET /v1/admin/terminals/{store_id}/{terminal_id}/sessions``: newest first."""

    model_config = WIRE

    store_id: StoreId
    terminal_id: TerminalId
    sessions: list[SessionView]
