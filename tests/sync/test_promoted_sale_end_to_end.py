"""A promoted sale with a customer end to end: a real till (store file, ``Checkout``,
sync engine) prices it with its promotions, commits a v4 record, and the real reference
server on 127.0.0.1 accepts it, keeps it as sent and earns the customer's loyalty once."""

from __future__ import annotations

import json
import sqlite3

import pytest
from pydantic import ValidationError

from pos.domain.sale import LinePromotion
from pos.domain.tenders import TenderKind
from pos.store import promotion_feed
from sync.contract.feeds import PromotionItem
from sync.contract.sales import SaleRecord
from tests.central.conftest import LYON
from tests.support.sale_ops import sale_record
from tests.sync.test_returns_end_to_end import central, open_till  # noqa: F401 (fixtures)

CUSTOMER = "CLI-0007"


def test_a_promoted_sale_reaches_central_as_v4_and_earns_once(central, open_till) -> None:  # noqa: F811
    till = open_till(LYON, "T01")
    product = till.store.catalog.get(12)
    assert product is not None
    promotion_feed.apply_page(
        till.store.conn,
        [
            PromotionItem.model_validate({
                "id": 9001, "name": "3 pour 2", "kind": "n_for_m", "value": 1, "n": 3,
                "m": 2, "skus": [product.sku], "starts_at": "2020-01-01T00:00:00.000Z",
                "ends_at": "2099-01-01T00:00:00.000Z", "active": True, "version": 10**9,
            })
        ],
        "test",
    )  # fmt: skip
    # Only this promotion: the demo's own (a department, a brand, the basket) are others'.
    till.store.conn.execute("UPDATE promotions SET active = 0 WHERE id <> 9001")
    before = till.calls.loyalty_account(CUSTOMER).balance
    checkout = till.checkout()
    checkout.add_product(product.id, 3)
    checkout.attach_customer(CUSTOMER)
    total = checkout.totals().total_cents
    assert total == 2 * product.price_cents
    checkout.add_tender(TenderKind.CARD, total, "CB-1")
    sale = checkout.complete()
    assert sale.draft.lines[0].promotions == (LinePromotion(9001, "3 pour 2", product.price_cents),)

    till.sync()  # accepted: nothing pending, nothing rejected
    till.sync()  # nothing sent twice
    central_db = sqlite3.connect(central.db_path)
    try:
        (kept,) = central_db.execute(
            "SELECT sale_json FROM sales WHERE op_id = ?", (sale.sale_id,)
        ).fetchone()
    finally:
        central_db.close()
    record = json.loads(kept)
    assert record["v"] == 4 and record["customer_id"] == CUSTOMER
    assert record["lines"][0]["promotions"] == [
        {"promotion_id": 9001, "name": "3 pour 2", "discount_cents": product.price_cents}
    ]
    account = till.calls.loyalty_account(CUSTOMER)
    earns = [e for e in account.entries if e.kind == "earn" and e.source_id == sale.sale_id]
    assert len(earns) == 1
    assert earns[0].points > 0 and account.balance == before + earns[0].points


def _promoted(version: int, promotions: list[dict], discount: int = 300) -> dict:
    record = sale_record("0b9c4f5e-7a7e-4d5a-9f0e-1c2d3e4f5a6b", "T01", 1, [(1, "A1", 3, 300)])
    line = record["lines"][0]
    line.update(line_discount_cents=discount, total_cents=900 - discount, promotions=promotions)
    record.update(v=version, total_cents=900 - discount)
    record["tenders"][0]["amount_cents"] = 900 - discount
    base = (900 - discount) * 10000 // 10550
    record["vat"] = [{"vat_bp": 550, "base_cents": base, "vat_cents": 900 - discount - base,
                      "total_cents": 900 - discount}]  # fmt: skip
    return record


THREE_FOR_TWO = {"promotion_id": 1, "name": "3 pour 2", "discount_cents": 300}


def test_the_contract_takes_line_promotions_in_v4_only_within_the_line_discount() -> None:
    assert SaleRecord.model_validate(_promoted(4, [THREE_FOR_TWO])).lines[0].promotions
    refused = [
        _promoted(3, [THREE_FOR_TWO]),  # below v4
        _promoted(4, [THREE_FOR_TWO], discount=200),  # more than the line's discount
        _promoted(4, [THREE_FOR_TWO | {"discount_cents": 0}], discount=0),  # nothing taken
        _promoted(4, [THREE_FOR_TWO, THREE_FOR_TWO], discount=600),  # listed twice
    ]
    for record in refused:
        with pytest.raises(ValidationError):
            SaleRecord.model_validate(record)
