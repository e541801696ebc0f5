"""The till screen over a real store and a real worker thread, offscreen."""

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.ui.main_window import MainWindow
from pos.ui.qt import QAction, QShortcut


def _codes(data_dir: Path, n: int) -> list[str]:
    conn = sqlite3.connect(data_dir / "store.db")
    rows = conn.execute(
        "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
        "WHERE p.sold_by = 'unit' ORDER BY p.id LIMIT ?",
        (n,),
    ).fetchall()
    conn.close()
    return [code for (code,) in rows]


def _scan(qtbot: QtBot, till: MainWindow, code: str) -> None:
    with qtbot.waitSignal(till.till_screen.basket_shown, timeout=5000):
        till.till_screen.scan(code)


def test_scanned_items_fill_the_table_and_totals(qtbot: QtBot, till: MainWindow, data_dir) -> None:
    screen = till.till_screen
    assert till.stack.currentWidget() is screen
    codes = _codes(data_dir, 3)
    for code in (*codes, codes[0]):
        _scan(qtbot, till, code)
    assert screen.model.rowCount() == 4  # a repeat merges only into the last line
    assert screen.view is not None and screen.view.item_count == 4
    assert screen.total_label.text().endswith("€")
    assert "TVA" in screen.vat_label.text() or "VAT" in screen.vat_label.text()
    assert screen.table.currentIndex().row() == 3  # the line just scanned is selected


def test_unknown_code_says_so_and_leaves_the_basket(
    qtbot: QtBot, till: MainWindow, data_dir
) -> None:
    screen = till.till_screen
    _scan(qtbot, till, _codes(data_dir, 1)[0])
    with qtbot.waitSignal(till.till_screen.refusal_shown, timeout=5000) as refused:
        screen.scan("4000000000006")
    assert refused.args[0] == "unknown_barcode"
    assert screen.message_label.text().startswith("Code inconnu 4000000000006")
    assert screen.model.rowCount() == 1


def test_typed_code_in_the_scan_field_then_pay_records_the_sale(
    qtbot: QtBot, till: MainWindow, data_dir
) -> None:
    screen = till.till_screen
    code = _codes(data_dir, 1)[0]
    screen.scan_field.setText(code)
    with qtbot.waitSignal(till.till_screen.basket_shown, timeout=5000):
        screen.scan_field.returnPressed.emit()
    screen.pay()
    dialog = screen.payment_dialog
    assert dialog.isVisible() and not dialog.complete_button.isEnabled()
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        dialog.card_button.click()  # the amount field holds what is due
    assert dialog.complete_button.isEnabled()
    with qtbot.waitSignal(screen.sale_shown, timeout=5000) as done:
        dialog.complete_button.click()
    sale = done.args[0]
    assert [t.kind for t in sale.draft.tenders] == ["card"]
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert sale.ticket_no == 41  # the demo store's day of past sales holds tickets 1..40
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=5000)
    assert "41" in screen.message_label.text()
    conn = sqlite3.connect(data_dir / "store.db")
    assert conn.execute("SELECT count(*) FROM sales").fetchone()[0] == 41
    conn.close()


def test_live_search_adds_the_chosen_product(qtbot: QtBot, till: MainWindow) -> None:
    screen = till.till_screen
    screen.search_field.setText("eau")
    with qtbot.waitSignal(till.till_screen.results_shown, timeout=5000):
        screen.search_field.textEdited.emit("eau")
    assert screen.results.count() > 0
    assert "€" in screen.results.item(0).text()
    with qtbot.waitSignal(till.till_screen.basket_shown, timeout=5000):
        screen.add_first_result()
    assert screen.model.rowCount() == 1


def test_quantity_and_void_from_the_keyboard(qtbot: QtBot, till: MainWindow, data_dir) -> None:
    screen = till.till_screen
    _scan(qtbot, till, _codes(data_dir, 1)[0])
    screen.scan_field.setText("3")
    with qtbot.waitSignal(till.till_screen.basket_shown, timeout=5000):
        screen.apply_quantity()
    assert screen.view.item_count == 3
    with qtbot.waitSignal(till.till_screen.basket_shown, timeout=5000):
        screen.void_selected()
    assert screen.view.total_cents == 0 and screen.model.rowCount() == 1


def test_split_payment_cash_gives_change(qtbot: QtBot, till: MainWindow, data_dir) -> None:
    screen = till.till_screen
    for code in _codes(data_dir, 3):
        _scan(qtbot, till, code)
    total = screen.view.total_cents
    screen.pay()
    dialog = screen.payment_dialog
    dialog.amount_field.setText("1,00")
    dialog.reference_field.setText("AVOIR-42")
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        dialog.voucher_button.click()
    assert screen.view.remaining_cents == total - 100
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        dialog.quick_buttons[-1].click()  # a 100 € note
    assert screen.view.change_cents == 100 + 10000 - total
    assert "Rendu" in dialog.due_label.text() or "Change" in dialog.due_label.text()
    with qtbot.waitSignal(screen.sale_shown, timeout=5000) as done:
        dialog.complete_button.click()
    tenders = done.args[0].draft.tenders
    assert [(t.kind, t.amount_cents, t.reference) for t in tenders] == [
        ("voucher", 100, "AVOIR-42"),
        ("cash", 10000, ""),
    ]
    assert done.args[0].draft.change_cents == 100 + 10000 - total


def test_park_then_recall_brings_the_sale_back(qtbot: QtBot, till: MainWindow, data_dir) -> None:
    screen = till.till_screen
    for code in _codes(data_dir, 2):
        _scan(qtbot, till, code)
    total = screen.view.total_cents
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        screen.park()
    assert screen.model.rowCount() == 0 and "F8" in screen.message_label.text()
    screen.recall()
    qtbot.waitUntil(lambda: getattr(screen, "recall_dialog", None) is not None, timeout=5000)
    assert screen.recall_dialog.list.count() == 1
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        screen.recall_dialog.resume()
    assert screen.model.rowCount() == 2 and screen.view.total_cents == total


def test_text_grows_with_the_screen(qtbot: QtBot, till: MainWindow) -> None:
    screen = till.till_screen
    till.resize(1024, 768)
    qtbot.waitUntil(lambda: screen.zoom == 1.0)
    small = screen.table.font().pointSizeF()
    till.resize(1920, 1080)
    qtbot.waitUntil(lambda: screen.zoom > 1.2)
    assert screen.table.font().pointSizeF() > small * 1.2
    assert screen.buttons["F12"].minimumHeight() > 64


def test_the_till_acts_as_a_cashier_whom_the_service_refuses_the_drawer_without_a_sale(
    qtbot: QtBot, till: MainWindow, data_dir
) -> None:
    """Camille (cashier) is signed in: F10 asks why, goes to the service, which refuses
    it and a manager is asked to approve; cancelled, nothing is recorded."""
    screen = till.till_screen
    screen.open_drawer()
    needed: list = []  # heard on the worker's thread: a waitSignal there can hang
    till.controller.worker.approval_needed.connect(needed.append)
    screen.drawer_dialog.choose("Check the cash")
    qtbot.waitUntil(lambda: bool(needed), timeout=5000)
    assert needed[0].right == "drawer_without_sale"
    qtbot.waitUntil(lambda: till.staff.approval_dialog is not None)
    till.staff.approval_dialog.reject()
    with sqlite3.connect(data_dir / "store.db") as conn:
        assert conn.execute("SELECT count(*) FROM drawer_events").fetchone()[0] == 0


def test_no_two_keys_share_a_shortcut(till: MainWindow) -> None:
    """Qt fires neither of two shortcuts on one key (an "ambiguous overload"): each key of
    the till screen and each menu action must have its own."""
    keys = [s.key().toString() for s in till.findChildren(QShortcut)]
    keys += [
        a.shortcut().toString() for a in till.findChildren(QAction) if not a.shortcut().isEmpty()
    ]
    assert len(keys) > 12 and sorted(k for k in set(keys) if keys.count(k) > 1) == []
