"""A credit note (avoir) spent at the payment dialog, as a cashier does it, over a real
reference central on 127.0.0.1: the note is issued by a return at till T02 (its own
store file, ``ReturnDesk``, sync engine), then spent at till T01's screen, enrolled in
the same store, by its typed code or its scanned QR. Central's balance is read from
central itself; the spend runs on the till's worker thread, never the GUI's."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.cli import run_enrol
from pos.config import Settings
from pos.domain.returns import ReturnReason
from pos.domain.sale import SaleTender
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.returns import ReturnDesk
from pos.services.staff import StaffDirectory
from pos.store.local_store import LocalStore
from pos.ui.i18n import install_translations
from pos.ui.money import format_money
from pos.ui.qt import QApplication, Qt
from pos.ui.till_app import StartOptions, TillApp
from sync.client import HttpCentral
from sync.contract.codes import credit_note_qr_text, new_credit_note_code
from tests.gui.selling import open_sessions, rows, sign_in
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier
from tests.sync.terminals import open_terminal

STORE = "lyon-part-dieu"
WAIT = 10_000
Issue = Callable[[int], tuple[str, int]]


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@pytest.fixture(scope="module")
def calls(central: CentralServer) -> Iterator[HttpCentral]:
    """Central's credit note calls, to read a note's balance as central holds it."""
    client = HttpCentral(central.url, STORE, "T09", central.enrol(STORE, "T09"))
    yield client
    client.close()


@pytest.fixture(scope="module")
def issue(tmp_path_factory: pytest.TempPathFactory, central: CentralServer) -> Iterator[Issue]:
    """Till T02 sells one of a product by card, pushes it, takes it back to a credit note
    and pushes the return: central issues the note. Its code and amount."""
    token = central.enrol(STORE, "T02")
    terminal = open_terminal(
        tmp_path_factory.mktemp("t02"), central, "T02", token=token, store_id=STORE
    )
    terminal.sync()
    store = LocalStore(terminal.path)
    returns_calls = HttpCentral(central.url, STORE, "T02", token)

    def issue_one(product_id: int) -> tuple[str, int]:
        sale = Checkout(store, terminal_id="T02", actor=a_cashier("Léa"))
        sale.add_product(product_id, 1)
        total = sale.totals().total_cents
        sale.add_tender(TenderKind.CARD, total, "CB-T02")
        sold = sale.complete().sale_id
        assert terminal.sync().pending == 0
        desk = ReturnDesk(Checkout(store, terminal_id="T02", actor=a_cashier("Léa")),
                          calls=returns_calls, store_id=STORE)  # fmt: skip
        desk.find(sold)
        desk.return_line(sold, 1, 1, ReturnReason.CHANGED_MIND)
        desk.refund((SaleTender("credit_note", -total),))
        code = desk.credit_note_code()
        desk.complete()
        assert terminal.sync().pending == 0
        return code, total

    yield issue_one
    returns_calls.close()
    store.close()
    terminal.close()


@pytest.fixture
def till_app(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, central: CentralServer
) -> Iterator[TillApp]:
    """Till T01, enrolled in the same store, its day open, its catalog pulled, its
    administrator signed in."""
    folder = tmp_path / "t01"
    folder.mkdir()
    assert run_enrol(folder, central.url, STORE, "T01", f"demo-{STORE}", "") == 0
    open_sessions(folder / "store.db", ("T01",))
    with LocalStore(folder / "store.db") as store:  # a cashier signs in: scans reach the sale
        actor = StaffDirectory(store).create_first_admin("Inès", "2580")
    app = TillApp(qapp, StartOptions(folder, folder / "settings.toml"), Settings())
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.window.till_screen.basket_shown, timeout=WAIT):
        app.start()
    qtbot.waitUntil(lambda: app.window.network_status.property("state") == "idle", timeout=20_000)
    sign_in(qtbot, app.window, actor.staff_id, "2580")
    yield app
    app.shutdown()
    qapp.removeEventFilter(app.scanner)
    install_translations(qapp, "fr")


def _unit_product(folder: Path, *, cheapest: bool) -> tuple[int, str, int]:
    """A unit product of the pulled catalog: its id, barcode and price."""
    order = "ASC" if cheapest else "DESC"
    return rows(
        folder,
        "SELECT p.id, b.code, p.price_cents FROM products p JOIN barcodes b "
        f"ON b.product_id = p.id WHERE p.sold_by = 'unit' AND p.price_cents > 100 "
        f"ORDER BY p.price_cents {order}, p.id LIMIT 1",
    )[0]


def _typed(cents: int) -> str:
    """An amount as the cashier types it: "12,50"."""
    return f"{cents // 100},{cents % 100:02d}"


def _folder(app: TillApp) -> Path:
    return app.options.data_dir


def _scan(qtbot: QtBot, app: TillApp, code: str, times: int = 1) -> None:
    for _ in range(times):
        with qtbot.waitSignal(app.window.till_screen.basket_shown, timeout=WAIT):
            app.window.till_screen.scan(code)


def _paid(qtbot: QtBot, app: TillApp, cents: int) -> None:
    """Until the screen shows ``cents`` paid: the worker answered the last tender."""
    screen = app.window.till_screen
    qtbot.waitUntil(lambda: screen.view is not None and screen.view.paid_cents == cents,
                    timeout=WAIT)  # fmt: skip


def _on_worker_threads(app: TillApp) -> list[int]:
    """The threads ``credit_note_taken`` is emitted on (the spend's thread)."""
    threads: list[int] = []
    app.controller.worker.credit_note_taken.connect(
        lambda _t: threads.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    return threads


def test_a_typed_credit_note_pays_is_given_back_then_pays_part_and_prints_its_balance(
    qtbot: QtBot, till_app: TillApp, issue: Issue, calls: HttpCentral
) -> None:
    folder = _folder(till_app)
    product, barcode, price = _unit_product(folder, cheapest=True)
    code, issued = issue(product)
    assert calls.credit_note(code).balance_cents == issued == price
    screen, worker = till_app.window.till_screen, till_app.controller.worker
    threads = _on_worker_threads(till_app)
    _scan(qtbot, till_app, barcode, times=3)  # 3 × the note's value is due
    screen.pay()
    dialog = screen.payment_dialog
    assert dialog is not None
    assert dialog.credit_note_button.text() == "Avoir"
    typed = code.lower().replace("-", " ")  # as read out: lower case, spaces, no dashes

    dialog.reference_field.setText(typed)
    dialog.amount_field.setText(_typed(issued + 1))
    with qtbot.waitSignal(screen.refusal_shown, timeout=WAIT) as refused:
        dialog.credit_note_button.click()
    assert refused.args[0] == "credit_note_balance"
    assert dialog.message_label.text() == (
        f"Cet avoir n'a plus que {format_money(issued)} : baissez le montant."
    )
    assert dialog.tenders.count() == 0
    assert calls.credit_note(code).balance_cents == issued  # nothing debited

    dialog.amount_field.setText(dialog._default_amount)  # left as filled in: what is due
    with qtbot.waitSignal(worker.credit_note_taken, timeout=WAIT) as taken:
        dialog.credit_note_button.click()
    assert taken.args[0].amount_cents == issued  # min(balance, due)
    _paid(qtbot, till_app, issued)
    assert dialog.tenders.count() == 1
    assert code in dialog.tenders.item(0).text()
    assert calls.credit_note(code).balance_cents == 0

    for again in (True, False):  # removed, taken again in the same place, removed
        dialog.tenders.setCurrentRow(0)
        dialog.remove_button.click()
        _paid(qtbot, till_app, 0)
        assert calls.credit_note(code).balance_cents == issued  # the debit reversed
        if again:
            dialog.reference_field.setText(code)
            dialog.credit_note_button.click()
            _paid(qtbot, till_app, issued)
            assert calls.credit_note(code).balance_cents == 0  # debited afresh

    part = issued - 100
    dialog.reference_field.setText(code)
    dialog.amount_field.setText(_typed(part))
    dialog.credit_note_button.click()
    _paid(qtbot, till_app, part)
    assert dialog.tenders.count() == 1
    assert dialog.tenders.item(0).text() == (
        f"Avoir {format_money(part)} {code} · {format_money(100)} restant"
    )
    assert calls.credit_note(code).balance_cents == 100
    dialog.card_button.click()  # the rest by card
    _paid(qtbot, till_app, 3 * price)
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        dialog.complete_button.click()
    sale = done.args[0]
    assert [(t.kind, t.amount_cents, t.reference) for t in sale.draft.tenders] == [
        ("credit_note", part, code), ("card", 3 * price - part, ""),
    ]  # fmt: skip
    with qtbot.waitSignal(worker.receipt_ready, timeout=WAIT) as receipt:
        till_app.controller.request("receipt", sale.sale_id, "print")
    row = receipt.args[0].tenders[0]
    assert (row.label, row.reference, row.amount_cents, row.balance_cents) == (
        "Avoir",
        code,
        part,
        100,
    )
    qtbot.waitUntil(lambda: till_app.sync.status.pending == 0, timeout=20_000)
    assert calls.credit_note(code).balance_cents == 100  # the pushed sale debits no more
    assert threads and all(t != threading.get_ident() for t in threads)


def test_a_credit_note_qr_scanned_during_a_sale_pays_it(
    qtbot: QtBot, till_app: TillApp, issue: Issue, calls: HttpCentral
) -> None:
    folder = _folder(till_app)
    dear, _, _ = _unit_product(folder, cheapest=False)
    _, barcode, price = _unit_product(folder, cheapest=True)
    code, issued = issue(dear)
    assert issued > price
    screen, worker = till_app.window.till_screen, till_app.controller.worker
    _scan(qtbot, till_app, barcode)
    for scanned, refusal, french in (
        (credit_note_qr_text(code)[:-1], "not_a_credit_note", "Ce code d’avoir n’est pas valide"),
        (credit_note_qr_text(new_credit_note_code()), "credit_note_unknown", "Aucun avoir"),
    ):  # a misread QR (its check fails), then a note central never issued
        with qtbot.waitSignal(screen.refusal_shown, timeout=WAIT) as refused:
            till_app.route_scan(scanned)
        assert refused.args[0] == refusal
        dialog = screen.payment_dialog
        assert dialog is not None and dialog.message_label.text().startswith(french)
    dialog.amount_field.setText("1,00")
    dialog.cash_button.click()  # 1 € in cash first
    _paid(qtbot, till_app, 100)
    with qtbot.waitSignal(worker.credit_note_taken, timeout=WAIT) as taken:
        till_app.route_scan(credit_note_qr_text(code))  # the slip's QR, on the till screen
    assert dialog.isVisible() and screen.payment_dialog is dialog
    rest = price - 100
    assert taken.args[0].amount_cents == rest  # what is due: the note covers it
    assert calls.credit_note(code).balance_cents == issued - rest
    qtbot.waitUntil(lambda: dialog.complete_button.isEnabled(), timeout=WAIT)
    assert dialog.tenders.item(1).text().endswith(f"{format_money(issued - rest)} restant")
    dialog.tenders.setCurrentRow(0)
    dialog.remove_button.click()  # the cash before the note: refused, nothing sent
    assert dialog.message_label.text() == "Retirez d’abord l’avoir utilisé après ce paiement."
    assert dialog.tenders.count() == 2
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        dialog.complete_button.click()
    assert [t.kind for t in done.args[0].draft.tenders] == ["cash", "credit_note"]


def test_back_to_the_sale_or_a_cancelled_sale_gives_its_credit_note_back(
    qtbot: QtBot, till_app: TillApp, issue: Issue, calls: HttpCentral
) -> None:
    folder = _folder(till_app)
    product, barcode, _ = _unit_product(folder, cheapest=True)
    code, issued = issue(product)
    worker = till_app.controller.worker
    _scan(qtbot, till_app, barcode, times=2)
    with qtbot.waitSignal(worker.credit_note_taken, timeout=WAIT):
        till_app.route_scan(credit_note_qr_text(code))
    _paid(qtbot, till_app, issued)
    assert calls.credit_note(code).balance_cents == 0
    dialog = till_app.window.till_screen.payment_dialog
    assert dialog is not None
    dialog.close_button.click()  # "Back to the sale": the payments taken are removed
    _paid(qtbot, till_app, 0)
    assert calls.credit_note(code).balance_cents == issued
    with qtbot.waitSignal(worker.credit_note_taken, timeout=WAIT):
        till_app.route_scan(credit_note_qr_text(code))  # the dialog opens again
        dialog = till_app.window.till_screen.payment_dialog
        dialog.close_button.click()  # at once, before central answered: it stays open
    _paid(qtbot, till_app, issued)
    assert dialog.isVisible() and dialog.tenders.count() == 1
    assert calls.credit_note(code).balance_cents == 0
    with qtbot.waitSignal(worker.sale_set_aside, timeout=WAIT):
        till_app.controller.request("cancel")  # as F9 asks it, once confirmed
    assert calls.credit_note(code).balance_cents == issued


def test_offline_a_credit_note_pays_up_to_the_limit_and_is_recorded(
    qtbot: QtBot, till_app: TillApp, central: CentralServer
) -> None:
    """Central down: the default amount (what is due, above 50 €) is refused in French;
    20 € typed is taken and recorded in the JET."""
    folder = _folder(till_app)
    _, barcode, price = _unit_product(folder, cheapest=False)
    screen, worker = till_app.window.till_screen, till_app.controller.worker
    _scan(qtbot, till_app, barcode, times=5000 // price + 1)
    assert screen.view is not None and screen.view.total_cents > 5000
    code = new_credit_note_code()  # central cannot be asked: any well-formed note
    central.stop(kill=True)
    try:
        screen.pay()
        dialog = screen.payment_dialog
        assert dialog is not None
        dialog.reference_field.setText(code)
        with qtbot.waitSignal(screen.refusal_shown, timeout=WAIT) as refused:
            dialog.credit_note_button.click()
        assert refused.args[0] == "offline_credit_note_limit"
        assert dialog.message_label.text().startswith(
            f"Hors ligne, un avoir ne paie pas plus de {format_money(5000)}"
        )
        dialog.amount_field.setText("20,00")
        with qtbot.waitSignal(worker.credit_note_taken, timeout=WAIT) as taken:
            dialog.credit_note_button.click()
        assert (taken.args[0].amount_cents, taken.args[0].balance_cents) == (2000, None)
        qtbot.waitUntil(lambda: dialog.tenders.count() == 1, timeout=WAIT)
        assert dialog.tenders.item(0).text() == f"Avoir {format_money(2000)} {code}"
    finally:
        central.start()
    recorded = rows(folder, "SELECT count(*) FROM chain_entries WHERE kind = 'credit_note_offline'")
    assert recorded == [(1,)]
