"""What the start screen and the status bar say about the opened store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos.store.local_store import LocalStore


@dataclass(frozen=True, slots=True)
class StoreSummary:
    store_name: str
    terminal_id: str
    product_count: int
    sale_count: int
    data_dir: str
    cashier: str = ""


def summarize(
    store: LocalStore, data_dir: Path, cashier: str = "", terminal_id: str | None = None
) -> StoreSummary:
    """``terminal_id`` from the till's settings wins over the one the database recorded."""
    return StoreSummary(
        store_name=store.setting("store_name", "Comptoir"),
        terminal_id=terminal_id or store.setting("terminal_id", "T01"),
        product_count=store.catalog.count(),
        sale_count=store.sales.count(),
        data_dir=str(data_dir),
        cashier=cashier,
    )
