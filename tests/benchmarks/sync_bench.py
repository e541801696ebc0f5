"""Sync benchmarks on loopback, each figure beside its floor measured in the same run.

    .venv/bin/python tests/benchmarks/sync_bench.py [--products 1000000] [--sales 10000]

* push N queued sales (real commits: journal, outbox) to the reference server holding
  the full catalog (a copy of the seeded ``central-N.db``), by ``sync_once`` with every
  feed pulled after, as ``comptoir sync`` does, from a till already in sync (its full
  pull is not timed); vs a bare Starlette endpoint over the same catalog keeping the
  same batches (INSERT OR IGNORE of each operation, the lines' products looked up, one
  movement row per line) and then one bare GET of the stock changes (target <= 3 s);
* first sync of a new terminal: the catalog and the store's stock levels from the
  central's page set (a ready SQLite file, built by the central before the timed part
  by one untimed request: downloaded, checked, copied table to table in one
  transaction, then the feeds from its sequence), vs the minimal version of the same
  work: a bare download of the same file and the same copy statements without checks
  (target <= 10 s at 1,000,000 products); the till file's size and free pages after it;
* incremental pull of 1,000 central price changes, vs the bare loop (target <= 0.5 s).

The push and first-sync figures also give the CPU seconds they took, this process (the
engine) plus the server's, beside the floor's: on a machine shared with other work, wall
time measures the neighbours too. The reference server's database is seeded once into
``.bench/central-N.db`` (not timed) and reused. The engine runs first, the floor second,
so the floor never pays a cold cache.
Exit status 0 when every figure meets its target.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT)]

import httpx  # noqa: E402

from pos.store import page_set_load, push_queue  # noqa: E402
from pos.store.local_store import LocalStore  # noqa: E402
from pos.store.page_set_checks import Manifest  # noqa: E402
from sync.client import HttpCentral  # noqa: E402
from sync.client.http_central import envelope  # noqa: E402
from sync.engine import SyncEngine  # noqa: E402
from sync.ports import OutgoingOperation  # noqa: E402
from tests.support.central_server import CentralServer  # noqa: E402
from tests.sync.sales_factory import make_sales  # noqa: E402

STORE, TERMINAL = "lyon-part-dieu", "T01"
BATCH = 250
PAGE = 5000
FLOOR_SERVER = HERE / "sync_floor_server.py"


@dataclass(frozen=True)
class Figure:
    what: str
    seconds: float
    floor: float
    target: float
    cpu: float = 0.0  # CPU seconds, client and server processes (push only)
    floor_cpu: float = 0.0

    @property
    def met(self) -> bool:
        return self.seconds <= self.target


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def timed_cpu(fn: Callable[[], object], server_pid: int) -> tuple[float, float]:
    """Wall seconds of ``fn`` and the CPU seconds it cost this process and the server."""
    cpu = time.process_time() + _cpu_of(server_pid)
    wall = timed(fn)
    return wall, time.process_time() + _cpu_of(server_pid) - cpu


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -- push -------------------------------------------------------------------------------


def bench_push(tmp: Path, data_dir: Path, products: int, sales: int) -> Figure:
    database, path, token = _synced_pair(tmp, data_dir, products)
    with CentralServer(database, products=products, faults=False, startup_timeout=1800) as central:
        engine = SyncEngine(path, HttpCentral(central.url, STORE, TERMINAL, token))
        make_sales(path, sales)
        bodies = _batches(path)
        assert central._process is not None
        seconds, cpu = timed_cpu(engine.sync_once, central._process.pid)  # = comptoir sync
        assert engine.status.state == "idle", engine.status.last_error
        assert engine.status.pending == 0 and central.stats()["sales"] == sales
        print(f"push: the timed round pulled {dict(engine.totals.pulled)}")
        engine.close()
    floor, floor_cpu = _floor_push(database, bodies)
    what = f"push {sales:,} sales, {products:,} products, pulls on"
    return Figure(what, seconds, floor, 3.0, cpu, floor_cpu)


def _synced_pair(tmp: Path, data_dir: Path, products: int) -> tuple[Path, Path, str]:
    """A central holding the full catalog and a till in sync with it (enrolled, catalog
    and every feed pulled), copied into ``tmp`` from ``data_dir`` where they are made
    once (the till's full pull is not what this figure times): (central, till, token)."""
    cache = data_dir / f"push-{products}"
    if not (cache / "token").exists():
        cache.mkdir(parents=True, exist_ok=True)
        database = _central_copy(data_dir, products, cache / "central.db")
        with CentralServer(database, products=products, faults=False, startup_timeout=1800) as c:
            token = c.enrol(STORE, TERMINAL)
            engine = SyncEngine(cache / "till.db", HttpCentral(c.url, STORE, TERMINAL, token))
            started = time.perf_counter()
            assert engine.sync_once().state == "idle", engine.status.last_error
            print(f"push: the till's first sync (not timed) {time.perf_counter() - started:.1f} s")
            engine.close()
        (cache / "token").write_text(token)
    shutil.copytree(cache, tmp / "push")
    return tmp / "push" / "central.db", tmp / "push" / "till.db", (cache / "token").read_text()


def _central_copy(data_dir: Path, products: int, target: Path) -> Path:
    """A copy of the seeded central (seeded once into ``data_dir``): pushes must leave
    the pull figures' central as it was, and a second run must push new sales."""
    seeded = data_dir / f"central-{products}.db"
    if not seeded.exists():
        print(f"seeding the reference server with {products:,} products (once, not timed)…")
        with CentralServer(seeded, products=products, faults=False, startup_timeout=1800):
            pass
    shutil.copyfile(seeded, target)
    wal = seeded.with_name(seeded.name + "-wal")  # a server stopped hard may leave one
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target


def _batches(path: Path) -> list[bytes]:
    with LocalStore(path) as store:
        queued = push_queue.next_batch(store.conn, 10**9)
    ops = [envelope(OutgoingOperation(q.op_id, q.seq, q.kind, q.payload_json)) for q in queued]
    return [
        ('{"operations":[' + ",".join(ops[i : i + BATCH]) + "]}").encode()
        for i in range(0, len(ops), BATCH)
    ]


def _floor_push(database: Path, bodies: list[bytes]) -> tuple[float, float]:
    """The same batches to the bare endpoint over the same catalog, then one GET of the
    movements they made (the least a pull after a push can do)."""
    server = subprocess.Popen(
        [sys.executable, str(FLOOR_SERVER), str(database)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        url = server.stdout.readline().split()[-1]
        with httpx.Client(base_url=url, timeout=30.0) as client:

            def send_all() -> None:
                for body in bodies:
                    reply = client.post("/ops", content=body)
                    reply.raise_for_status()
                    json.loads(reply.content)
                reply = client.get("/movements", params={"after": 0})
                reply.raise_for_status()
                json.loads(reply.content)

            return timed_cpu(send_all, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)


# -- pulls ------------------------------------------------------------------------------


class BareTill:
    """The floor of a pull: GET, json.loads, INSERT OR REPLACE, cursor, commit."""

    def __init__(self, path: Path, client: httpx.Client) -> None:
        self.client = client
        self.cursor: str | None = None
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute(
            "CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT, name TEXT, brand TEXT, "
            "department TEXT, price_cents INTEGER, vat_bp INTEGER, sold_by TEXT, plu TEXT, "
            "active INTEGER)"
        )
        self.conn.execute("CREATE TABLE barcodes (code TEXT PRIMARY KEY, product_id INTEGER)")
        self.conn.execute("CREATE TABLE cursor (cursor TEXT)")

    def pull(self) -> int:
        applied = 0
        while True:
            params: dict[str, str | int] = {"limit": PAGE}
            if self.cursor:
                params["cursor"] = self.cursor
            page = json.loads(
                self.client.get(f"/v1/stores/{STORE}/feeds/catalog", params=params).content
            )
            items = page["items"]
            self.conn.execute("BEGIN")
            self.conn.executemany(
                "INSERT OR REPLACE INTO products VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(i["id"], i["sku"], i["name"], i["brand"], i["department"], i["price_cents"],
                  i["vat_bp"], i["sold_by"], i["plu"], i["active"]) for i in items],
            )  # fmt: skip
            self.conn.executemany(
                "INSERT OR REPLACE INTO barcodes VALUES (?, ?)",
                [(code, i["id"]) for i in items for code in i["barcodes"]],
            )
            self.conn.execute("DELETE FROM cursor")
            self.conn.execute("INSERT INTO cursor VALUES (?)", (page["next_cursor"],))
            self.conn.execute("COMMIT")
            self.cursor, applied = page["next_cursor"], applied + len(items)
            if not page["has_more"]:
                return applied


def bench_pulls(tmp: Path, data_dir: Path, products: int, changes: int) -> list[Figure]:
    database = _central_copy(data_dir, products, tmp / "central.db")
    with CentralServer(database, products=products, faults=False, startup_timeout=1800) as central:
        token = central.enrol(STORE, TERMINAL)
        built = timed(lambda: _download(central, token, tmp / "built.pageset"))
        print(f"first sync: the central built its page set before the timed part "
              f"(one untimed request, {built:.1f} s)")  # fmt: skip
        engine = SyncEngine(
            tmp / "pull-till.db", HttpCentral(central.url, STORE, TERMINAL, token),
            feeds=("catalog", "stock"),
        )  # fmt: skip
        assert central._process is not None
        full, cpu = timed_cpu(engine.sync_once, central._process.pid)
        assert engine.status.state == "idle", engine.status.last_error
        assert engine.totals.pulled["snapshot"] == 2 * products  # products + their levels
        print(f"first sync: {full:.2f} s, CPU {cpu:.2f} s (till + central), from the page set")
        print(_file_report(tmp / "pull-till.db"))
        floor_full, floor_cpu = _floor_page_set(tmp, central, token)
        with central.client(token) as client:
            bare = BareTill(tmp / "pull-floor.db", client)
            bare.pull()  # to its cursor (not timed: the full figure's floor is below)
            _change_prices(central, products, changes)
            incremental = timed(engine.sync_once)
            assert engine.totals.pulled["catalog"] == changes
            floor_incremental = timed(bare.pull)
        engine.close()
    what = f"first sync of {products:,} products + stock"
    return [
        Figure(what, full, floor_full, 10.0, cpu, floor_cpu),
        Figure(f"incremental pull of {changes:,} changes", incremental, floor_incremental, 0.5),
    ]


def _download(central: CentralServer, token: str, target: Path) -> int:
    """The page set streamed to ``target`` by bare httpx (no resume, no checks)."""
    with central.client(token, timeout=900) as client, open(target, "wb") as file:
        path = f"/v1/stores/{STORE}/page-set"
        with client.stream("GET", path, headers={"Accept-Encoding": "identity"}) as reply:
            assert reply.status_code == 200, reply.status_code
            for piece in reply.iter_raw(1024 * 1024):
                file.write(piece)
    return target.stat().st_size


def _floor_page_set(tmp: Path, central: CentralServer, token: str) -> tuple[float, float]:
    """The floor of a first sync: the same page set downloaded bare, then the same copy
    statements into a new till (``page_set_load._copy``) without any check, then the
    same checkpoint. Wall and CPU seconds (this process and the server)."""
    target = tmp / "floor.db.pageset"
    manifest = Manifest(1, "c", "s")  # no checks: handed to the copy as passed
    assert central._process is not None
    with LocalStore(tmp / "floor.db") as store:

        def floor() -> None:
            _download(central, token, target)
            page_set_load._copy(store.conn, target, lambda: None, lambda: manifest)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        seconds, cpu = timed_cpu(floor, central._process.pid)
    print(f"floor: page set {target.stat().st_size / 1e6:,.0f} MB")
    return seconds, cpu


def _file_report(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        free, pages, size = (conn.execute(f"PRAGMA {p}").fetchone()[0]
                             for p in ("freelist_count", "page_count", "page_size"))  # fmt: skip
    finally:
        conn.close()
    return (
        f"till after the first sync: {path.stat().st_size / 1e6:,.0f} MB, "
        f"{free:,} free pages of {pages:,} ({free * size / 1e6:,.1f} MB)"
    )


def _change_prices(central: CentralServer, products: int, changes: int) -> None:
    rng = random.Random(products)
    for product_id in rng.sample(range(1, products + 1), changes):
        central.set_price(f"SKU{product_id:07d}", rng.randint(100, 99_999))


# -- report -----------------------------------------------------------------------------


def report(figures: list[Figure]) -> str:
    lines = [f"{'what':<40} {'time':>9} {'floor':>9} {'ratio':>7} {'target':>9}"]
    for f in figures:
        ratio = f.seconds / f.floor if f.floor else float("inf")
        verdict = "ok" if f.met else "MISSED"
        lines.append(
            f"{f.what:<40} {f.seconds:>7.2f} s {f.floor:>7.2f} s {ratio:>6.1f}x "
            f"{'<= ' + format(f.target, 'g') + ' s':>9}  {verdict}"
        )
        if f.cpu and f.floor_cpu:
            lines.append(
                f"{'  CPU seconds, client + server':<40} {f.cpu:>7.2f} s {f.floor_cpu:>7.2f} s "
                f"{f.cpu / f.floor_cpu:>6.1f}x"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--sales", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=1_000)
    parser.add_argument("--data-dir", type=Path, default=ROOT / ".bench")
    parser.add_argument("--only", choices=["push", "pull"], help="run those figures alone")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(name)s: %(message)s")
    logging.getLogger("sync.engine.snapshot").setLevel(logging.INFO)  # the page set's phases
    args.data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="comptoir-sync-bench-") as folder:
        tmp = Path(folder)
        figures = []
        if args.only != "pull":
            figures.append(bench_push(tmp, args.data_dir, args.products, args.sales))
        if args.only != "push":
            figures += bench_pulls(tmp, args.data_dir, args.products, args.changes)
    print(report(figures))
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
