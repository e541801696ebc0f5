"""Online carts at the till, against the reference central server (a real process)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hardware.receipt.layout import layout, plain_text
from pos.domain.errors import PosError
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.online_cart import OnlineCarts
from pos.services.receipts import ReceiptHeader, receipt_document
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from sync.client.carts import HttpCarts
from sync.engine import SyncEngine
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier

STORE = "lyon-part-dieu"


@dataclass
class Till:
    store: LocalStore
    carts: OnlineCarts
    http: HttpCarts

    def checkout(self) -> Checkout:
        return Checkout(self.store, terminal_id="T01", actor=a_cashier("Inès"))


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with CentralServer(tmp_path / "central.db", products=300) as server:
        yield server


@pytest.fixture
def till(tmp_path: Path, central: CentralServer) -> Iterator[Till]:
    token = central.enrol(STORE, "T01")
    engine = SyncEngine(tmp_path / "store.db", HttpCentral(central.url, STORE, "T01", token))
    assert engine.sync_once().state == "idle"  # the catalog
    engine.close()
    engine.central.close()
    http = HttpCarts(central.url, STORE, token)
    with LocalStore(tmp_path / "store.db") as store:
        yield Till(store, OnlineCarts(http), http)
    http.close()


def unit_skus(store: LocalStore, n: int) -> list[str]:
    rows = store.conn.execute(
        "SELECT sku FROM products WHERE sold_by = 'unit' AND active = 1 ORDER BY id LIMIT ?", (n,)
    )
    return [sku for (sku,) in rows]


def refused(call: Any, *args: Any) -> PosError:
    with pytest.raises(PosError) as error:
        call(*args)
    return error.value


def test_a_3_for_2_cart_loads_at_its_online_total_and_prints_its_promotion(
    central: CentralServer, till: Till
) -> None:
    """Central's "3 pour 2" stays on the cart's line at the till: the total is the cart's,
    the line lists the promotion, and so does the receipt."""
    (sku,) = unit_skus(till.store, 1)
    name = "3 pour 2 sur les yaourts"
    central.put_promotion(7003, [sku], kind="n_for_m", value=1, n=3, m=2, name=name)
    cart = central.put_cart({sku: 3}, store_id=STORE)
    (line,) = cart["lines"]
    assert [p["name"] for p in line["promotions"]] == [name]

    checkout = till.checkout()
    till.carts.load(checkout, cart["code"])
    assert checkout.totals().total_cents == cart["total_cents"] == 2 * line["list_price_cents"]
    (basket_line,) = checkout.basket.lines
    shown = checkout.basket.line_promotions(basket_line.line_id)
    assert [(p.name, p.discount_cents) for p in shown] == [(name, line["list_price_cents"])]
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
    sale = checkout.complete()
    text = plain_text(layout(receipt_document(sale, ReceiptHeader()), 48))
    promoted = [row for row in text.split("\n") if row.startswith(f"  {name}")]
    assert len(promoted) == 1 and promoted[0].rstrip().endswith(
        f"-{line['list_price_cents'] // 100},{line['list_price_cents'] % 100:02d}"
    )
    assert "Vous avez économisé" in text


def test_a_cart_sells_at_its_online_prices_once(central: CentralServer, till: Till) -> None:
    sku_a, sku_b = unit_skus(till.store, 2)
    central.put_promotion(7001, [sku_a], kind="percent", value=2000)
    cart = central.put_cart({sku_a: 2, sku_b: 1}, store_id=STORE)
    line_a = cart["lines"][0]
    assert line_a["unit_price_cents"] == line_a["list_price_cents"]  # contract v2: the
    assert [p["promotion_id"] for p in line_a["promotions"]] == [7001]  # promotion apart
    assert line_a["total_cents"] == 2 * line_a["list_price_cents"] - line_a["discount_cents"]
    central.put_promotion(7001, [sku_a], kind="percent", value=2000, active=False)  # ended

    checkout = till.checkout()
    loaded = till.carts.load(checkout, cart["qr_text"])
    assert [(ln.product.sku, ln.quantity, ln.product.price_cents) for ln in loaded.lines] == [
        (line["sku"], line["quantity"], line["unit_price_cents"]) for line in cart["lines"]
    ]
    assert checkout.totals().total_cents == cart["total_cents"] == loaded.total_cents
    assert loaded.discount_cents == cart["discount_cents"] > 0
    assert refused(till.carts.load, checkout, cart["code"]).code == "cart_already_loaded"
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
    sale = checkout.complete()
    sold = sale.draft.lines[0]
    assert sold.unit_price_cents == line_a["unit_price_cents"]
    assert [(p.promotion_id, p.discount_cents) for p in sold.promotions] == [
        (7001, line_a["discount_cents"])
    ]  # the ended promotion is kept: the customer pays the online price
    assert sold.total_cents == line_a["total_cents"]
    marked = till.store.conn.execute("SELECT sale_id, cart_id FROM web_cart_sales").fetchall()
    assert marked == [(sale.sale_id, cart["cart_id"])]  # once, though loaded twice

    # The cart became that sale: another sale is refused, naming it.
    used = refused(till.carts.load, till.checkout(), cart["qr_text"])
    assert used.code == "cart_already_used" and sale.sale_id in used.params["detail"]


def test_a_cart_claimed_by_a_sale_can_be_loaded_again_by_that_sale(
    central: CentralServer, till: Till
) -> None:
    (sku,) = unit_skus(till.store, 1)
    cart = central.put_cart({sku: 1})
    checkout = till.checkout()
    till.http.convert_cart(cart["code"], checkout.sale_id)  # a reply lost after claiming
    loaded = till.carts.load(checkout, cart["code"].lower())
    assert loaded.sale_id == checkout.sale_id and len(loaded.lines) == 1


def test_cart_refusals(central: CentralServer, till: Till) -> None:
    (sku,) = unit_skus(till.store, 1)
    checkout = till.checkout()
    assert refused(till.carts.load, checkout, "ZZZZ-ZZZZ").code == "cart_not_found"
    assert refused(till.carts.load, checkout, "hello").code == "cart_code_unreadable"
    assert refused(till.carts.load, checkout, "CMPT-PU:web-1:ZZZZ-ZZZZ").code == "cart_is_pickup"

    new = {"name": "Nouveauté du jour", "price_cents": 990, "vat_bp": 2000}
    assert central.admin("PUT", "/v1/admin/products/NEW-1", json=new).status_code == 201
    unknown = central.put_cart({sku: 1, "NEW-1": 1})  # not pulled by the till yet
    assert refused(till.carts.load, checkout, unknown["code"]).code == "cart_product_unknown"

    soon = (datetime.now(UTC) + timedelta(seconds=1)).isoformat(timespec="milliseconds")
    expiring = central.put_cart({sku: 1}, expires_at=soon.replace("+00:00", "Z"))
    time.sleep(1.1)
    assert refused(till.carts.load, checkout, expiring["code"]).code == "cart_expired"
    assert checkout.basket.is_empty()

    cart = central.put_cart({sku: 1})
    central.stop()
    offline = refused(till.carts.load, checkout, cart["qr_text"])
    assert offline.code == "cart_offline" and "scan the items" in offline.message
    assert refused(OnlineCarts(None).load, checkout, cart["code"]).code == "cart_offline"
    assert checkout.basket.is_empty()
