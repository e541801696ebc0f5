"""The headless store commands: ``demo``, ``verify-journal``, ``enrol``, ``sync`` and
``outbox`` (what sync set aside or was warned about, and sending it again)."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pos.config import DATABASE_FILE, Settings
from pos.domain.errors import PosError
from pos.domain.money import format_eur
from pos.services.demo_store import build_demo_store
from pos.store.errors import StoreError
from pos.store.local_store import LocalStore

if TYPE_CHECKING:
    from sync.engine.status import Refusal


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


def run_verify_journal(data_dir: Path, terminal_id: str = "") -> int:
    """Walk the legacy journal and every chain; list each chain with its entry count and
    name the first bad entry of each. The run is recorded in the JET (``verification_run``,
    by ``FiscalRecord.verify``, as the till's dialog does). Exit 0 when intact (warnings
    included), 3 when broken, 1 when the store cannot open."""
    from pos.services.fiscal_record import FiscalRecord

    record = FiscalRecord(data_dir, terminal_id or Settings().till.terminal_id)
    try:
        run = record.verify(None, source="cli")
    except StoreError as exc:
        print(f"comptoir verify-journal: {exc}", file=sys.stderr)
        return 1
    report = run.report
    for summary in report.chains:
        print(summary.line())
    for warning in report.warnings:
        print(f"Warning: {warning.reason}")
    if run.not_recorded:
        print(f"comptoir verify-journal: the run could not be recorded ({run.not_recorded}).")
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
    from pos.services.central_link import REGISTERED_KEY, enrol_terminal
    from sync.ports import CentralError

    try:
        with LocalStore(data_dir / DATABASE_FILE) as store:
            link = enrol_terminal(
                store, data_dir, url, store_id, terminal_id, code, ca_file=ca_file
            )
            key_id = store.setting(REGISTERED_KEY)
    except (PosError, StoreError, CentralError) as exc:
        print(f"comptoir enrol: {exc.message}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"comptoir enrol: {exc}", file=sys.stderr)
        return 2
    print(f"Terminal {link.terminal_id} of store {link.store_id} enrolled with {link.url}.")
    if key_id:
        print(f"Its signing key {key_id} is registered there: central checks every entry.")
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
    totals = engine.totals
    pulled = ", ".join(f"{feed} {count:,}" for feed, count in totals.pulled.items())
    print(
        f"{status.state}: {totals.accepted:,} sent, {totals.duplicates:,} already known, "
        f"{totals.rejected:,} refused, {status.rejected:,} set aside in all, "
        f"{status.pending:,} waiting; pulled {pulled or 'nothing'}."
    )
    _print_noted("Refused by the central API (set aside)", totals.rejected, totals.refusals)
    _print_noted("Warnings from the central API", totals.warned, totals.warnings)
    if status.rejected:
        print("See them with: comptoir outbox list; send again with: comptoir outbox requeue.")
    if status.last_error:
        print(f"comptoir sync: {status.last_error}", file=sys.stderr)
        return 1
    return SET_ASIDE_EXIT if status.rejected or status.pending else 0


#: ``comptoir sync`` and ``comptoir outbox list`` exit with this when operations are set
#: aside (or still waiting; for ``outbox list``, also undo calls owed to central that it
#: refused or has not answered for long): the till needs a manager's look.
SET_ASIDE_EXIT = 4
#: At most this many refusals or warnings are printed one per line.
PRINTED_MAX = 20


def _print_noted(title: str, total: int, noted: Sequence[Refusal]) -> None:
    if not total:
        return
    print(f"{title}: {total:,}")
    for item in noted[:PRINTED_MAX]:
        print(f"  seq {item.seq} {item.kind} {item.op_id}: {item.code}: {item.text}")
    if total > PRINTED_MAX:
        print(f"  … and {total - PRINTED_MAX:,} more (comptoir outbox list).")


def run_outbox_list(data_dir: Path) -> int:
    """The set-aside operations and central's warnings, for a manager or support."""
    from pos.services.outbox_review import OutboxReview

    try:
        found = OutboxReview(data_dir, "").list()
    except StoreError as exc:
        print(f"comptoir outbox: {exc.message}", file=sys.stderr)
        return 1
    print(f"Set aside: {found.set_aside_total:,} (waiting to be sent: {found.pending:,})")
    for op in found.set_aside:
        print(f"  seq {op.seq} {op.kind} {op.op_id} at {op.rejected_at}: {op.code}: {op.reason}")
    print(f"Warnings from the central API: {found.warning_total:,}")
    for w in found.warnings:
        print(f"  seq {w.seq} {w.kind} {w.op_id} at {w.recorded_at}: {w.code}: {w.text}")
    if found.owed:
        print(f"Owed to the central API, refused or unanswered for long: {len(found.owed):,}")
    for c in found.owed:
        what = f"{c.kind} {c.key}" + (f" (credit note {c.code})" if c.code else "")
        print(f"  {what} since {c.queued_at}, {c.attempts} tries: {c.last_code}: {c.last_error}")
    return SET_ASIDE_EXIT if found.set_aside_total or found.owed else 0


def run_outbox_requeue(data_dir: Path, op_ids: Sequence[str], terminal_id: str) -> int:
    """Put set-aside operations back in the queue (recorded); the next sync sends them."""
    from pos.services.outbox_review import OutboxReview

    try:
        done = OutboxReview(data_dir, terminal_id).requeue(list(op_ids) or None, source="cli")
    except StoreError as exc:
        print(f"comptoir outbox: {exc.message}", file=sys.stderr)
        return 1
    missing = [op_id for op_id in op_ids if op_id not in done]
    print(f"{len(done):,} operations back in the queue; the next sync sends them.")
    if missing:
        print(f"comptoir outbox: not set aside: {', '.join(missing)}.", file=sys.stderr)
        return 2
    return 0


def run_link_medusa(data_dir: Path, settings_file: Path, terminal_id: str) -> int:
    from pos.services.central_link import WITHOUT_PLUGIN, link_medusa

    try:
        with LocalStore(data_dir / DATABASE_FILE) as store:
            linked = link_medusa(store, data_dir, settings_file, terminal_id)
    except OSError as exc:
        print(f"comptoir link-medusa: {settings_file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except (PosError, StoreError) as exc:
        print(f"comptoir link-medusa: {exc.message}", file=sys.stderr)
        return 1
    print(f"Terminal {terminal_id} of store {linked.store_id} now syncs with Medusa.")
    if linked.plugin_version:
        print(f"Comptoir's plugin {linked.plugin_version} is installed in this Medusa.")
        if linked.registered_key_id:
            print(
                f"This terminal's signing key {linked.registered_key_id} is registered there: "
                "Medusa checks and witnesses its signed chains."
            )
    else:
        print(
            "Comptoir's plugin is NOT installed in this Medusa (comptoir-medusa-plugin, see "
            f"the README). {WITHOUT_PLUGIN}"
        )
    return 0
