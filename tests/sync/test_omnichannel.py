"""Two tills of one store and the web shop, on one central server."""

from __future__ import annotations

import random
from pathlib import Path

from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.store import stock_levels
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier
from tests.sync.conftest import STORE
from tests.sync.sales_factory import draft, sellable
from tests.sync.terminals import open_terminal

SKU, PRODUCT_ID = "SKU0000012", 12


def test_a_store_two_tills_and_the_web_stay_in_step(tmp_path: Path, central: CentralServer) -> None:
    a = open_terminal(tmp_path / "A", central, "T01")
    b = open_terminal(tmp_path / "B", central, "T02")
    central.count_stock(STORE, SKU, 40)
    assert a.sync().state == "idle" and b.sync().state == "idle"
    with a.store() as till_a, b.store() as till_b:
        assert stock_levels.level(till_b.conn, PRODUCT_ID).available == 40

        # A sale at A shows as lower stock at B once both have synced.
        product = next(p for p in sellable(till_a.conn) if p[0] == PRODUCT_ID)
        till_a.sales.commit(draft([product], random.Random(1), "T01", quantities=[3]))
        assert stock_levels.level(till_a.conn, PRODUCT_ID).on_hand == 37  # at once, locally
        assert a.sync().state == "idle" and b.sync().state == "idle"
        assert stock_levels.level(till_b.conn, PRODUCT_ID).on_hand == 37

        # A web reservation lowers what B can promise, not what is on the shelf.
        with central.client(central.web_token) as web:
            reservation = {"reservation_id": "web-42", "store_id": STORE,
                           "lines": [{"sku": SKU, "quantity": 5}]}  # fmt: skip
            assert web.post("/v1/web/reservations", json=reservation).status_code == 201
        assert b.sync().state == "idle"
        level = stock_levels.level(till_b.conn, PRODUCT_ID)
        assert (level.on_hand, level.reserved, level.available) == (37, 5, 32)

        # A central price change reaches both tills.
        central.set_price(SKU, 1999)
        assert a.sync().state == "idle" and b.sync().state == "idle"
        for till in (till_a, till_b):
            assert till.catalog.by_sku(SKU).price_cents == 1999

        # A product deleted centrally leaves search everywhere; an open basket keeps it.
        gone = till_a.catalog.by_sku("SKU0000013")
        barcode = till_a.conn.execute(
            "SELECT code FROM barcodes WHERE product_id = ?", (gone.id,)
        ).fetchone()[0]
        checkout = Checkout(till_a, terminal_id="T01", actor=a_cashier("Inès"))
        checkout.scan(barcode)
        _delete_centrally(central, till_a, gone.id)
        assert a.sync().state == "idle" and b.sync().state == "idle"
        for till in (till_a, till_b):
            assert gone.id not in {p.id for p in till.catalog.search(gone.name, limit=50)}
            assert till.catalog.by_barcode(barcode) is None
            assert till.catalog.get(gone.id) is not None
        checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
        sale = checkout.complete()  # the basket held its own line
        assert sale.draft.lines[0].product_id == gone.id
        assert a.sync().pending == 0 and central.stats()["sales"] == 2
    a.close()
    b.close()


def _delete_centrally(central: CentralServer, till: object, product_id: int) -> None:
    conn = till.conn  # type: ignore[attr-defined]
    fields = ("id", "name", "brand", "department", "price_cents", "vat_bp", "sold_by", "plu")
    sku, *row = conn.execute(
        f"SELECT sku, {', '.join(fields)} FROM products WHERE id = ?", (product_id,)
    ).fetchone()
    codes = [c for (c,) in conn.execute("SELECT code FROM barcodes WHERE product_id = ?",
                                        (product_id,))]  # fmt: skip
    body = dict(zip(fields, row, strict=True), barcodes=codes, active=False)
    response = central.admin("PUT", f"/v1/admin/products/{sku}", json=body)
    assert response.status_code in (200, 201), response.text
