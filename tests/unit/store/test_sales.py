"""SalesStore.commit: one durable transaction, gap-free tickets, idempotent, validated."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
from pathlib import Path

import pytest

from pos.domain.chain_entry import ChainEntry, verify_entry
from pos.domain.errors import PosError
from pos.domain.product import SoldBy
from pos.domain.sale import SaleDraft, SaleLine, SaleTender, VatLine
from pos.store import outbox
from pos.store.db import connect
from pos.store.errors import StoreError
from pos.store.migrations import migrate
from pos.store.sale_codec import canonical_json
from pos.store.sales import SalesStore
from pos.store.signing_key import KeyStore

NOW = "2024-05-02T10:00:00.000Z"

# (product_id, quantity, unit price in cents, VAT in basis points, sold by)
ITEMS = ((1, 2, 250, 2000, "unit"), (2, 1, 1000, 550, "unit"), (4, 350, 1890, 550, "weight"))


def make_draft(
    sale_id: str = "sale-1",
    *,
    terminal: str = "T1",
    items: tuple[tuple[int, int, int, int, str], ...] = ITEMS,
    cash_given: int | None = None,
) -> SaleDraft:
    """A consistent draft: card for the exact total, or cash with change when given."""
    lines = []
    for number, (product_id, quantity, price, vat_bp, sold_by) in enumerate(items, start=1):
        gross = price * quantity // (1000 if sold_by == "weight" else 1)
        lines.append(
            SaleLine(
                line_no=number,
                product_id=product_id,
                sku=f"SKU-{product_id}",
                name=f"Produit n°{product_id} été",
                barcode=f"376000000{product_id:04d}",
                sold_by=SoldBy(sold_by),
                quantity=quantity,
                unit_price_cents=price,
                vat_bp=vat_bp,
                gross_cents=gross,
                line_discount_cents=0,
                ticket_discount_cents=0,
                total_cents=gross,
            )
        )
    total = sum(line.total_cents for line in lines)
    per_rate: dict[int, int] = {}
    for line in lines:
        per_rate[line.vat_bp] = per_rate.get(line.vat_bp, 0) + line.total_cents
    vat = []
    for vat_bp in sorted(per_rate, reverse=True):
        base = (per_rate[vat_bp] * 10000 + (10000 + vat_bp) // 2) // (10000 + vat_bp)
        vat.append(VatLine(vat_bp, base, per_rate[vat_bp] - base, per_rate[vat_bp]))
    if cash_given is None:
        tenders, change = (SaleTender("card", total),) if total else (), 0
    else:
        tenders, change = (SaleTender("cash", cash_given),), cash_given - total
    return SaleDraft(
        sale_id=sale_id,
        terminal_id=terminal,
        cashier="Léa",
        started_at="2024-05-02T09:58:00.000Z",
        lines=tuple(lines),
        tenders=tenders,
        vat=tuple(vat),
        total_cents=total,
        change_cents=change,
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "pos.db"
    conn = connect(path)
    migrate(conn, path)
    conn.executemany(
        "INSERT INTO products (id, sku, name, price_cents, vat_bp, sold_by, name_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (1, "SKU-1", "Café", 250, 2000, "unit", "cafe"),
            (2, "SKU-2", "Thé", 1000, 550, "unit", "the"),
        ],
    )
    conn.execute("INSERT INTO stock (product_id, on_hand) VALUES (1, 10)")
    conn.close()
    return path


@pytest.fixture
def conn(db_path: Path):
    connection = connect(db_path)
    yield connection
    connection.close()


@pytest.fixture
def store(conn: sqlite3.Connection) -> SalesStore:
    return SalesStore(conn)


def table_state(conn: sqlite3.Connection) -> dict[str, object]:
    """Every table a commit writes to, in full: to prove a failed commit left no trace."""
    tables = (
        *("sales", "sale_lines", "sale_tenders", "sale_vat", "chain_entries", "terminal_keys"),
        *("stock_movements", "stock", "outbox", "ticket_counters"),
    )
    return {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in tables
    }


# -- what a commit writes ------------------------------------------------------------------


def test_commit_writes_the_sale_its_seal_its_stock_and_its_outbox_row(conn, store):
    draft = make_draft(cash_given=5000)
    completed = store.commit(draft, now=NOW)

    assert (completed.ticket_no, completed.completed_at, completed.draft) == (1, NOW, draft)
    assert conn.execute(
        "SELECT terminal_id, ticket_no, total_cents, change_cents FROM sales"
    ).fetchall() == [("T1", 1, draft.total_cents, draft.change_cents)]
    assert conn.execute("SELECT count(*) FROM sale_lines").fetchone()[0] == 3
    assert conn.execute("SELECT kind, amount_cents FROM sale_tenders").fetchall() == [
        ("cash", 5000)
    ]
    assert conn.execute("SELECT vat_bp FROM sale_vat ORDER BY vat_bp").fetchall() == [
        (550,),
        (2000,),
    ]
    assert conn.execute("SELECT chain, seq, kind, ref, sig FROM chain_entries").fetchall() == [
        ("ticket", 1, "sale", "sale-1", completed.signature)
    ]
    assert completed.chain_seq == 1
    assert conn.execute("SELECT count(*) FROM journal").fetchone()[0] == 0  # closed
    assert conn.execute(
        "SELECT product_id, delta, reason, ref FROM stock_movements ORDER BY id"
    ).fetchall() == [
        (1, -2, "sale", "sale-1"),
        (2, -1, "sale", "sale-1"),
        (4, -350, "sale", "sale-1"),
    ]
    # Known products lose what was sold; an unknown one (4) gets a movement and no stock row.
    assert conn.execute("SELECT product_id, on_hand FROM stock ORDER BY 1").fetchall() == [
        (1, 8),
        (2, -1),
    ]
    [item] = outbox.pending(conn)
    assert (item.op_id, item.kind) == ("sale-1", "sale")


def test_a_sale_adds_its_units_to_the_search_popularity_in_its_transaction(conn, store):
    """Issue 18.1: search ranks by the central figure plus this till's sales since; a
    weighed line counts one (as central counts it)."""
    conn.execute(
        "INSERT INTO products (id, sku, name, price_cents, vat_bp, sold_by, name_key, "
        "popularity) VALUES (4, 'SKU-4', 'Comté', 1890, 550, 'weight', 'comte', 5)"
    )
    store.commit(make_draft(), now=NOW)
    store.commit(make_draft("sale-2", items=((1, 3, 250, 2000, "unit"),)), now=NOW)
    assert conn.execute(
        "SELECT id, popularity, local_sales FROM products ORDER BY id"
    ).fetchall() == [(1, 0, 5), (2, 0, 1), (4, 5, 1)]


def test_the_outbox_payload_lets_the_server_check_the_signature(db_path, conn, store):
    completed = store.commit(make_draft("a"), now=NOW)
    second = store.commit(make_draft("b"), now=NOW)
    text = conn.execute("SELECT payload FROM outbox WHERE op_id = 'b'").fetchone()[0]
    payload = json.loads(text)

    assert text == canonical_json(payload)
    seal = payload["seal"]
    key = KeyStore(db_path.parent, use_keyring=False).current()
    assert seal == {
        "at": NOW,
        "chain": "ticket",
        "key_id": key.key_id,
        "kind": "sale",
        "prev": completed.signature,
        "ref": "b",
        "seq": 2,
        "sig": second.signature,
        "terminal_id": "T1",
    }
    assert (payload["sale"]["ticket_no"], payload["sale"]["terminal_id"]) == (2, "T1")
    # What the server does: rebuild the body from the sale, check it under the key.
    entry = ChainEntry(**{**seal, "body": canonical_json(payload["sale"])})
    assert verify_entry(key.public_pem, entry)
    assert not verify_entry(key.public_pem, dataclasses.replace(entry, seq=3))


def test_a_returned_sale_is_on_disk_for_any_other_connection(db_path, conn, store):
    store.commit(make_draft(), now=NOW)
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    other = sqlite3.connect(db_path)
    try:
        assert other.execute("SELECT id, ticket_no FROM sales").fetchall() == [("sale-1", 1)]
    finally:
        other.close()


def test_get_rebuilds_the_committed_sale_exactly(store):
    draft = make_draft(cash_given=10000)
    completed = store.commit(draft, now=NOW)
    assert store.get("sale-1") == completed
    assert store.get("unknown") is None


# -- all or nothing ----------------------------------------------------------------------


def _fail_in_the_chain(conn: sqlite3.Connection) -> None:
    """The sale's signed entry cannot be appended: the whole sale must roll back."""
    conn.execute(
        "CREATE TRIGGER refuse_entries BEFORE INSERT ON chain_entries "
        "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
    )


def _fail_at_the_third_line(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TRIGGER refuse_product_4 BEFORE INSERT ON stock_movements "
        "WHEN NEW.product_id = 4 BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
    )


def _fail_in_the_outbox(conn: sqlite3.Connection) -> None:
    outbox.enqueue(conn, "sale-2", "something_else", {"n": 1})


@pytest.mark.parametrize(
    "sabotage", [_fail_in_the_chain, _fail_at_the_third_line, _fail_in_the_outbox]
)
def test_a_commit_that_fails_midway_writes_nothing_and_uses_no_ticket_number(conn, store, sabotage):
    store.commit(make_draft("sale-1"), now=NOW)
    sabotage(conn)
    before = table_state(conn)

    with pytest.raises(StoreError, match="nothing was written"):
        store.commit(make_draft("sale-2"), now=NOW)

    assert table_state(conn) == before
    assert not conn.in_transaction
    assert store.ticket_numbers("T1") == [1]


def test_after_a_failed_commit_the_next_sale_takes_the_next_number(conn, store):
    store.commit(make_draft("sale-1"), now=NOW)
    _fail_in_the_outbox(conn)
    with pytest.raises(StoreError):
        store.commit(make_draft("sale-2"), now=NOW)
    assert store.commit(make_draft("sale-3"), now=NOW).ticket_no == 2


# -- ticket numbers ----------------------------------------------------------------------


def test_ticket_numbers_run_without_gaps_and_per_terminal(store):
    for number in range(7):
        store.commit(make_draft(f"s{number}", terminal="T1" if number % 3 else "T2"), now=NOW)
    assert store.ticket_numbers("T1") == [1, 2, 3, 4]
    assert store.ticket_numbers("T2") == [1, 2, 3]
    assert store.ticket_numbers("T3") == []


def test_two_tills_sharing_the_file_never_share_a_ticket_number(db_path):
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def till(name: str) -> None:
        connection = connect(db_path)
        try:
            start.wait()
            sales = SalesStore(connection)
            for number in range(15):
                sales.commit(make_draft(f"{name}-{number}", terminal="SHARED"), now=NOW)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=till, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    connection = connect(db_path)
    try:
        assert SalesStore(connection).ticket_numbers("SHARED") == list(range(1, 31))
    finally:
        connection.close()


# -- idempotence -------------------------------------------------------------------------


def test_committing_the_same_sale_twice_records_it_once(conn, store):
    first = store.commit(make_draft(), now=NOW)
    state = table_state(conn)
    again = store.commit(make_draft(), now="2024-05-02T11:00:00.000Z")
    assert again == first
    assert table_state(conn) == state


def test_the_same_sale_id_with_other_contents_is_refused(conn, store):
    store.commit(make_draft(), now=NOW)
    state = table_state(conn)
    with pytest.raises(PosError) as refused:
        store.commit(make_draft(items=ITEMS[:1]), now=NOW)
    assert refused.value.code == "sale_id_conflict"
    assert table_state(conn) == state


# -- validation ----------------------------------------------------------------------------


def _with_line(draft: SaleDraft, index: int, **changes: object) -> SaleDraft:
    lines = list(draft.lines)
    lines[index] = dataclasses.replace(lines[index], **changes)
    return dataclasses.replace(draft, lines=tuple(lines))


GOOD = make_draft()
BAD_DRAFTS = {
    "no lines": dataclasses.replace(GOOD, lines=()),
    "no cashier": dataclasses.replace(GOOD, cashier=""),
    "total off by a cent": dataclasses.replace(GOOD, total_cents=GOOD.total_cents + 1),
    "tenders short": dataclasses.replace(GOOD, tenders=(SaleTender("card", GOOD.total_cents - 1),)),
    "change too large": dataclasses.replace(GOOD, change_cents=1),
    "float amount": _with_line(GOOD, 0, unit_price_cents=2.5),
    "bool quantity": _with_line(GOOD, 0, quantity=True),
    "zero quantity": _with_line(GOOD, 1, quantity=0),
    "line total not gross less discounts": _with_line(GOOD, 2, line_discount_cents=10),
    "line numbers not increasing": _with_line(GOOD, 2, line_no=1),
    "unknown sold_by": _with_line(GOOD, 0, sold_by="litre"),
    "vat table short": dataclasses.replace(GOOD, vat=GOOD.vat[:1]),
    "vat row not adding up": dataclasses.replace(
        GOOD,
        vat=(dataclasses.replace(GOOD.vat[0], vat_cents=GOOD.vat[0].vat_cents + 1), *GOOD.vat[1:]),
    ),
    "vat at the wrong rate": dataclasses.replace(
        GOOD, vat=tuple(dataclasses.replace(v, vat_bp=v.vat_bp + 1) for v in GOOD.vat)
    ),
}


@pytest.mark.parametrize("draft", BAD_DRAFTS.values(), ids=BAD_DRAFTS.keys())
def test_an_inconsistent_draft_is_refused_before_anything_is_written(conn, store, draft):
    state = table_state(conn)
    with pytest.raises(PosError) as refused:
        store.commit(draft, now=NOW)
    assert refused.value.message
    assert table_state(conn) == state


def test_a_fully_discounted_sale_needs_no_payment(store):
    draft = _with_line(make_draft(items=ITEMS[:1]), 0, line_discount_cents=500, total_cents=0)
    draft = dataclasses.replace(draft, tenders=(), total_cents=0, vat=(VatLine(2000, 0, 0, 0),))
    assert store.commit(draft, now=NOW).ticket_no == 1


# -- immutability and readers --------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE sales SET total_cents = 0",
        "DELETE FROM sales",
        "UPDATE sale_lines SET quantity = 1",
        "DELETE FROM sale_lines",
        "UPDATE sale_tenders SET amount_cents = 1",
        "DELETE FROM sale_tenders",
        "UPDATE sale_vat SET vat_cents = 0",
        "DELETE FROM sale_vat",
        "INSERT INTO journal VALUES (99, 'sale-2', 'T9', 1, 0, 0, 'x', 'y', 'z')",
        "UPDATE chain_entries SET body = '{}'",
        "DELETE FROM chain_entries",
        "DELETE FROM terminal_keys",
    ],
)
def test_completed_sales_and_their_chain_refuse_updates_and_deletes(conn, store, statement):
    store.commit(make_draft(), now=NOW)
    with pytest.raises(sqlite3.IntegrityError, match=r"immutable|append-only|closed"):
        conn.execute(statement)


def test_readers(store):
    for number, terminal in enumerate(["T1", "T2", "T1"]):
        store.commit(make_draft(f"s{number}", terminal=terminal), now=NOW)
    assert store.count() == 3
    assert store.by_ticket("T1", 2).sale_id == "s2"
    assert store.by_ticket("T2", 2) is None
    assert [sale.sale_id for sale in store.recent(2)] == ["s2", "s1"]
    assert store.last_of_terminal("T1").sale_id == "s2"
    assert store.last_of_terminal("T2").sale_id == "s1"
    assert store.last_of_terminal("T9") is None
