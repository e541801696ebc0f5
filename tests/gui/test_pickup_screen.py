"""The pickup desk screen over a real store file and a real worker thread, offscreen.

Orders arrive as the ``pickups`` feed brings them (``pickup_feed.apply_page``); every
service call runs on the pickup worker's thread with its own connection.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.domain.pickup import PickupState
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout, PricedItem
from pos.services.pickup_desk import DeskOrder, PickupDesk
from pos.services.pickup_scene import (
    STORE_ID,
    CatalogItem,
    catalog_items,
    feed_order,
    pull,
    refuse_last_move,
)
from pos.store.local_store import LocalStore
from pos.ui.i18n import install_translations, switch_language
from pos.ui.models.pickup_model import PickupOrdersModel
from pos.ui.pickup_controller import PickupController, PickupOptions
from pos.ui.pickup_screenshots import pickup_screenshots
from pos.ui.qt import QApplication, Qt
from pos.ui.screens.pickup_screen import PickupScreen
from tests.support.staff import a_cashier, a_manager

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
PARIS = timezone(timedelta(hours=1))  # the store's day starts at 23:00 UTC
WAIT = 5000


def _items(data_dir: Path) -> list[CatalogItem]:
    with LocalStore(data_dir / "store.db") as store:
        return catalog_items(store, 5)


@pytest.fixture
def desk_dir(data_dir: Path) -> Path:
    """Two orders to prepare (one overdue), two ready (one to pay in store)."""
    with LocalStore(data_dir / "store.db") as store:
        a, b, c, d, _ = catalog_items(store, 5)
        pull(
            store,
            feed_order("web-1", "K7M2-Q9XD", ("Hélène Dupré", "helene@example.org",
                       "06 12 34 56 78"), [(a, 2), (b, 1)], due_at=NOW + timedelta(hours=7)),
            feed_order("web-2", "AB12-CD34", ("Karim Benali", "karim@example.org",
                       "07 98 76 54 32"), [(c, 1)], due_at=NOW - timedelta(hours=19)),
            feed_order("web-3", "WX23-YZ45", ("Inès Moreau", "ines@example.org",
                       "06 11 22 33 44"), [(a, 1), (d, 2)], state="ready", version=3),
            feed_order("web-4", "GH67-JK89", ("Jean-Pierre Martin", "jp@example.org",
                       "07 12 12 12 12"), [(b, 2), (d, 1)], state="ready", version=3,
                       paid=False, due_at=NOW + timedelta(hours=2)),
        )  # fmt: skip
    return data_dir


@pytest.fixture
def desk(qtbot: QtBot, desk_dir: Path) -> Iterator[PickupScreen]:
    options = PickupOptions(desk_dir, staff="Inès", store_id=STORE_ID, tz=PARIS, clock=lambda: NOW)
    controller = PickupController(options)
    screen = PickupScreen(controller)
    qtbot.addWidget(screen)
    screen.resize(1024, 768)
    screen.show()
    with qtbot.waitSignal(screen.conflicts_shown, timeout=10_000):  # after the first list
        controller.start()
    yield screen
    controller.shutdown()


def _listed(screen: PickupScreen) -> list[str]:
    model = screen.desk.model
    return [model.order_at(row).id for row in range(model.rowCount())]


def _open(qtbot: QtBot, screen: PickupScreen, code: str) -> None:
    with qtbot.waitSignal(screen.order_shown, timeout=WAIT):
        screen.scan(code)


def test_lists_and_badges_show_the_counts(qtbot: QtBot, desk: PickupScreen) -> None:
    badges = {tab: badge.text() for tab, badge in desk.desk.tabs.badges.items()}
    assert badges == {"to_prepare": "2", "ready": "2", "due_today": "2", "overdue": "1"}
    assert _listed(desk) == ["web-2", "web-1"]  # soonest pickup first
    due = desk.desk.model.index(0, PickupOrdersModel.DUE)
    assert due.data(Qt.ItemDataRole.ForegroundRole) is not None  # overdue: in red
    assert "Karim Benali" in desk.desk.model.index(0, PickupOrdersModel.CUSTOMER).data()
    with qtbot.waitSignal(desk.page_shown, timeout=WAIT):
        desk.desk.tabs.buttons["ready"].click()
    assert _listed(desk) == ["web-4", "web-3"]
    with qtbot.waitSignal(desk.page_shown, timeout=WAIT):
        desk.desk.tabs.buttons["due_today"].click()
    assert _listed(desk) == ["web-4", "web-1"]


def test_search_finds_by_name_and_by_phone(qtbot: QtBot, desk: PickupScreen) -> None:
    for query, found in (("benali", ["web-2"]), ("0712", ["web-4"]), ("helene dupre", ["web-1"])):
        with qtbot.waitSignal(desk.results_shown, timeout=WAIT):
            desk.desk.search_field.setText(query)  # debounced, then run on the worker
        assert _listed(desk) == found
    with qtbot.waitSignal(desk.page_shown, timeout=WAIT):
        desk.desk.search_field.clear()
    qtbot.waitUntil(lambda: _listed(desk) == ["web-2", "web-1"], timeout=WAIT)


def test_a_scanned_code_opens_the_order(qtbot: QtBot, desk: PickupScreen) -> None:
    _open(qtbot, desk, "k7m2 q9xd")  # typed, any case and spacing
    assert desk.stack.currentWidget() is desk.desk
    assert desk.desk.detail.order.id == "web-1" and desk.desk.detail.prepare_button.isVisible()
    _open(qtbot, desk, "CMPT-PU:web-3:WX23-YZ45")  # the customer's QR: ready, so hand over
    assert desk.stack.currentWidget() is desk.handover
    assert desk.handover.name.text() == "Inès Moreau" and desk.handover.give_button.isVisible()
    with qtbot.waitSignal(desk.refusal_shown, timeout=WAIT) as refused:
        desk.scan("ZZZZ-ZZZZ")
    assert refused.args == ["pickup_not_found"]
    assert "ZZZZ-ZZZZ" in desk.message_label.text() and desk.message_label.isVisible()


def test_picking_refuses_a_wrong_item_counts_the_right_ones_then_a_partial_ready(
    qtbot: QtBot, desk: PickupScreen, desk_dir: Path
) -> None:
    a, b, _, wrong, _ = _items(desk_dir)
    _open(qtbot, desk, "K7M2-Q9XD")
    with qtbot.waitSignal(desk.picking_shown, timeout=WAIT) as shown:
        desk.desk.detail.prepare_button.click()
    assert shown.args[0].order.state is PickupState.PREPARING
    assert desk.stack.currentWidget() is desk.picking
    with qtbot.waitSignal(desk.refusal_shown, timeout=WAIT) as refused:
        desk.scan(wrong.barcode)
    assert refused.args == ["pick_wrong_item"] and wrong.barcode in desk.message_label.text()
    assert [line.picked for line in desk.picking.session.picking.lines] == [0, 0]
    for expected in ([1, 0], [2, 0]):
        with qtbot.waitSignal(desk.picking_shown, timeout=WAIT) as shown:
            desk.picking.scan_field.setText(a.barcode)
            desk.picking.scan_field.returnPressed.emit()
        assert [line.picked for line in shown.args[0].picking.lines] == expected
    assert a.name in desk.message_label.text()
    desk.picking.table.selectRow(1)
    desk.picking.count_field.setText("5")  # only 1 ordered
    with qtbot.waitSignal(desk.refusal_shown, timeout=WAIT) as refused:
        desk.picking.count_button.click()
    assert refused.args == ["pickup_bad_quantity"]
    desk.picking.ready_button.click()
    assert desk.picking.confirm.isVisible() and b.name in desk.picking.missing_label.text()
    with qtbot.waitSignal(desk.desk_changed, timeout=WAIT):
        desk.picking.partial_button.click()
    assert desk.stack.currentWidget() is desk.desk
    order = desk.desk.detail.order
    assert (order.id, order.state, order.partial) == ("web-1", PickupState.READY, True)
    assert order.unsynced == 2  # preparing, then ready: both queued for central


def test_counting_by_hand_completes_a_line(
    qtbot: QtBot, desk: PickupScreen, desk_dir: Path
) -> None:
    _open(qtbot, desk, "AB12-CD34")
    with qtbot.waitSignal(desk.picking_shown, timeout=WAIT):
        desk.desk.detail.prepare_button.click()
    desk.picking.table.selectRow(0)
    desk.picking.count_field.setText("1")
    with qtbot.waitSignal(desk.picking_shown, timeout=WAIT) as shown:
        desk.picking.count_button.click()
    assert shown.args[0].picking.complete
    with qtbot.waitSignal(desk.desk_changed, timeout=WAIT):
        desk.picking.ready_button.click()  # complete: no question asked
    assert desk.desk.detail.order.state is PickupState.READY


def test_handing_over_a_prepaid_order_gives_a_slip(qtbot: QtBot, desk: PickupScreen) -> None:
    _open(qtbot, desk, "WX23-YZ45")
    with qtbot.waitSignal(desk.slip_ready, timeout=WAIT) as slip:
        desk.handover.give_button.click()
    handed = slip.args[0]
    assert (handed.order_id, handed.state, handed.staff) == ("web-3", PickupState.COLLECTED, "Inès")
    assert [line.quantity for line in handed.lines] == [1, 2] and handed.paid_online
    qtbot.waitUntil(lambda: desk.handover.slip_frame.isVisible(), timeout=WAIT)
    assert "Inès" in desk.handover.slip_label.text()
    assert not desk.handover.give_button.isVisible()


def test_an_order_to_pay_in_store_goes_to_the_till_at_its_prices(
    qtbot: QtBot, desk: PickupScreen, desk_dir: Path
) -> None:
    _open(qtbot, desk, "GH67-JK89")
    assert desk.handover.pay_button.isVisible() and not desk.handover.give_button.isVisible()
    with qtbot.waitSignal(desk.pay_at_till, timeout=WAIT) as paying:
        desk.handover.pay_button.click()
    order_id, lines = paying.args
    order = desk.handover.order
    assert order_id == "web-4"
    assert [(ln.sku, ln.quantity, ln.unit_price_cents) for ln in lines] == [
        (ln.sku, ln.quantity, ln.unit_price_cents) for ln in order.lines
    ]
    with LocalStore(desk_dir / "store.db") as store:  # the till's sale, as the app rings it
        checkout = Checkout(store, terminal_id="T01", actor=a_cashier("Inès"))
        checkout.add_priced([PricedItem(ln.product_id, ln.quantity, ln.unit_price_cents)
                             for ln in lines])  # fmt: skip
        checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
        sale = checkout.complete()
    assert sale.draft.total_cents == order.total_cents
    with qtbot.waitSignal(desk.slip_ready, timeout=WAIT) as slip:
        desk.hand_over_paid_in_store("web-4", sale.sale_id)
    assert slip.args[0].sale_id == sale.sale_id and not slip.args[0].paid_online


def test_cancelling_keeps_the_reason_and_updates_the_badges(
    qtbot: QtBot, desk: PickupScreen
) -> None:
    _open(qtbot, desk, "AB12-CD34")
    desk.desk.detail.cancel_button.click()
    desk.desk.detail.cancel_panel.reason_field.setText("Le client a changé d'avis")
    with qtbot.waitSignal(desk.page_shown, timeout=WAIT) as page:
        desk.desk.detail.cancel_panel.confirm_button.click()
    assert page.args[0].counts.to_prepare == 1 and page.args[0].counts.overdue == 0
    assert desk.desk.detail.order.state is PickupState.CANCELLED
    assert desk.desk.tabs.badges["overdue"].text() == "0"


def test_a_conflict_shows_centrals_reason_until_seen(
    qtbot: QtBot, desk: PickupScreen, desk_dir: Path
) -> None:
    reason = "Order web-3 is collected (version 4): collected at terminal T02 by Marc."
    with LocalStore(desk_dir / "store.db") as store:  # this desk's move, refused at push
        items = catalog_items(store, 4)
        PickupDesk(store).hand_over("web-3", a_manager("Inès"))
        refuse_last_move(store, reason)
        lines = [(items[0], 1), (items[3], 2)]
        customer = ("Inès Moreau", "", "")
        pull(store, feed_order("web-3", "WX23-YZ45", customer, lines, state="collected", version=4))
    with qtbot.waitSignal(desk.conflicts_shown, timeout=WAIT) as shown:
        desk.reload()  # the sync engine pulled
    assert shown.args == [1] and desk.desk.banner.isVisible()
    text = desk.desk.banner.labels[0].text()
    # French desk: the till's own words; central's English sentence is not shown raw.
    assert "WX23-YZ45" in text and "déjà été remise ailleurs" in text and reason not in text
    try:
        switch_language(QApplication.instance(), "en")
        assert reason in desk.desk.banner.labels[0].text()
    finally:
        switch_language(QApplication.instance(), "fr")
    with qtbot.waitSignal(desk.conflicts_shown, timeout=WAIT) as shown:
        desk.desk.banner.seen_buttons[0].click()
    assert shown.args == [0] and not desk.desk.banner.isVisible()


def test_service_calls_run_on_the_worker_thread(
    qtbot: QtBot, desk: PickupScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    find = PickupDesk.find

    def spying_find(self: PickupDesk, text: str) -> DeskOrder:
        threads.append(threading.get_ident())
        return find(self, text)

    monkeypatch.setattr(PickupDesk, "find", spying_find)
    with qtbot.waitSignal(desk.order_shown, timeout=WAIT):
        desk.scan("K7M2-Q9XD")
        assert threads == [] or threads[0] != threading.get_ident()  # not run in scan()
    assert threads and threads[0] != threading.get_ident()
    assert desk.controller.worker.thread() is not QApplication.instance().thread()


def test_screenshots_are_saved(qapp: QApplication, tmp_path: Path) -> None:
    try:
        saved = pickup_screenshots(tmp_path, "fr")
    finally:
        install_translations(qapp, "fr")  # the other GUI tests expect the default language
    assert sorted(path.name for path in saved) == [
        "pickup_approval_fr.png",
        "pickup_desk_fr.png",
        "pickup_handover_fr.png",
        "pickup_picking_fr.png",
        "pickup_without_code_fr.png",
    ]
    assert all(path.stat().st_size > 10_000 for path in saved)
