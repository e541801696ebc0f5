"""The stock screen's search at 1,000,000 products, beside its floor (not a test).

Run by ``run.py`` (``--only stock``) on a copy of the bench catalog in which every product
has a central level (a till after its stock feed) and a few thousand local movements wait
for central: the state where ``stock_levels.level`` does the most work per article.

* ``StockDesk.search``: what a manager types (name and brand prefixes, two words, SKUs)
  and scans (barcodes), top 25 with each article's shown level; vs the bare SQL of the
  same lookup on the same index (FTS5 prefix, ``barcodes`` or ``products_sku``) joined to
  the local level, ``LIMIT 25``, unranked.
* the low- and negative-stock lists (no query) vs a bare range read of ``stock_on_hand``.
Target: p99 ≤ 15 ms. Each figure is also given in this thread's CPU time
(``time.thread_time_ns``), which a machine shared with other work leaves unchanged.
"""

from __future__ import annotations

import random
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from search_probe import search_queries

from pos.domain.text_keys import query_words
from pos.services.stock_desk import RESULT_LIMIT, SEARCH_LIMIT, StockDesk, StockFilter
from pos.store.local_store import LocalStore
from pos.store.search import fts_query

Record = Callable[[str, list[float], str, list[float], str], None]
_BARCODE = re.compile(r"\d{8,14}")

_CENTRAL = """
INSERT OR REPLACE INTO central_stock (product_id, sku, on_hand, reserved, version, reflects_ack_no)
SELECT p.id, p.sku, coalesce(s.on_hand, 0), p.id % 3, 1, 0
FROM products AS p LEFT JOIN stock AS s ON s.product_id = p.id
"""
_FLOOR_FTS = f"""
SELECT p.id, p.name, s.on_hand FROM (
    SELECT rowid AS rank FROM product_fts WHERE product_fts MATCH ? LIMIT {SEARCH_LIMIT}
) AS hit JOIN products AS p ON p.id = (hit.rank & 4294967295)
LEFT JOIN stock AS s ON s.product_id = p.id
"""
_FLOOR_BARCODE = """
SELECT p.id, p.name, s.on_hand FROM barcodes AS b JOIN products AS p ON p.id = b.product_id
LEFT JOIN stock AS s ON s.product_id = p.id WHERE b.code = ?
"""
_FLOOR_SKU = f"""
SELECT p.id, p.name, s.on_hand FROM products AS p LEFT JOIN stock AS s ON s.product_id = p.id
WHERE p.sku >= ?1 AND p.sku < ?1 || char(1114111) ORDER BY p.sku LIMIT {SEARCH_LIMIT}
"""
_FLOOR_LOW = (
    "SELECT product_id, on_hand FROM stock WHERE on_hand <= ? "
    f"ORDER BY on_hand LIMIT {RESULT_LIMIT}"
)


def _timed(fn: Callable[[], object], cpu: list[float] | None = None) -> float:
    """Wall microseconds of one call; its CPU microseconds appended to ``cpu``."""
    started, thread = time.perf_counter_ns(), time.thread_time_ns()
    fn()
    wall = (time.perf_counter_ns() - started) / 1000
    if cpu is not None:
        cpu.append((time.thread_time_ns() - thread) / 1000)
    return wall


def prepare(source: Path, target: Path) -> None:
    """A copy of the catalog as a synced till holds it: central levels for every product,
    3,000 sales' worth of movements not yet acknowledged."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    with LocalStore(target) as store:
        conn = store.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(_CENTRAL)
        rng = random.Random(11)
        top = conn.execute("SELECT max(id) FROM products").fetchone()[0]
        for n in range(3000):
            op = f"bench-mv-{n}"
            conn.execute(
                "INSERT INTO outbox (op_id, kind, payload, created_at) "
                "VALUES (?, 'stock_movement', '{}', '2026-12-06T10:00:00.000Z')", (op,)
            )  # fmt: skip
            conn.execute(
                "INSERT INTO stock_movements (product_id, delta, reason, ref, created_at) "
                "VALUES (?, -1, 'sale', ?, '2026-12-06T10:00:00.000Z')",
                (rng.randrange(1, top + 1), op),
            )
        conn.execute("COMMIT")


def _queries(conn: sqlite3.Connection, rng: random.Random) -> list[str]:
    groups = search_queries(conn, rng)
    typed = [q for name, group in groups.items() if "adversarial" not in name for q in group]
    top = conn.execute("SELECT max(id) FROM products").fetchone()[0]
    scans = []
    while len(scans) < 400:
        row = conn.execute(
            "SELECT code FROM barcodes WHERE product_id = ? LIMIT 1", (rng.randrange(1, top + 1),)
        ).fetchone()
        if row:
            scans.append(row[0])
    queries = typed + scans
    rng.shuffle(queries)
    return queries


def _floor(conn: sqlite3.Connection, query: str) -> None:
    text = query.strip()
    if _BARCODE.fullmatch(text):
        conn.execute(_FLOOR_BARCODE, (text,)).fetchall()
    elif not any(ch.isspace() for ch in text) and text.upper().startswith("SKU"):
        conn.execute(_FLOOR_SKU, (text,)).fetchall()
    elif words := query_words(text):
        conn.execute(_FLOOR_FTS, (fts_query(words),)).fetchall()


def bench_stock(path: Path, rng: random.Random, record: Record) -> None:
    with LocalStore(path) as store:
        desk = StockDesk(store)
        conn = store.conn
        queries = _queries(conn, rng)
        for query in queries[:200]:  # warm the page cache
            desk.search(query)
        search, floor, search_cpu, floor_cpu = [], [], [], []
        for query in queries:
            floor.append(_timed(lambda q=query: _floor(conn, q), floor_cpu))
            search.append(_timed(lambda q=query: desk.search(q), search_cpu))
        name = f"stock search top 25 ({len(queries)})"
        record(name, search, "bare index lookup + level", floor, "p99 ≤ 15 ms")
        record(f"{name}, CPU", search_cpu, "same, CPU", floor_cpu, "p99 ≤ 15 ms")
        lists, bare, lists_cpu, bare_cpu = [], [], [], []
        for n in range(400):
            which = StockFilter.NEGATIVE if n % 2 else StockFilter.LOW
            ceiling = -1 if n % 2 else 2
            bare.append(_timed(lambda c=ceiling: conn.execute(_FLOOR_LOW, (c,)).fetchall(),
                               bare_cpu))  # fmt: skip
            lists.append(_timed(lambda w=which: desk.search("", w), lists_cpu))
        name = "stock low/negative lists (400)"
        record(name, lists, "bare stock_on_hand range", bare, "p99 ≤ 15 ms")
        record(f"{name}, CPU", lists_cpu, "same, CPU", bare_cpu, "p99 ≤ 15 ms")
        shown = desk.search("", StockFilter.LOW)
        print(f"  stock: {len(shown)} low articles listed, e.g. "
              f"{[(r.product.name, r.level.on_hand) for r in shown[:3]]}")  # fmt: skip
