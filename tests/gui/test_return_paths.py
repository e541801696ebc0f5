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
from pos.services.checkout import Checkout
from pos.store.local_store import LocalStore
from pos.ui.qt import QSpinBox
from pos.ui.return_messages import STORE_TIME
from tests.gui.selling import accented_codes, rows, sell
from tests.gui.test_approval_dialog import approval_dialog, pin

WAIT = 10_000


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


def return_one(qtbot: QtBot, screen, sale_id: str) -> None:
    """F1, the sale's code, one unit of its first line onto the ticket."""
    screen.buttons["F1"].click()
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

    with qtbot.waitSignal(worker.refund_proposed, timeout=WAIT) as proposed:
        screen.pay()
    assert [(t.kind, t.amount_cents) for t in proposed.args[0]] == [("card", -unit)]
    qtbot.waitUntil(lambda: screen.returns.refund_dialog is not None, timeout=WAIT)
    with qtbot.waitSignal(worker.refused, timeout=WAIT) as refused:
        screen.returns.refund_dialog.refund_button.click()
    assert refused.args[0] == "offline_return_limit"
    qtbot.waitUntil(
        lambda: screen.message_label.text().startswith("Hors ligne, un retour ne peut rembourser"),
        timeout=WAIT,
    )

    with qtbot.waitSignal(worker.refund_proposed, timeout=WAIT) as again:
        screen.pay()  # nothing was given back: the whole refund is still to choose
    assert [(t.kind, t.amount_cents) for t in again.args[0]] == [("card", -unit)]
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
    screen.buttons["F1"].click()
    dialog = screen.returns.dialog
    dialog.code_field.setText(old)
    with qtbot.waitSignal(worker.approval_needed, timeout=WAIT) as asked:
        dialog.find()
    assert asked.args[0].act == "return_find"
    approval = approval_dialog(qtbot, app)
    assert "plus de 30 jours" in approval.details.text()
    code, *_ = pin(qtbot, app, approval, "ines", "Inès", "3333")
    assert code == ""
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    assert dialog.origin is not None and dialog.origin.sale_id == old
    assert rows(data_dir, "SELECT right_name, asked_by, approved_by FROM approval") == [
        ("return_without_receipt", "camille", "ines")
    ]
    refusals: list = []
    worker.refused.connect(lambda *a: refusals.append(a))
    dialog.table.cellWidget(0, 4).setValue(1)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: bool(refusals) or bool(screen.view.lines), timeout=WAIT)
    assert refusals == []
    line = screen.view.lines[-1]
    assert line.quantity == -1
    sold_on = (datetime.now(UTC) - timedelta(days=40)).astimezone(STORE_TIME).strftime("%d/%m")
    label = dialog.origin.label
    assert label.startswith("T01 n°")
    name_cell = screen.model.data(screen.model.index(len(screen.view.lines) - 1, 0))
    assert name_cell == f"{line.name}\nRetour · {label} du {sold_on}"  # what it comes from
