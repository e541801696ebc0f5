"""The coupon desk: a code the customer gives, checked and turned into the token the
promotion engine matches (``PricingContext.coupons``), and given back when taken off.

Two kinds of code (``sync.contract.coupons``). A SHARED code is in the till's promotions
(the ``promotions`` feed): it is accepted here, online or not, when its promotion is
active, in its window and for this store. Any other code can only be a single-use code,
which central alone knows: it is reserved centrally for the sale (idempotently: asking
again for the same sale is safe), so offline it is refused with ``coupon_needs_central``.
A reservation whose answer was lost (a timeout) may still hold the code for the sale,
whose push would consume it: its release is queued, and cancelled if the code is applied
again for that sale.
Taking a single-use coupon off (or cancelling its sale) releases it: queued in the till's
file first (``pos.store.coupon_releases``), tried at once, and what central did not
answer is sent again by the sync engine each round until it does.

Every refusal is a ``PosError`` with a stable code (the UI translates by code) and an
English sentence. Calls are blocking: made off the GUI thread.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from pos.domain.errors import PosError
from pos.domain.promotions.fields import promotion_from_fields
from pos.domain.promotions.model import Promotion
from pos.store import coupon_codes, coupon_releases
from sync.contract.refusals import (
    COUPON_ALREADY_APPLIED,
    COUPON_EXPIRED,
    COUPON_NOT_STARTED,
    COUPON_OTHER_STORE,
    COUPON_UNKNOWN,
    COUPON_USED,
    NOT_SUPPORTED,
)
from sync.ports import CentralError, CentralRejected, CentralUnavailable

if TYPE_CHECKING:  # the wire models (pydantic) load at the first coupon, not at start
    from sync.contract.coupons import CouponReservation

COUPON_NEEDS_CENTRAL = "coupon_needs_central"
COUPON_NEEDS_REFERENCE_SERVER = "coupon_needs_reference_server"
COUPON_REFUSED = "coupon_refused"  # central refused for another reason (its message says)
COUPON_EMPTY = "coupon_empty"

MESSAGES = {
    COUPON_USED: "This coupon has been used already, or another sale holds it.",
    COUPON_EXPIRED: "This coupon's promotion is over.",
    COUPON_NOT_STARTED: "This coupon's promotion has not started yet.",
    COUPON_OTHER_STORE: "This coupon is not valid in this store.",
    COUPON_UNKNOWN: "No promotion has this coupon code: check the code.",
    COUPON_NEEDS_CENTRAL: (
        "This code must be checked by the central server; try again when online."
    ),
    COUPON_NEEDS_REFERENCE_SERVER: (
        "Single-use coupons need the reference central server: this platform cannot reserve them."
    ),
    COUPON_EMPTY: "Type or scan a coupon code.",
    COUPON_ALREADY_APPLIED: (
        "This sale has a coupon of this promotion already: the customer keeps this one."
    ),
}


class CouponCalls(Protocol):
    """The central calls behind single-use coupons (``sync.client.HttpCentral``)."""

    def reserve_coupon(self, code: str, sale_id: str) -> CouponReservation: ...

    def release_coupon(self, sale_id: str, code: str) -> object: ...


@dataclass(frozen=True, slots=True)
class AppliedCoupon:
    """A coupon on a sale: ``token`` goes into the pricing context's coupons."""

    code: str  # normalised
    promotion_id: int
    name: str
    token: str
    single_use: bool


def refused(code: str) -> PosError:
    return PosError(MESSAGES[code], code=code)


class CouponDesk:
    """Coupons for the sales of one till (``conn``: the till's store connection, used
    on the thread that owns it) of store ``store_id``; ``calls`` None: no central."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        store_id: str,
        calls: CouponCalls | None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.conn, self.store_id, self.calls, self.clock = conn, store_id, calls, clock

    def apply(self, code: str, sale_id: str) -> AppliedCoupon:
        """The coupon ``code`` for sale ``sale_id``: a shared code checked here, else a
        single-use code reserved centrally. ``PosError`` when it cannot be used."""
        from sync.contract.coupons import normalise_coupon  # not at start: pydantic

        typed = normalise_coupon(code)
        if not typed:
            raise refused(COUPON_EMPTY)
        local = self._shared(typed)
        if local is not None:
            return local
        if self.calls is None:
            raise refused(COUPON_NEEDS_CENTRAL)
        coupon_releases.released(self.conn, sale_id, typed)  # wanted now: no give-back
        try:
            reservation = self.calls.reserve_coupon(typed, sale_id)
        except CentralUnavailable:
            # Central may have reserved it and lost its answer: the sale's push would
            # then consume a code the sale never used. Give it back unless applied again.
            coupon_releases.queue(self.conn, sale_id, typed)
            raise refused(COUPON_NEEDS_CENTRAL) from None
        except CentralRejected as exc:
            raise _central_refusal(exc) from None
        return AppliedCoupon(
            reservation.code, reservation.promotion_id, reservation.promotion_name,
            reservation.token, reservation.single_use,
        )  # fmt: skip

    def remove(self, applied: AppliedCoupon, sale_id: str) -> None:
        """Take ``applied`` off sale ``sale_id``: a single-use code is released (queued
        first, so a release central cannot take now is sent again by the sync engine)."""
        from sync.engine.coupon_releases import release  # not at start: the engine

        if not applied.single_use:
            return
        coupon_releases.queue(self.conn, sale_id, applied.code)
        if self.calls is not None:
            with contextlib.suppress(CentralError):  # queued: the engine sends it again
                release(self.conn, self.calls, sale_id, applied.code)

    def _shared(self, typed: str) -> AppliedCoupon | None:
        """The till's own promotion with this shared code, if one is usable now; a
        ``PosError`` when the code is known here but none is; None when unknown here."""
        from sync.contract.coupons import normalise_coupon  # not at start: pydantic

        rows = coupon_codes.with_shared_code(self.conn, lambda c: normalise_coupon(c) == typed)
        refusals = []
        for row in rows:
            try:
                promotion = promotion_from_fields(
                    row.promotion_id, row.name, row.kind, row.value, row.starts_at,
                    row.ends_at, row.rule,
                )  # fmt: skip
            except (PosError, ValueError, TypeError):
                continue  # the till cannot price it: as if unknown here
            why = self._refusal(promotion, row.active)
            if why is None:
                return AppliedCoupon(typed, promotion.id, promotion.name,
                                     promotion.coupon_code, False)  # fmt: skip
            refusals.append(why)
        if refusals:
            raise refused(refusals[0])
        return None

    def _refusal(self, promotion: Promotion, active: bool) -> str | None:
        now = self.clock()
        if not active or now >= promotion.ends_at:
            return COUPON_EXPIRED
        if now < promotion.starts_at:
            return COUPON_NOT_STARTED
        if "store" not in promotion.channels or (
            promotion.stores and self.store_id not in promotion.stores
        ):
            return COUPON_OTHER_STORE
        return None


def _central_refusal(exc: CentralRejected) -> PosError:
    if exc.code in MESSAGES:
        return refused(exc.code)
    if exc.code == NOT_SUPPORTED:
        return refused(COUPON_NEEDS_REFERENCE_SERVER)
    return PosError(
        f"Central refused this coupon: {exc.message}", code=COUPON_REFUSED, reason=exc.message
    )
