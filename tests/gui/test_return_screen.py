"""Returns at the till, as a cashier does them: Camille sells two of an article by card,
then F1 opens the return dialog; the receipt's sale id typed (a scanner types it the
same way) shows the ticket with sold / already returned / remaining; she takes one back,
the basket shows the negative line; Pay offers the refund to the card and completes the
return ticket, which the store holds (read by SQL). The desk ran on the worker's thread,
never the GUI's. A code that names no sale shows its French sentence in the dialog."""

import sqlite3
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from hardware.receipt.sale_code import ticket_code
from pos.config import Settings
from pos.domain.returns import ReturnReason
from pos.ui.messages import user_message
from pos.ui.qt import QSpinBox, Qt
from tests.gui.selling import accented_codes, rows, sell

WAIT = 10_000


def test_a_receipt_is_found_one_line_returned_and_refunded_to_the_card(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())
    screen = app.window.till_screen
    code = accented_codes(data_dir, 1)[0]
    sold = sell(qtbot, app.window, [code, code], cash=False)

    worker = app.controller.worker
    threads: list[int] = []
    worker.origin_found.connect(
        lambda _o: threads.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    worker.return_completed.connect(
        lambda _s: threads.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    screen.buttons["Shift+F1"].click()
    dialog = screen.returns.dialog
    assert dialog is not None and dialog.windowTitle() == "Retour"
    dialog.code_field.setText(sold.sale_id)
    with qtbot.waitSignal(worker.origin_found, timeout=WAIT):
        dialog.code_field.returnPressed.emit()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    cells = [dialog.table.item(0, column).text() for column in range(1, 4)]
    assert cells == ["2", "0", "2"]  # sold, already returned, remaining
    spin = dialog.table.cellWidget(0, 4)
    assert isinstance(spin, QSpinBox) and spin.maximum() == 2
    spin.setValue(1)
    reasons = dialog.table.cellWidget(0, 5)
    reasons.setCurrentIndex(reasons.findData(ReturnReason.DEFECTIVE.value))
    assert not dialog.table.cellWidget(0, 6).isChecked()  # defective: not back to stock
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        dialog.add_button.click()
    line = screen.view.lines[-1]
    unit = sold.draft.total_cents // 2
    assert line.quantity == -1 and line.total_cents == -unit
    assert screen.view.total_cents == -unit
    assert screen.details_label.text() == "Repris : 1"  # not "0 articles"

    with qtbot.waitSignal(worker.refund_proposed, timeout=WAIT) as proposed:
        screen.pay()  # F12: the total is below zero, so the refund choice
    assert [(t.kind, t.amount_cents) for t in proposed.args[0]] == [("card", -unit)]
    qtbot.waitUntil(lambda: screen.returns.refund_dialog is not None, timeout=WAIT)
    refund = screen.returns.refund_dialog
    assert refund.list.item(0).text().startswith("Sur la carte utilisée")
    with qtbot.waitSignal(worker.return_completed, timeout=WAIT) as returned:
        refund.refund_button.click()
    ticket = returned.args[0]
    assert ticket.draft.total_cents == -unit
    assert threads and all(t != threading.get_ident() for t in threads)
    stored = rows(data_dir, f"SELECT total_cents FROM sales WHERE id = '{ticket.sale_id}'")
    assert stored == [(-unit,)]
    tenders = rows(
        data_dir, f"SELECT kind, amount_cents FROM sale_tenders WHERE sale_id = '{ticket.sale_id}'"
    )
    assert tenders == [("card", -unit)]


def test_a_code_that_names_no_sale_is_refused_in_french_in_the_dialog(
    qtbot: QtBot, make_app
) -> None:
    app = make_app(Settings())
    screen = app.window.till_screen
    screen.buttons["Shift+F1"].click()
    dialog = screen.returns.dialog
    dialog.code_field.setText("T01 99999")
    with qtbot.waitSignal(app.controller.worker.refused, timeout=WAIT) as refused:
        dialog.code_field.returnPressed.emit()
    assert refused.args[0] == "not_found"
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=WAIT)
    assert dialog.message.text().startswith("Aucune vente de ce magasin")


def test_the_returns_refusals_fill_their_params_in_french() -> None:
    """``remaining`` is a count here (the default reads it as money); limits are money."""
    assert user_message("above_returnable", "", {"line_no": 1, "remaining": 2}) == (
        "Seulement 2 de cette ligne peuvent encore être repris."
    )
    offline = user_message("offline_return_limit", "", {"limit_cents": 10000})
    assert offline.startswith("Hors ligne, un retour ne peut rembourser plus de 100,00")
    assert user_message("training_no_returns", "") == (
        "Les retours ne se font pas en mode formation."
    )


def test_a_receipt_qr_scanned_on_an_empty_basket_opens_its_return(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())
    screen = app.window.till_screen
    code = accented_codes(data_dir, 1)[0]
    sold = sell(qtbot, app.window, [code], cash=False)
    qtbot.waitUntil(lambda: not screen.view.lines, timeout=WAIT)  # the next, empty basket
    app.route_scan(sold.sale_id)  # the receipt's QR code
    dialog = screen.returns.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    assert [dialog.table.item(0, column).text() for column in (1, 2, 3)] == ["1", "0", "1"]


def test_a_58mm_receipts_ticket_code_typed_in_the_scan_field_opens_its_return(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    """The 58 mm receipt's Code 128 reads "T01-<n>": a wedge scanner types it and Enter
    into the scan field; on an empty basket that opens the return of that ticket."""
    app = make_app(Settings())
    screen = app.window.till_screen
    code = accented_codes(data_dir, 1)[0]
    sold = sell(qtbot, app.window, [code], cash=False)
    qtbot.waitUntil(lambda: not screen.view.lines, timeout=WAIT)
    printed = ticket_code(Settings().till.terminal_id, sold.ticket_no)
    assert printed.startswith("T01-")
    screen.scan_field.setFocus()
    qtbot.keyClicks(screen.scan_field, printed)
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)  # no article, no coupon: a ticket
    qtbot.waitUntil(lambda: screen.returns.dialog is not None, timeout=WAIT)
    dialog = screen.returns.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    assert [dialog.table.item(0, column).text() for column in (1, 2, 3)] == ["1", "0", "1"]


def test_an_article_whose_sku_reads_like_a_ticket_code_is_sold_not_returned(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    """ "ABC-123" is a SKU of this store and also reads like a 58 mm receipt's ticket code
    (till "ABC", ticket 123): on an empty basket the article is sold, no return opens.
    (A ticket code no article or coupon has opens its return: the test above.)"""
    with sqlite3.connect(data_dir / "store.db") as conn:
        conn.execute("UPDATE products SET sku = 'ABC-123' WHERE id = 1")
        name = conn.execute("SELECT name FROM products WHERE id = 1").fetchone()[0]
    app = make_app(Settings())
    screen = app.window.till_screen
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        app.route_scan("ABC-123")
    assert screen.returns.dialog is None
    assert [line.name for line in screen.view.lines] == [name]
