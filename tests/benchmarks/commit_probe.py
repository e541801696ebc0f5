"""Probe: durable ``SalesStore.commit`` against a bare sqlite3 transaction writing the
same rows (5 lines, 2 tenders, 2 VAT rows, signed ticket-chain entry, 5 stock movements
and on-hand updates, outbox row), both with WAL and ``synchronous=FULL`` in a temp folder.

    .venv/bin/python tests/benchmarks/commit_probe.py [--sales 2000]

The two are interleaved sale by sale so disk hiccups hit both alike. Target: commit p99
within 1.5x the bare transaction's p99.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from pos.domain.product import SoldBy
from pos.domain.sale import SaleDraft, SaleLine, SaleTender, VatLine
from pos.store.db import connect
from pos.store.migrations import migrate
from pos.store.sale_codec import (
    INSERT_LINE,
    INSERT_SALE,
    INSERT_TENDER,
    INSERT_VAT,
    line_rows,
    sale_row,
    tender_rows,
    vat_rows,
)
from pos.store.sales import SalesStore
from pos.store.signing_key import SigningKey

WARM_UP = 100
NOW = "2024-05-02T10:00:00.000Z"


def make_draft(number: int) -> SaleDraft:
    """Five lines alternating 20 % and 5.5 % VAT, paid by voucher then cash with change."""
    lines = tuple(
        SaleLine(
            line_no=n,
            product_id=n,
            sku=f"SKU-{n}",
            name=f"Produit n°{n}",
            barcode=f"37600000000{n}",
            sold_by=SoldBy.UNIT,
            quantity=2,
            unit_price_cents=150 * n,
            vat_bp=2000 if n % 2 else 550,
            gross_cents=300 * n,
            line_discount_cents=0,
            ticket_discount_cents=0,
            total_cents=300 * n,
        )
        for n in range(1, 6)
    )
    high, low = 300 * (1 + 3 + 5), 300 * (2 + 4)
    vat = (
        VatLine(2000, high - high // 6, high // 6, high),
        VatLine(550, low - low // 19, low // 19, low),
    )
    total = high + low
    tenders = (SaleTender("voucher", 1000, "AVOIR-1"), SaleTender("cash", total - 500))
    return SaleDraft(f"sale-{number:06d}", "T1", "Léa", NOW, lines, tenders, vat, total, 500)


def open_store(path: Path):
    conn = connect(path)
    migrate(conn, path)
    conn.executemany(
        "INSERT INTO products (id, sku, name, price_cents, vat_bp, name_key) "
        "VALUES (?, ?, ?, 0, 0, '')",
        [(n, f"SKU-{n}", f"Produit {n}") for n in range(1, 6)],
    )
    return conn


_BARE_KEY = SigningKey.generate()
_BARE_ENTRY = (
    "INSERT INTO chain_entries (terminal_id, chain, seq, kind, ref, at, key_id, prev, body, sig) "
    "VALUES ('T1', 'ticket', ?, 'sale', ?, ?, ?, ?, ?, ?)"
)


def bare_commit(conn, draft: SaleDraft, number: int) -> None:
    """The floor: the same rows with plain SQL and no validation; the ticket entry signed
    once over a body rendered by ``json.dumps`` (signing is part of the work: ECDSA)."""
    sid = draft.sale_id
    sale = sale_row(draft, number, NOW)
    body = json.dumps(sid + str(number) + str(draft.total_cents) * 60)  # about a record's size
    sig = _BARE_KEY.sign(body.encode())
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO ticket_counters VALUES ('T1', 1) ON CONFLICT (terminal_id) "
        "DO UPDATE SET last_ticket_no = last_ticket_no + 1"
    )
    conn.execute(INSERT_SALE, sale)
    conn.executemany(INSERT_LINE, [(sid, *row) for row in line_rows(draft)])
    conn.executemany(INSERT_TENDER, [(sid, *row) for row in tender_rows(draft)])
    conn.executemany(INSERT_VAT, [(sid, *row) for row in vat_rows(draft)])
    conn.execute(_BARE_ENTRY, (number, sid, NOW, _BARE_KEY.key_id, "GENESIS", body, sig))
    conn.executemany(
        "INSERT INTO stock_movements (product_id, delta, reason, ref, created_at) "
        "VALUES (?, ?, 'sale', ?, ?)",
        [(ln.product_id, -ln.quantity, sid, NOW) for ln in draft.lines],
    )
    conn.executemany(
        "INSERT INTO stock VALUES (?, ?) ON CONFLICT (product_id) "
        "DO UPDATE SET on_hand = on_hand + excluded.on_hand",
        [(ln.product_id, -ln.quantity) for ln in draft.lines],
    )
    conn.execute(
        "INSERT INTO outbox (op_id, kind, payload, created_at) VALUES (?, 'sale', ?, ?)",
        (sid, "{}" * 600, NOW),  # a payload of about the real size
    )
    conn.execute("COMMIT")


def percentiles(samples: list[int]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49] / 1000, cuts[98] / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=2000)
    count = parser.parse_args().sales
    with tempfile.TemporaryDirectory() as folder:
        store_conn, bare_conn = (
            open_store(Path(folder, "store.db")),
            open_store(Path(folder, "bare.db")),
        )
        store = SalesStore(store_conn)
        drafts = [make_draft(n) for n in range(1, count + WARM_UP + 1)]
        timings: dict[str, list[int]] = {"commit()": [], "bare transaction": []}
        for number, draft in enumerate(drafts, start=1):
            started = time.perf_counter_ns()
            store.commit(draft, now=NOW)
            middle = time.perf_counter_ns()
            bare_commit(bare_conn, draft, number)
            ended = time.perf_counter_ns()
            if number > WARM_UP:
                timings["commit()"].append(middle - started)
                timings["bare transaction"].append(ended - middle)
        store_conn.close()
        bare_conn.close()
    figures = {name: percentiles(samples) for name, samples in timings.items()}
    for name, (p50, p99) in figures.items():
        print(f"{name:>17}: p50 {p50:7.0f} µs   p99 {p99:7.0f} µs   ({count} sales)")
    (p50, p99), (bare_p50, bare_p99) = figures["commit()"], figures["bare transaction"]
    print(
        f"{'ratio':>17}: p50 {p50 / bare_p50:.2f}x, p99 {p99 / bare_p99:.2f}x (target p99 <= 1.5x)"
    )


if __name__ == "__main__":
    main()
