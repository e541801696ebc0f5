"""Departments' display names: the ``departments`` feed applied, and names read by code.

A product carries its department's code ("cremerie"); what the staff read, on screen
and on the picking list, is its name in their language ("Crèmerie et frais
libre-service", "Dairy and chilled self-service"). Central's names win over whatever
the till held (a department first seen through a product is named by its code until
its own item arrives). Each page and its cursor commit together.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Protocol

from pos.store.feed_cursors import forget, page_transaction

FEED = "departments"
_UPSERT = (
    "INSERT INTO departments (code, name, name_en, vat_bp) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, "
    "vat_bp = excluded.vat_bp"
)
_NAMES = "SELECT code, name, name_en FROM departments ORDER BY code"


class DepartmentItemLike(Protocol):
    """A department as the feed sends it (``sync.contract.feeds.DepartmentItem`` fits)."""

    @property
    def code(self) -> str: ...
    @property
    def name_fr(self) -> str: ...
    @property
    def name_en(self) -> str: ...
    @property
    def vat_bp(self) -> int: ...


def apply_page(
    conn: sqlite3.Connection, items: Iterable[DepartmentItemLike], next_cursor: str
) -> int:
    """Upsert the page's departments and store ``next_cursor``, in one transaction."""
    rows = [(d.code, d.name_fr, d.name_en, d.vat_bp) for d in items]
    with page_transaction(conn, FEED, next_cursor):
        conn.executemany(_UPSERT, rows)
    return len(rows)


def restart(conn: sqlite3.Connection) -> None:
    """Pull the departments again from the beginning (the API refused our cursor)."""
    forget(conn, FEED)


def names(conn: sqlite3.Connection, language: str = "fr") -> dict[str, str]:
    """code: the department's name in ``language`` ("en": the English name when there is
    one; otherwise French, the shop's own)."""
    english = language == "en"
    return {
        code: (name_en if english and name_en else name)
        for code, name, name_en in conn.execute(_NAMES)
    }
