"""Return claims and return tickets: each original line is taken back once, whichever
terminal or channel asks, and however many ask at once.

A claim (online, before the money goes back) is checked and recorded in one write
transaction (``Database.write``: the single writer lock and ``BEGIN IMMEDIATE``), so of
two tills claiming the last unit at once exactly one wins. A claim is idempotent by
``return_id``; its rows in ``returned_quantities`` are replaced by its ticket's when the
ticket is pushed (``ingest``). A ticket made offline is checked at its push instead: one
that takes back more than remains is still accepted (a signed fiscal fact) and raises a
``return_conflict``.

A held claim is not held for ever: a till that claimed and then crashed, or lost the
network before it could release an abandoned return, would otherwise lock those articles
out of every return. After ``CLAIM_HOLD_HOURS`` a claim no ticket consumed is released
by the next claim; its ticket, if it still comes, is checked at its push like an offline
one (a conflict if another return took the articles meanwhile), and the same claim sent
again is checked afresh rather than answered from memory.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping

from sync.central import instants
from sync.central.db import Database, utc_now
from sync.central.errors import ApiError, bad_request, not_found
from sync.central.origins import returned_quantities, sold_quantities
from sync.central.pickup_machine import HANDED_OVER, load
from sync.contract.returns import (
    CLAIM_CONSUMED,
    NOT_HANDED_OVER,
    NOT_RETURNABLE,
    OP_ID_REUSED,
    RETURN_CONFLICT,
    ClaimedLine,
    ClaimStatus,
    ReturnClaim,
    ReturnClaimResult,
    ReturnConflictItem,
    ReturnConflictList,
)
from sync.contract.sales import SaleRecord

Key = tuple[str, int]  # (origin_sale_id, origin_line_no)
_INSERT_RETURNED = (
    "INSERT INTO returned_quantities (return_id, origin_sale_id, origin_line_no, quantity) "
    "VALUES (?, ?, ?, ?)"
)
_CONFLICTS_SHOWN = 1000
#: How long a claim holds its articles without its ticket (see the module docstring).
CLAIM_HOLD_HOURS = 24


def _wanted(pairs: list[tuple[str, int, int]]) -> dict[Key, int]:
    wanted: dict[Key, int] = {}
    for origin, line_no, quantity in pairs:
        wanted[(origin, line_no)] = wanted.get((origin, line_no), 0) + quantity
    return wanted


def claim(db: Database, store_id: str, terminal_id: str, body: ReturnClaim) -> ReturnClaimResult:
    """Record the claim if every quantity is still returnable; 409 ``not_returnable``
    (with what remains of each line) otherwise, and nothing is recorded."""
    if body.terminal_id != terminal_id:
        raise bad_request(f"This claim names terminal {body.terminal_id!r}, not the token's.")
    fingerprint = hashlib.sha256(body.model_dump_json().encode()).hexdigest()
    with db.write() as conn:
        _release_stale(conn, utc_now())
        row = conn.execute(
            "SELECT fingerprint, result, status FROM return_claims WHERE return_id = ?",
            (body.return_id,),
        ).fetchone()
        if row is not None:
            if row[0] != fingerprint:
                raise ApiError(
                    409, OP_ID_REUSED, f"Return {body.return_id} was claimed with other lines."
                )
            if row[2] != "released":
                return ReturnClaimResult.model_validate_json(row[1])
            # Released (abandoned, or held too long): it holds nothing, so check it again.
            conn.execute("DELETE FROM return_claims WHERE return_id = ?", (body.return_id,))
        if conn.execute("SELECT 1 FROM sales WHERE op_id = ?", (body.return_id,)).fetchone():
            raise ApiError(409, CLAIM_CONSUMED, f"Return {body.return_id} is already pushed.")
        wanted = _wanted([(x.origin_sale_id, x.origin_line_no, x.quantity) for x in body.lines])
        remaining = {key: _remaining(conn, key, {}) for key in wanted}
        short = [key for key, quantity in wanted.items() if quantity > remaining[key]]
        if short:
            raise _not_returnable(short[0], wanted, remaining)
        result = ReturnClaimResult(
            return_id=body.return_id,
            lines=[
                ClaimedLine(
                    origin_sale_id=origin,
                    origin_line_no=line_no,
                    quantity=quantity,
                    remaining_after=remaining[(origin, line_no)] - quantity,
                )
                for (origin, line_no), quantity in wanted.items()
            ],
        )
        conn.execute(
            "INSERT INTO return_claims (return_id, store_id, terminal_id, fingerprint, status, "
            "result, created_at) VALUES (?, ?, ?, ?, 'held', ?, ?)",
            (
                body.return_id,
                store_id,
                terminal_id,
                fingerprint,
                result.model_dump_json(),
                utc_now(),
            ),
        )
        conn.executemany(_INSERT_RETURNED, [(body.return_id, *key, q) for key, q in wanted.items()])
    return result


def _release_stale(conn: sqlite3.Connection, now: str) -> None:
    """Release the claims held longer than ``CLAIM_HOLD_HOURS`` with no ticket."""
    cutoff = instants.later(now, hours=-CLAIM_HOLD_HOURS)
    stale = [
        row[0]
        for row in conn.execute(
            "SELECT return_id FROM return_claims WHERE status = 'held' AND created_at < ?",
            (cutoff,),
        )
    ]
    for return_id in stale:
        conn.execute("DELETE FROM returned_quantities WHERE return_id = ?", (return_id,))
        conn.execute(
            "UPDATE return_claims SET status = 'released', settled_at = ? WHERE return_id = ?",
            (now, return_id),
        )


def _remaining(conn: sqlite3.Connection, key: Key, pending: Mapping[str, SaleRecord]) -> int:
    """What is still returnable of one original line (404/409 for a claim that names a
    sale central does not know, or a web order not handed over)."""
    origin, line_no = key
    sold = _sold(conn, origin, pending)
    if sold is None:
        raise not_found(f"No sale nor web order of this retailer is {origin!r}.")
    if not sold and (order := load(conn, origin)) is not None and order.state not in HANDED_OVER:
        raise ApiError(409, NOT_HANDED_OVER, f"Web order {origin} is not handed over yet.")
    if line_no not in sold:
        raise not_found(f"Sale {origin} has no line {line_no} that was sold.")
    return max(sold[line_no] - returned_quantities(conn, origin).get(line_no, 0), 0)


def _sold(
    conn: sqlite3.Connection, origin: str, pending: Mapping[str, SaleRecord]
) -> dict[int, int] | None:
    sale = pending.get(origin)
    if sale is not None:
        return {line.line_no: line.quantity for line in sale.lines if line.returned is None}
    return sold_quantities(conn, origin)


def _not_returnable(key: Key, wanted: dict[Key, int], remaining: dict[Key, int]) -> ApiError:
    origin, line_no = key
    return ApiError(
        409,
        NOT_RETURNABLE,
        f"Only {remaining[key]} of line {line_no} of {origin} can still be returned, "
        f"{wanted[key]} asked.",
        details={
            "remaining": [
                {"origin_sale_id": o, "origin_line_no": n, "remaining": remaining[(o, n)]}
                for o, n in wanted
            ]
        },
    )


def release(db: Database, store_id: str, return_id: str) -> ClaimStatus:
    """Give the claimed quantities back (the return was abandoned); a retry is harmless,
    a claim whose ticket central has is ``claim_consumed``."""
    with db.write() as conn:
        row = conn.execute(
            "SELECT status FROM return_claims WHERE return_id = ? AND store_id = ?",
            (return_id, store_id),
        ).fetchone()
        if row is None:
            raise not_found(f"This store has no return claim {return_id!r}.")
        if row[0] == "consumed":
            raise ApiError(409, CLAIM_CONSUMED, f"Return {return_id} is already pushed.")
        if row[0] == "held":
            conn.execute("DELETE FROM returned_quantities WHERE return_id = ?", (return_id,))
            conn.execute(
                "UPDATE return_claims SET status = 'released', settled_at = ? WHERE return_id = ?",
                (utc_now(), return_id),
            )
    return ClaimStatus(return_id=return_id, status="released")


def ingest(
    conn: sqlite3.Connection,
    store_id: str,
    sale: SaleRecord,
    pending: Mapping[str, SaleRecord],
    at: str,
) -> list[str]:
    """A pushed return ticket takes its lines back: its claim's rows become its own; what
    no longer remained raises a conflict (the ticket is accepted all the same). A return
    without receipt (line 0) takes back no original line. ``pending``: the sales of the
    same push, not written yet."""
    wanted = _wanted(
        [
            (line.returned.origin_sale_id, line.returned.origin_line_no, -line.quantity)
            for line in sale.lines
            if line.returned is not None and line.returned.origin_line_no > 0
        ]
    )
    if not wanted:
        return []
    conn.execute("DELETE FROM returned_quantities WHERE return_id = ?", (sale.id,))
    conn.execute(
        "UPDATE return_claims SET status = 'consumed', settled_at = ? "
        "WHERE return_id = ? AND status = 'held'",
        (at, sale.id),
    )
    conflicts = []
    for key, quantity in wanted.items():
        remaining, reason = _remaining_at_push(conn, key, pending)
        if quantity > remaining:
            reason = reason or f"{quantity} returned, only {remaining} remained returnable."
            conflicts.append((store_id, sale.id, *key, quantity, remaining, reason[:500], at))
    conn.executemany(_INSERT_RETURNED, [(sale.id, *key, q) for key, q in wanted.items()])
    conn.executemany(
        "INSERT INTO return_conflicts (store_id, return_id, origin_sale_id, origin_line_no, "
        "quantity, remaining_before, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        conflicts,
    )
    return [RETURN_CONFLICT] if conflicts else []


def _remaining_at_push(
    conn: sqlite3.Connection, key: Key, pending: Mapping[str, SaleRecord]
) -> tuple[int, str]:
    try:
        return _remaining(conn, key, pending), ""
    except ApiError as refusal:  # an origin central cannot check: flagged, never refused
        return 0, refusal.message


def conflicts(db: Database) -> ReturnConflictList:
    """The latest conflicts, newest first: the managers' attention list."""
    with db.read() as conn:
        rows = conn.execute(
            "SELECT return_id, origin_sale_id, origin_line_no, quantity, remaining_before, "
            "reason, store_id, at FROM return_conflicts ORDER BY id DESC LIMIT ?",
            (_CONFLICTS_SHOWN,),
        ).fetchall()
    keys = ("return_id", "origin_sale_id", "origin_line_no", "quantity", "remaining_before",
            "reason", "store_id", "at")  # fmt: skip
    return ReturnConflictList(
        conflicts=[ReturnConflictItem.model_validate(dict(zip(keys, r, strict=True))) for r in rows]
    )
