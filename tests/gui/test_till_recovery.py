"""A till restarted after a kill, offscreen, over a real store and its real worker: it
offers back the basket left open, or announces the sale committed but never shown and
refuses to sell until the cashier acknowledged it."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store.local_store import LocalStore
from pos.ui.main_window import MainWindow
from pos.ui.till_controller import TillController, TillOptions
from tests.support.staff import a_cashier


def _codes(store: LocalStore, n: int) -> list[str]:
    rows = store.conn.execute(
        "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
        "WHERE p.sold_by = 'unit' ORDER BY p.id LIMIT ?",
        (n,),
    ).fetchall()
    return [code for (code,) in rows]


def _killed_till(data_dir: Path, *, paid: bool) -> tuple[list[str], str]:
    """What a till killed mid-sale (or just after its commit) leaves in its store."""
    with LocalStore(data_dir / "store.db") as store:
        codes = _codes(store, 3)
        terminal = store.setting("terminal_id", "T01")
        checkout = Checkout(store, terminal_id=terminal, actor=a_cashier("Camille"))
        checkout.scan(codes[0])
        checkout.scan(codes[1])
        if paid:
            checkout.add_tender(TenderKind.CASH, checkout.totals().total_cents + 500)
            return codes, checkout.complete().sale_id
        return codes, checkout.sale_id


@pytest.fixture
def restart(qtbot: QtBot, data_dir: Path) -> Iterator:
    controllers = []

    def start() -> MainWindow:
        controller = TillController(TillOptions(data_dir, cashier="Camille", demo_if_empty=False))
        controllers.append(controller)
        window = MainWindow(controller)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.till_screen.basket_shown, timeout=10_000):
            controller.start()
        return window

    yield start
    for controller in controllers:
        controller.shutdown()


def test_a_basket_left_open_is_offered_back_and_resumed(qtbot: QtBot, restart, data_dir) -> None:
    _codes, sale_id = _killed_till(data_dir, paid=False)
    window = restart()
    screen = window.till_screen
    dialog = screen.recovery_dialog  # shown with the first basket, before any scan
    assert dialog.isVisible()
    assert dialog.title.text() == "Reprendre la vente en cours ?"
    assert dialog.details.text().startswith("2 lignes, ")
    with qtbot.waitSignal(screen.basket_shown, timeout=5000) as shown:
        dialog.resume()
    assert shown.args[0].sale_id == sale_id and len(shown.args[0].lines) == 2


def test_an_unshown_sale_is_announced_and_blocks_scans_until_acknowledged(
    qtbot: QtBot, restart, data_dir
) -> None:
    codes, sale_id = _killed_till(data_dir, paid=True)
    window = restart()
    screen = window.till_screen
    dialog = screen.recovery_dialog
    assert dialog.isVisible()
    assert dialog.title.text().startswith("Ticket ") and "paiement reçu" in dialog.title.text()
    assert "Espèces" in dialog.details.text()
    with qtbot.waitSignal(screen.refusal_shown, timeout=5000) as refused:
        screen.scan(codes[2])  # a scanner burst behind the notice
    assert refused.args == ["recovery_pending"]
    assert screen.view is not None and screen.view.lines == ()
    dialog.acknowledge()
    with qtbot.waitSignal(screen.basket_shown, timeout=5000) as shown:
        screen.scan(codes[2])
    assert len(shown.args[0].lines) == 1
    conn = sqlite3.connect(data_dir / "store.db")
    shown_at = conn.execute("SELECT shown_at FROM sale_display WHERE sale_id = ?", (sale_id,))
    assert shown_at.fetchone()[0] is not None
    conn.close()
