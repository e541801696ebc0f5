"""An enrolled till syncs on its own: the status bar says how it stands, a sale is pushed
right after it is committed, and a server that goes away never stops the selling."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.cli import run_enrol
from pos.config import Settings
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from pos.ui.till_app import StartOptions, TillApp
from tests.gui.selling import open_sessions, sell
from tests.support.central_server import CentralServer

STORE = "lyon-part-dieu"


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@pytest.fixture
def enrolled(tmp_path: Path, central: CentralServer) -> Path:
    folder = tmp_path / "till"
    folder.mkdir()
    assert run_enrol(folder, central.url, STORE, "T05", f"demo-{STORE}", "") == 0
    open_sessions(folder / "store.db", ("T05",))  # the day opened: the till sells
    return folder


@pytest.fixture
def till_app(qtbot: QtBot, qapp: QApplication, enrolled: Path) -> Iterator[TillApp]:
    app = TillApp(qapp, StartOptions(enrolled, enrolled / "settings.toml"), Settings())
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.window.till_screen.basket_shown, timeout=10_000):
        app.start()
    yield app
    app.shutdown()
    qapp.removeEventFilter(app.scanner)
    install_translations(qapp, "fr")


def _barcodes(central: CentralServer, count: int) -> list[str]:
    with central.client(central.enrol(STORE, "T99")) as client:
        reply = client.get(f"/v1/stores/{STORE}/feeds/catalog", params={"limit": 50})
    items = [item for item in reply.json()["items"] if item["sold_by"] == "unit"]
    return [item["barcodes"][0] for item in items[:count]]


def test_the_catalog_arrives_and_a_sale_is_pushed_at_once(
    qtbot: QtBot, till_app: TillApp, central: CentralServer
) -> None:
    window = till_app.window
    qtbot.waitUntil(lambda: window.network_status.property("state") == "idle", timeout=20_000)
    assert "à jour" in window.network_status.text()
    assert window.till_screen.view is not None
    before = central.stats()
    sale = sell(qtbot, window, _barcodes(central, 2), cash=False)
    assert sale.draft.terminal_id == "T05"  # the enrolled terminal sells
    qtbot.waitUntil(
        lambda: central.stats()["sales"] == before["sales"] + 1, timeout=20_000
    )  # pushed right after the sale, not at the next poll (30 s)
    qtbot.waitUntil(lambda: till_app.sync.status.pending == 0, timeout=10_000)


def test_a_server_that_goes_away_shows_offline_and_selling_goes_on(
    qtbot: QtBot, till_app: TillApp, central: CentralServer
) -> None:
    window = till_app.window
    qtbot.waitUntil(lambda: window.network_status.property("state") == "idle", timeout=20_000)
    codes = _barcodes(central, 1)
    central.stop(kill=True)
    try:
        sale = sell(qtbot, window, codes, cash=False)
        qtbot.waitUntil(
            lambda: window.network_status.property("state") == "offline", timeout=20_000
        )
        assert "hors ligne" in window.network_status.text().lower()
        assert "1 à envoyer" in window.network_status.text()
        assert sale.ticket_no >= 1
    finally:
        central.start()
    till_app.sync.wake()
    qtbot.waitUntil(lambda: window.network_status.property("state") == "idle", timeout=60_000)


def _unit_skus(central: CentralServer, count: int) -> list[tuple[str, int]]:
    with central.client(central.enrol(STORE, "T98")) as client:
        reply = client.get(f"/v1/stores/{STORE}/feeds/catalog", params={"limit": 50})
    items = [item for item in reply.json()["items"] if item["sold_by"] == "unit"]
    return [(item["sku"], item["price_cents"]) for item in items[:count]]


def test_a_web_cart_loads_at_its_online_prices(
    qtbot: QtBot, till_app: TillApp, central: CentralServer
) -> None:
    window = till_app.window
    screen = window.till_screen
    qtbot.waitUntil(lambda: window.network_status.property("state") == "idle", timeout=20_000)
    (sku, price), (other, _) = _unit_skus(central, 2)
    central.put_promotion(9101, [sku], kind="percent", value=2000, name="Web -20 %")
    cart = central.put_cart({sku: 2, other: 1}, store_id=STORE)
    screen.scan_field.setText(cart["code"])
    with qtbot.waitSignal(till_app.controller.worker.cart_loaded, timeout=10_000):
        screen.buttons["F5"].click()
    qtbot.waitUntil(lambda: screen.view is not None and len(screen.view.lines) == 2)
    view = screen.view
    assert [line.quantity for line in view.lines] == [2, 1]
    assert view.lines[0].unit_price_cents == price  # the promotion apart (contract v2)
    assert view.lines[0].discount_cents == 2 * ((price * 2000 + 5000) // 10000)
    assert view.total_cents == cart["total_cents"]
    assert cart["code"] in screen.message_label.text()
    screen.scan_field.setText(cart["code"])  # the same cart a second time: refused
    with qtbot.waitSignal(screen.refusal_shown, timeout=10_000) as refused:
        screen.buttons["F5"].click()
    assert refused.args[0] == "cart_already_loaded"
