"""Return tickets in the store: negative lines sealed as v3 `return` entries, stock back,
the origin's returned quantities and refunds read back, and the verifier content."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.domain.product import SoldBy
from pos.domain.returns import Channel, OriginLine, ReturnReason, ReturnRef, returned_amounts
from pos.domain.sale import SaleDraft, SaleLine, SaleTender
from pos.domain.vat import vat_breakdown
from pos.store import returns
from pos.store.db import connect
from pos.store.migrations import migrate
from pos.store.sales import SalesStore
from pos.store.verification import verify
from sync.contract.sales import SaleRecord

SOLD_AT = "2024-05-02T10:00:00.000Z"
BACK_AT = "2024-05-03T11:00:00.000Z"


@pytest.fixture
def conn(tmp_path: Path):
    path = tmp_path / "pos.db"
    connection = connect(path)
    migrate(connection, path)
    connection.execute(
        "INSERT INTO products (id, sku, name, price_cents, vat_bp, sold_by, name_key) "
        "VALUES (1, 'SKU-1', 'Bol', 999, 2000, 'unit', 'bol')"
    )
    connection.execute("INSERT INTO stock (product_id, on_hand) VALUES (1, 10)")
    yield connection
    connection.close()


def _draft(sale_id: str, lines: tuple[SaleLine, ...], tenders: tuple[SaleTender, ...]) -> SaleDraft:
    total = sum(line.total_cents for line in lines)
    return SaleDraft(
        sale_id, "T1", "Léa", SOLD_AT, lines, tenders,
        vat_breakdown((line.vat_bp, line.total_cents) for line in lines), total, 0,
    )  # fmt: skip


def _sold() -> SaleDraft:
    """3 bowls at 9.99 with a 1.00 ticket discount: 28.97 paid by card."""
    line = SaleLine(1, 1, "SKU-1", "Bol", None, SoldBy.UNIT, 3, 999, 2000, 2997, 0, 100, 2897)
    return _draft("sale-1", (line,), (SaleTender("card", 2897, "CB-42"),))


def _returned(origin: OriginLine, quantity: int, *, restock: bool = True) -> SaleLine:
    amounts = returned_amounts(origin, quantity)
    ref = ReturnRef("sale-1", 1, "T1 n°1", Channel.STORE, ReturnReason.DEFECTIVE, restock)
    return SaleLine(
        1, origin.product_id, origin.sku, origin.name, origin.barcode, origin.sold_by,
        -quantity, origin.unit_price_cents, origin.vat_bp, amounts.gross_cents,
        amounts.line_discount_cents, amounts.ticket_discount_cents, amounts.total_cents,
        returned=ref,
    )  # fmt: skip


def _return_ticket(conn: sqlite3.Connection, sale_id: str, quantity: int, **kw: bool) -> SaleDraft:
    origin = returns.origin_sale(conn, "sale-1")
    assert origin is not None
    line = _returned(origin.line(1), quantity, **kw)
    refund = SaleTender("card", line.total_cents, "CB-42")
    return _draft(sale_id, (line,), (refund,))


def test_a_sale_returned_in_two_goes_gives_back_exactly_what_was_paid(conn):
    store = SalesStore(conn)
    store.commit(_sold(), now=SOLD_AT)
    first = store.commit(_return_ticket(conn, "ret-1", 2), now=BACK_AT)
    assert first.draft.total_cents == -(1998 - 66)  # 2997 * 2 // 3 less 100 * 2 // 3
    origin = returns.origin_sale(conn, "sale-1")
    assert origin is not None
    assert (origin.line(1).returned_quantity, origin.line(1).remaining) == (2, 1)
    assert origin.tenders[0].refunded_cents == 1932
    second = store.commit(_return_ticket(conn, "ret-2", 1, restock=False), now=BACK_AT)
    assert first.draft.total_cents + second.draft.total_cents == -2897
    assert returns.origin_sale(conn, "sale-1").fully_returned  # type: ignore[union-attr]
    with pytest.raises(PosError) as refused:
        _return_ticket(conn, "ret-3", 1)
    assert refused.value.code == "already_returned"
    # read back exactly, kind `return`, record v3, stock back only for the restocked two
    assert store.get("ret-1").draft == first.draft  # type: ignore[union-attr]
    kinds = conn.execute("SELECT ref, kind FROM chain_entries WHERE chain = 'ticket'").fetchall()
    assert kinds == [("sale-1", "sale"), ("ret-1", "return"), ("ret-2", "return")]
    body = json.loads(
        conn.execute("SELECT body FROM chain_entries WHERE ref = 'ret-1'").fetchone()[0]
    )
    assert body["v"] == 3 and body["lines"][0]["returned"]["restock"] is True
    SaleRecord.model_validate(body)  # what the central server will read
    sold = json.loads(conn.execute("SELECT body FROM chain_entries WHERE seq = 1").fetchone()[0])
    assert sold["v"] == 1 and "returned" not in sold["lines"][0]  # a plain sale: as before
    moves = conn.execute("SELECT delta, reason, ref FROM stock_movements ORDER BY id").fetchall()
    assert moves == [(-3, "sale", "sale-1"), (2, "return", "ret-1")]
    assert conn.execute("SELECT on_hand FROM stock").fetchone()[0] == 9
    report = verify(conn)
    assert report.ok, report.reason
    assert report.grand_total_cents == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: dataclasses.replace(
            d, tenders=(SaleTender("cash", 5000),), change_cents=5000 + 1932),
         "settled with refunds only"),
        (lambda d: dataclasses.replace(d, tenders=(SaleTender("cash", -1000),)), "do not equal"),
        (lambda d: dataclasses.replace(
            d, lines=(dataclasses.replace(d.lines[0], gross_cents=10, total_cents=110),)),
         "no positive amount"),
    ],
)  # fmt: skip
def test_an_inconsistent_return_is_refused_and_nothing_is_written(conn, change, message):
    store = SalesStore(conn)
    store.commit(_sold(), now=SOLD_AT)
    bad = change(_return_ticket(conn, "ret-1", 2))
    with pytest.raises(PosError, match=message):
        store.commit(bad, now=BACK_AT)
    assert conn.execute("SELECT count(*) FROM sales").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sale_line_returns").fetchone()[0] == 0


def test_the_returns_table_is_immutable(conn):
    store = SalesStore(conn)
    store.commit(_sold(), now=SOLD_AT)
    store.commit(_return_ticket(conn, "ret-1", 1), now=BACK_AT)
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        conn.execute("UPDATE sale_line_returns SET restock = 0")
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        conn.execute("DELETE FROM sale_line_returns")


def test_find_by_ticket_and_by_day_and_amount(conn):
    store = SalesStore(conn)
    store.commit(_sold(), now=SOLD_AT)
    store.commit(_return_ticket(conn, "ret-1", 1), now=BACK_AT)
    found = returns.find_ticket(conn, "T1", 1)
    assert found is not None and (found.sale_id, found.label) == ("sale-1", "T1 n°1")
    assert returns.find_ticket(conn, "T1", 2) is None  # a return ticket is no origin
    assert returns.find_ticket(conn, "T9", 1) is None
    by_day = returns.find_by_day_and_amount(conn, date(2024, 5, 2), 2897)
    assert [sale.sale_id for sale in by_day] == ["sale-1"]
    assert returns.find_by_day_and_amount(conn, date(2024, 5, 3), 2897) == []
    assert returns.find_by_day_and_amount(conn, date(2024, 5, 2), 2898) == []
    assert returns.lowest_recent_price(conn, 1, since="2024-05-01T00:00:00.000Z") == 999
    assert returns.lowest_recent_price(conn, 1, since="2024-06-01T00:00:00.000Z") is None


def test_what_a_return_takes_back_is_sealed_an_edit_is_named(conn, tmp_path):
    store = SalesStore(conn)
    store.commit(_sold(), now=SOLD_AT)
    store.commit(_return_ticket(conn, "ret-1", 1), now=BACK_AT)
    assert verify(conn).ok
    raw = sqlite3.connect(tmp_path / "pos.db")  # the sqlite3 shell: triggers dropped
    raw.execute("DROP TRIGGER sale_line_returns_no_update")
    raw.execute("UPDATE sale_line_returns SET restock = 0, reason = 'other'")
    raw.commit()
    raw.close()
    report = verify(conn)
    assert not report.ok
    assert [(p.code, p.seq) for p in report.problems][:1] == [("edited", 2)]
