"""The till's own screen at a Medusa-linked store (Qt offscreen, real Medusa): F5 "Panier
web" rings a web cart up by its code at Medusa's prices."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.cli import run_sync
from pos.config import Settings
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from pos.ui.till_app import StartOptions, TillApp
from tests.medusa.helpers import linked_till
from tests.medusa.seed import MedusaStore, Seed, open_web_cart

pytestmark = pytest.mark.medusa


@pytest.fixture
def till_app(qtbot: QtBot, qapp: QApplication, seed: Seed, tmp_path: Path) -> Iterator[TillApp]:
    install_translations(qapp, "fr")
    till = linked_till(seed, tmp_path, "T02")
    assert run_sync(till) == 0  # the catalog, before the screen opens
    app = TillApp(qapp, StartOptions(till, till / "settings.toml"), Settings())
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.window.till_screen.basket_shown, timeout=20_000):
        app.start()
    yield app
    app.shutdown()
    qapp.removeEventFilter(app.scanner)


def test_f5_loads_a_web_cart_at_a_medusa_till(qtbot: QtBot, till_app: TillApp, seed: Seed) -> None:
    shop = MedusaStore(seed.base_url, seed.web_publishable_key)
    try:
        cart_id = open_web_cart(seed, {"THE-VERT-100": 2, "CAFE-250": 1})
        code = shop.post(f"/store/comptoir/carts/{cart_id}/code")["code"]
    finally:
        shop.close()
    window = till_app.window
    screen = window.till_screen
    assert "sans le plugin" not in window.store_status.full_text  # the plugin is installed

    screen.scan_field.setText(code)
    with qtbot.waitSignal(till_app.controller.worker.cart_loaded, timeout=20_000):
        screen.buttons["F5"].click()

    qtbot.waitUntil(lambda: screen.view is not None and len(screen.view.lines) == 2)
    view = screen.view
    assert sorted(line.unit_price_cents for line in view.lines) == [299, 499]
    assert view.total_cents == 2 * 299 + 499
    assert code in screen.message_label.text()
