"""Returns at the till reach central: the real Qt till T01 (offscreen) enrolled on a real
reference central, beside a till T02 that sells and pushes. A T02 sale scanned at T01's
return dialog is found centrally, refunded to its card, claimed before the money goes
and pushed after; a second attempt, at T01 or at T02, is told it was already taken back
and no money moves. With central stopped, the dialog says only this till's sales can be
returned, refuses T02's sale in French and still returns T01's own within the offline
limit. Every lookup and completion runs on the till worker's thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from pos.domain.errors import PosError
from pos.domain.returns import ReturnReason
from pos.domain.sale import CompletedSale
from pos.services.checkout import Checkout
from pos.services.returns import ReturnDesk
from pos.store.local_store import LocalStore
from pos.ui.qt import QApplication, Qt
from pos.ui.till_app import TillApp
from sync.client import HttpCentral
from tests.gui.enrolled import enrolled_till
from tests.gui.selling import open_sessions, sell
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier
from tests.sync.terminals import Terminal, open_terminal

STORE = "lyon-part-dieu"
WAIT = 20_000


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


class OtherTill:
    """T02, driven through its services: sells by card and pushes at once."""

    def __init__(self, folder: Path, central: CentralServer) -> None:
        token = central.enrol(STORE, "T02")
        self.terminal: Terminal = open_terminal(folder, central, "T02", token=token)
        self.terminal.sync()  # the catalog
        self.store = LocalStore(self.terminal.path)
        self.calls = HttpCentral(central.url, STORE, "T02", token)
        open_sessions(self.terminal.path, ("T02",))

    def checkout(self) -> Checkout:
        return Checkout(self.store, terminal_id="T02", actor=a_cashier("Julien"))

    def sell(self, product_id: int) -> tuple[str, int]:
        checkout = self.checkout()
        checkout.add_product(product_id, 1)
        total = checkout.totals().total_cents
        checkout.add_tender("card", total, "CB-T02")
        sale_id = checkout.complete().sale_id
        status = self.terminal.sync()
        assert (status.state, status.pending) == ("idle", 0), status
        return sale_id, total

    def close(self) -> None:
        self.calls.close()
        self.store.close()
        self.terminal.close()


@pytest.fixture
def t02(tmp_path: Path, central: CentralServer) -> Iterator[OtherTill]:
    till = OtherTill(tmp_path / "t02", central)
    yield till
    till.close()


@pytest.fixture
def t01(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, central: CentralServer
) -> Iterator[TillApp]:
    with enrolled_till(qtbot, qapp, tmp_path / "t01", central.url, STORE) as app:
        yield app


def _unit_products(central: CentralServer) -> list[tuple[int, str]]:
    """(product id, barcode) of articles sold by the unit."""
    with central.client(central.enrol(STORE, "T97")) as client:
        reply = client.get(f"/v1/stores/{STORE}/feeds/catalog", params={"limit": 50})
    items = [item for item in reply.json()["items"] if item["sold_by"] == "unit"]
    return [(item["id"], item["barcodes"][0]) for item in items]


def _on_worker(app: TillApp) -> list[int]:
    """The threads the worker's return answers were emitted on."""
    threads: list[int] = []
    worker = app.controller.worker
    for signal in (worker.origin_found, worker.return_completed, worker.refused):
        signal.connect(lambda *_a: threads.append(threading.get_ident()),
                       Qt.ConnectionType.DirectConnection)  # fmt: skip
    return threads


def _open_and_find(qtbot: QtBot, app: TillApp, code: str) -> Any:
    """F1, the receipt's code scanned into the dialog; the dialog."""
    screen = app.window.till_screen
    screen.buttons["Shift+F1"].click()
    dialog = screen.returns.dialog
    assert dialog is not None
    dialog.code_field.setText(code)  # a scanner types it into the dialog's field
    dialog.code_field.returnPressed.emit()
    return dialog


def _return_one_to_refund(qtbot: QtBot, app: TillApp, dialog: Any) -> CompletedSale:
    """Take one unit of line 1 back, then refund as proposed; the return ticket."""
    screen = app.window.till_screen
    worker = app.controller.worker
    dialog.table.cellWidget(0, 4).setValue(1)
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        dialog.add_button.click()
    with qtbot.waitSignal(worker.refund_proposed, timeout=WAIT):
        screen.pay()
    qtbot.waitUntil(lambda: screen.returns.refund_dialog is not None, timeout=WAIT)
    with qtbot.waitSignal(worker.return_completed, timeout=WAIT) as returned:
        screen.returns.refund_dialog.refund_button.click()
    screen.returns.refund_dialog = None
    qtbot.waitUntil(lambda: not screen.view.lines, timeout=WAIT)  # the next, empty basket
    return returned.args[0]


def test_another_tills_sale_is_returned_through_central_and_only_once(
    qtbot: QtBot, t01: TillApp, t02: OtherTill, central: CentralServer
) -> None:
    threads = _on_worker(t01)
    product_id, _barcode = _unit_products(central)[0]
    sale_id, total = t02.sell(product_id)
    worker = t01.controller.worker

    with qtbot.waitSignal(worker.origin_found, timeout=WAIT) as found:
        dialog = _open_and_find(qtbot, t01, sale_id)
    assert found.args[0].source == "central"
    assert not dialog.scope_label.isVisible()  # online: any sale of the store
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    assert [dialog.table.item(0, c).text() for c in (1, 2, 3)] == ["1", "0", "1"]
    before = central.stats()["sales"]
    ticket = _return_one_to_refund(qtbot, t01, dialog)
    assert [(t.kind, t.amount_cents, t.reference) for t in ticket.draft.tenders] == [
        ("card", -total, "CB-T02")
    ]
    assert t02.calls.find_origin(sale_id).lines[0].returned_quantity == 1  # claimed
    qtbot.waitUntil(lambda: central.stats()["sales"] == before + 1, timeout=WAIT)  # pushed
    origin = t02.calls.find_origin(sale_id)
    assert origin.lines[0].returned_quantity == 1
    assert origin.tenders[0].refunded_cents == total

    with qtbot.waitSignal(worker.refused, timeout=WAIT) as again:  # T01 again
        dialog = _open_and_find(qtbot, t01, sale_id)
    assert again.args[0] == "already_returned"
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WAIT)
    assert dialog.message.text() == "Tous les articles de ce ticket ont déjà été repris."
    dialog.reject()

    desk = ReturnDesk(t02.checkout(), calls=t02.calls, store_id=STORE)  # T02, its own file
    assert desk.find(sale_id).lines[0].remaining == 1  # T02 has not heard of the return
    desk.return_line(sale_id, 1, 1, ReturnReason.CHANGED_MIND)
    desk.refund(desk.propose_refund())
    with pytest.raises(PosError) as taken:
        desk.complete()
    assert taken.value.code == "not_returnable"
    returns_at_t02 = "SELECT count(*) FROM sales WHERE total_cents < 0"
    assert t02.store.conn.execute(returns_at_t02).fetchone()[0] == 0  # no money moved
    assert t02.calls.find_origin(sale_id).tenders[0].refunded_cents == total
    assert threads and threading.get_ident() not in threads


def test_offline_the_dialog_says_so_refuses_another_tills_sale_and_returns_its_own(
    qtbot: QtBot, t01: TillApp, t02: OtherTill, central: CentralServer
) -> None:
    threads = _on_worker(t01)
    (product_id, _), (_, barcode) = _unit_products(central)[1:3]
    other_sale, _total = t02.sell(product_id)
    own = sell(qtbot, t01.window, [barcode], cash=False)
    window, worker = t01.window, t01.controller.worker
    central.stop(kill=True)
    try:
        t01.sync.wake()
        qtbot.waitUntil(lambda: window.network_status.property("state") == "offline",
                        timeout=WAIT)  # fmt: skip
        with qtbot.waitSignal(worker.refused, timeout=WAIT) as refused:
            dialog = _open_and_find(qtbot, t01, other_sale)
        assert dialog.scope_label.isVisible()
        assert dialog.scope_label.text() == (
            "Le serveur central est injoignable : seules les ventes de cette caisse "
            "peuvent être reprises."
        )
        assert refused.args[0] == "offline_unknown_sale"
        qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WAIT)
        assert dialog.message.text().startswith("Cette vente n’a pas été faite à cette caisse")
        dialog.reject()

        with qtbot.waitSignal(worker.origin_found, timeout=WAIT) as found:
            dialog = _open_and_find(qtbot, t01, own.sale_id)
        assert found.args[0].source == "local"
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
        ticket = _return_one_to_refund(qtbot, t01, dialog)
        assert ticket.draft.total_cents == -own.draft.total_cents
    finally:
        central.start()
    assert threads and threading.get_ident() not in threads
