"""A meal voucher's reference (issue 17): typed in the payment dialog's reference field,
carried on the tender into the recorded sale and printed with the tender; a reference
the receipt could not print as typed is refused in French, and nothing is taken."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from hardware.printer.connections import PrinterConfig, open_printer
from hardware.printer.escpos_receipt import print_receipt
from pos.config import Settings, StoreSettings
from pos.services.receipts import header_for_store, receipt_document
from tests.gui.selling import accented_codes, rows
from tests.unit.printer.escpos_text import escpos_text

WAIT = 10_000


def _basket_to_pay(qtbot: QtBot, make_app, data_dir: Path):
    app = make_app(Settings())
    screen = app.window.till_screen
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        screen.scan(accented_codes(data_dir, 1)[0])
    screen.pay()
    return screen, screen.payment_dialog


def test_a_meal_vouchers_reference_is_recorded_and_printed_with_it(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    screen, payment = _basket_to_pay(qtbot, make_app, data_dir)
    assert "titre-restaurant" in payment.reference_field.placeholderText()
    payment.amount_field.setText("0,50")
    payment.reference_field.setText("TR 0123456789")
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.meal_voucher_button.click()
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.card_button.click()
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        payment.complete_button.click()
    sale = done.args[0]
    stored = rows(data_dir, "SELECT kind, reference FROM sale_tenders ORDER BY sale_id, seq")
    assert ("meal_voucher", "TR 0123456789") in stored
    doc = receipt_document(sale, header_for_store(StoreSettings()))
    for columns in (32, 48):
        printer = open_printer(PrinterConfig(kind="dummy", profile="TM-T88V"))
        print_receipt(printer, doc, columns=columns, codepage="CP858")
        text = escpos_text(printer.output, "CP858")
        lines = text.splitlines()
        at = next(i for i, ln in enumerate(lines) if ln.startswith("Titres-restaurant"))
        assert "0,50" in lines[at], text
        assert "TR 0123456789" in lines[at] + lines[at + 1], text  # with it, or under it


def test_a_reference_the_receipt_could_not_print_is_refused_in_french(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    _screen, payment = _basket_to_pay(qtbot, make_app, data_dir)
    payment.amount_field.setText("0,50")
    payment.reference_field.setText("TR#0123456789 (papier)")
    payment.meal_voucher_button.click()
    qtbot.waitUntil(lambda: "au plus 24" in payment.message_label.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: payment.tenders.count() == 0, timeout=WAIT)
