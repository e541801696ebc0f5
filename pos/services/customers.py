"""The customer desk: find the customer the cashier types or scans, from the local cache.

The screens call ``CustomerDesk.find`` off the GUI thread (``ui/ops.run_op``): each thread
that calls it reads through its own read-only connection to the store file (sqlite3
connections are not shared across threads, and WAL lets it read beside the writer).
What is found and in what order is ``pos.store.customer_search``'s: the card, the exact
phone or email first, then the names starting with the words typed.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from pos.store import customer_search
from pos.store.db import connect
from pos.store.errors import classify

MAX_RESULTS = 20


class MatchedBy(Enum):
    CARD = "card"
    PHONE = "phone"
    EMAIL = "email"
    NAME = "name"


_MATCHED_BY = {
    customer_search.CARD: MatchedBy.CARD,
    customer_search.PHONE_EXACT: MatchedBy.PHONE,
    customer_search.EMAIL_EXACT: MatchedBy.EMAIL,
    customer_search.NAME_STARTS: MatchedBy.NAME,
    customer_search.NAME_WORDS: MatchedBy.NAME,
    customer_search.EMAIL_STARTS: MatchedBy.EMAIL,
    customer_search.PHONE_STARTS: MatchedBy.PHONE,
}


@dataclass(frozen=True, slots=True)
class CustomerView:
    """A customer as the search list shows it; ``exact`` when found by a whole key."""

    customer_id: str
    name: str
    email: str
    phone: str
    loyalty_points: int
    matched_by: MatchedBy
    exact: bool


class CustomerDesk:
    """Customer look-ups on one store file, callable from any thread."""

    def __init__(self, store_path: str | Path) -> None:
        self.store_path = Path(store_path)
        self._local = threading.local()

    def find(self, text: str) -> list[CustomerView]:
        """At most ``MAX_RESULTS`` active customers for ``text``, best first; [] for nothing
        found or text that cannot name anyone (quotes, symbols): never an error for input."""
        try:
            hits = customer_search.find(self._conn(), text, MAX_RESULTS)
        except sqlite3.Error as exc:
            raise classify(exc, str(self.store_path)) from exc
        return [_view(hit) for hit in hits]

    def close(self) -> None:
        """Close the calling thread's connection (each worker closes its own)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect(self.store_path, read_only=True)
        return conn


def _view(hit: customer_search.CustomerHit) -> CustomerView:
    return CustomerView(
        hit.customer_id,
        hit.name,
        hit.email,
        hit.phone,
        hit.loyalty_points,
        _MATCHED_BY[hit.match],
        hit.match <= customer_search.EMAIL_EXACT,
    )
