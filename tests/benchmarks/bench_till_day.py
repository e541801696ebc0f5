"""Benchmark: the X report and the Z closure over a day of 5,000 sales, beside their floor.

    .venv/bin/python -m tests.benchmarks.bench_till_day [--sales 5000] [--days 4] [--runs 30]

The store holds ``--days`` days of ``--sales`` sales each, one till session per day (the
earlier ones closed), so the figures must pick one session's sales out of many. The
floor, measured in the same run on the same file, is a bare SQL aggregate of the same
sales by tender and by VAT rate (two queries, the same join and the same index). The Z
is timed on a fresh copy of the store each run (it commits). Targets: X and Z p99 ≤
200 ms. Every figures query is checked to read the session's sales through the
``sales_session`` index, never a scan of ``sales``.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pos.domain.cash import count_cash
from pos.domain.rights import Actor, Role
from pos.domain.sale import SaleTender
from pos.domain.till_day import ClosingCount
from pos.services.till_session import TillSessions
from pos.store.local_store import LocalStore
from pos.store.till_figures import QUERIES
from tests.benchmarks.commit_probe import make_draft

TERMINAL = "T1"
MANAGER = Actor("s-bench", "Bench", Role.MANAGER)
FLOAT = {2000: 5, 1000: 5, 200: 10}
TARGET_MS = 200.0
FLOOR_SQL = (
    "SELECT t.kind, count(*), sum(t.amount_cents) FROM sales s "
    "JOIN sale_tenders t ON t.sale_id = s.id WHERE s.session_id = ? GROUP BY t.kind",
    "SELECT v.vat_bp, sum(v.base_cents), sum(v.vat_cents), sum(v.total_cents) FROM sales s "
    "JOIN sale_vat v ON v.sale_id = s.id WHERE s.session_id = ? GROUP BY v.vat_bp",
)


def _tenders(number: int) -> tuple[tuple[SaleTender, ...], int]:
    """Cash with change, card, cheque, meal vouchers and cash, in turn (total 45,00 €)."""
    return [
        ((SaleTender("cash", 5000),), 500),
        ((SaleTender("card", 4500),), 0),
        ((SaleTender("cheque", 4500),), 0),
        ((SaleTender("meal_voucher", 1900), SaleTender("cash", 3000)), 400),
    ][number % 4]


def fill(path: Path, days: int, per_day: int) -> str:
    """``days`` sessions of ``per_day`` sales; all closed but the last. Its session id."""
    with LocalStore(path) as store:
        store.conn.execute("PRAGMA synchronous = OFF")  # loading, not what is measured
        till = TillSessions(store, terminal_id=TERMINAL, max_session_hours=10**6)
        number = 0
        for day in range(days):
            session = till.open(MANAGER, FLOAT)
            for _ in range(per_day):
                number += 1
                tenders, change = _tenders(number)
                draft = replace(
                    make_draft(number), terminal_id=TERMINAL, tenders=tenders, change_cents=change
                )
                store.sales.commit(draft, session_id=session.session_id)
            if day < days - 1:
                till.close(MANAGER, ClosingCount(count_cash(FLOAT)))
        store.conn.execute("PRAGMA optimize")
        return session.session_id


def timed_ms(fn: Callable[[], object]) -> float:
    started = time.perf_counter_ns()
    fn()
    return (time.perf_counter_ns() - started) / 1e6


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def check_plans(conn: sqlite3.Connection) -> None:
    """Each figures query reads ``sales`` by the session index (or movements by theirs)."""
    for sql in (*QUERIES, *FLOOR_SQL):
        plan = " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", ("x",)))
        if "sales_session" not in plan and "cash_movement_session" not in plan:
            raise SystemExit(f"not by the session index: {sql}\n  plan: {plan}")


def copy_store(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=5000, help="sales per day")
    parser.add_argument("--days", type=int, default=4, help="days (sessions) in the store")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="till-day-") as folder:
        scratch = Path(folder)
        source = scratch / "store.db"
        started = time.perf_counter()
        session_id = fill(source, args.days, args.sales)
        print(f"{args.days} days × {args.sales:,} sales loaded in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
        x_ms, floor_ms, z_ms = [], [], []
        with LocalStore(source) as store:
            check_plans(store.conn)
            till = TillSessions(store, terminal_id=TERMINAL, max_session_hours=10**6)
            x = till.x_report()
            assert x.sales_count == args.sales, x.sales_count
            for _ in range(args.runs):
                floor_ms.append(timed_ms(lambda: [
                    store.conn.execute(sql, (session_id,)).fetchall() for sql in FLOOR_SQL
                ]))  # fmt: skip
                x_ms.append(timed_ms(till.x_report))
        counted = ClosingCount(count_cash(FLOAT), {"card": 0})
        for run in range(max(5, args.runs // 3)):
            copy = scratch / f"z{run}.db"
            copy_store(source, copy)
            with LocalStore(copy) as store:
                till = TillSessions(store, terminal_id=TERMINAL, max_session_hours=10**6)
                till.x_report()  # the same warm pages as a till that just showed its X
                z_ms.append(timed_ms(lambda t=till: t.close(MANAGER, counted)))
            copy.unlink()
    f50, f99 = summary(floor_ms)
    print(f"{'':34}{'p50 ms':>9}{'p99 ms':>9}   floor: bare SQL by tender + VAT rate "
          f"(p50 {f50:.2f}, p99 {f99:.2f} ms)")  # fmt: skip
    failed = False
    for name, samples in ((f"X report ({args.sales:,} sales)", x_ms),
                          (f"Z closure ({args.sales:,} sales)", z_ms)):  # fmt: skip
        p50, p99 = summary(samples)
        ok = p99 <= TARGET_MS
        failed |= not ok
        print(f"{name:34}{p50:9.2f}{p99:9.2f}   ×{p50 / f50:.1f} floor (p50)   "
              f"target p99 ≤ {TARGET_MS:.0f} ms: {'ok' if ok else 'MISSED'}")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
