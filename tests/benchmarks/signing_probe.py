"""Probe: the durable sale commit WITH signing against the SAME commit with signing
stubbed (a key stand-in whose ``sign`` returns a constant signature of the real length),
on two copies of the same store, interleaved sale by sale so disk hiccups hit both.

    .venv/bin/python -m tests.benchmarks.signing_probe [--data-dir .bench] [--sales 2000]

The store is the benchmark catalog of ``run.py`` (1,000,000 products, built once with
``comptoir demo`` into ``--data-dir`` and reused); ``--products`` builds a smaller one.
Goal (issue 13): signed commit p99 <= 1.25x the unsigned commit's p99.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pos.domain.sale import SaleDraft
from pos.store.db import connect
from pos.store.sales import SalesStore
from pos.store.signing_key import KeyStore, SigningKey
from tests.benchmarks.commit_probe import make_draft

ROOT = Path(__file__).resolve().parents[2]
WARM_UP = 100
GOAL = 1.25


class ConstantKey:
    """The real key's id and PEM, and a constant signature instead of ECDSA: only what
    signing costs is left out of the commit. For this benchmark only."""

    def __init__(self, key: SigningKey) -> None:
        self.key_id, self.public_pem = key.key_id, key.public_pem
        self._sig = key.sign(b"a signature of the real length")

    def sign(self, data: bytes) -> str:
        return self._sig


class UnsignedKeys:
    """A ``KeyStore`` stand-in handing out the ``ConstantKey``."""

    def __init__(self, key: SigningKey) -> None:
        self._key = ConstantKey(key)

    def current(self) -> ConstantKey:
        return self._key


def build_store(data_dir: Path, products: int) -> Path:
    store = data_dir / "store.db"
    if store.exists():
        return store
    data_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pos", "--data-dir", str(data_dir), "demo",
         "--products", str(products), "--days", "0"],
        check=True, cwd=ROOT,
    )  # fmt: skip
    return store


def copy_of(source: Path, folder: Path) -> sqlite3.Connection:
    folder.mkdir()
    with sqlite3.connect(source) as src, sqlite3.connect(folder / "store.db") as dst:
        src.backup(dst)
    return connect(folder / "store.db")


def percentiles(samples: list[int]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100)
    return cuts[49] / 1000, cuts[98] / 1000


def measure(source: Path, scratch: Path, count: int) -> dict[str, tuple[float, float]]:
    """p50 and p99 (µs) of the signed and the unsigned commit, same run, same data."""
    signed_conn = copy_of(source, scratch / "signed")
    unsigned_conn = copy_of(source, scratch / "unsigned")
    key = KeyStore(scratch / "signed", use_keyring=False).current()
    stores = {
        "signed commit": SalesStore(signed_conn, keys=KeyStore(scratch / "signed")),
        "unsigned commit": SalesStore(unsigned_conn, keys=UnsignedKeys(key)),  # type: ignore[arg-type]
    }
    timings: dict[str, list[int]] = {name: [] for name in stores}
    drafts: list[SaleDraft] = [make_draft(n) for n in range(1, count + WARM_UP + 1)]
    for number, draft in enumerate(drafts, start=1):
        order = list(stores.items()) if number % 2 else list(reversed(stores.items()))
        for name, store in order:
            started = time.perf_counter_ns()
            store.commit(draft)
            elapsed = time.perf_counter_ns() - started
            if number > WARM_UP:
                timings[name].append(elapsed)
    signed_conn.close()
    unsigned_conn.close()
    return {name: percentiles(samples) for name, samples in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT / ".bench")
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--sales", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("COMPTOIR_KEY_STORE", "file")
    source = build_store(args.data_dir, args.products)
    with tempfile.TemporaryDirectory(dir=args.data_dir) as scratch:
        figures = measure(source, Path(scratch), args.sales)
    for name, (p50, p99) in figures.items():
        print(f"{name:>16}: p50 {p50:7.0f} µs   p99 {p99:7.0f} µs   ({args.sales} sales)")
    (p50, p99), (u50, u99) = figures["signed commit"], figures["unsigned commit"]
    verdict = "met" if p99 / u99 <= GOAL else "NOT met"
    ratios = f"p50 {p50 / u50:.2f}x, p99 {p99 / u99:.2f}x"
    print(f"{'ratio':>16}: {ratios} (goal p99 <= {GOAL}x: {verdict})")


if __name__ == "__main__":
    main()
