"""The till day through the real window, worker and store: the gate at start, a whole day
(sign in → open → sales → cash out → X → Z with a difference, approved by a manager's PIN
on the approval dialog), and the X and Z printed on a 58 mm file printer."""

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.printer.connections import PrinterConfig, PrinterDevice
from pos.domain.rights import Actor, Approval, Right, Role
from pos.domain.till_day import MovementReason
from pos.services.till_session import TillSessions
from pos.store.local_store import LocalStore
from pos.ui.i18n import switch_language
from pos.ui.main_window import MainWindow
from pos.ui.money import format_money
from pos.ui.printer_worker import PrinterThread
from pos.ui.qt import QTimer
from pos.ui.receipt_flow import ReceiptPolicy
from pos.ui.screens.till_day.cash_movement_dialog import CashMovementDialog
from pos.ui.screens.till_day.x_report_dialog import XReportDialog
from pos.ui.screens.till_day.z_closure_dialog import ZClosureDialog
from pos.ui.till_controller import TillController, TillOptions
from tests.gui.selling import accented_codes, rows, sell, sign_in

CASHIER = Actor("local-Camille", "Camille", Role.CASHIER)
MANAGER = Actor("m-nadia", "Nadia", Role.MANAGER)
FLOAT = {1000: 10, 200: 10, 100: 10, 50: 10}  # 135,00 €


def _window(qtbot: QtBot, data_dir: Path, printer: PrinterThread | None = None) -> MainWindow:
    controller = TillController(TillOptions(data_dir, cashier="Camille", demo_if_empty=False))
    window = MainWindow(controller, printer, ReceiptPolicy(columns=32) if printer else None)
    qtbot.addWidget(window)
    window.show()
    if printer is not None:
        printer.start()
    controller.start()
    qtbot.waitUntil(lambda: window.day.state is not None, timeout=10_000)
    assert window.stack.currentWidget() is window.staff.screen  # sign-in comes first
    sign_in(qtbot, window)  # Camille, cashier
    return window


def _switch(qtbot: QtBot, window: MainWindow, who: str, pin: str) -> None:
    """F1, then another member of staff signs in on the same till."""
    window.staff.lock_action.trigger()
    assert window.stack.currentWidget() is window.staff.screen
    sign_in(qtbot, window, who, pin)


def _when_approval_asked(window: MainWindow, answer) -> None:
    """Once the approval dialog shows (it runs its own event loop, so the test cannot wait
    for it): ``answer(dialog)``. Polled, because the refusal that opens it comes from the
    worker thread a moment after the click."""
    timer = QTimer(window)

    def poll() -> None:
        dialog = window.staff.approval_dialog
        if dialog is not None and dialog.isVisible():
            timer.stop()
            timer.deleteLater()
            answer(dialog)

    timer.timeout.connect(poll)
    timer.start(10)


def _manager_approves(window: MainWindow, who: str = "ines", pin: str = "3333") -> None:
    """The manager picks their name on the approval dialog and types their PIN on its pad."""

    def type_pin(dialog) -> None:
        dialog.choose(who, "Inès")
        for digit in pin:
            dialog.pad.press(digit)
        dialog.pad.press("ok")

    _when_approval_asked(window, type_pin)


def _nobody_approves(window: MainWindow) -> None:
    _when_approval_asked(window, lambda dialog: dialog.reject())


@pytest.fixture
def day_till(qtbot: QtBot, unopened_dir: Path) -> Iterator[MainWindow]:
    window = _window(qtbot, unopened_dir)
    yield window
    window.controller.shutdown()


def _open_the_till(qtbot: QtBot, window: MainWindow) -> None:
    opening = window.day.opening
    opening.form.set_counts(FLOAT)
    opening.open_button.click()
    qtbot.waitUntil(lambda: window.day.can_sell, timeout=5000)
    assert window.stack.currentWidget() is window.till_screen


def _sell(qtbot: QtBot, window: MainWindow, codes: list[str], *, cash: bool):
    """``sell``, then wait for the emptied basket the sale leaves, so the next sale's scans
    are answered in step (the worker sends it after the completed sale)."""
    sale = sell(qtbot, window, codes, cash=cash)
    screen = window.till_screen
    qtbot.waitUntil(lambda: screen.view is not None and not screen.view.lines, timeout=5000)
    return sale


def _sell_by(qtbot: QtBot, window: MainWindow, codes: list[str], tender: str):
    """A sale paid in full by a cheque or a meal voucher (its button takes what is due)."""
    screen = window.till_screen
    for code in codes:
        with qtbot.waitSignal(screen.basket_shown, timeout=5000):
            screen.scan(code)
    screen.pay()
    dialog = screen.payment_dialog
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        getattr(dialog, f"{tender}_button").click()
    with qtbot.waitSignal(screen.sale_shown, timeout=5000) as done:
        dialog.complete_button.click()
    qtbot.waitUntil(lambda: screen.view is not None and not screen.view.lines, timeout=5000)
    return done.args[0]


def _dialog(qtbot: QtBot, window: MainWindow, kind: type):
    """The till-day dialog the flow opened on the worker's answer (queued to this thread)."""
    qtbot.waitUntil(lambda: isinstance(window.day.dialog, kind), timeout=5000)
    assert window.day.dialog.isVisible()
    return window.day.dialog


def test_no_session_at_start_shows_the_opening_screen_and_sells_nothing(
    qtbot: QtBot, day_till: MainWindow, unopened_dir: Path
) -> None:
    window, worker = day_till, day_till.controller.worker
    assert window.day.showing_opening and not window.day.can_sell
    assert window.day.opening.open_button.isVisible()
    assert window.day.opening.open_button.text() == "Ouvrir la caisse avec 150,00\u00a0€"
    window.till_action.trigger()  # "Vente" in the menu: still the opening screen
    assert window.day.showing_opening
    assert not window.day.x_action.isEnabled() and not window.day.z_action.isEnabled()
    (code,) = accented_codes(unopened_dir, 1)
    with qtbot.waitSignal(window.till_screen.basket_shown, timeout=5000):
        window.controller.request("scan", code)  # even a scan reaching the sale…
    with qtbot.waitSignal(worker.refused, timeout=5000) as refused:
        window.controller.request("add_tender", "card", 100, "")
    assert refused.args[0] == "no_session"  # …cannot be paid: the gate is on
    assert rows(unopened_dir, "SELECT count(*) FROM sales WHERE session_id IS NOT NULL") == [(0,)]
    assert rows(unopened_dir, "SELECT count(*) FROM till_session") == [(0,)]


def test_a_session_too_old_leads_to_its_z_first(qtbot: QtBot, unopened_dir: Path) -> None:
    long_ago = (datetime.now(UTC) - timedelta(hours=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with LocalStore(unopened_dir / "store.db") as store:
        TillSessions(store, terminal_id="T01", clock=lambda: long_ago).open(CASHIER, FLOAT)
    window = _window(qtbot, unopened_dir)
    try:
        opening = window.day.opening
        assert window.day.showing_opening and window.day.state.too_old
        assert opening.close_button.isVisible() and not opening.open_button.isVisible()
        assert "plus de 24 heures" in opening.hint.text()
        with qtbot.waitSignal(window.controller.worker.z_ready, timeout=5000):
            opening.close_button.click()
        _dialog(qtbot, window, ZClosureDialog).reject()
    finally:
        window.controller.shutdown()


def _approve(approved: list[Approval], right: Right, what: str, amount: int | None) -> Approval:
    """The test's manager at the approval door (the seam A's PIN dialog fills)."""
    approval = Approval("ap-1", right, CASHIER, MANAGER, what, amount, "2026-12-06T18:00:00Z")
    approved.append(approval)
    return approval


def test_a_whole_day_open_sell_cash_out_x_and_z_with_an_approved_difference(
    qtbot: QtBot, day_till: MainWindow, unopened_dir: Path
) -> None:
    window, worker = day_till, day_till.controller.worker
    _open_the_till(qtbot, window)
    codes = accented_codes(unopened_dir, 5)
    cash_sale = _sell(qtbot, window, codes[:2], cash=True)
    card_sale = _sell(qtbot, window, codes[2:3], cash=False)
    cheque_sale = _sell_by(qtbot, window, codes[3:4], "cheque")
    voucher_sale = _sell_by(qtbot, window, codes[4:5], "meal_voucher")
    assert cash_sale.draft.change_cents > 0  # a note given, change back
    sales = (cash_sale, card_sale, cheque_sale, voucher_sale)

    _switch(qtbot, window, "ines", "3333")  # the manager takes cash to the bank
    assert window.stack.currentWidget() is window.till_screen
    window.day.cash_out_action.trigger()
    moving = _dialog(qtbot, window, CashMovementDialog)
    moving.set_amount("20,00")
    moving.set_reason(MovementReason.BANK_DEPOSIT)
    with qtbot.waitSignal(worker.moved, timeout=5000):
        moving.ok_button.click()
    qtbot.waitUntil(lambda: moving.done_movement is not None, timeout=5000)
    assert moving.done_movement.amount_cents == 2000

    with qtbot.waitSignal(worker.x_ready, timeout=5000):
        window.day.x_action.trigger()
    x = _dialog(qtbot, window, XReportDialog)
    total = sum(sale.draft.total_cents for sale in sales)
    cash_net = cash_sale.draft.total_cents
    expected_cash = 13500 + cash_net - 2000
    assert x.view.value("Ventes") == "4"
    assert x.view.value("Total des ventes TTC") == format_money(total)
    assert x.view.value("Espèces (1)") == format_money(cash_net)
    assert x.view.value("Carte bancaire (1)") == format_money(card_sale.draft.total_cents)
    assert x.view.value("Chèque (1)") == format_money(cheque_sale.draft.total_cents)
    assert x.view.value("Titres-restaurant (1)") == format_money(voucher_sale.draft.total_cents)
    assert x.view.value("Camille (4)") == format_money(total)
    assert x.view.value("Sorties d'espèces") == "-" + format_money(2000)
    assert x.view.value("Espèces attendues") == format_money(expected_cash)
    x.accept()

    # The Z, by a cashier: 10 € short in the drawer; the card terminal, the cheques and
    # the meal vouchers agree.
    _switch(qtbot, window, "camille", "1111")
    with qtbot.waitSignal(worker.z_ready, timeout=5000):
        window.day.z_action.trigger()
    z = _dialog(qtbot, window, ZClosureDialog)
    assert z.count_form.blind and not z.count_form.expected_label.isVisible()
    short = expected_cash - 1000
    z.count_form.set_counts({1: short % 100, 100: short // 100})
    z.set_others(
        {
            "card": card_sale.draft.total_cents,
            "cheque": cheque_sale.draft.total_cents,
            "meal_voucher": voucher_sale.draft.total_cents,
        }
    )
    z.compare_button.click()
    qtbot.waitUntil(lambda: z.pages.currentIndex() == 1, timeout=5000)
    assert z.comparison_view.value("Écart total") == format_money(1000)
    assert "un responsable doit approuver" in z.verdict.text()
    _nobody_approves(window)
    z.close_button.click()  # the approval dialog, cancelled: nothing closes
    assert "Non approuvé" in z.message.text()
    assert rows(unopened_dir, "SELECT status FROM till_session") == [("open",)]

    _manager_approves(window)  # Inès types her PIN on Camille's till
    with qtbot.waitSignal(worker.z_closed, timeout=5000) as closed:
        z.close_button.click()
    report = closed.args[0]
    qtbot.waitUntil(lambda: z.pages.currentIndex() == 2, timeout=5000)
    assert rows(
        unopened_dir, "SELECT right_name, amount_cents, asked_by, approved_by FROM approval"
    ) == [("close_with_difference", 1000, "camille", "ines")]
    qtbot.waitUntil(lambda: window.day.showing_opening, timeout=5000)  # the next day opens here
    assert z.pages.currentIndex() == 2 and z.report_view.value("Écart total") == format_money(1000)
    assert "CLÔTURE Z" in window.day.preview.text.toPlainText()  # no printer: shown as paper
    # Sealed in the closures chain: its number and signature excerpt, on screen and paper.
    sealed = report["sealed"]
    shown = f"Scellée dans le registre fiscal : clôture n° {sealed['seq']}, signature"
    assert z.report_view.value(shown) == sealed["excerpt"] and len(sealed["excerpt"]) == 8
    paper = window.day.preview.text.toPlainText()
    assert f"Clôture n° {sealed['seq']} scellée, signature {sealed['excerpt']}" in paper

    # The Z against the sales, read by an auditor with their own SQL.
    ((session_id, status),) = rows(unopened_dir, "SELECT session_id, status FROM till_session")
    assert status == "closed"
    sales = rows(
        unopened_dir,
        f"SELECT count(*), sum(total_cents), sum(change_cents) FROM sales "
        f"WHERE session_id = '{session_id}'",
    )[0]
    by_kind = dict(
        rows(
            unopened_dir,
            "SELECT t.kind, sum(t.amount_cents) FROM sale_tenders t JOIN sales s "
            f"ON s.id = t.sale_id WHERE s.session_id = '{session_id}' GROUP BY t.kind",
        )
    )
    assert (report["sales_count"], report["sales_total_cents"]) == (4, sales[1]) == (4, total)
    cash_expected = 13500 + by_kind["cash"] - sales[2] - 2000
    tenders = dict(
        (tender, (expected, counted, difference))
        for tender, expected, counted, difference in rows(
            unopened_dir,
            "SELECT tender, expected_cents, counted_cents, difference_cents "
            f"FROM z_report_tenders WHERE session_id = '{session_id}'",
        )
    )
    assert tenders["cash"] == (cash_expected, cash_expected - 1000, -1000)
    for kind in ("card", "cheque", "meal_voucher"):
        assert tenders[kind] == (by_kind[kind], by_kind[kind], 0), kind
    ((stored, approval_id),) = rows(
        unopened_dir, f"SELECT report, approval_id FROM z_report WHERE session_id = '{session_id}'"
    )
    assert json.loads(stored)["difference_cents"] == 1000
    assert rows(unopened_dir, "SELECT approval_id FROM approval") == [(approval_id,)]


def test_x_and_z_print_in_french_on_58_mm_paper(
    qtbot: QtBot, unopened_dir: Path, tmp_path: Path
) -> None:
    paper = tmp_path / "paper.bin"
    config = PrinterConfig(kind="file", file_path=str(paper), codepage="CP858", columns=32)
    printer = PrinterThread(partial(PrinterDevice, config))
    window = _window(qtbot, unopened_dir, printer)
    worker = window.controller.worker
    try:
        _open_the_till(qtbot, window)
        _sell(qtbot, window, accented_codes(unopened_dir, 1), cash=False)
        with qtbot.waitSignal(worker.x_ready, timeout=5000):
            window.day.x_action.trigger()
        x = _dialog(qtbot, window, XReportDialog)
        with qtbot.waitSignal(printer.worker.slip_printed, timeout=10_000) as printed:
            x.print_button.click()
        assert printed.args[1].ok
        x.accept()
        with qtbot.waitSignal(worker.z_ready, timeout=5000):
            window.day.z_action.trigger()
        z = _dialog(qtbot, window, ZClosureDialog)
        z.count_form.set_counts(FLOAT)
        z.set_others({"card": x.figures.expected("card")})
        z.compare_button.click()
        qtbot.waitUntil(lambda: z.pages.currentIndex() == 1, timeout=5000)
        assert z.comparison_view.value("Écart total") == format_money(0)
        with qtbot.waitSignal(printer.worker.slip_printed, timeout=10_000) as printed:
            z.close_button.click()
        assert printed.args[1].ok
    finally:
        window.controller.shutdown()
        printer.shutdown()
    text = paper.read_bytes().decode("cp858")
    for words in ("TICKET X", "CLÔTURE Z", "Fond de caisse", "135,00 €", "Carte bancaire",
                  "Espèces attendues", "Écart total", "Par taux de TVA"):  # fmt: skip
        assert words in text, words
    assert "=" * 32 + "\n" in text and "=" * 33 not in text  # laid out for 58 mm paper


def test_a_cashier_cash_out_goes_through_the_approval_door(
    qtbot: QtBot, day_till: MainWindow, unopened_dir: Path
) -> None:
    window = day_till
    _open_the_till(qtbot, window)
    # Camille, signed in, is a cashier: she lacks cash in/out.
    window.day.cash_out_action.trigger()
    moving = _dialog(qtbot, window, CashMovementDialog)
    moving.set_amount("abc")
    moving.ok_button.click()
    assert "montant en euros" in moving.message.text()  # refused as typed, nothing sent
    moving.set_amount("30,00")
    moving.set_reason(MovementReason.PETTY_CASH)
    _nobody_approves(window)
    moving.ok_button.click()  # refused for the right; the manager's dialog, cancelled
    qtbot.waitUntil(lambda: "responsable" in moving.message.text(), timeout=5000)
    assert moving.isVisible()
    assert rows(unopened_dir, "SELECT count(*) FROM cash_movement") == [(0,)]
    moving.set_reason(MovementReason.OTHER)
    _manager_approves(window)
    moving.ok_button.click()  # approved, but "other" needs a note: said in the dialog
    qtbot.waitUntil(lambda: "précision" in moving.message.text(), timeout=5000)
    moving.set_reason(MovementReason.PETTY_CASH)
    _manager_approves(window)
    moving.ok_button.click()
    qtbot.waitUntil(lambda: moving.done_movement is not None, timeout=5000)
    approvals = rows(unopened_dir, "SELECT approval_id, right_name, amount_cents FROM approval")
    assert [(right, amount) for _id, right, amount in approvals] == [("cash_in_out", 3000)] * 2
    assert rows(
        unopened_dir, "SELECT kind, reason, amount_cents, by_name, approval_id FROM cash_movement"
    ) == [("out", "petty_cash", 3000, "Camille", approvals[-1][0])]


def test_the_z_is_refused_while_a_sale_is_open_and_screens_follow_the_language(
    qtbot: QtBot, qapp, day_till: MainWindow, unopened_dir: Path
) -> None:
    window = day_till
    assert window.day.opening.title.text().startswith("Ouverture de caisse")
    try:
        switch_language(qapp, "en")
        assert window.day.opening.title.text().startswith("Opening the till")
        assert window.day.z_action.text() == "&Z closure…"
    finally:
        switch_language(qapp, "fr")
    _open_the_till(qtbot, window)
    screen = window.till_screen
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        screen.scan(accented_codes(unopened_dir, 1)[0])
    with qtbot.waitSignal(screen.refusal_shown, timeout=5000) as shown:
        window.day.z_action.trigger()
    assert shown.args[0] == "basket_open"
    assert "vente est encore en cours" in screen.message_label.text()
    assert window.day.dialog is None  # no count started
    assert rows(unopened_dir, "SELECT status FROM till_session") == [("open",)]


def test_the_z_count_reads_a_negative_card_total() -> None:
    """The closer types the terminal's negative card total as it prints it."""
    from pos.ui.screens.till_day.z_closure_dialog import _signed_eur

    assert (_signed_eur("-20,00"), _signed_eur(" −5"), _signed_eur("12,50")) == (-2000, -500, 1250)
