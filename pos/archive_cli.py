"""``comptoir archive`` and ``comptoir verify-archive``: the fiscal record's archives.

    comptoir archive --period 2026-11 [--out DIR]   write the period's signed archive
    comptoir verify-archive FILE                     check one, name the first problem

``--period`` is a month (2026-11), a year (2026), a day (2026-11-03) or a range of days
(2026-11-01..2026-11-15), in the store's local time (Europe/Paris). The archive goes to
``DIR`` (default: ``archives/`` in the data folder). ``verify-archive`` exits 0 when the
archive is sound, 3 when it is not (as ``verify-journal`` for a broken journal).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pos.domain.errors import PosError
from pos.store.errors import StoreError

BROKEN_EXIT = 3


def add_parsers(commands: argparse._SubParsersAction) -> None:
    archive = commands.add_parser("archive", help="write a period's signed fiscal archive")
    archive.add_argument(
        "--period", required=True, help="2026-11, 2026, 2026-11-03 or 2026-11-01..2026-11-15"
    )
    archive.add_argument("--out", default=None, help="folder for the archive (default: "
                         "archives/ in the data folder)")  # fmt: skip
    check = commands.add_parser("verify-archive", help="check a signed fiscal archive")
    check.add_argument("file", help="the archive (.zip)")


def run_archive(data_dir: Path, period: str, out: str | None, terminal_id: str) -> int:
    from pos.services.archives import Archives

    try:
        result = Archives(data_dir, terminal_id).make(
            period, actor=None, out_dir=Path(out) if out else None, source="cli"
        )
    except (PosError, StoreError) as exc:
        print(f"comptoir archive: {exc.message}", file=sys.stderr)
        return 2 if isinstance(exc, PosError) and exc.code == "bad_period" else 1
    except OSError as exc:
        print(f"comptoir archive: {exc.strerror or exc}: {exc.filename}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{chain} {count:,}" for chain, count in result.entries.items() if count)
    print(f"Archive written: {result.path}")
    print(f"Entries: {counts or 'none'}; legacy journal rows: {result.legacy_rows:,}.")
    print(f"Manifest SHA-256 {result.manifest_sha256}, signed by key {result.signing_key_id}.")
    return 0


def run_verify_archive(file: str) -> int:
    from pos.services.archives import Archives

    report = Archives.verify(Path(file))
    if not report.ok:
        print(f"ARCHIVE BROKEN: {report.problem}", file=sys.stderr)
        return BROKEN_EXIT
    counts = ", ".join(f"{chain} {count:,}" for chain, count in report.entries.items() if count)
    print(
        f"Archive intact: terminal {report.terminal_id}, period {report.period}; entries: "
        f"{counts or 'none'}; legacy journal rows: {report.legacy_rows:,}."
    )
    print(
        f"Signed by key {report.signing_key_id}: compare it with the key central registered "
        "for this terminal."
    )
    return 0
