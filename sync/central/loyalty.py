"""Loyalty at central (issue 15): the rule served to tills, a customer's account, and
redemptions spent online, idempotent by ``op_id`` like credit note debits.

A redemption is checked and written in one write transaction (the single writer): of two
tills spending the last points at once exactly one wins, the other gets 409
``loyalty_balance`` and nothing changes. Giving a redemption back (``DELETE``) is done
once; after it the same op id redeems afresh (the tender put back in that place of the
sale is a new spending), never a silent success that takes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Literal

from pos.domain.loyalty import redemption_cents
from sync.central import loyalty_ledger as ledger
from sync.central.db import Database, utc_now
from sync.central.errors import ApiError, not_found
from sync.contract.loyalty import (
    LOYALTY_BALANCE,
    LOYALTY_BELOW_MINIMUM,
    LoyaltyAccount,
    LoyaltyEntry,
    LoyaltyRedemption,
    LoyaltyRedemptionResult,
    LoyaltyRuleModel,
    LoyaltyRuleUpsert,
)
from sync.contract.returns import OP_ID_REUSED

_REDEMPTION = (
    "SELECT customer_id, asked, source_id, reversed_at FROM loyalty_entries "
    "WHERE op_id = ? AND kind = 'redeem'"
)


def rule(db: Database) -> LoyaltyRuleModel:
    with db.read() as conn:
        text, version = ledger.current_rule(conn)
    return LoyaltyRuleModel.model_validate_json(json.dumps(json.loads(text) | {"version": version}))


def put_rule(db: Database, body: LoyaltyRuleUpsert) -> LoyaltyRuleModel:
    """Replace the rule (the operator's); a new version, served at once. Earlier earnings
    keep the rule they were earned under (a return takes back what was earned)."""
    text = body.model_dump_json()
    with db.write() as conn:
        conn.execute(
            "UPDATE loyalty_rule SET rule = ?, version = version + 1 WHERE id = 1", (text,)
        )
        version = ledger.current_rule(conn)[1]
    return LoyaltyRuleModel(**body.model_dump(), version=version)


def account(db: Database, customer_id: str) -> LoyaltyAccount:
    with db.read() as conn:
        found = _customer(conn, customer_id)
        rows = conn.execute(
            "SELECT op_id, kind, points, source_id, at FROM loyalty_entries "
            "WHERE customer_id = ? ORDER BY id DESC LIMIT 100",
            (customer_id,),
        ).fetchall()
    entries = [
        LoyaltyEntry(op_id=r[0], kind=r[1], points=r[2], source_id=r[3], at=r[4]) for r in rows
    ]
    return LoyaltyAccount(
        customer_id=customer_id, balance=found[0], version=found[1], entries=entries
    )


def _customer(conn: sqlite3.Connection, customer_id: str) -> tuple[int, int]:
    found = ledger.balance(conn, customer_id)
    if found is None:
        raise not_found(f"There is no customer {customer_id!r}.")
    return found


def redeem(db: Database, customer_id: str, body: LoyaltyRedemption) -> LoyaltyRedemptionResult:
    """Take ``points`` off the balance once per ``op_id``; 409 when the balance is short
    (``loyalty_balance``) or below the rule's minimum, and nothing changes."""
    now = utc_now()
    with db.write() as conn:
        _customer(conn, customer_id)
        _free_if_reversed(conn, body.op_id)
        done = conn.execute(_REDEMPTION, (body.op_id,)).fetchone()
        if done is not None:
            if (done[0], -done[1], done[2]) != (customer_id, body.points, body.sale_id):
                raise ApiError(
                    409, OP_ID_REUSED, f"Redemption {body.op_id} was made with another body."
                )
            return _result(conn, customer_id, body.op_id, body.points, "applied")
        if not ledger.free(conn, body.op_id):
            raise ApiError(409, OP_ID_REUSED, f"The op id {body.op_id} names another entry.")
        minimum = ledger.rule_from_json(ledger.current_rule(conn)[0]).min_redeem_points
        if body.points < minimum:
            raise ApiError(
                409,
                LOYALTY_BELOW_MINIMUM,
                f"At least {minimum} points are redeemed at a time; {body.points} asked.",
            )
        points = _customer(conn, customer_id)[0]
        if points < body.points:
            raise ApiError(
                409,
                LOYALTY_BALANCE,
                f"This customer has {points} points, {body.points} asked.",
            )
        entry = (body.op_id, customer_id, "redeem")
        ledger.record(conn, entry, -body.points, -body.points, (body.sale_id, None), now)
        return _result(conn, customer_id, body.op_id, body.points, "applied")


def reverse(db: Database, customer_id: str, op_id: str) -> LoyaltyRedemptionResult:
    """Give a redemption back (the sale it paid was abandoned); again: changes nothing."""
    now = utc_now()
    with db.write() as conn:
        _customer(conn, customer_id)
        row = conn.execute(_REDEMPTION, (op_id,)).fetchone()
        if row is None or row[0] != customer_id:
            raise not_found(f"This customer has no redemption {op_id!r}.")
        points = -int(row[1])
        if row[3] is None:
            conn.execute("UPDATE loyalty_entries SET reversed_at = ? WHERE op_id = ?", (now, op_id))
            entry = (f"{op_id}~reversal@{now}", customer_id, "reverse")
            ledger.record(conn, entry, points, points, (op_id, None), now)
        return _result(conn, customer_id, op_id, points, "reversed")


def _free_if_reversed(conn: sqlite3.Connection, op_id: str) -> None:
    """A reversed redemption stays on record, renamed: its op id redeems afresh."""
    conn.execute(
        "UPDATE loyalty_entries SET op_id = op_id || '~reversed@' || reversed_at "
        "WHERE op_id = ? AND kind = 'redeem' AND reversed_at IS NOT NULL",
        (op_id,),
    )


def _result(
    conn: sqlite3.Connection,
    customer_id: str,
    op_id: str,
    points: int,
    status: Literal["applied", "reversed"],
) -> LoyaltyRedemptionResult:
    balance, version = _customer(conn, customer_id)
    value = redemption_cents(points, ledger.rule_from_json(ledger.current_rule(conn)[0]))
    return LoyaltyRedemptionResult(
        customer_id=customer_id, op_id=op_id, points=points, value_cents=value,
        status=status, balance=balance, version=version,
    )  # fmt: skip
