"""The errors the services let through to their callers, besides ``PosError``.

A store that refuses an operation (locked, read-only, full, corrupted) raises
``StoreError``, whose ``code`` and ``message`` the UI shows as they are; it reaches the
UI from here so that screens and workers catch it without knowing the store exists.
"""

from __future__ import annotations

from pos.store.errors import (
    StoreCorrupted,
    StoreError,
    StoreFull,
    StoreLocked,
    StoreReadOnly,
)

__all__ = ["StoreCorrupted", "StoreError", "StoreFull", "StoreLocked", "StoreReadOnly"]
