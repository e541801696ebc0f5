"""The headless store commands behind ``comptoir demo`` and ``comptoir verify-journal``."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain.errors import PosError
from pos.services.demo_store import build_demo_store
from pos.store.errors import StoreError
from pos.store.journal import verify
from pos.store.local_store import LocalStore


def run_demo(data_dir: Path, *, products: int, days: int, seed: int) -> int:
    if products < 1 or days < 0:
        print(
            "comptoir demo: --products must be at least 1 and --days at least 0.", file=sys.stderr
        )
        return 2
    started = time.perf_counter()
    try:
        with LocalStore(data_dir / DATABASE_FILE) as store:
            summary = build_demo_store(
                store,
                products=products,
                days=days,
                seed=seed,
                today=date.today(),
                progress=lambda message: print(message, flush=True),
            )
    except (PosError, StoreError) as exc:
        print(f"comptoir demo: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"Demo store ready in {data_dir}: {summary.products:,} products, "
        f"{summary.customers} customers, {summary.sales} past sales ({elapsed:.1f} s)."
    )
    return 0


def run_verify_journal(data_dir: Path) -> int:
    try:
        with LocalStore(data_dir / DATABASE_FILE) as store:
            report = verify(store.conn)
    except StoreError as exc:
        print(f"comptoir verify-journal: {exc}", file=sys.stderr)
        return 1
    if report.ok:
        print(
            f"Journal intact: {report.entries} entries, perpetual grand total "
            f"{report.grand_total_cents / 100:.2f} EUR."
        )
        return 0
    print(f"JOURNAL BROKEN: {report.reason}", file=sys.stderr)
    return 3
