"""Customers at the till, as a cashier meets them (issue 15): the "Client" key opens the
customer dialog; typing a name lists this till's customers with their email and phone
half hidden and their points; Enter attaches the customer, the sale panel shows them,
and the sale paid is committed naming them (read by SQL). A loyalty card scanned after
the articles attaches its customer; a customer created (marketing consent off unless
ticked) is attached and found at once; without a central server the dialog says only
this till's customers are searched; the history panel shows the cached history with
its age; "Détacher" takes the customer off; a parked basket whose customer was erased
meanwhile comes back without them, and says so. Every customer request runs on the
till worker's thread, never the GUI's."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import Settings
from pos.domain.customer_card import card_text
from pos.services.outbox_review import CUSTOMER_CONSENT, CUSTOMER_CREATION, OwedCall
from pos.store import customer_feed, customer_histories, customer_outbox
from pos.store.db import write_transaction
from pos.ui.customer_masks import mask_email, mask_phone
from pos.ui.dialogs import owed_texts
from pos.ui.qt import QLocale, Qt
from sync.contract.customers import CustomerHistory, HistoryEntry
from tests.gui.selling import accented_codes, rows

WAIT = 10_000


def _open_dialog(screen):
    screen.buttons["Shift+F2"].click()
    dialog = screen.customers.dialog
    assert dialog is not None and dialog.windowTitle() == "Client"
    return dialog


def _search(qtbot: QtBot, worker, dialog, text: str):
    """Type ``text`` and let the pause end; the final answer."""
    dialog.search_field.setText(text)
    dialog.search_field.textEdited.emit(text)
    with qtbot.waitSignal(
        worker.customers_found, timeout=WAIT, check_params_cb=lambda r: r.final
    ) as found:
        pass  # the debounce timer fires on its own
    return found.args[0]


def test_search_attach_and_the_sale_committed_names_the_customer(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())
    screen, worker = app.window.till_screen, app.controller.worker
    threads: list[int] = []
    for signal in (worker.customers_found, worker.customer_shown):
        signal.connect(lambda *_a: threads.append(threading.get_ident()),
                       Qt.ConnectionType.DirectConnection)  # fmt: skip
    code = accented_codes(data_dir, 1)[0]
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        screen.scan(code)

    dialog = _open_dialog(screen)
    results = _search(qtbot, worker, dialog, "Fabre")
    assert [c.customer_id for c in results.customers] == ["CLI-0001"]
    line = dialog.list.item(0).text()
    assert line.startswith("Aurélie Fabre\n")
    assert (
        "a•••@example.fr" in line
        and "06 •• •• •• 34" in line
        and f"{QLocale().toString(1250)} points" in line
    )
    assert "aurelie.fabre" not in line and "12 34" not in line
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT) as shown:
        dialog.search_field.returnPressed.emit()  # Enter attaches
    assert shown.args[0].customer_id == "CLI-0001"
    assert screen.customers.dialog is None  # back to the sale
    row = screen.customers.row
    assert (
        row.isVisible()
        and row.label.text() == f"Client : Aurélie Fabre · {QLocale().toString(1250)} points"
    )

    screen.pay()
    payment = screen.payment_dialog
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        payment.card_button.click()
    with qtbot.waitSignal(screen.sale_shown, timeout=WAIT) as done:
        payment.complete_button.click()
    sale_id = done.args[0].sale_id
    assert rows(data_dir, f"SELECT customer_id FROM sales WHERE id = '{sale_id}'") == [
        ("CLI-0001",)
    ]
    qtbot.waitUntil(lambda: not row.isVisible(), timeout=WAIT)  # the next sale has none
    assert threads and all(t != threading.get_ident() for t in threads)


def test_a_loyalty_card_scanned_after_the_articles_attaches_its_customer(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())
    screen, worker = app.window.till_screen, app.controller.worker
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        screen.scan(accented_codes(data_dir, 1)[0])
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT) as shown:
        screen.scan("cmpt-cl:" + card_text("CLI-0005")[8:])  # a wedge may shift the prefix
    assert shown.args[0].customer_id == "CLI-0005"
    assert (
        screen.customers.row.label.text()
        == f"Client : Hélène Dubœuf · {QLocale().toString(2310)} points"
    )
    assert len(screen.view.lines) == 1  # the card is not an article

    with qtbot.waitSignal(worker.refused, timeout=WAIT) as refused:
        screen.scan("CMPT-CL:CLI-0005:00")  # a misread check
    assert refused.args[0] == "card_misread"


def test_created_with_consent_off_by_default_attached_and_found_at_once(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())
    screen, worker = app.window.till_screen, app.controller.worker
    dialog = _open_dialog(screen)
    dialog.search_field.setText("06 39 98 99 01")
    dialog.new_button.click()
    form = dialog.form
    assert dialog.pages.currentWidget() is form
    assert form.phone_field.text() == "06 39 98 99 01"  # what was typed, where it fits
    assert not form.consent_box.isChecked()
    assert "fidélité" in form.purpose_note.text()
    form.submit()
    assert form.message.text() == "Saisissez le nom du client."
    form.name_field.setText("Camille Roux")
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT) as shown:
        form.create_button.click()
    created = shown.args[0]
    assert created.name == "Camille Roux" and created.customer_id.startswith("cl-")
    stored = rows(
        data_dir, f"SELECT marketing_consent FROM customers WHERE id = '{created.customer_id}'"
    )
    assert stored == [(0,)]

    dialog = _open_dialog(screen)
    results = _search(qtbot, worker, dialog, "0639989901")
    assert [c.customer_id for c in results.customers] == [created.customer_id]

    # The same phone again: the existing customer is offered instead of a duplicate.
    dialog.new_button.click()
    dialog.form.name_field.setText("C. Roux")
    dialog.form.phone_field.setText("06 39 98 99 01")
    with qtbot.waitSignal(worker.customer_exists, timeout=WAIT) as exists:
        dialog.form.create_button.click()
    assert exists.args[0].existing.customer_id == created.customer_id
    assert dialog.form.existing_button.isVisible()
    assert "Camille Roux" in dialog.form.existing_label.text()


def test_offline_the_search_says_it_holds_this_tills_customers_only(qtbot: QtBot, make_app) -> None:
    app = make_app(Settings())  # a till never enrolled: no central to ask
    screen, worker = app.window.till_screen, app.controller.worker
    dialog = _open_dialog(screen)
    results = _search(qtbot, worker, dialog, "Perrin")
    assert results.offline
    assert [c.name for c in results.customers] == ["Zoé Perrin"]
    assert dialog.note.text() == "Hors ligne : clients de cette caisse uniquement."


def test_the_history_shows_the_cached_entries_and_their_age_and_consent_withdrawn(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    fetched = (datetime.now(UTC) - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    history = CustomerHistory(
        customer_id="CLI-0003",
        entries=[
            HistoryEntry(
                kind="web_order",
                at="2026-12-01T10:00:00Z",
                total_cents=4590,
                code="W-1042",
                state="completed",
            ),
            HistoryEntry(
                kind="ticket",
                at="2026-11-20T15:30:00Z",
                total_cents=1290,
                store_id="lyon-part-dieu",
                ticket_no=41,
                points=12,
            ),
        ],
    )
    with closing(sqlite3.connect(data_dir / "store.db", isolation_level=None)) as conn:
        customer_histories.save(conn, "CLI-0003", history.model_dump_json(), fetched)
        with write_transaction(conn):
            customer_outbox.set_consent(conn, "CLI-0003", True)  # as the feed would say
    app = make_app(Settings())
    screen, worker = app.window.till_screen, app.controller.worker
    dialog = _open_dialog(screen)
    assert [c.customer_id for c in _search(qtbot, worker, dialog, "Benoît").customers] == [
        "CLI-0003"
    ]
    with qtbot.waitSignal(worker.customer_history_ready, timeout=WAIT):
        dialog.history_button.click()
    panel = dialog.history
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=WAIT)
    assert panel.table.item(0, 1).text() == "Web"  # newest first
    assert panel.table.item(1, 1).text() == "Magasin"
    assert panel.age_note.text().startswith("Hors ligne : l'historique au ")
    assert "(il y a 3 h)" in panel.age_note.text()
    assert panel.withdraw_button.isEnabled()
    with qtbot.waitSignal(worker.customer_consent_withdrawn, timeout=WAIT):
        panel.withdraw_button.click()
    qtbot.waitUntil(lambda: not panel.withdraw_button.isEnabled(), timeout=WAIT)
    assert rows(data_dir, "SELECT marketing_consent FROM customers WHERE id = 'CLI-0003'") == [(0,)]
    assert rows(data_dir, "SELECT count(*) FROM customer_consents") == [(1,)]  # queued
    dialog.history.back_button.click()  # still found here once the consent is withdrawn
    assert [c.customer_id for c in _search(qtbot, worker, dialog, "Benoit").customers] == [
        "CLI-0003"
    ]


def test_detach_takes_the_customer_off_the_sale(qtbot: QtBot, make_app, data_dir: Path) -> None:
    app = make_app(Settings())
    screen, worker = app.window.till_screen, app.controller.worker
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT):
        screen.scan(card_text("CLI-0008"))
    row = screen.customers.row
    assert row.isVisible()
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT) as shown:
        row.detach_button.click()
    assert shown.args[0] is None and not row.isVisible()


def test_a_parked_basket_whose_customer_was_erased_meanwhile_resumes_without_them(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings())
    screen, worker = app.window.till_screen, app.controller.worker
    with qtbot.waitSignal(screen.basket_shown, timeout=WAIT):
        screen.scan(accented_codes(data_dir, 1)[0])
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT):
        screen.scan(card_text("CLI-0002"))
    with qtbot.waitSignal(worker.customer_shown, timeout=WAIT):
        screen.park()
    _erase(data_dir, "CLI-0002")  # the customers feed's next page, at the next sync

    with qtbot.waitSignal(worker.parked_listed, timeout=WAIT) as listed:
        screen.recall()
    with qtbot.waitSignal(worker.customer_notice, timeout=WAIT) as notice:
        screen.controller.request("resume", listed.args[0][0].id)
    assert notice.args[0] == "customer_erased_detached"
    qtbot.waitUntil(lambda: screen.view is not None and len(screen.view.lines) == 1, timeout=WAIT)
    assert not screen.customers.row.isVisible()
    assert screen.message_label.text().startswith("Le client de cette vente a fermé son compte")

    dialog = _open_dialog(screen)  # and search no longer finds them
    results = _search(qtbot, worker, dialog, "Lefèvre")
    assert results.customers == ()


class _Erased:
    def __init__(self, customer_id: str) -> None:
        self.id, self.name, self.email, self.phone = customer_id, "", "", ""
        self.loyalty_points, self.active, self.version, self.marketing_consent = 0, False, 9, False


def _erase(data_dir: Path, customer_id: str) -> None:
    with closing(sqlite3.connect(data_dir / "store.db", isolation_level=None)) as conn:
        customer_feed.apply_page(conn, [_Erased(customer_id)], "c-erased")


def test_masks_keep_enough_to_confirm_with_the_customer() -> None:
    assert mask_email("jeanne@exemple.fr") == "j•••@exemple.fr"
    assert mask_phone("06 12 34 56 78") == mask_phone("+33612345678") == "06 •• •• •• 78"
    assert mask_phone("+4915123456789") == "+49 •• •• 89"
    assert mask_email("") == "" and mask_phone("") == ""


def test_the_attention_list_names_customer_creations_and_consents_in_french() -> None:
    assert owed_texts.kind(CUSTOMER_CREATION) == "Client créé ici, à envoyer au serveur central"
    assert owed_texts.kind(CUSTOMER_CONSENT) == (
        "Retrait du consentement marketing, à envoyer au serveur central"
    )
    taken = OwedCall(CUSTOMER_CREATION, "cl-1", "CLI-0004", "2026-12-06T10:00:00Z", 1,
                     "customer_exists", "This email is another customer's.")  # fmt: skip
    assert owed_texts.reason(taken).startswith(
        "Cet e-mail ou ce numéro est déjà celui du client CLI-0004 au serveur central"
    )
