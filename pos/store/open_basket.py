"""Each terminal's open basket, saved as it changes, and the sale it became until shown.

A scan writes one small row (its line), not the whole basket, in a commit made at
``synchronous=NORMAL``: in WAL mode such a commit is in the operating system's file cache
when it returns, so it survives the till's process being killed or crashing (what a till
must survive); only a power cut can lose the last changes, until the next FULL commit
syncs the log. The sale's own commit stays FULL: it calls ``hand_over`` inside its
transaction, which deletes the basket and records the sale as "not shown yet", so after
any kill exactly one of {the open basket, the completed sale} is there to offer back.

Hot path: plain prepared SQL, no sqlite-utils helpers. Callers own no transaction here
except ``hand_over``, which runs inside theirs.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos.store.db import connect, write_transaction
from pos.store.errors import classify, translate_errors

# A scan never waits behind another writer (a sync page, a pickup move) for more than
# this: the save gives up, the scan goes on, and the next save writes what was missed.
SAVE_BUSY_MS = 50
_SAVE_HEADER = (
    "INSERT INTO open_basket (terminal_id, sale_id, cashier, started_at, ticket_discount, "
    "tenders, saved_at, pricing) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (terminal_id) DO UPDATE SET sale_id = excluded.sale_id, "
    "cashier = excluded.cashier, started_at = excluded.started_at, "
    "ticket_discount = excluded.ticket_discount, tenders = excluded.tenders, "
    "saved_at = excluded.saved_at, pricing = excluded.pricing"
)
_SAVE_LINE = (
    "INSERT OR REPLACE INTO open_basket_lines (terminal_id, line_id, payload) VALUES (?, ?, ?)"
)
_DELETE_LINES = "DELETE FROM open_basket_lines WHERE terminal_id = ?"
_DELETE_HEADER = "DELETE FROM open_basket WHERE terminal_id = ?"
_LOAD_HEADER = (
    "SELECT sale_id, cashier, started_at, ticket_discount, tenders, saved_at, pricing "
    "FROM open_basket WHERE terminal_id = ?"
)
_LOAD_LINES = "SELECT payload FROM open_basket_lines WHERE terminal_id = ? ORDER BY line_id"
_AWAIT_DISPLAY = (
    "INSERT INTO sale_display (terminal_id, sale_id, shown_at) VALUES (?, ?, NULL) "
    "ON CONFLICT (terminal_id) DO UPDATE SET sale_id = excluded.sale_id, shown_at = NULL"
)
_UNSHOWN = "SELECT sale_id FROM sale_display WHERE terminal_id = ? AND shown_at IS NULL"
_MARK_SHOWN = (
    "UPDATE sale_display SET shown_at = ? WHERE terminal_id = ? AND sale_id = ? "
    "AND shown_at IS NULL"
)


@dataclass(frozen=True, slots=True)
class BasketHeader:
    """What the basket holds besides its lines; JSON text for the discount, the tenders
    and who it is priced for (``{"customer_id", "coupons"}``, None when neither)."""

    sale_id: str
    cashier: str
    started_at: str
    ticket_discount: str | None
    tenders: str
    saved_at: str
    pricing: str | None = None


@dataclass(frozen=True, slots=True)
class SavedBasket:
    header: BasketHeader
    lines: list[dict[str, Any]]  # line payloads in line order

    @property
    def tenders(self) -> list[dict[str, Any]]:
        return json.loads(self.header.tenders)

    @property
    def ticket_discount(self) -> dict[str, int] | None:
        text = self.header.ticket_discount
        return json.loads(text) if text else None

    @property
    def pricing(self) -> dict[str, Any]:
        """``customer_id`` and ``coupons`` of the basket, when any was given."""
        text = self.header.pricing
        return json.loads(text) if text else {}


def saver(path: str | Path) -> sqlite3.Connection:
    """The connection basket saves go through: the house pragmas, then ``NORMAL`` and a
    short busy wait (see the module docstring), set once, so a scan toggles nothing on
    the connection sales are committed through (which stays FULL)."""
    conn = connect(path)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA busy_timeout = {SAVE_BUSY_MS}")
    return conn


def save(
    conn: sqlite3.Connection,
    terminal_id: str,
    header: BasketHeader | None,
    lines: Sequence[tuple[int, str]],
    *,
    replace_all: bool = False,
) -> None:
    """Write the header (if given) and the changed ``(line_id, payload)`` rows in one
    commit on ``conn`` (a ``saver``); ``replace_all`` first drops the terminal's saved
    lines (another sale)."""
    try:  # plain try, no context managers: this runs on every scan
        if header is None and len(lines) == 1 and not replace_all:
            conn.execute(_SAVE_LINE, (terminal_id, *lines[0]))  # the scan: one statement
        else:
            with write_transaction(conn):
                write(conn, terminal_id, header, lines, replace_all=replace_all)
    except sqlite3.Error as exc:
        raise classify(exc) from exc


def write(
    conn: sqlite3.Connection,
    terminal_id: str,
    header: BasketHeader | None,
    lines: Sequence[tuple[int, str]],
    *,
    replace_all: bool = False,
) -> None:
    """``save`` inside the caller's transaction (resuming a parked sale takes it and
    saves it in one)."""
    if replace_all:
        conn.execute(_DELETE_LINES, (terminal_id,))
    if header is not None:
        h = header
        conn.execute(
            _SAVE_HEADER,
            (terminal_id, h.sale_id, h.cashier, h.started_at, h.ticket_discount, h.tenders,
             h.saved_at, h.pricing),
        )  # fmt: skip
    if lines:
        conn.executemany(_SAVE_LINE, [(terminal_id, *line) for line in lines])


def clear(conn: sqlite3.Connection, terminal_id: str) -> None:
    """Forget the terminal's basket (cancelled or parked), inside the caller's transaction."""
    conn.execute(_DELETE_LINES, (terminal_id,))
    conn.execute(_DELETE_HEADER, (terminal_id,))


def load(conn: sqlite3.Connection, terminal_id: str) -> SavedBasket | None:
    """The terminal's saved basket, or ``None``; lines without a header are ignored (they
    cannot outlive it: both go in the same commits)."""
    with translate_errors():
        row = conn.execute(_LOAD_HEADER, (terminal_id,)).fetchone()
        if row is None:
            return None
        lines = [json.loads(r[0]) for r in conn.execute(_LOAD_LINES, (terminal_id,))]
    return SavedBasket(BasketHeader(*row), lines)


def hand_over(conn: sqlite3.Connection, terminal_id: str, sale_id: str) -> None:
    """Inside the sale's commit: the basket becomes the completed sale, not shown yet."""
    clear(conn, terminal_id)
    conn.execute(_AWAIT_DISPLAY, (terminal_id, sale_id))


def unshown_sale(conn: sqlite3.Connection, terminal_id: str) -> str | None:
    """The id of the terminal's last sale if it was committed but never shown."""
    with translate_errors():
        row = conn.execute(_UNSHOWN, (terminal_id,)).fetchone()
    return row[0] if row else None


def mark_shown(conn: sqlite3.Connection, terminal_id: str, sale_id: str, now: str) -> None:
    """The screen showed the sale (its change due, its receipt offer): on the ``saver``."""
    with translate_errors():
        conn.execute(_MARK_SHOWN, (now, terminal_id, sale_id))
