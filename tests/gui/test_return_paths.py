"""The return dialog's other paths, through the real till screen, its worker thread and a
real store file: a refund refused at completion leaves the ticket as it was; a sale past
the return window opens the manager's approval and, approved, shows its ticket; a
returned line shows in the basket what it comes from; an article returned without a
receipt, at its lowest recent price, with a manager's recorded approval."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.domain.rights import Actor, Role
from pos.services.checkout import Checkout, PricedItem
from pos.store.local_store import LocalStore
from pos.ui.qt import QSpinBox
from pos.ui.return_messages import STORE_TIME
from pos.ui.widgets.line_note_delegate import NOTE_ROLE
from tests.gui.selling import accented_codes, rows, sell
from tests.gui.test_approval_dialog import approval_dialog, pin

WAIT = 10_000


def heard(signal) -> list[tuple]:
    """What a worker's signal carries, as it is emitted (on the worker's thread): waited
    for with ``waitUntil``, never ``waitSignal``, whose loop a signal from another thread
    can leave hanging (see LIBRARIES.md)."""
    got: list[tuple] = []
    signal.connect(lambda *args: got.append(args))
    return got


def sold_days_ago(data_dir: Path, days: int) -> str:
    """A card sale of this till made ``days`` ago (its clock then), before the till
    starts: its id."""
    stamp = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="milliseconds")
    with LocalStore(data_dir / "store.db") as store:
        camille = Actor("camille", "Camille", Role.CASHIER)
        checkout = Checkout(
            store, terminal_id="T01", actor=camille, clock=lambda: stamp.replace("+00:00", "Z")
        )
        checkout.scan(accented_codes(data_dir, 1)[0])
        checkout.add_tender("card", checkout.totals().total_cents, "CB-OLD")
        sale_id = checkout.complete().sale_id
        checkout.mark_shown(sale_id)  # its screen showed it: nothing to recover
        checkout.close()
    return sale_id


def sold_cheaper_days_ago(data_dir: Path, code: str, days: int, off_cents: int) -> tuple:
    """The article of ``code`` sold ``days`` ago ``off_cents`` below its catalogue price
    (a web order's price, say): (product id, name, catalogue price, price sold at)."""
    stamp = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="milliseconds")
    with LocalStore(data_dir / "store.db") as store:
        product = store.catalog.by_barcode(code)
        camille = Actor("camille", "Camille", Role.CASHIER)
        checkout = Checkout(
            store, terminal_id="T01", actor=camille, clock=lambda: stamp.replace("+00:00", "Z")
        )
        checkout.add_priced([PricedItem(product.id, 1, product.price_cents - off_cents)])
        checkout.add_tender("card", checkout.totals().total_cents, "CB-OLD")
        checkout.mark_shown(checkout.complete().sale_id)
        checkout.close()
    return product.id, product.name, product.price_cents, product.price_cents - off_cents


def return_one(qtbot: QtBot, screen, sale_id: str) -> None:
    """F1, the sale's code, one unit of its first line onto the ticket."""
    screen.buttons["Shift+F1"].click()
    dialog = screen.returns.dialog
    dialog.code_field.setText(sale_id)
    dialog.find()
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1, timeout=WAIT)
    spin = dialog.table.cellWidget(0, 4)
    assert isinstance(spin, QSpinBox)
    spin.setValue(1)
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        dialog.add_button.click()


def test_a_refund_refused_at_completion_leaves_the_ticket_as_it_was(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    """Offline, over the offline limit: the card refund added before ``complete``
    refused is taken off again, so the same refund is proposed once more."""
    settings = Settings()
    app = make_app(replace(settings, till=replace(settings.till, offline_return_limit_cents=1)))
    screen, worker = app.window.till_screen, app.controller.worker
    sold = sell(qtbot, app.window, accented_codes(data_dir, 1), cash=False)
    qtbot.waitUntil(lambda: not screen.view.lines, timeout=WAIT)
    return_one(qtbot, screen, sold.sale_id)
    unit = sold.draft.total_cents

    proposed, refused = heard(worker.refund_proposed), heard(worker.refused)
    screen.pay()
    qtbot.waitUntil(lambda: len(proposed) == 1, timeout=WAIT)
    assert [(t.kind, t.amount_cents) for t in proposed[0][0]] == [("card", -unit)]
    qtbot.waitUntil(lambda: screen.returns.refund_dialog is not None, timeout=WAIT)
    screen.returns.refund_dialog.refund_button.click()
    qtbot.waitUntil(lambda: len(refused) == 1, timeout=WAIT)
    assert refused[0][0] == "offline_return_limit"
    qtbot.waitUntil(
        lambda: screen.message_label.text().startswith("Hors ligne, un retour ne peut rembourser"),
        timeout=WAIT,
    )

    screen.pay()  # nothing was given back: the whole refund is still to choose
    qtbot.waitUntil(lambda: len(proposed) == 2, timeout=WAIT)
    assert [(t.kind, t.amount_cents) for t in proposed[1][0]] == [("card", -unit)]
    assert screen.view.total_cents == -unit and screen.view.paid_cents == 0
    assert rows(data_dir, "SELECT count(*) FROM sales WHERE total_cents < 0") == [(0,)]


def test_a_sale_past_the_return_window_is_shown_once_a_manager_approves(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    """40 days ago, with a 30-day window: the cashier's find opens the manager's
    approval (not a refusal); Inès's PIN, and the original ticket shows, its return
    carrying the recorded approval."""
    old = sold_days_ago(data_dir, 40)
    app = make_app(Settings())
    screen, worker = app.window.till_screen, app.controller.worker
    screen.buttons["Shift+F1"].click()
    dialog = screen.returns.dialog
    dialog.code_field.setText(old)
    asked = heard(worker.approval_needed)
    dialog.find()
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    assert asked[0][0].act == "return_find"
    approval = approval_dialog(qtbot, app)
    assert "plus de 30 jours" in approval.details.text()
    code, *_ = pin(qtbot, app, approval, "ines", "Inès", "3333")
    assert code == ""
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    assert dialog.origin is not None and dialog.origin.sale_id == old
    assert rows(data_dir, "SELECT right_name, asked_by, approved_by FROM approval") == [
        ("return_without_receipt", "camille", "ines")
    ]
    refusals = heard(worker.refused)
    dialog.table.cellWidget(0, 4).setValue(1)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: bool(refusals) or bool(screen.view.lines), timeout=WAIT)
    assert refusals == []
    line = screen.view.lines[-1]
    assert line.quantity == -1
    sold_on = (datetime.now(UTC) - timedelta(days=40)).astimezone(STORE_TIME).strftime("%d/%m")
    label = dialog.origin.label
    assert label.startswith("T01 n°")
    note = screen.model.data(screen.model.index(len(screen.view.lines) - 1, 0), NOTE_ROLE)
    assert note == f"Retour · {label} du {sold_on}"  # what it comes from, under its name


def test_an_article_without_receipt_at_its_lowest_recent_price_with_a_managers_approval(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    """ "Sans ticket": the article scanned shows at its lowest price of these 30 days
    (sold 1,00 € cheaper 5 days ago), not today's; Camille lacks the right, so Inès
    approves; the basket line is at that price, marked "sans ticket", and the approval
    is recorded and carried by the line."""
    code = accented_codes(data_dir, 1)[0]
    product_id, name, catalog, lowest = sold_cheaper_days_ago(data_dir, code, 5, 100)
    app = make_app(Settings())
    screen, worker = app.window.till_screen, app.controller.worker
    screen.buttons["Shift+F1"].click()
    dialog = screen.returns.dialog
    dialog.no_receipt_button.click()
    panel = dialog.no_receipt
    assert panel.isVisible() and not dialog.table.isVisible()
    app.route_scan(code)  # the article's barcode, into the no-receipt page
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=WAIT)
    assert panel.results.item(0).text().startswith(name)
    assert panel.chosen().price_cents == lowest < catalog
    assert "prix le plus bas" in panel.price_label.text()
    panel.quantity.setValue(2)
    asked = heard(worker.approval_needed)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    assert asked[0][0].amount_cents == 2 * lowest
    approval = approval_dialog(qtbot, app)
    assert "sans ticket" in approval.details.text().lower() and name in approval.details.text()
    code_answer, *_ = pin(qtbot, app, approval, "ines", "Inès", "3333")
    assert code_answer == ""
    qtbot.waitUntil(lambda: bool(screen.view.lines), timeout=WAIT)
    line = screen.view.lines[-1]
    assert (line.quantity, line.unit_price_cents, line.total_cents) == (-2, lowest, -2 * lowest)
    assert screen.model.data(screen.model.index(0, 0), NOTE_ROLE) == "Retour · sans ticket"
    (approval_id,) = rows(
        data_dir,
        "SELECT approval_id FROM approval WHERE right_name = 'return_without_receipt' "
        "AND asked_by = 'camille' AND approved_by = 'ines'",
    )[0]

    returned = heard(worker.return_completed)
    screen.pay()  # no original tender: cash, within the limit
    qtbot.waitUntil(lambda: screen.returns.refund_dialog is not None, timeout=WAIT)
    screen.returns.refund_dialog.refund_button.click()
    qtbot.waitUntil(lambda: bool(returned), timeout=WAIT)
    sale_id = returned[0][0].sale_id
    assert rows(
        data_dir, f"SELECT product_id, quantity FROM sale_lines WHERE sale_id = '{sale_id}'"
    ) == [(product_id, -2)]
    assert rows(
        data_dir,
        "SELECT approval_id, granted_right, line_no FROM sale_approvals "
        f"WHERE sale_id = '{sale_id}'",
    ) == [(approval_id, "return_without_receipt", 1)]  # the approval, on the returned line


def test_cash_above_the_limit_names_the_cash_to_the_manager_then_completes(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    """All in cash, above a 1-cent cash refund limit: the manager reads what is asked
    (the cash amount, not an internal act name); approved, the return completes in cash."""
    settings = Settings()
    app = make_app(replace(settings, till=replace(settings.till, cash_refund_limit_cents=1)))
    screen, worker = app.window.till_screen, app.controller.worker
    sold = sell(qtbot, app.window, accented_codes(data_dir, 1), cash=False)
    qtbot.waitUntil(lambda: not screen.view.lines, timeout=WAIT)
    return_one(qtbot, screen, sold.sale_id)
    unit = sold.draft.total_cents
    asked, returned = heard(worker.approval_needed), heard(worker.return_completed)
    screen.pay()
    qtbot.waitUntil(lambda: screen.returns.refund_dialog is not None, timeout=WAIT)
    refund = screen.returns.refund_dialog
    refund.cash_button.click()
    refund.refund_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    assert (asked[0][0].act, asked[0][0].amount_cents) == ("refund_and_complete", unit)
    approval = approval_dialog(qtbot, app)
    assert "Rembourser" in approval.details.text() and "en espèces" in approval.details.text()
    code, *_ = pin(qtbot, app, approval, "ines", "Inès", "3333")
    assert code == ""
    qtbot.waitUntil(lambda: bool(returned), timeout=WAIT)
    assert returned[0][0].draft.tenders[0].kind == "cash"
