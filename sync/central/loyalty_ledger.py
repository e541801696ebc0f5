"""The loyalty ledger: every entry and the balance it moves, in the caller's transaction.

A customer's balance is ``customers.loyalty_points``, changed only here, by the same
transaction that writes the entry explaining it, and each change takes a new
``change_seq`` so the ``customers`` feed serves the new balance with a new version.
Entries are unique by ``op_id``: a sale earns once under its sale id, so a retried push
(or one central ingests twice) never earns twice.

Rule of the floor: a balance never goes below zero. A return takes back what its lines
earned; when the customer has spent those points already, the take-back stops at zero
(``points`` records what it took, ``asked`` what it meant to) and the push carries the
warning ``loyalty_shortfall``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Mapping

from pos.domain.loyalty import EarningLine, LoyaltyRule, points_earned
from sync.central.db import next_change_seqs
from sync.central.pricing import portion_cents
from sync.contract.loyalty import LOYALTY_SHORTFALL, LOYALTY_UNKNOWN_CUSTOMER
from sync.contract.pickups import PickupOrder
from sync.contract.sales import SaleRecord

_INSERT = (
    "INSERT INTO loyalty_entries (op_id, customer_id, kind, points, asked, source_id, detail, "
    "at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def rule_from_json(text: str) -> LoyaltyRule:
    raw = json.loads(text)
    return LoyaltyRule(
        points_per_euro=raw["points_per_euro"],
        department_percent={d["department"]: d["percent"] for d in raw["departments"]},
        redeem_points=raw["redeem_points"],
        redeem_cents=raw["redeem_cents"],
        min_redeem_points=raw["min_redeem_points"],
    )


def current_rule(conn: sqlite3.Connection) -> tuple[str, int]:
    """The rule's JSON (without its version) and its version."""
    row = conn.execute("SELECT rule, version FROM loyalty_rule WHERE id = 1").fetchone()
    return str(row[0]), int(row[1])


def balance(conn: sqlite3.Connection, customer_id: str) -> tuple[int, int] | None:
    """(balance, version) of a customer; None when central knows no such customer."""
    row = conn.execute(
        "SELECT loyalty_points, change_seq FROM customers WHERE id = ?", (customer_id,)
    ).fetchone()
    return None if row is None else (int(row[0]), int(row[1]))


def record(
    conn: sqlite3.Connection,
    entry: tuple[str, str, str],
    points: int,
    asked: int,
    source: tuple[str | None, str | None],
    at: str,
) -> None:
    """Write entry ``(op_id, customer_id, kind)`` and move the balance by ``points``."""
    op_id, customer_id, kind = entry
    conn.execute(_INSERT, (op_id, customer_id, kind, points, asked, *source, at))
    conn.execute(
        "UPDATE customers SET loyalty_points = loyalty_points + ?, change_seq = ? WHERE id = ?",
        (points, next_change_seqs(conn, 1), customer_id),
    )


# -- inside a push: what a sale earns, what a return takes back -------------------------


def ingest(conn: sqlite3.Connection, sale: SaleRecord, at: str) -> list[str]:
    """A pushed sale earns for its customer; its returned lines take back what their
    original lines earned. Warnings only: the sale is a fiscal fact, always accepted."""
    warnings = _take_back(conn, sale, at)
    if sale.customer_id is not None:
        warnings += _earn(conn, sale, sale.customer_id, at)
    return sorted(set(warnings))


def _earn(conn: sqlite3.Connection, sale: SaleRecord, customer_id: str, at: str) -> list[str]:
    if balance(conn, customer_id) is None:
        return [LOYALTY_UNKNOWN_CUSTOMER]
    if not free(conn, sale.id):
        return []
    departments = _departments(conn, [line.product_id for line in sale.lines])
    lines = [
        (line.line_no, departments.get(line.product_id), line.total_cents)
        for line in sale.lines
        if line.returned is None
    ]
    rule_json, version = current_rule(conn)
    earned = points_earned([EarningLine(c, d) for _n, d, c in lines], rule_from_json(rule_json))
    detail = json.dumps({"rule": json.loads(rule_json), "rule_version": version, "lines": lines})
    record(conn, (sale.id, customer_id, "earn"), earned, earned, (sale.id, detail), at)
    return []


def earn_order(conn: sqlite3.Connection, order: PickupOrder, at: str) -> None:
    """A web order paid online earns at its handover, for what was handed over at the
    price paid, once, under ``web:<order_id>``, when it named a customer."""
    row = conn.execute(
        "SELECT customer_id FROM loyalty_orders WHERE order_id = ?", (order.id,)
    ).fetchone()
    op_id = f"web:{order.id}"
    if row is None or balance(conn, row[0]) is None or not free(conn, op_id):
        return
    departments = _departments(conn, [line.product_id for line in order.lines])
    lines = [
        (line.line_no, departments.get(line.product_id),
         portion_cents(line, line.collected_quantity or 0))
        for line in order.lines
    ]  # fmt: skip
    rule_json, version = current_rule(conn)
    earned = points_earned([EarningLine(c, d) for _n, d, c in lines], rule_from_json(rule_json))
    detail = json.dumps({"rule": json.loads(rule_json), "rule_version": version, "lines": lines})
    record(conn, (op_id, row[0], "earn"), earned, earned, (order.id, detail), at)


def _take_back(conn: sqlite3.Connection, sale: SaleRecord, at: str) -> list[str]:
    """Per original sale that earned: what it earns now less what it earns once these
    lines are taken back too, computed with the rule it earned under."""
    returned: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for line in sale.lines:
        if line.returned is not None and line.returned.origin_line_no > 0:
            origin = line.returned
            returned[origin.origin_sale_id][origin.origin_line_no] += -line.total_cents
    warnings: list[str] = []
    for origin_id, cents in returned.items():
        earn = conn.execute(
            "SELECT customer_id, detail FROM loyalty_entries WHERE op_id IN (?, ?) "
            "AND kind = 'earn'",
            (origin_id, f"web:{origin_id}"),
        ).fetchone()
        if (
            earn is None
            or conn.execute(
                "SELECT 1 FROM loyalty_returned WHERE return_id = ? AND origin_sale_id = ?",
                (sale.id, origin_id),
            ).fetchone()
        ):
            continue
        warnings += _take_back_one(conn, (sale.id, origin_id), earn, cents, at)
    return warnings


def _take_back_one(
    conn: sqlite3.Connection,
    ids: tuple[str, str],
    earn: tuple[str, str],
    cents: Mapping[int, int],
    at: str,
) -> list[str]:
    return_id, origin_id = ids
    customer_id, detail = earn[0], json.loads(earn[1])
    rule = rule_from_json(json.dumps(detail["rule"]))
    before = _lines_left(conn, origin_id, detail["lines"])
    after = {n: (d, c - cents.get(n, 0)) for n, (d, c) in before.items()}
    asked = points_earned(_earning(before), rule) - points_earned(_earning(after), rule)
    conn.executemany(
        "INSERT INTO loyalty_returned (return_id, origin_sale_id, origin_line_no, cents) "
        "VALUES (?, ?, ?, ?)",
        [(return_id, origin_id, n, c) for n, c in cents.items()],
    )
    if asked <= 0:
        return []
    current = balance(conn, customer_id)
    taken = min(asked, current[0] if current else 0)
    op_id = return_id if free(conn, return_id) else f"{return_id}:{origin_id}"
    record(conn, (op_id, customer_id, "reverse"), -taken, -asked, (origin_id, None), at)
    return [LOYALTY_SHORTFALL] if taken < asked else []


def free(conn: sqlite3.Connection, op_id: str) -> bool:
    """No entry holds ``op_id`` yet."""
    row = conn.execute("SELECT 1 FROM loyalty_entries WHERE op_id = ?", (op_id,)).fetchone()
    return row is None


def _lines_left(
    conn: sqlite3.Connection, origin_id: str, lines: list[list]
) -> dict[int, tuple[str | None, int]]:
    """The earning lines of a sale less what earlier returns took back of each (cents)."""
    gone: dict[int, int] = dict(
        conn.execute(
            "SELECT origin_line_no, SUM(cents) FROM loyalty_returned WHERE origin_sale_id = ? "
            "GROUP BY origin_line_no",
            (origin_id,),
        ).fetchall()
    )
    return {int(n): (d, int(c) - int(gone.get(n, 0))) for n, d, c in lines}


def _earning(lines: Mapping[int, tuple[str | None, int]]) -> list[EarningLine]:
    return [EarningLine(max(c, 0), d) for d, c in lines.values()]


def _departments(conn: sqlite3.Connection, product_ids: list[int]) -> dict[int, str | None]:
    unique = sorted(set(product_ids))[:1000]
    marks = ",".join("?" * len(unique))
    sql = f"SELECT id, department FROM products WHERE id IN ({marks})"
    return dict(conn.execute(sql, unique).fetchall()) if unique else {}
