"""Probe: find a sale for a return by its code among 1,000,000 past sales.

    .venv/bin/python tests/benchmarks/returns_probe.py [--sales 1000000] [--lookups 2000]

A real store file (every migration) gets ``--sales`` past sales of two lines and one
card payment each, and a return ticket for one sale in a hundred (its returned line in
``sale_line_returns``, its card refund), written by a few bulk SQL statements, not a
commit per sale. Then ``pos.store.returns.origin_sale`` (the sale, its lines with what is
already returned of each, its tenders with what was refunded) is timed for random sale
ids, interleaved with its floor: a bare indexed ``SELECT`` of the sale row by id on the
same file. Target: p99 <= 5 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from pos.store import returns
from pos.store.db import connect
from pos.store.migrations import migrate

TARGET_P99_MS = 5.0
_BARE = "SELECT * FROM sales WHERE id = ?"
_SERIES = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
_SALE_ID = "printf('%08x-0000-4000-8000-%012x', i, i)"
_RETURN_ID = "printf('%08x-0000-4000-9000-%012x', i, i)"
_FILL = (
    _SERIES + "INSERT INTO sales (id, terminal_id, ticket_no, cashier, started_at, completed_at, "
    f"total_cents, change_cents) SELECT {_SALE_ID}, 'T01', i, 'Léa', "
    "strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + i * 30, 'unixepoch'), "
    "strftime('%Y-%m-%dT%H:%M:%fZ', 1700000000 + i * 30 + 20, 'unixepoch'), 3000, 0 FROM n",
    _SERIES + "INSERT INTO sale_lines (sale_id, line_no, product_id, sku, name, barcode, sold_by, "
    "quantity, unit_price_cents, vat_bp, gross_cents, line_discount_cents, "
    "ticket_discount_cents, total_cents) "
    f"SELECT {_SALE_ID}, k, k, 'SKU-' || k, 'Article ' || k, NULL, 'unit', k, 1000, 2000, "
    "1000 * k, 0, 0, 1000 * k FROM n, (SELECT 1 AS k UNION ALL SELECT 2)",
    _SERIES + "INSERT INTO sale_tenders (sale_id, seq, kind, amount_cents, reference) "
    f"SELECT {_SALE_ID}, 1, 'card', 3000, 'CB-' || i FROM n",
    _SERIES + "INSERT INTO sale_vat (sale_id, vat_bp, base_cents, vat_cents, total_cents) "
    f"SELECT {_SALE_ID}, 2000, 2500, 500, 3000 FROM n",
    # one sale in a hundred had a line returned: its return ticket, line, link and refund
    _SERIES + "INSERT INTO sales (id, terminal_id, ticket_no, cashier, started_at, "
    f"completed_at, total_cents, change_cents) SELECT {_RETURN_ID}, 'T02', i, 'Léa', "
    "'2026-01-01T10:00:00.000Z', '2026-01-01T10:00:10.000Z', -1000, 0 FROM n WHERE i % 100 = 0",
    _SERIES + "INSERT INTO sale_lines (sale_id, line_no, product_id, sku, name, barcode, sold_by, "
    "quantity, unit_price_cents, vat_bp, gross_cents, line_discount_cents, "
    "ticket_discount_cents, total_cents) "
    f"SELECT {_RETURN_ID}, 1, 2, 'SKU-2', 'Article 2', NULL, 'unit', -1, 1000, 2000, -1000, "
    "0, 0, -1000 FROM n WHERE i % 100 = 0",
    _SERIES + "INSERT INTO sale_line_returns (sale_id, line_no, origin_sale_id, origin_line_no, "
    f"origin_label, channel, reason, restock, approval_id) SELECT {_RETURN_ID}, 1, {_SALE_ID}, "
    "2, 'T01 n°' || i, 'store', 'defective', 1, NULL FROM n WHERE i % 100 = 0",
    _SERIES + "INSERT INTO sale_tenders (sale_id, seq, kind, amount_cents, reference) "
    f"SELECT {_RETURN_ID}, 1, 'card', -1000, 'CB-' || i FROM n WHERE i % 100 = 0",
)


def build(path: Path, sales: int) -> float:
    """The store file with ``sales`` past sales; returns the seconds it took."""
    started = time.perf_counter()
    conn = connect(path)
    migrate(conn, path)
    conn.execute("BEGIN")
    for sql in _FILL:
        conn.execute(sql, (sales,))
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - started


def sale_id(i: int) -> str:
    return f"{i:08x}-0000-4000-8000-{i:012x}"


def probe(path: Path, sales: int, lookups: int) -> tuple[list[float], list[float]]:
    """(origin_sale µs, bare SELECT µs) for random sale ids, interleaved."""
    conn = connect(path)
    rng = random.Random(14)
    found, bare = [], []
    for n in range(lookups + 100):
        i = rng.randint(1, sales) if n % 2 else rng.randrange(100, sales + 1, 100)
        wanted = sale_id(i)
        t0 = time.perf_counter_ns()
        origin = returns.origin_sale(conn, wanted)
        t1 = time.perf_counter_ns()
        row = conn.execute(_BARE, (wanted,)).fetchone()
        t2 = time.perf_counter_ns()
        assert origin is not None and row is not None
        assert origin.line(2).returned_quantity == (1 if i % 100 == 0 else 0)
        if n >= 100:  # warm-up
            found.append((t1 - t0) / 1000)
            bare.append((t2 - t1) / 1000)
    conn.close()
    return found, bare


def percentiles(micros: list[float]) -> tuple[float, float]:
    ordered = sorted(micros)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def run(folder: Path, sales: int, lookups: int) -> tuple[list[float], list[float]]:
    path = folder / "returns.db"
    seconds = build(path, sales)
    print(f"{sales:,} past sales built in {seconds:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    return probe(path, sales, lookups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        found, bare = run(Path(folder), args.sales, args.lookups)
    f50, f99 = percentiles(found)
    b50, b99 = percentiles(bare)
    print(f"find a sale by its code (origin_sale): p50 {f50:.1f} µs  p99 {f99:.1f} µs")
    print(f"bare indexed SELECT of the sale row:   p50 {b50:.1f} µs  p99 {b99:.1f} µs")
    print(f"ratio to the floor:                    p50 {f50 / b50:.1f}×    p99 {f99 / b99:.1f}×")
    verdict = "ok" if f99 / 1000 <= TARGET_P99_MS else "OVER"
    print(f"target p99 <= {TARGET_P99_MS:g} ms: {verdict}")


if __name__ == "__main__":
    main()
