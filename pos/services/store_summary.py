"""Opening the store for the UI: schema to head, the demo store on first start, a summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.services.demo_store import build_demo_store
from pos.store.local_store import LocalStore


@dataclass(frozen=True, slots=True)
class StoreSummary:
    store_name: str
    terminal_id: str
    product_count: int
    sale_count: int
    data_dir: str


def summarize(store: LocalStore, data_dir: Path) -> StoreSummary:
    return StoreSummary(
        store_name=store.setting("store_name", "Comptoir"),
        terminal_id=store.setting("terminal_id", "T01"),
        product_count=store.catalog.count(),
        sale_count=store.sales.count(),
        data_dir=str(data_dir),
    )


def open_store_summary(data_dir: Path, *, demo_if_empty: bool = True) -> StoreSummary:
    """Run on a worker thread: it may build the demo store (a few seconds) first."""
    with LocalStore(data_dir / DATABASE_FILE) as store:
        if demo_if_empty and store.catalog.count() == 0 and store.sales.count() == 0:
            build_demo_store(store, today=date.today())
        return summarize(store, data_dir)
