"""What the start screen and the status bar say about the opened store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pos.services.central_link import CentralLink, medusa_plugin, read_link
from pos.services.demo_store import DEMO_STAFF_SETTING
from pos.store.local_store import LocalStore


@dataclass(frozen=True, slots=True)
class StoreSummary:
    store_name: str
    terminal_id: str
    product_count: int
    sale_count: int
    data_dir: str
    cashier: str = ""
    central: CentralLink | None = None  # None: no central server (demo, not enrolled)
    medusa_plugin: str | None = None  # Medusa links: the plugin's version, "" if missing
    demo_staff: bool = False  # the demo store's staff, with their published PINs


def summarize(
    store: LocalStore, data_dir: Path, cashier: str = "", terminal_id: str | None = None
) -> StoreSummary:
    """The terminal is the enrolled one when the till is linked to a central server (its
    sales are that terminal's), else ``terminal_id`` from the settings, else the one the
    database recorded."""
    central = read_link(store)
    if central is not None:
        terminal_id = central.terminal_id
    return StoreSummary(
        store_name=store.setting("store_name", "Comptoir"),
        terminal_id=terminal_id or store.setting("terminal_id", "T01"),
        product_count=store.catalog.count(),
        sale_count=store.sales.count(),
        data_dir=str(data_dir),
        cashier=cashier,
        central=central,
        medusa_plugin=medusa_plugin(store, central),
        demo_staff=store.setting(DEMO_STAFF_SETTING) == "1",
    )
