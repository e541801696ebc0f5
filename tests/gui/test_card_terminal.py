"""The till with a payment terminal linked (the Concert simulator on 127.0.0.1): Camille
presses "Card", the dialog says "Présentez la carte au terminal…", the terminal
approves and the card tender carries its reference into the stored sale; a declined
card or a cancelled wait adds nothing; a card refund of a return sends a credit of the
refund's amount to the terminal before the tender is recorded."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.payment_terminal import TerminalConfig
from pos.config import Settings
from tests.gui.selling import accented_codes, rows
from tests.support.tpe_simulator import TpeSimulator

WAIT = 10_000
TENDERS = "SELECT kind, amount_cents, reference FROM sale_tenders WHERE sale_id = '{}'"


@pytest.fixture
def terminal() -> Iterator:
    started: list[TpeSimulator] = []

    def start(mode: str) -> TpeSimulator:
        started.append(TpeSimulator(0, mode).start())
        return started[-1]

    yield start
    for sim in started:
        sim.stop()


def _till(make_app, sim: TpeSimulator):
    return make_app(Settings(payment_terminal=TerminalConfig("concert", sim.address, 10)))


def _sell_by_card(qtbot: QtBot, screen, code: str, count: int = 1):
    for _ in range(count):
        with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
            screen.scan(code)
    screen.pay()
    payment = screen.payment_dialog
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.card_button.click()
        assert payment.card_wait is not None and payment.card_wait.isVisible()
        assert payment.card_wait.prompt.text() == "Présentez la carte au terminal…"
    return payment


def test_a_card_approved_by_the_terminal_is_recorded_with_its_reference(
    qtbot: QtBot, make_app, data_dir: Path, terminal
) -> None:
    sim = terminal("approve")
    screen = _till(make_app, sim).window.till_screen
    payment = _sell_by_card(qtbot, screen, accented_codes(data_dir, 1)[0])
    due = screen.view.total_cents
    assert screen.view.paid_cents == due
    assert [(r.operation, r.amount_cents, r.currency) for r in sim.requests] == [("0", due, "978")]
    qtbot.waitUntil(lambda: not payment.card_wait.isVisible(), timeout=WAIT)
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        payment.complete_button.click()
    sale_id = done.args[0].sale_id
    stored = rows(data_dir, TENDERS.format(sale_id))
    assert stored == [("card", due, "A1B2C3 ****1234")]


def test_a_declined_card_adds_nothing_and_says_so_in_french(
    qtbot: QtBot, make_app, data_dir: Path, terminal
) -> None:
    sim = terminal("decline")
    screen = _till(make_app, sim).window.till_screen
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        screen.scan(accented_codes(data_dir, 1)[0])
    screen.pay()
    payment = screen.payment_dialog
    with qtbot.waitSignal(screen.refusal_shown, timeout=WAIT) as refused:
        payment.card_button.click()
    assert refused.args[0] == "card_declined"
    assert len(sim.requests) == 1 and screen.view.paid_cents == 0
    assert payment.tenders.count() == 0
    assert payment.message_label.text().startswith("La carte a été refusée")
    qtbot.waitUntil(lambda: not payment.card_wait.isVisible(), timeout=WAIT)


def test_cancel_stops_the_wait_for_a_card_never_presented(
    qtbot: QtBot, make_app, data_dir: Path, terminal
) -> None:
    sim = terminal("slow")
    screen = _till(make_app, sim).window.till_screen
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        screen.scan(accented_codes(data_dir, 1)[0])
    screen.pay()
    payment = screen.payment_dialog
    payment.card_button.click()  # the GUI thread is free while the terminal waits
    qtbot.waitUntil(lambda: len(sim.requests) == 1, timeout=WAIT)
    with qtbot.waitSignal(screen.refusal_shown, timeout=WAIT) as refused:
        payment.card_wait.cancel_button.click()
    assert refused.args[0] == "terminal_cancelled" and screen.view.paid_cents == 0


def test_a_card_refund_sends_a_credit_of_the_refund_to_the_terminal(
    qtbot: QtBot, make_app, data_dir: Path, terminal
) -> None:
    sim = terminal("approve")
    app = _till(make_app, sim)
    screen, worker = app.window.till_screen, app.controller.worker
    payment = _sell_by_card(qtbot, screen, accented_codes(data_dir, 1)[0], count=2)
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        payment.complete_button.click()
    sold = done.args[0]
    unit = sold.draft.total_cents // 2
    screen.buttons["Shift+F1"].click()
    dialog = screen.returns.dialog
    dialog.code_field.setText(sold.sale_id)
    with qtbot.waitSignal(worker.origin_found, timeout=WAIT):
        dialog.code_field.returnPressed.emit()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    dialog.table.cellWidget(0, 4).setValue(1)
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        dialog.add_button.click()
    with qtbot.waitSignal(worker.refund_proposed, timeout=WAIT):
        screen.pay()
    qtbot.waitUntil(lambda: screen.returns.refund_dialog is not None, timeout=WAIT)
    with qtbot.waitSignal(worker.return_completed, timeout=WAIT) as returned:
        screen.returns.refund_dialog.refund_button.click()
        assert screen.returns.card_wait.amount_label.text().startswith("Remboursement : ")
    assert [(r.operation, r.amount_cents) for r in sim.requests] == [
        ("0", sold.draft.total_cents), ("1", unit),
    ]  # fmt: skip
    ticket = returned.args[0].sale_id
    stored = rows(data_dir, TENDERS.format(ticket))
    assert stored == [("card", -unit, "A1B2C3 ****1234")]  # names the original payment
