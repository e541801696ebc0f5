"""A manager approves on the cashier's till: F9 (cancel) and F10 (drawer without a
sale) refused to Camille → the approval dialog → a cashier's PIN refused on the pad →
Inès's PIN → the same act done and recorded with Inès as approver (checked by SQL)."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.domain.rights import Right
from pos.ui.dialogs.approval_dialog import ApprovalDialog
from pos.ui.money import format_money
from pos.ui.qt import QTimer
from pos.ui.till_app import TillApp
from tests.gui.selling import accented_codes, rows

WAIT = 10_000


def approval_dialog(qtbot: QtBot, app: TillApp) -> ApprovalDialog:
    gate = app.window.staff
    qtbot.waitUntil(lambda: gate.approval_dialog is not None, timeout=WAIT)
    assert gate.approval_dialog is not None
    return gate.approval_dialog


def pin(qtbot: QtBot, app: TillApp, dialog: ApprovalDialog, who: str, name: str, digits: str):
    dialog.choose(who, name)
    for digit in digits:
        dialog.pad.press(digit)
    with qtbot.waitSignal(dialog.answered, timeout=WAIT) as answer:
        dialog.pad.press("ok")
    return answer.args


def fill_basket(qtbot: QtBot, app: TillApp, data_dir: Path, n: int) -> None:
    screen = app.window.till_screen
    for code in accented_codes(data_dir, n):
        with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
            screen.scan(code)


def test_f9_as_a_cashier_needs_a_manager_and_is_recorded_with_the_approver(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())  # Camille, cashier
    fill_basket(qtbot, app, data_dir, 3)
    screen = app.window.till_screen
    total = screen.view.total_cents
    screen.buttons["F9"].click()
    assert "3 articles" in screen.cancel_dialog.question.text()
    screen.cancel_dialog.cancel_button.click()  # yes, cancel it: then a manager must
    dialog = approval_dialog(qtbot, app)
    assert dialog.heading.text() == "Un responsable doit valider"
    assert "Demandé par : Camille" in dialog.details.text()
    assert "Annuler la vente (3 articles, " in dialog.details.text()
    assert set(dialog.name_buttons) == {"ines", "admin"}  # managers only on the list
    code, *_ = pin(qtbot, app, dialog, "julien", "Julien", "2222")  # a cashier's badge
    assert code == "approver_lacks_right"
    assert dialog.pad.message.text() == (
        "Cette personne ne peut pas valider : un responsable doit saisir son code."
    )
    assert dialog.isVisible() and len(screen.view.lines) == 3  # nothing changed
    with qtbot.waitSignal(app.controller.worker.sale_set_aside, timeout=WAIT):
        code, *_ = pin(qtbot, app, dialog, "ines", "Inès", "3333")
    assert code == ""
    qtbot.waitUntil(lambda: not screen.view.lines, timeout=WAIT)
    approval = rows(
        data_dir,
        "SELECT approval_id, right_name, asked_by, approved_by, amount_cents, what FROM approval",
    )
    assert len(approval) == 1
    approval_id, right, asked, approved, amount, what = approval[0]
    assert (right, asked, approved, amount) == ("cancel_sale", "camille", "ines", total)
    assert what.startswith("Annuler la vente (3 articles")
    cancelled = rows(data_dir, "SELECT staff_id, approval_id, total_cents FROM cancelled_sale")
    assert cancelled == [("camille", approval_id, total)]
    assert rows(data_dir, f"SELECT kind FROM outbox WHERE op_id = '{approval_id}'") == [
        ("approval",)
    ]


def test_cancel_in_the_dialog_leaves_the_sale_as_it_was(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())
    fill_basket(qtbot, app, data_dir, 2)
    app.window.till_screen.cancel_sale()
    app.window.till_screen.cancel_dialog.cancel_button.click()
    approval_dialog(qtbot, app).cancel_button.click()
    assert app.window.staff.approval_dialog is None
    assert len(app.window.till_screen.view.lines) == 2
    assert rows(data_dir, "SELECT count(*) FROM approval") == [(0,)]
    assert rows(data_dir, "SELECT count(*) FROM cancelled_sale") == [(0,)]


def test_f10_asks_the_reason_then_a_manager_and_records_both(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())
    screen = app.window.till_screen
    screen.buttons["F10"].click()
    screen.drawer_dialog.buttons["check"].click()  # "Contrôler la caisse"
    dialog = approval_dialog(qtbot, app)
    assert "Ouvrir le tiroir sans vente : Contrôler la caisse" in dialog.details.text()
    with qtbot.waitSignal(app.controller.worker.drawer_recorded, timeout=WAIT):
        code, *_ = pin(qtbot, app, dialog, "ines", "Inès", "3333")
    assert code == ""
    assert rows(data_dir, "SELECT reason, staff_id, note FROM drawer_events") == [
        ("manual", "camille", "Contrôler la caisse")
    ]
    assert rows(data_dir, "SELECT right_name, approved_by FROM approval") == [
        ("drawer_without_sale", "ines")
    ]


def test_request_approval_gives_other_screens_the_managers_yes(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    """The seam for the till day's screens: a callable that returns the approval."""
    app = make_app(Settings())
    gate = app.window.staff

    def manager_types_pin() -> None:
        dialog = gate.approval_dialog
        dialog.choose("ines", "Inès")
        for digit in "3333":
            dialog.pad.press(digit)
        dialog.pad.press("ok")

    QTimer.singleShot(0, manager_types_pin)  # once the dialog waits for the manager
    approval = gate.request_approval(Right.CASH_IN_OUT, "Sortie de 50,00 €", 5000)
    assert approval is not None and approval.approved_by.staff_id == "ines"
    assert rows(data_dir, "SELECT right_name, amount_cents FROM approval") == [
        ("cash_in_out", 5000)
    ]


def test_f9_asks_before_it_cancels_even_a_manager_and_no_keeps_the_sale(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    """A whole basket never goes on one key press: F9 asks, Enter (the default) keeps it."""
    app = make_app(Settings(), sign_in_as=("ines", "3333"))  # a manager: no approval asked
    fill_basket(qtbot, app, data_dir, 2)
    screen = app.window.till_screen
    total = screen.view.total_cents
    screen.buttons["F9"].click()
    question = screen.cancel_dialog
    assert question.isVisible() and question.keep_button.isDefault()
    assert question.question.text() == (
        f"Annuler toute la vente : 2 articles, {format_money(total)} ?"
    )
    question.keep_button.click()
    assert len(screen.view.lines) == 2
    assert rows(data_dir, "SELECT count(*) FROM cancelled_sale") == [(0,)]
    screen.buttons["F9"].click()
    with qtbot.waitSignal(app.controller.worker.sale_set_aside, timeout=WAIT):
        screen.cancel_dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not screen.view.lines, timeout=WAIT)
    assert rows(data_dir, "SELECT staff_id, total_cents FROM cancelled_sale") == [("ines", total)]
    assert rows(data_dir, "SELECT count(*) FROM approval") == [(0,)]
