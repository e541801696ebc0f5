"""The headless store commands: ``demo``, ``verify-journal``, ``enrol`` and ``sync``."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain.errors import PosError
from pos.domain.money import format_eur
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
            f"{format_eur(report.grand_total_cents)}."
        )
        return 0
    print(f"JOURNAL BROKEN: {report.reason}", file=sys.stderr)
    return 3


def run_enrol(
    data_dir: Path, url: str, store_id: str, terminal_id: str, code: str, ca_file: str
) -> int:
    from pos.services.central_link import enrol_terminal
    from sync.ports import CentralError

    try:
        with LocalStore(data_dir / DATABASE_FILE) as store:
            link = enrol_terminal(
                store, data_dir, url, store_id, terminal_id, code, ca_file=ca_file
            )
    except (PosError, StoreError, CentralError) as exc:
        print(f"comptoir enrol: {exc.message}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"comptoir enrol: {exc}", file=sys.stderr)
        return 2
    print(f"Terminal {link.terminal_id} of store {link.store_id} enrolled with {link.url}.")
    return 0


def run_sync(data_dir: Path) -> int:
    """One sync round from the command line (scripts, support): push, pull, say how it went."""
    from pos.services.central_link import read_link, sync_engine

    try:
        with LocalStore(data_dir / DATABASE_FILE) as store:
            link = read_link(store)
        if link is None:
            print("comptoir sync: this till is not enrolled (see comptoir enrol).", file=sys.stderr)
            return 1
        engine = sync_engine(data_dir, link, lambda _status: None)
    except (PosError, StoreError) as exc:
        print(f"comptoir sync: {exc.message}", file=sys.stderr)
        return 1
    try:
        status = engine.sync_once()
    finally:
        engine.close()
        engine.central.close()
    pulled = ", ".join(f"{feed} {count:,}" for feed, count in engine.totals.pulled.items())
    print(
        f"{status.state}: {engine.totals.accepted:,} sent, {engine.totals.duplicates:,} "
        f"already known, {status.pending:,} waiting; pulled {pulled or 'nothing'}."
    )
    if status.last_error:
        print(f"comptoir sync: {status.last_error}", file=sys.stderr)
        return 1
    return 0


def run_link_medusa(data_dir: Path, settings_file: Path, terminal_id: str) -> int:
    from pos.services.central_link import link_medusa

    try:
        with LocalStore(data_dir / DATABASE_FILE) as store:
            store_id = link_medusa(store, data_dir, settings_file, terminal_id)
    except OSError as exc:
        print(f"comptoir link-medusa: {settings_file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except (PosError, StoreError) as exc:
        print(f"comptoir link-medusa: {exc.message}", file=sys.stderr)
        return 1
    print(f"Terminal {terminal_id} of store {store_id} now syncs with Medusa.")
    return 0
