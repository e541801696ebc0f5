"""A till linked to a Medusa without Comptoir's plugin says so on screen: the staff learn
the limits (web carts, exact prices, pickup moves) before a customer asks."""

from dataclasses import replace
from pathlib import Path

from pos.services.store_summary import summarize
from pos.store.local_store import LocalStore
from pos.ui.main_window import MainWindow


def test_the_status_bar_tells_a_medusa_without_the_plugin(till: MainWindow, data_dir: Path):
    with LocalStore(data_dir / "store.db") as store:
        summary = summarize(store, data_dir, "Camille")
    assert summary.medusa_plugin is None  # not a Medusa link: nothing to tell
    till.on_opened(summary)
    status = till.store_status
    assert "plugin" not in status.full_text and "plugin" not in status.toolTip()

    till.on_opened(replace(summary, medusa_plugin=""))
    assert "Medusa sans le plugin Comptoir" in till.store_status.full_text
    assert "paniers web" in till.store_status.toolTip()

    till.on_opened(replace(summary, medusa_plugin="0.1.0"))
    assert "plugin" not in till.store_status.full_text
