"""Benchmark: the monthly archive of 100,000 tickets, beside its floor.

    .venv/bin/python -m tests.benchmarks.bench_archive [--tickets 100000] [--runs 3]

The store holds ``--tickets`` signed ticket entries dated through November 2026 (Paris),
plus a hundred on each side (October and December), each body a real sale record (the
canonical text of a committed 5-line sale, its id and time changed), signed straight
into ``chain_entries`` in one transaction: 100,000 checkouts would take minutes and
measure the till, not the archive. Timed: ``Archives.make("2026-11")`` as the command
runs it (store opened, one snapshot, CSV and JSON Lines of every chain, keys, manifest,
its signature, the file synced and renamed, the JET entry). The floor, in the same run
on the same file: the same rows read and written as one CSV into a zip (same CSV
rendering and compression), no JSON Lines, no hashing, no signing. Target: ≤ 10 s.
``verify-archive`` on the result is timed too (every signature checked; no target).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pos.domain.chain_entry import TICKET, ChainEntry
from pos.services.archives import Archives
from pos.store.archive_check import check_archive
from pos.store.archive_format import csv_line
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from tests.benchmarks.commit_probe import make_draft

TARGET_S = 10.0
EDGE = 100  # entries in October before, and in December after
NOVEMBER = datetime(2026, 10, 31, 23, tzinfo=UTC)  # 1 November, 00:00 in Paris
INSERT = (
    "INSERT INTO chain_entries (terminal_id, chain, seq, kind, ref, at, key_id, prev, body, "
    "sig) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
SELECT = (
    "SELECT terminal_id, chain, seq, kind, ref, at, key_id, prev, sig, body FROM chain_entries "
    "WHERE chain = 'ticket' AND at >= ? AND at < ? ORDER BY seq"
)


def sale_template(folder: Path) -> tuple[str, str, str]:
    """(body, its sale id, its completed_at) of one real committed sale."""
    with LocalStore(folder / "template.db") as store:
        store.sales.commit(make_draft(1))
        body, ref, at = store.conn.execute(
            "SELECT body, ref, at FROM chain_entries WHERE chain = 'ticket'"
        ).fetchone()
    return body, ref, at


def fill(path: Path, tickets: int, template: tuple[str, str, str]) -> float:
    """Sign ``tickets`` entries through November (and EDGE either side); seconds taken."""
    body, ref, at = template
    started = time.perf_counter()
    step = timedelta(days=30) / tickets
    with LocalStore(path) as store:
        key = store.signing_key()
        store.conn.execute("PRAGMA synchronous = OFF")  # loading, not what is measured
        prev, rows = "GENESIS", []
        for number in range(tickets + 2 * EDGE):
            when = NOVEMBER + step * (number - EDGE) if number >= EDGE else (
                NOVEMBER - timedelta(minutes=EDGE - number))  # fmt: skip
            if number >= tickets + EDGE:
                when = NOVEMBER + timedelta(days=30, minutes=number - tickets - EDGE)
            stamp = when.isoformat(timespec="milliseconds").replace("+00:00", "Z")
            sale_id = f"sale-{number:07d}"
            text = body.replace(ref, sale_id).replace(at, stamp)
            entry = ChainEntry("T1", TICKET, number + 1, "sale", sale_id, stamp, key.key_id,
                               prev, text)  # fmt: skip
            sig = key.sign(entry.signed_bytes())
            rows.append((*_fields(entry), sig))
            prev = sig
        with write_transaction(store.conn):
            store.conn.execute(
                "INSERT OR IGNORE INTO terminal_keys VALUES (?, ?, ?, '', '')",
                (key.key_id, key.public_pem, "2026-10-01T00:00:00.000Z"),
            )
            store.conn.executemany(INSERT, rows)
    return time.perf_counter() - started


def _fields(entry: ChainEntry) -> tuple[object, ...]:
    return (entry.terminal_id, entry.chain, entry.seq, entry.kind, entry.ref, entry.at,
            entry.key_id, entry.prev, entry.body)  # fmt: skip


def floor(path: Path, out: Path) -> float:
    """The same rows read and written as one CSV into a zip: no JSONL, hash or signature."""
    started = time.perf_counter()
    bounds = ("2026-10-31T23:00:00.000Z", "2026-11-30T23:00:00.000Z")
    with (
        LocalStore(path) as store,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("ticket.csv", "w", force_zip64=True) as member,
    ):
        chunk: list[str] = []
        for row in store.conn.execute(SELECT, bounds):
            chunk.append(csv_line(row))
            if len(chunk) == 2000:
                member.write("".join(chunk).encode())
                chunk = []
        member.write("".join(chunk).encode())
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        data = folder / "till"
        data.mkdir()
        loaded = fill(data / "store.db", args.tickets, sale_template(folder))
        print(f"{args.tickets:,} signed ticket entries (+{2 * EDGE} around) in {loaded:.1f} s")
        made, floors, result = [], [], None
        for run in range(args.runs):
            floors.append(floor(data / "store.db", folder / f"floor-{run}.zip"))
            started = time.perf_counter()
            result = Archives(data, "T1").make("2026-11", actor=None, out_dir=folder / "out")
            made.append(time.perf_counter() - started)
        assert result is not None and result.entries[TICKET] == args.tickets, result
        started = time.perf_counter()
        report = check_archive(result.path)
        checked = time.perf_counter() - started
        assert report.ok, report.problem
        size = result.path.stat().st_size
    best, median = min(made), statistics.median(made)
    floor_s = statistics.median(floors)
    print(
        f"archive of {args.tickets:,} tickets: median {median:.2f} s, best {best:.2f} s "
        f"(target ≤ {TARGET_S:.0f} s); floor (same rows as one CSV in a zip, no signing) "
        f"{floor_s:.2f} s; ratio {median / floor_s:.2f}x"
    )
    print(f"verify-archive of it: {checked:.2f} s (every signature); file {size / 1e6:.0f} MB")
    ok = median <= TARGET_S
    print("PASS" if ok else "FAIL: the monthly archive is over its target")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
