"""SQLite failures turned into sentences a store's staff can act on.

``sqlite3`` reports a locked, read-only, full or corrupted file with the same few
exception types; ``translate_errors`` sorts them so the UI can say what to do, and the
operation that failed is rolled back, so nothing half-written remains.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


class StoreError(Exception):
    """The local database refused an operation; nothing was half-written."""

    code = "store_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreLocked(StoreError):
    code = "store_locked"


class StoreReadOnly(StoreError):
    code = "store_read_only"


class StoreFull(StoreError):
    code = "store_full"


class StoreCorrupted(StoreError):
    code = "store_corrupted"


class StoreTooNew(StoreError):
    code = "store_too_new"


def classify(exc: sqlite3.Error, path: str = "") -> StoreError:
    """Map a raw sqlite3 error to the StoreError that says what to do next."""
    text = str(exc).lower()
    where = f" ({path})" if path else ""
    if "locked" in text or "busy" in text:
        return StoreLocked(
            f"The store database{where} is in use by another program. Close it and try again."
        )
    if "readonly" in text or "read-only" in text or "attempt to write" in text:
        return StoreReadOnly(
            f"The store database{where} is read-only: check the folder's permissions."
        )
    if "full" in text:
        return StoreFull(f"The disk holding the store database{where} is full: free some space.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreCorrupted(
            f"The store database{where} is damaged. Call support; do not delete it."
        )
    if "unable to open" in text:
        return StoreReadOnly(f"The store database{where} cannot be opened: check the folder.")
    return StoreError(f"The store database{where} refused the operation: {exc}")


@contextmanager
def translate_errors(path: str = "") -> Iterator[None]:
    """Re-raise sqlite3 errors as StoreError (integrity errors stay: they are bugs)."""
    try:
        yield
    except sqlite3.IntegrityError:
        raise
    except sqlite3.Error as exc:
        raise classify(exc, path) from exc
