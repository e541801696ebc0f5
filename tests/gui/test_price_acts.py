"""The price acts on the till screen, as a cashier does them: Camille changes a line's
price (Ctrl+P, reason "damaged") and gives 5 € off the ticket (F4, in euros), each
refused to her and approved by Inès's PIN on the approval dialog; she pays with meal
vouchers above the cap (refused, the message names the cap and what is left), then
within it, and by card. The sale's rows, read by SQL, hold the override, its reason,
both approvals and the discount."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.domain.price_override import OverrideReason
from tests.gui.selling import accented_codes, rows
from tests.gui.test_approval_dialog import approval_dialog, pin

WAIT = 10_000


def test_a_cashier_overrides_a_price_discounts_the_ticket_and_meets_the_voucher_cap(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())  # Camille, cashier; meal vouchers capped at 25 € a sale
    screen = app.window.till_screen
    for code in accented_codes(data_dir, 30):
        with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
            screen.scan(code)
        if screen.view.total_cents > 6000:
            break
    first = screen.view.lines[0]
    catalog = first.unit_price_cents
    new_price = catalog // 2

    screen.table.setCurrentIndex(screen.model.index(0, 0))
    screen.price_acts.change_price()  # Ctrl+P
    price = screen.price_acts.price_dialog
    price.choose(f"{new_price // 100},{new_price % 100:02d}", OverrideReason.DAMAGED)
    price.apply_button.click()
    dialog = approval_dialog(qtbot, app)
    assert "Camille" in dialog.details.text() and first.name in dialog.details.text()
    code, *_ = pin(qtbot, app, dialog, "ines", "Inès", "3333")
    assert code == ""
    qtbot.waitUntil(lambda: screen.view.lines[0].unit_price_cents == new_price, timeout=WAIT)
    assert screen.view.lines[0].catalog_price_cents == catalog

    screen.buttons["F4"].click()
    discount = screen.price_acts.discount_dialog
    discount.choose("ticket", "euros", "5")
    discount.apply_button.click()
    dialog = approval_dialog(qtbot, app)
    assert "5,00" in dialog.details.text()
    code, *_ = pin(qtbot, app, dialog, "ines", "Inès", "3333")
    assert code == ""
    qtbot.waitUntil(lambda: screen.view.ticket_discount_cents == 500, timeout=WAIT)
    total = screen.view.total_cents

    screen.pay()
    payment = screen.payment_dialog
    payment.amount_field.setText("30,00")
    with qtbot.waitSignal(screen.refusal_shown, timeout=WAIT):
        payment.meal_voucher_button.click()
    assert "25,00" in payment.message_label.text()  # the cap, and what is left: all of it
    assert payment.tenders.count() == 0  # the refused voucher is not listed
    payment.amount_field.setText("25,00")
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.meal_voucher_button.click()
    assert payment.tenders.count() == 1
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.card_button.click()  # the rest, as the field now shows
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        payment.complete_button.click()
    sale_id = done.args[0].sale_id

    lines = rows(
        data_dir,
        "SELECT unit_price_cents, catalog_price_cents, price_reason, price_approval_id "
        f"FROM sale_lines WHERE sale_id = '{sale_id}' ORDER BY line_no",
    )
    assert lines[0][:3] == (new_price, catalog, "damaged")
    assert all(line[1] is None for line in lines[1:])
    approvals = rows(
        data_dir,
        "SELECT s.granted_right, s.line_no, a.asked_by, a.approved_by, a.amount_cents "
        "FROM sale_approvals s JOIN approval a ON a.approval_id = s.approval_id "
        f"WHERE s.sale_id = '{sale_id}' ORDER BY s.line_no",
    )
    assert approvals == [
        ("ticket_discount", 0, "camille", "ines", 500),
        ("price_override", 1, "camille", "ines", catalog - new_price),
    ]
    assert (
        lines[0][3]
        == rows(
            data_dir,
            f"SELECT approval_id FROM sale_approvals WHERE line_no = 1 AND sale_id = '{sale_id}'",
        )[0][0]
    )
    assert rows(
        data_dir, f"SELECT sum(ticket_discount_cents) FROM sale_lines WHERE sale_id = '{sale_id}'"
    ) == [(500,)]
    assert rows(
        data_dir,
        f"SELECT kind, amount_cents FROM sale_tenders WHERE sale_id = '{sale_id}' ORDER BY seq",
    ) == [("meal_voucher", 2500), ("card", total - 2500)]
