"""Staff on the wire: the ``staff`` feed's item and the ``approval`` operation.

A staff item carries the PIN's argon2id hash, never the PIN (``sync.contract.pins``), so
a till can check PINs offline; ``active: false`` carries a deactivation (the till keeps
the account and refuses it at sign-in). An approval is a manager's PIN-checked yes to a
colleague's act, recorded at the till and pushed once, idempotent by its op id (the
approval id).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictStr

from sync.contract.pins import PIN_HASH_PATTERN
from sync.contract.scalars import (
    WIRE,
    Cents,
    Flag,
    OpId,
    Seq,
    ShortText,
    TerminalId,
    Timestamp,
)

StaffRole = Literal["cashier", "pickup", "manager", "admin"]
#: The roles whose PIN approves another's act (``pos.domain.rights``: ``Right.APPROVE``).
APPROVER_ROLES: frozenset[str] = frozenset({"manager", "admin"})
StaffLanguage = Literal["fr", "en"]
StaffId = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")]
StaffName = Annotated[StrictStr, Field(min_length=1, max_length=80)]
PinHash = Annotated[StrictStr, Field(max_length=200, pattern=PIN_HASH_PATTERN)]
Badge = Annotated[StrictStr, Field(min_length=1, max_length=64)]


class StaffItem(BaseModel):
    """One staff member of the store (central's account), in its latest state."""

    model_config = WIRE

    id: StaffId
    display_name: StaffName
    role: StaffRole
    pin_hash: PinHash
    badge: Badge | None
    language: StaffLanguage
    active: Flag
    version: Seq


class ApprovalPayload(BaseModel):
    """Who asked, who approved with their PIN, for which right, what and how much."""

    model_config = WIRE

    approval_id: OpId
    terminal_id: TerminalId
    right: ShortText
    asked_by: StaffId
    asked_by_name: StaffName
    approved_by: StaffId
    approved_by_name: StaffName
    what: Annotated[StrictStr, Field(max_length=500)]
    amount_cents: Cents | None
    at: Timestamp


class StaffUpsert(BaseModel):
    """The operator creates or replaces a store's staff member. ``pin`` (4 to 8 digits)
    is hashed by central at once and never kept or served in clear; it may be left out
    when replacing a member (the PIN stays), not when creating one."""

    model_config = WIRE

    display_name: StaffName
    role: StaffRole
    pin: Annotated[StrictStr, Field(pattern=r"^[0-9]{4,8}$")] | None = None
    badge: Badge | None = None
    language: StaffLanguage = "fr"
    active: Flag = True


class ApprovalList(BaseModel):
    """A store's approvals as its tills pushed them, oldest first (the operator's audit)."""

    model_config = WIRE

    approvals: Annotated[list[ApprovalPayload], Field(max_length=100_000)]
