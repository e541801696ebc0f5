"""Departments: the names behind the codes products carry, served as a feed.

A product names its department by code ("cremerie"); the till shows and prints the
department's name ("Crèmerie et frais libre-service", or its English name). The names
live here once, not in every product's item: renaming a department is one change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Protocol

from sync.central.db import next_change_seqs

#: The feed page query, (position, limit): (change_seq, item JSON) in change order.
FEED_QUERY = (
    "SELECT change_seq, CAST(json_object('code', code, 'name_fr', name_fr, 'name_en', "
    "name_en, 'vat_bp', vat_bp, 'version', change_seq) AS BLOB) FROM departments "
    "WHERE change_seq > ? ORDER BY change_seq LIMIT ?"
)
_UPSERT = (
    "INSERT INTO departments (code, name_fr, name_en, vat_bp, change_seq) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name_fr = excluded.name_fr, "
    "name_en = excluded.name_en, vat_bp = excluded.vat_bp, change_seq = excluded.change_seq "
    "WHERE (name_fr, name_en, vat_bp) IS NOT (excluded.name_fr, excluded.name_en, "
    "excluded.vat_bp)"
)


class DepartmentLike(Protocol):
    """What is read from a department (``resources.demo.catalog.DemoDepartment`` fits)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def name_en(self) -> str: ...
    @property
    def vat_bp(self) -> int: ...


def upsert(conn: sqlite3.Connection, departments: Iterable[DepartmentLike]) -> None:
    """Write departments in the writer's transaction; an unchanged one keeps its version
    (a change_seq not used is a gap, which a feed allows)."""
    rows = list(departments)
    if not rows:
        return
    seq = next_change_seqs(conn, len(rows))
    conn.executemany(
        _UPSERT, [(d.code, d.name, d.name_en, d.vat_bp, seq + i) for i, d in enumerate(rows)]
    )
