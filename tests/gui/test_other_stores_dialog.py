"""The other stores dialog offscreen (issue 16): figures of a real reference server,
an order for the sale's customer placed for pickup at Paris; offline, the kept figures
with their age and an order kept for "Réessayer"; Medusa's offline figures said on screen,
its orders offered as central's; and Ctrl+Shift+S
on the till's selected line opens it for that line's product."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos.services.attached_customer import AttachedCustomer
from pos.services.other_stores import OtherStores
from pos.ui.dialogs.other_stores_dialog import OtherStoresDialog
from sync.client import HttpCentral
from sync.engine import SyncEngine
from tests.gui.selling import accented_codes
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier

LYON, PARIS = "lyon-part-dieu", "paris-rivoli"
WAIT = 20_000
CUSTOMER = AttachedCustomer("CLI-0001", "Aurélie Fabre", 120)


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


@pytest.fixture(scope="module")
def lyon(central: CentralServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lyon") / "store.db"
    http = HttpCentral(central.url, LYON, "T01", central.enrol(LYON, "T01"))
    engine = SyncEngine(path, http)
    assert engine.sync_once().state == "idle"
    engine.close()
    http.close()
    return path


def _dialog(qtbot: QtBot, service: OtherStores, customer: AttachedCustomer | None,
            **kwargs: object) -> OtherStoresDialog:  # fmt: skip
    dialog = OtherStoresDialog(
        lambda: service, (40, "SKU0000040", "Article 40"), customer, a_cashier(), **kwargs
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _select(dialog: OtherStoresDialog, store_id: str) -> None:
    assert dialog.view is not None
    row = [x.store_id for x in dialog.view.locations].index(store_id)
    dialog.table.selectRow(row)


def test_live_figures_then_an_order_for_pickup_at_paris(
    qtbot: QtBot, central: CentralServer, lyon: Path
) -> None:
    central.count_stock(PARIS, "SKU0000040", 6)
    http = HttpCentral(central.url, LYON, "T01", central.enrol(LYON, "T05"))
    dialog = _dialog(qtbot, OtherStores(lyon, LYON, http), CUSTOMER)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.view.live, timeout=WAIT)
    assert dialog.status.text().startswith("Chiffres en direct")
    kinds = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
             for r in range(dialog.table.rowCount())}  # fmt: skip
    assert kinds["Entrepôt web"] == "Entrepôt web"
    assert kinds["Comptoir Démo — Paris Rivoli"] == "Magasin"
    assert not dialog.pickup_button.isEnabled()  # no store chosen yet
    _select(dialog, PARIS)
    assert dialog.pickup_button.isEnabled()
    assert dialog.pickup_button.text() == "Réserver pour retrait à Comptoir Démo — Paris Rivoli"
    dialog.quantity.setValue(2)
    dialog.pickup_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Commande passée"), timeout=WAIT)
    assert "Paris Rivoli" in dialog.result.text() and "à payer" in dialog.result.text()
    qtbot.waitUntil(  # the reservation shows at once
        lambda: [x.reserved for x in dialog.view.locations if x.store_id == PARIS] == [2],
        timeout=WAIT,
    )
    dialog.close()
    http.close()


def test_offline_the_kept_figures_with_their_age_and_an_order_kept_to_retry(
    qtbot: QtBot, lyon: Path
) -> None:
    offline = HttpCentral("http://127.0.0.1:9", LYON, "T01", "no-token")
    later = datetime.now(UTC) + timedelta(hours=3)
    dialog = _dialog(qtbot, OtherStores(lyon, LYON, offline), None, now=lambda: later)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.view.offline, timeout=WAIT)
    assert dialog.status.text().startswith("Hors ligne : chiffres du ")
    assert "(il y a 3 h)" in dialog.status.text()
    _select(dialog, PARIS)
    dialog.pickup_button.click()  # no customer on the sale
    assert dialog.result.text() == (
        "Rattachez d'abord un client à la vente : la commande est à son nom."
    )
    dialog.customer = CUSTOMER
    dialog.pickup_button.click()
    qtbot.waitUntil(lambda: dialog.retry_button.isVisible(), timeout=WAIT)
    assert dialog.result.text().startswith("Le serveur central est injoignable")
    assert dialog.draft is not None
    dialog.street.setText("")
    dialog.delivery_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Vérifiez l'adresse"), timeout=WAIT)
    dialog.close()
    offline.close()


def test_medusa_says_what_it_cannot_do(qtbot: QtBot, lyon: Path) -> None:
    """Medusa unreachable: the figures kept are the last lookup's (it has no feed); an
    order for a customer is offered as with central, kept to retry while offline."""
    dialog = _dialog(qtbot, OtherStores(lyon, LYON, None, medusa=True), CUSTOMER)
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=WAIT)
    status = dialog.status.text()
    assert status.startswith("Hors ligne : chiffres de la dernière consultation de Medusa")
    assert "pas disponible" not in status
    _select(dialog, PARIS)
    assert dialog.delivery_button.isEnabled() and dialog.pickup_button.isEnabled()
    dialog.pickup_button.click()
    qtbot.waitUntil(lambda: dialog.retry_button.isVisible(), timeout=WAIT)
    assert dialog.draft is not None and dialog.draft.location_id == PARIS
    dialog.close()
    service = OtherStores(lyon, LYON, None, medusa=True)
    never = OtherStoresDialog(lambda: service, (999_999, "NEVER-1", "Jamais vu"), CUSTOMER,
                              a_cashier())  # fmt: skip
    qtbot.addWidget(never)
    never.show()
    qtbot.waitUntil(lambda: never.view is not None, timeout=WAIT)
    assert never.status.text().startswith("Hors ligne : Medusa ne fournit aucun chiffre")
    never.close()


def test_ctrl_shift_s_opens_it_for_the_selected_line(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(None)
    screen = app.window.till_screen
    app.other_stores.open_for_line()  # nothing selected: said, nothing opened
    assert app.other_stores.dialog is None
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        screen.scan(accented_codes(data_dir, 1)[0])
    screen.table.selectRow(0)
    app.window.other_stores_action.trigger()
    dialog = app.other_stores.dialog
    assert dialog is not None and dialog.product_id == screen.model.line_at(0).product_id
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=WAIT)
    assert dialog.status.text().startswith("Hors ligne")  # a till with no central server
    dialog.close()


def test_a_customer_central_does_not_know_yet_keeps_the_order_for_a_retry(
    qtbot: QtBot, central: CentralServer, lyon: Path
) -> None:
    """A customer created at this till offline is not yet known centrally: the order
    is refused in the staff's words (not central's English), kept, and "Try again"
    places it under the same id once the customer has reached central."""
    from sync.contract.customers import CustomerCreate

    http = HttpCentral(central.url, LYON, "T01", central.enrol(LYON, "T06"))
    newcomer = AttachedCustomer("CLI-NOUVEAU-7", "Zoé Martin", 0)
    dialog = _dialog(qtbot, OtherStores(lyon, LYON, http), newcomer)
    qtbot.waitUntil(lambda: dialog.view is not None and dialog.view.live, timeout=WAIT)
    _select(dialog, PARIS)
    dialog.pickup_button.click()
    qtbot.waitUntil(lambda: dialog.retry_button.isVisible(), timeout=WAIT)
    assert dialog.result.text() == (
        "Le serveur central ne connaît pas encore ce client (créé à cette caisse hors ligne ?). "
        "La commande est gardée : appuyez sur Réessayer une fois la caisse synchronisée."
    )
    kept = dialog.draft
    assert kept is not None
    http.create_customer(
        CustomerCreate(customer_id="CLI-NOUVEAU-7", name="Zoé Martin", phone="0612345678")
    )
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Commande passée"), timeout=WAIT)
    assert dialog.placed is not None and dialog.placed.order_id == kept.order_id
    dialog.close()
    http.close()
