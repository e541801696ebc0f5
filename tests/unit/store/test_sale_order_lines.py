"""A sale paying a customer order (issue 16) on disk: its line sealed as a v5 record
(``customer_order_id`` on that line only) that central's contract accepts and a v4 one
may not carry; read back equal with what the receipt says; no stock taken at this store
for it; the rows immutable and verified. A sale without one keeps its exact bytes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from pydantic import ValidationError

from pos.domain.sale import CustomerOrderRef, SaleDraft
from pos.store.db import connect
from pos.store.migrations import migrate
from pos.store.sale_codec import (
    approval_rows,
    canonical_json,
    customer_rows,
    line_rows,
    order_rows,
    promotion_rows,
    sale_record,
    sale_row,
    tender_rows,
    vat_rows,
)
from pos.store.sales import SalesStore
from pos.store.verification import verify
from sync.contract.sales import SaleRecord
from tests.unit.store.test_sales import make_draft

NOW = "2026-12-07T10:00:00.000Z"
REF = CustomerOrderRef("aisle-42", "pickup", "Paris Rivoli", "K7M2-Q9XD")


def ordered_draft(sale_id: str = "sale-o1") -> SaleDraft:
    draft = make_draft(sale_id)
    first, *rest = draft.lines
    return replace(draft, lines=(replace(first, customer_order=REF), *rest))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "pos.db"
    conn = connect(path)
    migrate(conn, path)
    conn.close()
    return path


def _on_hand(conn: sqlite3.Connection) -> dict[int, int]:
    return dict(conn.execute("SELECT product_id, on_hand FROM stock").fetchall())


def test_an_order_line_is_a_v5_record_with_no_stock_taken_here(db_path: Path) -> None:
    draft = ordered_draft()
    assert len(draft.lines) >= 2
    conn = connect(db_path)
    store = SalesStore(conn)
    store.commit(draft, now=NOW)
    assert store.get(draft.sale_id).draft == draft  # what the receipt says, too
    (payload,) = conn.execute("SELECT payload FROM outbox WHERE kind = 'sale'").fetchone()
    record = json.loads(payload)["sale"]
    assert record["v"] == 5
    assert [line.get("customer_order_id") for line in record["lines"]] == [
        "aisle-42",
        *[None] * (len(draft.lines) - 1),
    ]
    SaleRecord.model_validate(record)  # central's contract takes it
    with pytest.raises(ValidationError, match="v5"):
        SaleRecord.model_validate(record | {"v": 4})
    moved = {row[0] for row in conn.execute("SELECT product_id FROM stock_movements")}
    assert draft.lines[0].product_id not in moved
    assert moved == {line.product_id for line in draft.lines[1:]}
    assert draft.lines[0].product_id not in _on_hand(conn)
    assert verify(conn).ok
    for statement in ("UPDATE sale_line_orders SET order_id = 'x'", "DELETE FROM sale_line_orders"):
        with pytest.raises(sqlite3.IntegrityError, match="immutable"):
            conn.execute(statement)
    conn.close()


def test_a_sale_without_an_order_keeps_its_bytes() -> None:
    """The golden hash of ``test_sale_promotions_store``: no order, no change at all."""
    draft = make_draft("sale-1")
    assert order_rows(draft) == []
    record = sale_record(
        sale_row(draft, 7, "2024-05-02T10:00:00.000Z"), line_rows(draft), tender_rows(draft),
        vat_rows(draft), approval_rows(draft), promotion_rows(draft), customer_rows(draft),
        order_rows(draft),
    )  # fmt: skip
    assert record["v"] == 1
    digest = hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()
    assert digest == "b11570eef420787ee0b97787765cdf2435b3c6d4cb74557119ba7c5b56c70219"
