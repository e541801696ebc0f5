"""The first-sync snapshot (``sync.contract.snapshot``), built by SQLite in columns.

A chunk is one range scan by id (products, then this store's stock rows) limited to
rows whose ``change_seq`` is at most the snapshot's sequence, aggregated into one JSON
array per field of the contract's item model by ``json_group_array`` in C. A row
changed while the snapshot is read (its ``change_seq`` moved past the sequence) is
left out here and comes with the feeds, which continue from that sequence: nothing is
lost, and keyset paging by id is unmoved by such writes. The sequence is read in the
first chunk's read transaction: the single writer commits rows with their sequence,
so every row at or below it is already visible.
"""

from __future__ import annotations

import sqlite3
import zlib
from functools import cache

from sync.central import cursors
from sync.central.db import CHANGE_SEQ, Database
from sync.central.errors import ApiError, bad_request
from sync.contract.snapshot import DEFAULT_SNAPSHOT_ROWS, MAX_SNAPSHOT_ROWS, PART_ITEMS

GZIP_LEVEL = 1  # level 6 costs ~2x the CPU for ~20 % fewer bytes; loopback and LAN favour 1
_TABLES = {"catalog": ("products", "id", False), "stock": ("stock", "product_id", True)}
# Item fields whose value is not the same-named column as it stands.
_SPECIAL = {
    "version": "change_seq",
    "active": "json(CASE active WHEN 1 THEN 'true' ELSE 'false' END)",
    "barcodes": "json(barcodes)",
}


def parse_rows(raw: str | None) -> int:
    """``limit`` from the query string: 1..MAX_SNAPSHOT_ROWS, default DEFAULT_SNAPSHOT_ROWS."""
    if raw is None:
        return DEFAULT_SNAPSHOT_ROWS
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_SNAPSHOT_ROWS:
        raise bad_request(f"limit must be a whole number from 1 to {MAX_SNAPSHOT_ROWS}.")
    return int(raw)


def chunk(db: Database, store_id: str, cursor: str | None, limit: int) -> bytes:
    """The chunk after ``cursor`` as response bytes (JSON, not yet compressed)."""
    with db.read() as conn:
        if cursor is None:
            seq, part, after = _current_seq(conn), "catalog", 0
        else:
            try:
                seq, part, after = cursors.decode_snapshot(db.cursor_secret, cursor, store_id)
            except cursors.BadCursor as exc:
                raise ApiError(400, "bad_cursor", str(exc)) from None
        count, last, columns = conn.execute(
            _query(conn, part), _params(part, store_id, after, seq, limit)
        ).fetchone()
    secret = db.cursor_secret
    if count < limit and part == "catalog":
        part_next, after_next = "stock", 0
    else:
        part_next, after_next = part, last or after
    done = part == "stock" and count < limit
    head = f'{{"seq":{seq},"part":"{part}","count":{count},"{part}":'
    tail = (
        f',"next_cursor":"{cursors.encode_snapshot(secret, store_id, seq, part_next, after_next)}"'
        f',"done":{"true" if done else "false"}'
        f',"catalog_cursor":"{cursors.encode(secret, "catalog", store_id, seq)}"'
        f',"stock_cursor":"{cursors.encode(secret, "stock", store_id, seq)}"}}'
    )
    return head.encode() + columns + tail.encode()


def gzipped(body: bytes) -> bytes:
    """``body`` as a gzip member (``Content-Encoding: gzip``)."""
    packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)
    return packer.compress(body) + packer.flush()


def _current_seq(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM counters WHERE name = ?", (CHANGE_SEQ,)).fetchone()
    return max(int(row[0]) if row else 0, 1)


def _params(part: str, store_id: str, after: int, seq: int, limit: int) -> tuple:
    if _TABLES[part][2]:
        return (store_id, after, seq, limit)
    return (after, seq, limit)


@cache
def _query_text(part: str, table_columns: frozenset[str]) -> str:
    table, key, per_store = _TABLES[part]
    pairs = []
    for field in PART_ITEMS[part].model_fields:
        if field in _SPECIAL:
            expr = _SPECIAL[field]
        elif field in table_columns:
            expr = field
        else:  # kept only in the stored item (a field this table has no column for)
            expr = f"json(item -> '$.{field}')"
        pairs.append(f"'{field}', json_group_array({expr})")
    where = ("store_id = ? AND " if per_store else "") + f"{key} > ? AND change_seq <= ?"
    return (
        f"SELECT count(*), max({key}), CAST(json_object({', '.join(pairs)}) AS BLOB) "
        f"FROM (SELECT * FROM {table} WHERE {where} ORDER BY {key} LIMIT ?)"
    )


def _query(conn: sqlite3.Connection, part: str) -> str:
    table = _TABLES[part][0]
    names = frozenset(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
    return _query_text(part, names)
