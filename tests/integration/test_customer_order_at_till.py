"""A customer order paid at the till (issue 16, the endless aisle's last step), over the
real reference server: ordered at Lyon for pickup at Paris (or home delivery), rung up
and paid at Lyon's till. Lyon's stock does not move, central marks the order paid once
(a retried push changes nothing), Paris's desk sees it paid, and a second sale for the
same order is refused by name and kept at Lyon's attention list."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hardware.receipt.layout import layout, plain_text
from pos.domain.errors import PosError
from pos.domain.returns import ReturnReason
from pos.domain.sale import CompletedSale
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.customer_order_payment import take
from pos.services.other_stores import Address, OtherStores
from pos.services.receipts import ReceiptHeader, receipt_document
from pos.services.returns import ReturnDesk
from pos.store import pickup_orders
from pos.store.local_store import LocalStore
from pos.store.returns import origin_sale
from sync.client import HttpCentral
from sync.contract.network import CustomerOrder
from sync.engine import SyncEngine
from sync.ports import OutgoingOperation
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier

LYON, PARIS, WAREHOUSE = "lyon-part-dieu", "paris-rivoli", "entrepot-web"
CUSTOMER = "CLI-0001"
SKU, PRODUCT = "SKU0000041", 41
_TERMINALS = itertools.count(1)


@dataclass
class Lyon:
    path: Path
    http: HttpCentral
    terminal: str

    def checkout(self, store: LocalStore) -> Checkout:
        return Checkout(store, terminal_id=self.terminal, actor=a_cashier("Inès"))


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with CentralServer(tmp_path_factory.mktemp("central") / "central.db", products=300) as server:
        yield server


def _sync(path: Path, http: HttpCentral) -> None:
    engine = SyncEngine(path, http)
    try:
        engine.sync_once()
    finally:
        engine.close()


def _till(central: CentralServer, path: Path, store_id: str, terminal: str) -> HttpCentral:
    http = HttpCentral(central.url, store_id, terminal, central.enrol(store_id, terminal))
    _sync(path, http)
    return http


def _order(lyon: Lyon, **where: object) -> CustomerOrder:
    service = OtherStores(lyon.path, LYON, lyon.http)
    draft = service.prepare_order(
        a_cashier(),
        sku=SKU,
        quantity=2,
        customer_id=CUSTOMER,
        **where,  # type: ignore[arg-type]
    )
    return service.place(draft)


def _pay(lyon: Lyon, order: CustomerOrder) -> CompletedSale:
    with LocalStore(lyon.path) as store:
        checkout = lyon.checkout(store)
        take(checkout, order)
        checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
        return checkout.complete()


def _local_on_hand(path: Path) -> int:
    with LocalStore(path) as store:
        row = store.conn.execute("SELECT on_hand FROM stock WHERE product_id = ?", (PRODUCT,))
        found = row.fetchone()
    return found[0] if found else 0


def _central(central: CentralServer, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(f"file:{central.db_path}?mode=ro", uri=True) as conn:
        return conn.execute(sql, args).fetchall()


def _levels(http: HttpCentral) -> dict[str, tuple[int, int]]:
    found = http.network_stock(PRODUCT)
    return {x.store_id: (x.on_hand, x.reserved) for x in found.locations}


@pytest.fixture
def lyon(central: CentralServer, tmp_path: Path) -> Iterator[Lyon]:
    path, terminal = tmp_path / "lyon.db", f"T{next(_TERMINALS):02d}"
    http = _till(central, path, LYON, terminal)
    yield Lyon(path, http, terminal)
    http.close()


def test_an_order_for_paris_paid_at_lyon_is_paid_once_and_paris_sees_it(
    central: CentralServer, lyon: Lyon, tmp_path: Path
) -> None:
    path, http = lyon.path, lyon.http
    central.count_stock(PARIS, SKU, 5)
    central.count_stock(LYON, SKU, 7)
    _sync(path, http)
    order = _order(lyon, pickup_store_id=PARIS)
    before_local, before_central = _local_on_hand(path), _levels(http)

    sale = _pay(lyon, order)
    (line,) = sale.draft.lines
    assert line.customer_order is not None and line.customer_order.order_id == order.order_id
    assert sale.draft.customer_id == CUSTOMER and sale.draft.total_cents == order.total_cents
    assert _local_on_hand(path) == before_local  # the goods are at Paris, not here
    text = plain_text(layout(receipt_document(sale, ReceiptHeader()), 48))
    text = " ".join(text.split())  # the note wraps on the ticket's width
    assert f"Commande n° {order.pickup_code} à retirer à {order.location_name}" in text

    _sync(path, http)
    with LocalStore(path) as store:
        pushed = store.conn.execute(
            "SELECT kind, payload, seq, acked_at, rejected_code FROM outbox WHERE op_id = ?",
            (sale.sale_id,),
        ).fetchone()
    assert pushed[3] is not None and pushed[4] is None  # accepted
    assert _levels(http)[LYON] == before_central[LYON]  # central took none at Lyon
    assert _levels(http)[PARIS] == before_central[PARIS] == (5, 2)  # still reserved there
    paid = _central(central, "SELECT sale_id, store_id FROM customer_order_payments "
                             "WHERE order_id = ?", order.order_id)  # fmt: skip
    assert paid == [(sale.sale_id, LYON)]
    pickup = central.pickup_order(order.order_id)
    assert (pickup["paid"], pickup["sale_id"]) == (True, sale.sale_id)

    # A push retried after a lost reply: a duplicate, nothing marked twice.
    again = http.push([OutgoingOperation(sale.sale_id, pushed[2], pushed[0], pushed[1])])
    assert [x.status for x in again] == ["duplicate"]
    assert len(_central(central, "SELECT * FROM customer_order_payments")) == 1

    # Paris's desk: the order paid in its feed, handed over without a sale.
    paris_path = tmp_path / "paris.db"
    _till(central, paris_path, PARIS, "T09").close()
    with LocalStore(paris_path) as store:
        seen = [o for o in pickup_orders.open_orders(store.conn) if o.id == order.order_id]
    assert [o.paid for o in seen] == [True]

    # The same order rung up again (a second sale): refused by name, kept at Lyon.
    second = _pay(lyon, order)
    _sync(path, http)
    with LocalStore(path) as store:
        kept = store.conn.execute(
            "SELECT rejected_code FROM outbox WHERE op_id = ?", (second.sale_id,)
        ).fetchone()
        assert store.conn.execute("SELECT 1 FROM sales WHERE id = ?", (second.sale_id,)).fetchone()
    assert kept == ("customer_order_paid",)
    assert len(_central(central, "SELECT * FROM customer_order_payments")) == 1


def test_a_delivery_order_paid_at_the_till(central: CentralServer, lyon: Lyon) -> None:
    path, http = lyon.path, lyon.http
    address = Address("12 rue de la Paix", "75002", "Paris")
    order = _order(lyon, address=address)
    warehouse = _levels(http)[WAREHOUSE]
    sale = _pay(lyon, order)
    text = plain_text(layout(receipt_document(sale, ReceiptHeader()), 48))
    assert "livrée à domicile" in text
    _sync(path, http)
    assert _levels(http)[WAREHOUSE] == warehouse  # shipped later, from the warehouse
    (item,) = _central(central, "SELECT item FROM customer_orders WHERE id = ?", order.order_id)
    assert CustomerOrder.model_validate_json(item[0]).paid
    assert _central(central, "SELECT sale_id FROM customer_order_payments WHERE order_id = ?",
                    order.order_id) == [(sale.sale_id,)]  # fmt: skip


def test_a_paid_order_line_is_fixed_and_never_returned_here(
    central: CentralServer, lyon: Lyon
) -> None:
    central.count_stock(PARIS, SKU, 5)
    order = _order(lyon, pickup_store_id=PARIS)
    with LocalStore(lyon.path) as store:
        checkout = lyon.checkout(store)
        (line,) = take(checkout, order).lines
        with pytest.raises(PosError) as fixed:
            checkout.set_quantity(line.line_id, 3)
        assert fixed.value.code == "customer_order_fixed"
        with pytest.raises(PosError) as twice:
            take(checkout, order)
        assert twice.value.code == "customer_order_in_sale"
        checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
        sale = checkout.complete()

        desk = ReturnDesk(lyon.checkout(store))
        found = origin_sale(store.conn, sale.sale_id)
        assert found is not None and found.lines[0].customer_order_id == order.order_id
        origin = desk.choose(found)
        with pytest.raises(PosError) as refused:
            desk.return_line(origin.sale_id, 1, 1, ReturnReason.CHANGED_MIND)
    assert refused.value.code == "customer_order_not_returnable"
