"""Instructions per scan (callgrind), with and without 200 promotions: a figure the
other processes of a shared machine cannot move, unlike run.py's microseconds.

    .venv/bin/python -m tests.benchmarks.scan_instructions [--scans 100] [--view]
    .venv/bin/python -m tests.benchmarks.scan_instructions --profile  # cProfile instead
    .venv/bin/python -m tests.benchmarks.scan_instructions --cpu  # CPU µs per scan instead
    .venv/bin/python -m tests.benchmarks.scan_instructions --memory --scans 5000  # RSS

The till is run.py's scan benchmark: a 49-line basket, each measured scan adds the 50th
line (run.py's first articles, drawn as it draws them; its 200 promotions laid over the
20,050 articles it draws) and reads the totals, then
the line is taken off again; with ``--view`` the screen's ``basket_view`` is built too,
as the till's worker does after each scan. The catalog is run.py's ``.bench/store.db``
(1M products) if built, else a 100,000-product demo in ``.bench/scan-100k``.

After each scan the till's idle-time work runs as the till's worker runs it once its
queue is empty (``Checkout.idle``: the collector's passes, deferred while a sale is
open, and the pricing memos' trims), counted apart and reported beside the scans.

Each scan runs under ``valgrind --tool=callgrind`` between ``os.getppid()`` (callgrind
zeroes its counters on entering ``getppid``) and ``os.getpgrp()`` (it dumps them on
entering ``getpgrp``): every dump is one scan's instructions, the reset between scans
not counted. The first scans fill the caches of a new till and are left out. The p90
and p99 want a few hundred scans (``--scans 400``) to mean anything.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

from scan_promotions import clear_promotions, load_promotions  # noqa: E402
from scan_reset import take_off_last_line  # noqa: E402

from pos.domain import _native  # noqa: E402
from pos.services.basket_view import basket_view  # noqa: E402
from pos.services.checkout import Checkout  # noqa: E402
from pos.store.local_store import LocalStore  # noqa: E402
from tests.support.staff import a_cashier  # noqa: E402

BASKET_LINES = 50  # as run.py
RUN_PY_SCANS = 20_000  # run.py draws this many articles; the promotions are over them
WARM_UP = 10  # scans of a new till left out (its first articles fill the caches)


def catalog(data_dir: Path) -> Path:
    """run.py's 1M catalog if built, else a 100k demo (built once, ~30 s)."""
    if (data_dir / "store.db").exists():
        return data_dir / "store.db"
    small = data_dir / "scan-100k"
    if not (small / "store.db").exists():
        small.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pos", "--data-dir", str(small), "demo",
             "--products", "100000", "--days", "0"],
            check=True, cwd=ROOT,
        )  # fmt: skip
    return small / "store.db"


def sample_codes(conn, rng: random.Random, n: int) -> list[str]:
    """run.py's draw of barcodes (the same articles for the same seed)."""
    top = conn.execute("SELECT max(id) FROM products").fetchone()[0]
    sql = "SELECT code FROM barcodes WHERE product_id = ? LIMIT 1"
    codes: list[str] = []
    while len(codes) < n:
        row = conn.execute(sql, (rng.randrange(1, top + 1),)).fetchone()
        if row:
            codes.append(row[0])
    return codes


def till_codes(path: Path, count: int, promoted: bool) -> list[str]:
    """The codes scanned (run.py's first ones), and with ``promoted`` its 200 promotions
    written into the store, laid over run.py's 20,050 articles: as sparse on the basket
    as there. Done before the measured process starts (slow under callgrind)."""
    rng = random.Random(2026)
    with LocalStore(path) as store:
        codes = sample_codes(store.conn, rng, RUN_PY_SCANS + BASKET_LINES)
        clear_promotions(store.conn)
        if promoted:
            load_promotions(store.conn, codes, rng)
    return codes[: BASKET_LINES + WARM_UP + count]


def scans(path: Path, codes: list[str], view: bool, profile: bool) -> tuple[list[int], list[int]]:
    """The measured till: each scan between ``getppid`` and ``getpgrp`` (module doc),
    then (a dump of its own) the idle-time work the till's worker runs before the next
    one (``Checkout.idle``). Returns each measured scan's CPU time in ns
    (``thread_time_ns``: what the other processes of a shared machine move least), the
    view's not counted, and each idle moment's."""
    spent: list[int] = []
    idle: list[int] = []
    with LocalStore(path) as store:
        checkout = Checkout(store, terminal_id="BENCHI", actor=a_cashier("bench"))
        gc.collect()  # as run.py and pos.app: the till is up, its objects frozen
        gc.freeze()
        for code in codes[: BASKET_LINES - 1]:
            checkout.scan(code)
        profiler = cProfile.Profile() if profile else None
        for n, code in enumerate(codes[BASKET_LINES - 1 :]):
            if profiler is not None and n == WARM_UP:
                profiler.enable()
            started = time.thread_time_ns()  # outside callgrind's count
            os.getppid()  # callgrind: zero the counters
            line = checkout.scan(code)
            checkout.totals()
            os.getpgrp()  # callgrind: dump them
            spent.append(time.thread_time_ns() - started)
            if view:  # a second dump: the view alone
                os.getppid()
                basket_view(checkout, line.line_id)
                os.getpgrp()
            started = time.thread_time_ns()
            os.getppid()  # the next dump: the idle moment after the scan, as the till
            checkout.idle()
            os.getpgrp()
            idle.append(time.thread_time_ns() - started)
            take_off_last_line(checkout)  # back to 49 lines (scan_reset)
        if profiler is not None:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(35)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        checkout.close()
    return spent[WARM_UP:], idle[WARM_UP:]


def memory(path: Path, codes: list[str], every: int = 500) -> None:
    """The process's memory over many scans with the idle-time work between them, as
    the till runs (collector deferred while the sale is open): its resident size, the
    objects the collector tracks and its counts, and the sizes of the engine's bounded
    memos (articles seen: up to 20,000, trimmed at idle from 15,000; parts: 1,024,
    from 768), every ``every`` scans. Nothing else may grow: nothing piles up between
    two idle moments, nor over thousands of them."""
    page = os.sysconf("SC_PAGE_SIZE")
    with LocalStore(path) as store:
        checkout = Checkout(store, terminal_id="BENCHM", actor=a_cashier("bench"))
        gc.collect()
        gc.freeze()
        for code in codes[: BASKET_LINES - 1]:
            checkout.scan(code)
        print(f"{'scans':>6} {'RSS MB':>8} {'tracked objects':>16} {'gc counts':>16}"
              f"{'memo: articles':>16} {'parts':>6}")  # fmt: skip
        for n, code in enumerate(codes[BASKET_LINES - 1 :], start=1):
            checkout.scan(code)
            checkout.totals()
            checkout.idle()
            take_off_last_line(checkout)  # back to 49 lines (scan_reset)
            if n == 1 or n % every == 0:
                rss = int(Path("/proc/self/statm").read_text().split()[1]) * page
                pricing = checkout.basket.pricing
                index = pricing.book.eligible(pricing.context) if pricing else None
                articles = len(index._scan_per_article) if index else 0
                parts = len(index._parts) if index else 0
                print(f"{n:>6} {rss / 1e6:>8.1f} {len(gc.get_objects()):>16,} "
                      f"{gc.get_count()!s:>16}{articles:>16,} {parts:>6}")  # fmt: skip
        checkout.close()


def clear_promotions_of(path: Path) -> None:
    with LocalStore(path) as store:
        clear_promotions(store.conn)


def instructions(path: Path, codes: list[str], view: bool) -> list[list[int]]:
    """Each measured scan's instructions (and its view's), then its idle moment's, run
    in a child under callgrind."""
    with tempfile.TemporaryDirectory() as scratch:
        out, listed = Path(scratch) / "callgrind.out", Path(scratch) / "codes"
        listed.write_text("\n".join(codes))
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--zero-before=getppid", "--dump-before=getpgrp",
             "--combine-dumps=yes", f"--callgrind-out-file={out}",
             sys.executable, __file__, "--child", str(path), "--codes", str(listed),
             *(["--view"] if view else [])],
            check=True, cwd=ROOT, stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONHASHSEED": "0"},  # the same counts run after run
        )  # fmt: skip
        parts = [int(m) for m in re.findall(r"^summary: (\d+)", out.read_text(), re.M)]
    step = 3 if view else 2  # the last part is the process's exit
    kept = parts[step * WARM_UP : step * (len(codes) - BASKET_LINES + 1)]
    return [kept[n::step] for n in range(step)]


def main() -> None:
    parser = argparse.ArgumentParser(description="Instructions per scan, under callgrind.")
    parser.add_argument("--data-dir", type=Path, default=ROOT / ".bench")
    parser.add_argument("--scans", type=int, default=100)
    parser.add_argument("--view", action="store_true", help="build the screen's view too")
    parser.add_argument("--profile", action="store_true", help="cProfile, no callgrind")
    parser.add_argument("--cpu", action="store_true", help="CPU time per scan, no callgrind")
    parser.add_argument(
        "--memory", action="store_true", help="memory over --scans scans (200 promotions)"
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--codes", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        scans(args.child, args.codes.read_text().split("\n"), args.view, False)
        return
    path = catalog(args.data_dir)
    if args.memory:
        codes = till_codes(path, args.scans, True)
        try:
            memory(path, codes)
        finally:
            clear_promotions_of(path)
        return
    print(
        f"catalog {path}; {args.scans} scans each, after {WARM_UP} left out; instructions; "
        f"compiled pricing: {'yes' if _native.active() else 'no'}"
    )
    for promoted in (False, True):
        codes = till_codes(path, args.scans, promoted)
        try:
            if args.profile:
                print(f"== {'200 promotions' if promoted else 'no promotions'} ==")
                scans(path, codes, args.view, True)
                continue
            if args.cpu:
                found = [[ns // 1000 for ns in part] for part in scans(path, codes, False, False)]
                _print(("CPU µs a scan → line + totals", IDLE), found, promoted)
                continue
            found = instructions(path, codes, args.view)
        finally:
            clear_promotions_of(path)
        views = ("  then the screen's view",) if args.view else ()
        _print(("scan → line + totals", *views, IDLE), found, promoted)


IDLE = "  idle-time work after it (GC, memo trims)"


def _print(names: tuple[str, ...], found: list[list[int]], promoted: bool) -> None:
    held = ", 200 promotions" if promoted else ", no promotions"
    for name, counts in zip(names, found, strict=False):
        ordered = sorted(counts)
        p90, p99 = (ordered[min(len(ordered) - 1, int(len(ordered) * q))] for q in (0.9, 0.99))
        print(
            f"{name + held:<48} median {statistics.median(counts):>12,.0f}   "
            f"mean {statistics.fmean(counts):>12,.0f}   p90 {p90:>12,}   p99 {p99:>12,}   "
            f"max {max(counts):>12,}"
        )


if __name__ == "__main__":
    main()
