"""Comptoir's benchmarks on a 1,000,000-product catalog, each beside its floor.

    bash scripts/bench.sh            # = .venv/bin/python tests/benchmarks/run.py

The catalog is built once with ``comptoir demo --products 1000000 --days 0`` into
``.bench/`` (timed: the demo must build in under 2 minutes) and reused after. Each figure
is measured in this run next to the raw limit it cannot beat:

* scan → basket line with totals recomputed (basket of 50 lines), vs a bare prepared
  sqlite3 lookup of the same barcode;
* product search (2-to-5-letter prefixes, two-word queries, top 20 relevant results),
  vs a bare unranked FTS5 query ``LIMIT 20`` on the same prefix index with the same
  prefix terms (``search_probe.search_floor``: words cut to the index's 6 characters);
* durable sale commit (5 lines, 2 tenders, journal entry, outbox row), vs a bare
  sqlite3 transaction writing the same rows with ``synchronous=FULL``, and a bare fsync;
* find a sale for a return by its code (lines, returned quantities, refunds) among
  1,000,000 past sales, vs a bare indexed ``SELECT`` of the sale row (``returns_probe``);
* find a customer (phone, email, name, card) among 1,000,000, vs one indexed lookup of
  the exact key (``customer_probe``);
* the sales dashboard over one year (500,000 tickets): the figures read and the screen
  drawn and grabbed offscreen, vs the bare SQL aggregates of the same figures on the same
  sums (``sales_glance_probe``; ``--only sales`` runs it alone).
* the stock screen's search (name, SKU, barcode; each article's shown level) and its
  low/negative lists, vs the bare SQL of the same lookup on the same index (``stock_probe``).
* the GUI thread's longest stall over the first 5 s after the till is usable and during
  a 120-scan wedge burst, in fresh tills, vs the same 1 ms timer in a bare window
  (``stall_probe``; ``--only stalls`` runs it alone; under Xvfb too if installed).

The benchmarks measure what the app does: the app calls ``gc.freeze()`` once the till
shows its first basket (``pos.app``), so the scan benchmark freezes the same way once its
till (``Checkout``) is up, before its first scan. Between two timed scans it runs what
the till's worker runs once its queue is empty (``Checkout.idle``: the collector's
passes, deferred while a sale is open, and the pricing memos' trims), and reports that
idle-time work per scan beside the scans.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

import customer_probe  # noqa: E402
import returns_probe  # noqa: E402
import sales_glance_probe  # noqa: E402
import stall_probe  # noqa: E402
import stock_probe  # noqa: E402
from commit_probe import bare_commit, make_draft  # noqa: E402
from scan_promotions import clear_promotions, load_promotions  # noqa: E402
from scan_reset import take_off_last_line  # noqa: E402
from search_probe import paired, search_queries, slower_floor  # noqa: E402

from pos.domain import _native  # noqa: E402
from pos.services.checkout import Checkout  # noqa: E402
from pos.store.db import connect  # noqa: E402
from pos.store.local_store import LocalStore  # noqa: E402
from pos.store.sales import SalesStore  # noqa: E402
from tests.support.staff import a_cashier  # noqa: E402

PRODUCTS = 1_000_000
BASKET_LINES = 50
Row = tuple[str, float, float, str, float, float, str]
rows: list[Row] = []


def percentiles(micros: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(micros)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter_ns()
    fn()
    return (time.perf_counter_ns() - started) / 1000


def timed_both(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and this thread's CPU microseconds of one call."""
    cpu, wall = time.thread_time_ns(), time.perf_counter_ns()
    fn()
    wall, cpu = time.perf_counter_ns() - wall, time.thread_time_ns() - cpu
    return wall / 1000, cpu / 1000


def record(name: str, samples: list[float], floor: str, floor_samples: list[float], target: str):
    p50, p99 = percentiles(samples)
    f50, f99 = percentiles(floor_samples)
    rows.append((name, p50, p99, floor, f50, f99, target))


def build_catalog(data_dir: Path) -> None:
    if (data_dir / "store.db").exists():
        print(f"reusing the catalog in {data_dir}")
        return
    data_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pos", "--data-dir", str(data_dir), "demo",
         "--products", str(PRODUCTS), "--days", "0"],
        check=True, cwd=ROOT,
    )  # fmt: skip
    print(f"comptoir demo --products {PRODUCTS:,}: {time.perf_counter() - started:.1f} s "
          "(target < 120 s)")  # fmt: skip


def sample_codes(conn, rng: random.Random, n: int) -> list[str]:
    top = conn.execute("SELECT max(id) FROM products").fetchone()[0]
    sql = "SELECT code FROM barcodes WHERE product_id = ? LIMIT 1"
    codes = []
    while len(codes) < n:
        row = conn.execute(sql, (rng.randrange(1, top + 1),)).fetchone()
        if row:
            codes.append(row[0])
    return codes


def bench_scan(store: LocalStore, rng: random.Random, n: int = 20000) -> None:
    """Each timed scan adds the 50th line to a 49-line basket, then totals are read; then
    the same with 200 promotions in the till's table, the basket priced by them. The CPU
    rows time the same scans in this thread's CPU time (``time.thread_time_ns``): on a
    shared machine the wall p99 mostly measures who else had the cores."""
    codes = sample_codes(store.conn, rng, n + BASKET_LINES)
    scan, floor, floor_saved, cpu, idle = _timed_scans(store, codes, "BENCH")
    record("scan → line + totals (50 lines)", scan[500:], "bare prepared lookup", floor[500:],
           "p99 ≤ 250 µs")  # fmt: skip
    record("scan → line + totals + line saved", scan[500:],
           "bare lookup + one-row INSERT (NORMAL)", floor_saved[500:], "p99 ≤ 250 µs")  # fmt: skip
    record("  the same scans, CPU time", cpu[0][500:], "lookup + INSERT, CPU time",
           cpu[1][500:], "")  # fmt: skip
    _record_idle(idle)
    held = load_promotions(store.conn, codes, rng)
    try:
        promoted, floor, _saved, cpu, idle = _timed_scans(store, codes, "BENCHP")
    finally:
        clear_promotions(store.conn)
    record(f"scan → line + totals (50 lines, {held} promotions)", promoted[500:],
           "bare prepared lookup", floor[500:], "p99 ≤ 250 µs")  # fmt: skip
    record("  the same scans, CPU time", cpu[0][500:], "lookup + INSERT, CPU time",
           cpu[1][500:], "")  # fmt: skip
    _record_idle(idle)


def _record_idle(idle: tuple[list[float], list[float]]) -> None:
    """The idle-time work between two scans (``Checkout.idle``: the collector's passes,
    the memos' trims), as the till's worker runs it once its queue is empty: beside the
    scans, not in them. Its mean is what it costs a scan on average."""
    wall, cpu = idle[0][500:], idle[1][500:]
    record("  idle-time work per scan, CPU", cpu, "—", cpu, "")
    print(f"idle-time work between scans (GC passes, memo trims): mean "
          f"{statistics.fmean(cpu):.1f} µs CPU, {statistics.fmean(wall):.1f} µs wall a scan; "
          f"max {fmt(max(cpu))} CPU")  # fmt: skip


_Pair = tuple[list[float], list[float]]


def _timed_scans(
    store: LocalStore, codes: list[str], terminal_id: str
) -> tuple[list[float], list[float], list[float], _Pair, _Pair]:
    """Scan, floor and floor-with-a-saved-row timings of each scan past the 49th line,
    the CPU times of the scan and of the floor with a saved row, and the wall and CPU
    times of the idle-time work after each scan (``Checkout.idle``, as the till's worker
    runs it between two scans)."""
    checkout = Checkout(store, terminal_id=terminal_id, actor=a_cashier("bench"))
    gc.collect()  # the till is up: as ``pos.app`` does, start-up objects are frozen
    gc.freeze()
    for code in codes[: BASKET_LINES - 1]:
        checkout.scan(code)
    floor_sql = (
        "SELECT p.id, p.sku, p.name, p.price_cents, p.vat_bp, p.sold_by FROM barcodes b "
        "JOIN products p ON p.id = b.product_id WHERE b.code = ? AND p.active = 1"
    )
    # The scan also saves its line for crash recovery: the floor of that part is one
    # prepared INSERT of a line-sized row, autocommit, on a connection at NORMAL.
    saver = sqlite3.connect(store.path, isolation_level=None)
    saver.execute("PRAGMA synchronous = NORMAL")
    saver.execute("CREATE TABLE IF NOT EXISTS bench_floor_lines (k INTEGER PRIMARY KEY, v TEXT)")
    row = "x" * 320  # about a saved line's JSON
    scan, floor, floor_saved, scan_cpu, floor_cpu = [], [], [], [], []
    idle_wall, idle_cpu = [], []
    for code in codes[BASKET_LINES:]:
        store.conn.execute(floor_sql, (code,)).fetchone()  # both timings on warm pages
        floor.append(timed(lambda c=code: store.conn.execute(floor_sql, (c,)).fetchone()))
        wall, cpu = timed_both(lambda c=code: (
            store.conn.execute(floor_sql, (c,)).fetchone(),
            saver.execute("INSERT OR REPLACE INTO bench_floor_lines VALUES (1, ?)", (row,)),
        ))  # fmt: skip
        floor_saved.append(wall)
        floor_cpu.append(cpu)
        wall, cpu = timed_both(lambda c=code: (checkout.scan(c), checkout.totals()))
        scan.append(wall)
        scan_cpu.append(cpu)
        wall, cpu = timed_both(checkout.idle)  # the till's worker, its queue empty
        idle_wall.append(wall)
        idle_cpu.append(cpu)
        take_off_last_line(checkout)  # back to 49 lines (scan_reset)
    saver.execute("DROP TABLE bench_floor_lines")
    saver.close()
    checkout.close()
    return scan, floor, floor_saved, (scan_cpu, floor_cpu), (idle_wall, idle_cpu)


def bench_search(store: LocalStore, rng: random.Random) -> None:
    groups = search_queries(store.conn, rng)
    queries = [q for group in groups.values() for q in group]
    rng.shuffle(queries)
    paired(store.catalog, store.conn, queries[:200])  # warm the page cache
    timings = paired(store.catalog, store.conn, queries)
    print(f"  search, wall: {slower_floor(timings.search, timings.floor)}")
    print(f"  search, CPU:  {slower_floor(timings.search_cpu, timings.floor_cpu)}")
    record(f"search top 20 ({len(queries)} queries)", timings.search,
           "same prefix terms, LIMIT 20", timings.floor, "p99 ≤ 15 ms")  # fmt: skip
    record("  the same queries, CPU time", timings.search_cpu, "the floor, CPU time",
           timings.floor_cpu, "")  # fmt: skip
    for query in ("cola 33", "pom gol", "camem", "creme", "sha", "eau"):
        names = [p.name for p in store.catalog.search(query, 3)]
        print(f"  search {query!r:>10} → {names}")


def bench_stock(data_dir: Path) -> None:
    """On a copy where every product has a central level (``stock_probe.prepare``)."""
    with tempfile.TemporaryDirectory(dir=data_dir) as scratch:
        path = Path(scratch) / "stock.db"
        stock_probe.prepare(data_dir / "store.db", path)
        stock_probe.bench_stock(path, random.Random(16), record)


def copy_of(source: Path, target: Path) -> sqlite3.Connection:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return connect(target)


def bench_commit(source: Path, scratch: Path, n: int = 2000) -> None:
    """On two copies of the 1M store, interleaved sale by sale so disk hiccups hit both."""
    store_conn = copy_of(source, scratch / "commit.db")
    bare_conn = copy_of(source, scratch / "bare.db")
    sales = SalesStore(store_conn)
    commit, bare = [], []
    for number in range(1, n + 101):
        draft = make_draft(number)
        commit.append(timed(lambda d=draft: sales.commit(d)))
        bare.append(timed(lambda d=draft, k=number: bare_commit(bare_conn, d, k)))
    record("durable sale commit", commit[100:], "bare txn, synchronous=FULL", bare[100:],
           "p99 ≤ 1.5× floor")  # fmt: skip
    fsyncs = []
    with open(scratch / "fsync.bin", "wb") as handle:
        for _ in range(n):
            handle.write(b"x" * 512)
            handle.flush()
            fsyncs.append(timed(lambda: os.fsync(handle.fileno())))
    record("(bare fsync of 512 bytes)", fsyncs, "—", fsyncs, "")
    store_conn.close()
    bare_conn.close()


def bench_returns(scratch: Path, sales: int = 1_000_000) -> None:
    found, bare = returns_probe.run(scratch, sales, lookups=2000)
    record("find a sale to return (1M sales)", found, "bare indexed SELECT by id", bare,
           "p99 ≤ 5 ms")  # fmt: skip


def bench_customers(scratch: Path, customers: int = 1_000_000) -> None:
    found, bare = customer_probe.run(scratch, customers, 2000)["all"]
    record("find a customer (1M customers)", found, "indexed lookup of exact key", bare,
           "p99 ≤ 15 ms")  # fmt: skip


def bench_sales_glance(data_dir: Path) -> None:
    drawn, _service, floor, raw = sales_glance_probe.run(data_dir)
    record("sales dashboard drawn (1 year)", drawn, "bare SQL on the same sums", floor,
           "p99 ≤ 300 ms")  # fmt: skip
    print(f"(the same figures summed from the 500,000 tickets themselves: "
          f"{fmt(statistics.median(raw))})")  # fmt: skip


def bench_ui(data_dir: Path, rng: random.Random) -> None:
    import ui_bench

    till, bare = ui_bench.start_to_till(data_dir)
    record("process start → usable till", till, "bare PySide6 window process", bare,
           "p99 ≤ 1 s")  # fmt: skip
    with LocalStore(data_dir / "store.db") as store:
        codes = sample_codes(store.conn, rng, 520)
    painted, floor = ui_bench.burst_to_row(data_dir, codes)
    record("scanner burst → row painted", painted, "signal round trip + repaint", floor,
           "p99 ≤ 16 ms")  # fmt: skip


def bench_stalls(data_dir: Path) -> None:
    stall_probe.run(data_dir, runs=5, record=record)


def print_table() -> None:
    print()
    print(f"{'benchmark':<34}{'p50':>10}{'p99':>10}   {'floor':<28}{'p50':>9}{'p99':>9}"
          f"{'ratio p50':>11}{'ratio p99':>11}   target")  # fmt: skip
    for name, p50, p99, floor, f50, f99, target in rows:
        ratio = f"{p50 / f50:>10.1f}×{p99 / f99:>10.1f}×" if floor != "—" else " " * 22
        print(f"{name:<34}{fmt(p50):>10}{fmt(p99):>10}   {floor:<28}{fmt(f50):>9}{fmt(f99):>9}"
              f"{ratio}   {target}")  # fmt: skip


def fmt(micros: float) -> str:
    return f"{micros:.1f} µs" if micros < 1000 else f"{micros / 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description="Comptoir benchmarks at 1,000,000 products.")
    parser.add_argument("--data-dir", type=Path, default=ROOT / ".bench")
    parser.add_argument(
        "--only",
        choices=["scan", "search", "sales", "stock", "stalls"],
        help="run this benchmark alone",
    )
    args = parser.parse_args()
    # the figures depend on the interpreter's build (README, "Start here")
    print(
        f"python {sys.version.split()[0]} ({os.path.realpath(sys.executable)}); "
        f"compiled pricing: {'yes' if _native.active() else 'no (scripts/build_native.py)'}"
    )
    if args.only == "sales":
        bench_sales_glance(args.data_dir)
        print_table()
        return
    build_catalog(args.data_dir)
    rng = random.Random(2026)
    if args.only in ("stock", "stalls"):
        (bench_stock if args.only == "stock" else bench_stalls)(args.data_dir)
        print_table()
        return
    with LocalStore(args.data_dir / "store.db") as store:
        print(f"catalog: {store.catalog.count():,} active products")
        if args.only == "search":
            bench_search(store, rng)
            print_table()
            return
        bench_scan(store, rng)
        if args.only == "scan":
            print_table()
            return
        bench_search(store, rng)
    with tempfile.TemporaryDirectory(dir=args.data_dir) as scratch:
        bench_commit(args.data_dir / "store.db", Path(scratch))
        bench_returns(Path(scratch))
        bench_customers(Path(scratch))
    bench_sales_glance(args.data_dir)
    bench_stock(args.data_dir)
    bench_ui(args.data_dir, random.Random(7))
    bench_stalls(args.data_dir)
    print_table()


if __name__ == "__main__":
    main()
