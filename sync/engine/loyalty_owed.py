"""Loyalty at each sync round: the rule pulled and cached, the owed redemption calls sent.

The rule (``GET …/loyalty/rule``) replaces the till's cached one, so a sale's points are
computed offline with central's rule. Then each owed call (``pos.store.loyalty_owed``):
a reversal is idempotent centrally (``not_found``: the redemption never reached central,
nothing to give back) and sent again until answered. A redemption queued offline that
central refuses (``loyalty_balance``: the points were spent elsewhere meanwhile) is kept,
marked refused, and put on the attention list under its sale with the customer and the
points: the sale stands, a manager settles the difference. A platform without loyalty
(``not_supported``: Medusa) is skipped: no rule, nothing to send.
"""

from __future__ import annotations

import sqlite3

from pos.store import loyalty_owed
from pos.store.db import write_transaction
from pos.store.sale_codec import utc_now
from pos.store.sync_attention import OpWarning, record_warnings
from sync.contract.loyalty import LoyaltyRedemption
from sync.contract.returns import NOT_FOUND, NOT_SUPPORTED
from sync.engine.owed_call import send
from sync.ports import CentralRejected, CentralUnavailable, LoyaltyOwing, NotAuthorised

UNREACHABLE = "unreachable"
#: The attention list's code for a queued redemption central refused.
REDEMPTION_REFUSED = "loyalty_redemption_refused"


def pull_rule(conn: sqlite3.Connection, calls: LoyaltyOwing) -> bool:
    """Cache central's rule; False when central serves none (``not_supported``: no
    loyalty there, remembered so the till stops offering and printing points; any other
    refusal keeps the cached rule and the round goes on)."""
    try:
        served = calls.loyalty_rule()
    except CentralRejected as exc:
        if isinstance(exc, NotAuthorised):
            raise
        if exc.code == NOT_SUPPORTED:
            loyalty_owed.set_offered(conn, False)
        return False
    body = served.model_dump(mode="json")
    with write_transaction(conn):
        loyalty_owed.save_rule(conn, body, served.version)
        loyalty_owed.set_offered(conn, True)
    return True


def send_one(conn: sqlite3.Connection, calls: LoyaltyOwing, owed: loyalty_owed.OwedCall) -> bool:
    """Send one owed call; True once central has settled it (the row is gone).
    ``CentralUnavailable`` and ``NotAuthorised`` go up (the call stays owed)."""
    with loyalty_owed.SENDING:
        if owed.action == "reverse":
            return send(
                lambda: calls.reverse_redemption(owed.customer_id, owed.op_id),
                frozenset({NOT_FOUND, NOT_SUPPORTED}),
                lambda code, message: loyalty_owed.failed(conn, owed.op_id, code, message),
                lambda: loyalty_owed.done(conn, owed.op_id, "reverse"),
            )
        return _redeem(conn, calls, owed)


def _redeem(conn: sqlite3.Connection, calls: LoyaltyOwing, owed: loyalty_owed.OwedCall) -> bool:
    body = LoyaltyRedemption(op_id=owed.op_id, points=owed.points, sale_id=owed.sale_id)
    try:
        calls.redeem_points(owed.customer_id, body)
    except CentralUnavailable as exc:
        loyalty_owed.failed(conn, owed.op_id, UNREACHABLE, exc.message)
        raise
    except CentralRejected as exc:
        if isinstance(exc, NotAuthorised):
            loyalty_owed.failed(conn, owed.op_id, exc.code or "refused", exc.message)
            raise
        _refused(conn, owed, exc)
        return False
    loyalty_owed.done(conn, owed.op_id, "redeem")
    return True


def _refused(conn: sqlite3.Connection, owed: loyalty_owed.OwedCall, exc: CentralRejected) -> None:
    text = (
        f"Central refused the {owed.points} loyalty points taken offline from customer "
        f"{owed.customer_id} for sale {owed.sale_id} ({exc.code}: {exc.message}); "
        "the sale stands: settle the difference with the customer."
    )
    with write_transaction(conn):
        loyalty_owed.refuse(conn, owed.op_id, exc.code or "refused", exc.message)
        record_warnings(conn, [OpWarning(owed.sale_id, REDEMPTION_REFUSED, text)], utc_now())


def send_due(conn: sqlite3.Connection, calls: LoyaltyOwing) -> int:
    """Send the owed calls still owed when their turn comes (before the round's push);
    how many central settled."""
    settled = 0
    for owed in loyalty_owed.due(conn):
        current = loyalty_owed.get(conn, owed.op_id)  # the cashier may have changed it
        if current is not None and not current.refused_at:
            settled += send_one(conn, calls, current)
    return settled
