"""The sealed journal: a chain of 200 real sales verifies, and each kind of tampering done
with a plain sqlite3 connection (triggers dropped) is named at the right entry."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from pos.domain.product import SoldBy
from pos.domain.sale import SaleDraft, SaleLine, SaleTender, VatLine
from pos.store import journal
from pos.store.db import connect
from pos.store.migrations import migrate
from pos.store.sale_codec import SALE_FIELDS, SELECT_LINES, SELECT_TENDERS, SELECT_VAT
from pos.store.sales import SalesStore

SALES = 200
TRIGGERS = [
    f"{table}_no_{action}"
    for table in ("sales", "sale_lines", "sale_tenders", "sale_vat", "journal")
    for action in ("update", "delete")
]


def line(
    line_no: int,
    product_id: int,
    name: str,
    sold_by: SoldBy,
    quantity: int,
    price: int,
    vat_bp: int,
    amount: int,
) -> SaleLine:
    return SaleLine(
        line_no=line_no,
        product_id=product_id,
        sku=f"SKU-{product_id}",
        name=name,
        barcode=f"376000000{product_id:04d}" if sold_by is SoldBy.UNIT else None,
        sold_by=sold_by,
        quantity=quantity,
        unit_price_cents=price,
        vat_bp=vat_bp,
        gross_cents=amount,
        line_discount_cents=0,
        ticket_discount_cents=0,
        total_cents=amount,
    )


def make_draft(number: int) -> SaleDraft:
    """Sale ``number``: two lines at two rates, paid in cash then card (change on cash)."""
    coffee, grams = 199 + number, 100 + number
    meat = 1890 * grams // 1000
    lines = (
        line(1, 1, "Café “moulu”", SoldBy.UNIT, 2, coffee, 2000, 2 * coffee),
        line(2, 4, "Bœuf haché", SoldBy.WEIGHT, grams, 1890, 550, meat),
    )
    vat = (
        VatLine(2000, 2 * coffee - 2 * coffee // 6, 2 * coffee // 6, 2 * coffee),
        VatLine(550, meat - meat // 19, meat // 19, meat),
    )
    total = 2 * coffee + meat
    tenders = (SaleTender("cash", 500), SaleTender("card", total - 400, "CB-1234"))
    return SaleDraft(
        f"sale-{number:04d}",
        "T1",
        "Léa",
        "2024-05-02T09:00:00.000Z",
        lines,
        tenders,
        vat,
        total_cents=total,
        change_cents=100,
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """200 committed sales, built once (fsync off: durability is not what is tested here)."""
    path = tmp_path_factory.mktemp("journal") / "template.db"
    conn = connect(path)
    migrate(conn, path)
    conn.execute("PRAGMA synchronous = OFF")
    store = SalesStore(conn)
    grand = 0
    for n in range(1, SALES + 1):
        stamp = f"2024-05-02T10:{n // 60:02d}:{n % 60:02d}.000Z"
        grand += store.commit(make_draft(n), now=stamp).draft.total_cents
    conn.close()
    return path, grand


@pytest.fixture
def db(template: tuple[Path, int], tmp_path: Path) -> Path:
    path = tmp_path / "pos.db"
    shutil.copyfile(template[0], path)
    return path


def tamper(path: Path, *statements: str, params: tuple = ()) -> None:
    """What someone with the sqlite3 shell could do: drop the triggers and edit."""
    raw = sqlite3.connect(path)
    for trigger in TRIGGERS:
        raw.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        raw.execute(statement, params) if params else raw.execute(statement)
    raw.commit()
    raw.close()


def delete_sale(sale_id: str) -> list[str]:
    children = ("sale_lines", "sale_tenders", "sale_vat")
    return [f"DELETE FROM {table} WHERE sale_id = '{sale_id}'" for table in children] + [
        f"DELETE FROM sales WHERE id = '{sale_id}'"
    ]


def verify(path: Path) -> journal.JournalReport:
    conn = connect(path)
    try:
        return journal.verify(conn)
    finally:
        conn.close()


def assert_broken(report: journal.JournalReport, reason: str, seq: int | None, ticket: int | None):
    assert not report.ok
    # The chain's finding first; then, when the triggers were dropped to edit, the open
    # that restored them is named too (pos.store.immutability).
    assert report.reason.startswith(reason)
    rest = report.reason[len(reason) :]
    assert rest == "" or rest.startswith(" Tampering: the immutability triggers were removed")
    assert (report.first_bad_seq, report.first_bad_ticket) == (seq, ticket)


# -- an intact chain -----------------------------------------------------------------------


def test_an_intact_journal_verifies_with_its_perpetual_grand_total(db, template):
    report = verify(db)
    assert report.ok, report.reason
    assert (report.entries, report.grand_total_cents) == (SALES, template[1])
    assert (report.first_bad_seq, report.first_bad_ticket) == (None, None)
    assert report.reason.startswith("The journal is intact: 200 entries")


def test_an_empty_journal_verifies(tmp_path):
    conn = connect(tmp_path / "empty.db")
    migrate(conn)
    report = journal.verify(conn)
    conn.close()
    assert (report.ok, report.entries, report.grand_total_cents) == (True, 0, 0)


def test_the_chain_starts_at_genesis_and_each_entry_links_to_the_previous(db):
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT seq, prev_hash, hash FROM journal ORDER BY seq").fetchall()
    conn.close()
    assert rows[0][:2] == (1, "0" * 64)
    assert all(rows[i][1] == rows[i - 1][2] for i in range(1, len(rows)))


# -- tampering ------------------------------------------------------------------------------


def test_an_edited_line_quantity_is_named(db):
    tamper(db, "UPDATE sale_lines SET quantity = 1 WHERE sale_id = 'sale-0017' AND line_no = 1")
    assert_broken(
        verify(db),
        "Entry 17 (ticket 17, terminal T1): the sale's rows were altered after it was sealed.",
        17,
        17,
    )


def test_an_edited_tender_amount_is_named(db):
    tamper(db, "UPDATE sale_tenders SET amount_cents = 400 WHERE sale_id = 'sale-0120' AND seq = 1")
    report = verify(db)
    assert_broken(
        report,
        "Entry 120 (ticket 120, terminal T1): the sale's rows were altered after it was sealed.",
        120,
        120,
    )
    assert report.entries == 119


def test_a_float_written_by_hand_is_named(db):
    tamper(db, "UPDATE sale_lines SET quantity = 2.5 WHERE sale_id = 'sale-0003' AND line_no = 1")
    assert verify(db).first_bad_seq == 3


def test_a_deleted_sale_is_named(db):
    tamper(
        db,
        *delete_sale("sale-0040"),
    )
    assert_broken(
        verify(db),
        "Entry 40 (ticket 40, terminal T1): the sale was deleted after it was sealed.",
        40,
        40,
    )


def test_a_deleted_journal_entry_is_named(db):
    tamper(db, "DELETE FROM journal WHERE seq = 18")
    assert_broken(verify(db), "Entry 18 is missing: the sequence jumps from 17 to 19.", 18, None)


def test_a_sale_without_a_journal_entry_is_named(db):
    tamper(db, "DELETE FROM journal WHERE seq = 200")
    assert_broken(verify(db), "Ticket 200 (terminal T1) has no journal entry.", None, 200)


def test_a_sale_deleted_with_its_entry_at_the_tail_is_named(db):
    tamper(
        db,
        "DELETE FROM journal WHERE sale_id = 'sale-0200'",
        *delete_sale("sale-0200"),
    )
    assert_broken(
        verify(db),
        "Ticket 200 (terminal T1) is missing: tickets must run from 1 to 200 without a gap.",
        None,
        200,
    )


def test_a_broken_link_is_named(db):
    tamper(db, f"UPDATE journal SET prev_hash = '{'a' * 64}' WHERE seq = 5")
    assert_broken(
        verify(db), "Entry 5: the chain is broken (prev_hash does not match entry 4).", 5, 5
    )


def test_an_altered_hash_is_named(db):
    tamper(db, f"UPDATE journal SET hash = '{'f' * 64}' WHERE seq = 60")
    assert_broken(
        verify(db),
        "Entry 60 (ticket 60, terminal T1): its recorded hash was altered "
        "(the sale still matches its seal).",
        60,
        60,
    )


def test_an_altered_grand_total_is_named(db):
    tamper(db, "UPDATE journal SET grand_total_cents = grand_total_cents + 1 WHERE seq = 9")
    assert_broken(verify(db), "Entry 9: the grand total does not add up.", 9, 9)


def test_a_rewritten_chain_tail_is_named_where_the_rewrite_starts(db):
    """Edit sale 150, then recompute every hash from there on, as a careful forger would:
    the chain is self-consistent again, but no longer matches the hashes already handed
    to the central server through the outbox."""
    tamper(db, "UPDATE sale_lines SET quantity = 1 WHERE sale_id = 'sale-0150' AND line_no = 1")
    raw = sqlite3.connect(db)
    for trigger in TRIGGERS:
        raw.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    prev = raw.execute("SELECT hash FROM journal WHERE seq = 149").fetchone()[0]
    entries = raw.execute("SELECT seq, sale_id FROM journal WHERE seq >= 150 ORDER BY seq")
    for seq, sale_id in entries.fetchall():
        sale = raw.execute(
            f"SELECT {', '.join(SALE_FIELDS)} FROM sales WHERE id = ?", (sale_id,)
        ).fetchone()
        children = [
            raw.execute(sql, (sale_id,)).fetchall()
            for sql in (SELECT_LINES, SELECT_TENDERS, SELECT_VAT)
        ]
        new_hash = journal.chain_hash(prev, journal.canonical_sale_bytes(sale, *children))
        raw.execute(
            "UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, new_hash, seq)
        )
        prev = new_hash
    raw.commit()
    raw.close()

    assert_broken(
        verify(db),
        "Entry 150 (ticket 150, terminal T1): its hash differs from the one recorded for the "
        "central server: the chain was rewritten from here.",
        150,
        150,
    )


# -- sealing --------------------------------------------------------------------------------


def test_canonical_bytes_are_sorted_compact_utf8_and_integers_only():
    sale = ("s1", "T1", 1, "Léa", "a", "b", 300, 0)
    lines = [(1, 7, "SKU", "Bœuf", None, "unit", 1, 300, 550, 300, 0, 0, 300)]
    data = journal.canonical_sale_bytes(sale, lines, [(1, "cash", 300, "")], [(550, 284, 16, 300)])
    text = data.decode("utf-8")
    assert " " not in text.replace("Bœuf", "")
    assert "Léa" in text and "Bœuf" in text  # not \u-escaped
    assert list(json.loads(text)) == sorted(json.loads(text))
    with pytest.raises(TypeError):
        journal.canonical_sale_bytes((*sale[:6], 300.0, 0), lines, [], [])


def test_append_outside_a_transaction_is_refused(tmp_path):
    conn = connect(tmp_path / "x.db")
    migrate(conn)
    with pytest.raises(RuntimeError):
        journal.append(conn, "s", "T1", 1, 100, b"{}", created_at="now")
    conn.close()
