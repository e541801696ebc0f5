"""Sending the single-use coupon releases the till queued (``pos.store.coupon_releases``).

A release is idempotent centrally (a code not reserved for the sale, or consumed by its
push, is answered as such, not refused), so it is sent again until central answers. A
platform without coupon reservations (``not_supported``: Medusa) cannot have reserved the
code either. Any other refusal keeps the release with its reason; an unreachable central
stops the round's releases (the push would fail the same way).
"""

from __future__ import annotations

import sqlite3

from pos.store import coupon_releases
from sync.contract.returns import NOT_FOUND, NOT_SUPPORTED
from sync.engine.owed_call import send
from sync.ports import CouponReleasing

#: Central's refusals that mean the code holds nothing for the sale any more.
SETTLED = frozenset({NOT_FOUND, NOT_SUPPORTED})


def release(conn: sqlite3.Connection, calls: CouponReleasing, sale_id: str, code: str) -> bool:
    """Send one queued release; True once central has settled it (the row is gone).
    ``CentralUnavailable`` and ``NotAuthorised`` go up (the release stays queued)."""
    return send(
        lambda: calls.release_coupon(sale_id, code),
        SETTLED,
        lambda reason, message: coupon_releases.failed(conn, sale_id, code, message, reason),
        lambda: coupon_releases.released(conn, sale_id, code),
    )


def release_due(conn: sqlite3.Connection, calls: CouponReleasing) -> int:
    """Send every queued release still queued when its turn comes (the cashier may have
    applied the code again for its sale meanwhile); how many central settled."""
    return sum(
        release(conn, calls, sale_id, code)
        for sale_id, code in coupon_releases.due(conn)
        if coupon_releases.is_queued(conn, sale_id, code)
    )
