"""A promoted sale with a customer on disk: committed, read back equal, sealed as a v4
record that re-hashes; an older-shape sale's record unchanged byte for byte; the
promotion rows as immutable, and as checked by ``verify``, as the rest of a sale."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from pos.domain.basket import Basket
from pos.domain.basket_pricing import BasketPricing
from pos.domain.product import Product
from pos.domain.promotions import Kind, PromotionBook
from pos.domain.sale import LinePromotion, SaleDraft, SaleTender
from pos.store import immutability
from pos.store.db import connect
from pos.store.migrations import migrate
from pos.store.sale_codec import (
    approval_rows,
    canonical_json,
    customer_rows,
    line_rows,
    promotion_rows,
    sale_record,
    sale_row,
    tender_rows,
    vat_rows,
)
from pos.store.sales import SalesStore
from pos.store.verification import verify
from tests.support.promotion_baskets import a_context, a_promotion, on_skus
from tests.unit.store.test_journal import shell
from tests.unit.store.test_sales import make_draft

NOW = "2026-12-07T10:00:00.000Z"
WATER = Product(1, "EAU-6", "Eau x6", 300, 550)
SHIRT = Product(2, "TSHIRT", "T-shirt", 2000, 2000)


def promoted_draft(sale_id: str = "sale-p1", customer_id: str | None = "cust-7") -> SaleDraft:
    """A real basket priced by "3 pour 2" on water and -5 € from 25 € on the basket."""
    book = PromotionBook(
        [
            a_promotion(1, Kind.N_FOR_M, 1, name="3 pour 2", target=on_skus("EAU-6"), n=3, m=2),
            a_promotion(2, Kind.THRESHOLD, 500, name="-5 € dès 25 €", threshold_cents=2500),
        ]
    )
    basket = Basket()
    basket.set_pricing(BasketPricing(book, a_context(customer_id=customer_id)))
    basket.add(WATER, 3)
    basket.add(SHIRT)
    totals = basket.totals()
    return SaleDraft(
        sale_id=sale_id,
        terminal_id="T1",
        cashier="Léa",
        started_at="2026-12-07T09:58:00.000Z",
        lines=basket.sale_lines(),
        tenders=(SaleTender("card", totals.total_cents),),
        vat=totals.vat,
        total_cents=totals.total_cents,
        change_cents=0,
        customer_id=customer_id,
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "pos.db"
    conn = connect(path)
    migrate(conn, path)
    conn.close()
    return path


def test_a_promoted_sale_with_a_customer_reads_back_equal_as_a_v4_record(db_path: Path) -> None:
    draft = promoted_draft()
    assert draft.lines[0].promotions[0] == LinePromotion(1, "3 pour 2", 300)
    assert draft.total_cents == 900 + 2000 - 300 - 500
    conn = connect(db_path)
    store = SalesStore(conn)
    completed = store.commit(draft, now=NOW)
    assert store.get(draft.sale_id).draft == draft
    (payload,) = conn.execute("SELECT payload FROM outbox WHERE kind = 'sale'").fetchone()
    record = json.loads(payload)["sale"]
    assert record["v"] == 4 and record["customer_id"] == "cust-7"
    water, shirt = record["lines"]
    assert [p["promotion_id"] for p in water["promotions"]] == [1, 2]
    assert sum(p["discount_cents"] for p in water["promotions"]) == water["line_discount_cents"]
    assert shirt["promotions"][0]["promotion_id"] == 2
    (body,) = conn.execute(
        "SELECT body FROM chain_entries WHERE ref = ?", (draft.sale_id,)
    ).fetchone()
    assert body == canonical_json(record)
    assert completed.chain_seq == 1
    assert verify(conn).ok
    conn.close()


def test_a_customer_alone_or_a_promotion_alone_makes_v4(db_path: Path) -> None:
    conn = connect(db_path)
    store = SalesStore(conn)
    store.commit(promoted_draft("sale-a", customer_id=None), now=NOW)
    store.commit(replace(make_draft("sale-b"), customer_id="cust-9"), now=NOW)
    versions = {
        ref: json.loads(body)["v"]
        for ref, body in conn.execute("SELECT ref, body FROM chain_entries")
    }
    assert versions == {"sale-a": 4, "sale-b": 4}
    assert store.get("sale-b").draft.customer_id == "cust-9"
    assert store.get("sale-a").draft.customer_id is None
    assert verify(conn).ok
    conn.close()


def test_an_older_shape_sale_is_recorded_byte_for_byte_as_before() -> None:
    """The hashes were taken with the record code as it was before version 4."""
    golden = {
        "sale-1": "b11570eef420787ee0b97787765cdf2435b3c6d4cb74557119ba7c5b56c70219",
        "sale-2": "b00ce3ba898aacfc62086d939548ab80f5f81514a84438ac5a4693df9e0d9fbe",
    }
    for draft in (make_draft("sale-1"), make_draft("sale-2", cash_given=10000)):
        record = sale_record(
            sale_row(draft, 7, "2024-05-02T10:00:00.000Z"), line_rows(draft),
            tender_rows(draft), vat_rows(draft), approval_rows(draft), promotion_rows(draft),
            customer_rows(draft),
        )  # fmt: skip
        assert record["v"] == 1
        text = canonical_json(record).encode("utf-8")
        assert hashlib.sha256(text).hexdigest() == golden[draft.sale_id]


def test_promotion_rows_are_immutable(db_path: Path) -> None:
    conn = connect(db_path)
    SalesStore(conn).commit(promoted_draft(), now=NOW)
    for statement in (
        "UPDATE sale_line_promotions SET discount_cents = 1",
        "DELETE FROM sale_line_promotions",
        "UPDATE sales SET customer_id = 'someone-else'",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="immutable"):
            conn.execute(statement)
    assert {"sale_line_promotions_no_update", "sale_line_promotions_no_delete"} <= set(
        immutability.expected_triggers(23)
    )
    conn.close()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE sale_line_promotions SET discount_cents = discount_cents + 1 "
        "WHERE promotion_id = 1",
        "DELETE FROM sale_line_promotions WHERE promotion_id = 2 AND line_no = 2",
        "UPDATE sales SET customer_id = 'cust-8'",
        "UPDATE sales SET customer_id = NULL",
    ],
)
def test_an_edited_promotion_or_customer_is_detected(db_path: Path, statement: str) -> None:
    conn = connect(db_path)
    SalesStore(conn).commit(promoted_draft(), now=NOW)
    conn.close()
    shell(db_path, statement)
    conn = connect(db_path)
    report = verify(conn)
    conn.close()
    assert not report.ok
    assert "the sale's rows were altered after it was signed" in report.reason
