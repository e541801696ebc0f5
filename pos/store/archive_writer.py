"""Writing one period's signed archive: a zip anyone can check with sha256sum and openssl.

Every chain's entries of the period go in as CSV and JSON Lines exactly as signed, with
the entry just before the period (``anchors.csv``), the legacy journal's rows of the
period, the public keys, a manifest of every member's SHA-256 and the manifest's DER
signature by the terminal's current key. Members are streamed into the zip and hashed
as they are written, so a month of 100,000 tickets never sits in memory.

The store is read in one read transaction (one snapshot: a sale committed meanwhile is in
or out whole); the file is written under a temporary name, synced, then renamed, so an
archive on disk is always complete.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import re
import sqlite3
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from pos.domain.archive_period import ArchivePeriod
from pos.domain.chain_entry import CHAINS, ChainEntry
from pos.store import archive_format as fmt
from pos.store import chains
from pos.store.archive_readme import readme_text
from pos.store.sale_codec import (
    CHILD_QUERIES,
    SALE_FIELDS,
    canonical_json,
    sale_record,
)
from pos.store.signing_key import SigningKey

_CHUNK_ROWS = 2000
_HOUSE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
#: Two days either side of the period's UTC bounds: a cheap text pre-filter on ``at``
#: (whatever offset it was written with); each candidate is then placed exactly.
_MARGIN = timedelta(days=2)
_CANDIDATES = "SELECT seq, at FROM chain_entries WHERE chain = ? AND at >= ? AND at < ?"
#: Rows in the archive's column order (``archive_format.ENTRY_COLUMNS``: body last).
_RUN = (
    "SELECT terminal_id, chain, seq, kind, ref, at, key_id, prev, sig, body FROM chain_entries "
    "WHERE chain = ? AND seq BETWEEN ? AND ? ORDER BY seq"
)
_KEYS_USED = "SELECT DISTINCT key_id FROM chain_entries WHERE chain = ? AND seq BETWEEN ? AND ?"
_ONE = (
    "SELECT terminal_id, chain, seq, kind, ref, at, key_id, prev, body, sig FROM chain_entries "
    "WHERE chain = ? AND seq = ?"
)
_JOURNAL = (
    "SELECT seq, sale_id, terminal_id, ticket_no, total_cents, grand_total_cents, prev_hash, "
    "hash, created_at FROM journal WHERE created_at >= ? AND created_at < ? ORDER BY seq"
)
_SALE = "SELECT " + ", ".join(SALE_FIELDS) + " FROM sales WHERE id = ?"


@dataclass(frozen=True, slots=True)
class ArchiveResult:
    path: Path
    manifest_sha256: str
    signing_key_id: str
    entries: dict[str, int] = field(default_factory=dict)
    legacy_rows: int = 0


def write_archive(
    conn: sqlite3.Connection,
    key: SigningKey,
    period: ArchivePeriod,
    out_dir: Path,
    *,
    terminal_id: str,
    made_at: str,
    version: str,
) -> ArchiveResult:
    """Write ``comptoir-<terminal>-<period>.zip`` (``-2``, ``-3``… if taken) in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = _free_name(out_dir, f"comptoir-{terminal_id}-{period.file_label}")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
                writer = _Writer(archive)
                with _snapshot(conn):
                    entries, legacy, used = _write_records(conn, writer, period)
                    _write_keys(conn, writer, used | {key.key_id})
                writer.text(fmt.SIGNING_KEY, key.public_pem)
                writer.text(fmt.INFO, _info(terminal_id, period, made_at, version, key, entries,
                                            legacy))  # fmt: skip
                writer.text(fmt.README, readme_text(
                    terminal=terminal_id, period=period.label, first=period.first.isoformat(),
                    last=period.last.isoformat(), made_at=made_at, version=version,
                    fmt=fmt.FORMAT))  # fmt: skip
                manifest = fmt.manifest_text(writer.hashes)
                writer.text(fmt.MANIFEST, manifest)
                writer.raw(fmt.MANIFEST_SIG, base64.b64decode(key.sign(manifest.encode())))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            temporary.unlink()
        raise
    digest = hashlib.sha256(manifest.encode()).hexdigest()
    return ArchiveResult(path, digest, key.key_id, entries, legacy)


class _Writer:
    """Streams members into the zip, keeping each one's SHA-256 for the manifest."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.hashes: dict[str, str] = {}

    def raw(self, name: str, data: bytes) -> None:
        self.archive.writestr(name, data)

    def text(self, name: str, text: str) -> None:
        self.stream(name, [text])

    def stream(self, name: str, chunks: Iterable[str]) -> None:
        digest = hashlib.sha256()
        with self.archive.open(name, "w", force_zip64=True) as member:
            for chunk in chunks:
                data = chunk.encode("utf-8")
                digest.update(data)
                member.write(data)
        if name not in fmt.UNLISTED:
            self.hashes[name] = digest.hexdigest()


def _write_records(
    conn: sqlite3.Connection, writer: _Writer, period: ArchivePeriod
) -> tuple[dict[str, int], int, set[str]]:
    """Each chain's run and its anchor, and the legacy journal: (counts, legacy rows, keys)."""
    counts: dict[str, int] = {}
    anchors: list[ChainEntry] = []
    used: set[str] = set()
    for chain in CHAINS:
        run = _run(conn, chain, period)
        if run is None:
            counts[chain] = 0
            continue
        first, last = run
        counts[chain] = last - first + 1
        anchor = conn.execute(_ONE, (chain, first - 1)).fetchone()
        if anchor:
            anchors.append(ChainEntry(*anchor))
            used.add(anchors[-1].key_id)
        used.update(k for (k,) in conn.execute(_KEYS_USED, (chain, first, last)))
        writer.stream(fmt.chain_csv(chain), _lines(conn, chain, first, last, fmt.csv_line))
        writer.stream(fmt.chain_jsonl(chain), _lines(conn, chain, first, last, fmt.json_line))
    writer.stream(fmt.ANCHORS, _csv_chunks(fmt.ENTRY_COLUMNS, (fmt.entry_row(a) for a in anchors)))
    legacy = list(_legacy_rows(conn, period))
    writer.stream(fmt.JOURNAL, _csv_chunks(fmt.JOURNAL_COLUMNS, iter(legacy)))
    return counts, len(legacy), used


def _run(conn: sqlite3.Connection, chain: str, period: ArchivePeriod) -> tuple[int, int] | None:
    """(first, last) seq of the chain's entries dated in the period; None if none is.
    An ``at`` in the house format (UTC, ``…000Z``) compares as text with the bounds;
    any other is parsed."""
    start, end = _house(period.start_utc), _house(period.end_utc)
    low = (period.start_utc - _MARGIN).date().isoformat()
    high = (period.end_utc + _MARGIN).date().isoformat()
    first = last = None
    for seq, at in conn.execute(_CANDIDATES, (chain, low, high)):
        if start <= at < end if _HOUSE_FORMAT.match(at) else period.holds(at):
            first = seq if first is None else min(first, seq)
            last = seq if last is None else max(last, seq)
    return None if first is None or last is None else (first, last)


def _house(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _lines(
    conn: sqlite3.Connection, chain: str, first: int, last: int, render: Callable[..., str]
) -> Iterator[str]:
    """The run's rows rendered (a CSV header first), joined in chunks for the zip."""
    chunk: list[str] = [fmt.csv_line(fmt.ENTRY_COLUMNS)] if render is fmt.csv_line else []
    for row in conn.execute(_RUN, (chain, first, last)):
        chunk.append(render(row))
        if len(chunk) >= _CHUNK_ROWS:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk)


def _csv_chunks(header: Iterable[str], rows: Iterator[list[object]]) -> Iterator[str]:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(header)
    for number, row in enumerate(rows, start=1):
        out.writerow(row)
        if number % _CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _legacy_rows(conn: sqlite3.Connection, period: ArchivePeriod) -> Iterator[list[object]]:
    """The legacy journal's rows made in the period, each with the canonical sale record
    it hashed, so ``hash = sha256(prev_hash LF record)`` is checkable from the file."""
    start, end = _house(period.start_utc), _house(period.end_utc)
    for row in conn.execute(_JOURNAL, (start, end)).fetchall():
        yield [*row, _sale_text(conn, row[1])]


def _sale_text(conn: sqlite3.Connection, sale_id: str) -> str:
    sale = conn.execute(_SALE, (sale_id,)).fetchone()
    if sale is None:
        return ""
    children = (conn.execute(sql, (sale_id,)).fetchall() for sql in CHILD_QUERIES)
    try:
        return canonical_json(sale_record(sale, *children))
    except (TypeError, ValueError):  # rows altered by hand: the hash check will say so
        return ""


def _write_keys(conn: sqlite3.Connection, writer: _Writer, used: set[str]) -> None:
    records = chains.keys(conn)
    rows = ([r.key_id, r.public_pem, r.created_at, r.introduced_by, r.introduction]
            for r in records)  # fmt: skip
    writer.stream(fmt.TERMINAL_KEYS, _csv_chunks(fmt.KEY_COLUMNS, rows))
    for record in records:
        if record.key_id in used:
            writer.text(fmt.key_file(record.key_id), record.public_pem)


def _info(
    terminal: str,
    period: ArchivePeriod,
    made_at: str,
    version: str,
    key: SigningKey,
    entries: dict[str, int],
    legacy: int,
) -> str:
    info = {
        "format": fmt.FORMAT,
        "terminal_id": terminal,
        "period": period.label,
        "first_day": period.first.isoformat(),
        "last_day": period.last.isoformat(),
        "time_zone": "Europe/Paris",
        "made_at": made_at,
        "software_version": version,
        "signing_key_id": key.key_id,
        "entries": entries,
        "legacy_journal_rows": legacy,
    }
    return json.dumps(info, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _free_name(folder: Path, stem: str) -> Path:
    path, number = folder / f"{stem}.zip", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.zip"
    return path


class _snapshot:
    """A read transaction: every member of the archive comes from one state of the store."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.owned = False

    def __enter__(self) -> None:
        self.owned = not self.conn.in_transaction
        if self.owned:
            self.conn.execute("BEGIN")

    def __exit__(self, *exc: object) -> None:
        if self.owned and self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
