"""The fiscal record's verification: 200 real sales signed in the ticket chain verify,
and each kind of tampering done with a plain sqlite3 connection is named at the right
entry, for the right reason. The forger here is careful: the triggers are dropped to
edit and put back exactly as they were, so no trigger finding hides a missed one; each
test fails when the protection it names is removed."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from pos.domain.chain_entry import GENESIS, TICKET, ChainEntry
from pos.domain.product import SoldBy
from pos.domain.sale import SaleDraft, SaleLine, SaleTender, VatLine
from pos.store import events, legacy_journal
from pos.store.db import connect
from pos.store.local_store import LocalStore
from pos.store.migrations import migrate
from pos.store.sale_codec import (
    INSERT_LINE,
    INSERT_SALE,
    INSERT_TENDER,
    INSERT_VAT,
    SALE_FIELDS,
    canonical_json,
    line_rows,
    sale_record,
    sale_row,
    tender_rows,
    vat_rows,
)
from pos.store.sales import SalesStore
from pos.store.signing_key import KeyStore, SigningKey
from pos.store.verification import REGISTERED_KEY_SETTING, verify
from pos.store.verification_report import LEGACY, JournalReport

SALES = 200
ENTRY_COLUMNS = "terminal_id, chain, seq, kind, ref, at, key_id, prev, body, sig"


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


def stamp(n: int) -> str:
    return f"2024-05-02T10:{n // 60:02d}:{n % 60:02d}.000Z"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """200 committed sales and the terminal's key, built once (fsync off: durability is
    not what is tested here)."""
    folder = tmp_path_factory.mktemp("journal")
    path = folder / "store.db"
    conn = connect(path)
    migrate(conn, path)
    conn.execute("PRAGMA synchronous = OFF")
    store = SalesStore(conn)
    grand = 0
    for n in range(1, SALES + 1):
        grand += store.commit(make_draft(n), now=stamp(n)).draft.total_cents
    conn.close()
    return folder, grand


@pytest.fixture
def db(template: tuple[Path, int], tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(template[0], folder)
    return folder / "store.db"


def shell(path: Path, *statements: str, params: tuple = ()) -> None:
    """What someone with the sqlite3 shell does: save the triggers, drop them, edit, put
    them back word for word (so the store's own trigger check sees nothing)."""
    raw = sqlite3.connect(path)
    with forging(raw):
        for statement in statements:
            raw.execute(statement, params) if params else raw.execute(statement)


class forging:
    """The triggers dropped for the block and recreated exactly after it, committed."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.raw = raw

    def __enter__(self) -> sqlite3.Connection:
        self.saved = self.raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
        for name, _sql in self.saved:
            self.raw.execute(f"DROP TRIGGER {name}")
        return self.raw

    def __exit__(self, *exc: object) -> None:
        for _name, sql in self.saved:
            self.raw.execute(sql)
        self.raw.commit()
        self.raw.close()


def delete_sale(sale_id: str) -> list[str]:
    children = ("sale_lines", "sale_tenders", "sale_vat")
    return [f"DELETE FROM {table} WHERE sale_id = '{sale_id}'" for table in children] + [
        f"DELETE FROM sales WHERE id = '{sale_id}'"
    ]


def check(path: Path) -> JournalReport:
    conn = connect(path)
    try:
        return verify(conn)
    finally:
        conn.close()


def assert_broken(report: JournalReport, chain: str, code: str, seq: int | None, reason: str):
    """The chain's first problem is this one, and nothing else in the store is."""
    assert not report.ok
    problem = report.chain(chain).problem
    assert problem is not None, report.reason
    assert (problem.code, problem.seq) == (code, seq), problem.reason
    assert problem.reason.startswith(reason), problem.reason
    assert report.problems == (problem,), report.reason


def ticket_entry(raw: sqlite3.Connection, seq: int) -> ChainEntry:
    row = raw.execute(
        f"SELECT {ENTRY_COLUMNS} FROM chain_entries WHERE chain = 'ticket' AND seq = ?", (seq,)
    ).fetchone()
    return ChainEntry(*row)


def sale_body(raw: sqlite3.Connection, sale_id: str) -> str:
    sale = raw.execute(
        f"SELECT {', '.join(SALE_FIELDS)} FROM sales WHERE id = ?", (sale_id,)
    ).fetchone()
    children = legacy_journal.sale_children(raw, sale_id)
    return legacy_journal.canonical_sale_bytes(sale, *children).decode("utf-8")


def seal_payload(body: str, entry: ChainEntry) -> str:
    seal = {
        name: getattr(entry, name)
        for name in ("at", "chain", "key_id", "kind", "prev", "ref", "seq", "sig", "terminal_id")
    }
    return canonical_json({"sale": json.loads(body), "seal": seal})


def resign(raw: sqlite3.Connection, key: SigningKey, from_seq: int, *, outbox: bool) -> None:
    """A forger holding a key re-signs the ticket chain from ``from_seq`` on, each body
    rebuilt from the sale's rows now; with ``outbox`` the seals beside the sales too."""
    prev = ticket_entry(raw, from_seq - 1).sig if from_seq > 1 else GENESIS
    last = raw.execute("SELECT max(seq) FROM chain_entries WHERE chain = 'ticket'").fetchone()[0]
    for seq in range(from_seq, last + 1):
        entry = ticket_entry(raw, seq)
        new = replace(entry, key_id=key.key_id, prev=prev, body=sale_body(raw, entry.ref))
        new = new.signed(key.sign(new.signed_bytes()))
        raw.execute(
            "UPDATE chain_entries SET key_id = ?, prev = ?, body = ?, sig = ? "
            "WHERE chain = 'ticket' AND seq = ?",
            (new.key_id, new.prev, new.body, new.sig, seq),
        )
        if outbox:
            raw.execute(
                "UPDATE outbox SET payload = ? WHERE op_id = ?",
                (seal_payload(new.body, new), new.ref),
            )
        prev = new.sig


# -- an intact record -------------------------------------------------------------------


def test_an_intact_record_verifies_and_lists_every_chain(db, template):
    report = check(db)
    assert report.ok, report.reason
    assert (report.entries, report.grand_total_cents) == (SALES, template[1])
    counts = {summary.chain: summary.entries for summary in report.chains}
    assert counts == {
        LEGACY: 0, "ticket": SALES, "duplicate": 0, "closure": 0, "event": 0, "training": 0
    }  # fmt: skip
    assert report.chain(TICKET).line() == "Ticket chain: 200 entries (seq 1–200), intact."
    assert report.reason.startswith("The journal is intact: 200 entries")


def test_an_empty_store_verifies(tmp_path):
    conn = connect(tmp_path / "empty.db")
    migrate(conn)
    report = verify(conn)
    conn.close()
    assert (report.ok, report.entries, report.grand_total_cents) == (True, 0, 0)


# -- the sale's rows and the entries ------------------------------------------------------


def test_an_edited_sale_row_is_named(db):
    shell(db, "UPDATE sale_lines SET quantity = 1 WHERE sale_id = 'sale-0017' AND line_no = 1")
    report = check(db)
    assert_broken(
        report,
        TICKET,
        "edited",
        17,
        "Ticket entry 17 (sale sale-0017): the sale's rows were altered after it was signed.",
    )
    assert report.chain(TICKET).entries == 16


def test_a_float_written_by_hand_is_named(db):
    shell(db, "UPDATE sale_lines SET quantity = 2.5 WHERE sale_id = 'sale-0003' AND line_no = 1")
    assert_broken(check(db), TICKET, "edited", 3, "Ticket entry 3 (sale sale-0003)")


def test_an_edited_entry_body_is_named_as_edited(db):
    """The body is what the signature covers: the entry's own signature no longer
    verifies, while the next entry (signed over it) vouches the signature is the original."""
    shell(db, "UPDATE chain_entries SET body = replace(body, '\"Léa\"', '\"Max\"') WHERE seq = 60")
    assert_broken(
        check(db), TICKET, "edited", 60, "Ticket entry 60: its content was edited after signing"
    )


def test_a_replaced_signature_is_named_as_a_bad_signature(db):
    conn = sqlite3.connect(db)
    other = ticket_entry(conn, 3).sig
    conn.close()
    shell(db, f"UPDATE chain_entries SET sig = '{other}' WHERE chain = 'ticket' AND seq = 90")
    assert_broken(
        check(db), TICKET, "bad_signature", 90, "Ticket entry 90: its signature does not verify"
    )


def test_a_deleted_middle_entry_with_its_sale_is_named_missing(db):
    shell(
        db,
        "DELETE FROM chain_entries WHERE chain = 'ticket' AND seq = 40",
        *delete_sale("sale-0040"),
    )
    assert_broken(check(db), TICKET, "missing", 40, "Ticket chain: entry 40 is missing")


def test_a_sale_without_its_entry_is_named(db):
    shell(db, "DELETE FROM chain_entries WHERE chain = 'ticket' AND seq = 200")
    assert_broken(
        check(db),
        TICKET,
        "witness",
        200,
        "Ticket entry 200 (sale sale-0200) is gone: its seal is still in the outbox",
    )


def test_a_sale_whose_entry_and_outbox_row_are_gone_is_named_unsigned(db):
    shell(
        db,
        "DELETE FROM chain_entries WHERE chain = 'ticket' AND seq = 200",
        "DELETE FROM outbox WHERE op_id = 'sale-0200'",
    )
    assert_broken(
        check(db),
        TICKET,
        "unsigned_sale",
        None,
        "Ticket 200 (terminal T1) has no entry in the journal or the ticket chain.",
    )


def test_the_deleted_tail_is_caught_by_the_outbox_seals_while_they_stay(db):
    """The last sales deleted with their entries and the counter reset: the chain and the
    tickets run 1..198 again, but the seals written beside those sales for the central
    server still name entries 199 and 200. If the forger deletes those outbox rows too,
    nothing local is left to compare with: the record is shorter and self-consistent, and
    only the central witness (the last entry it received, part of issue 13's central
    side) or an archive already made can show it. That limit is asserted last."""
    tail = ("sale-0199", "sale-0200")
    shell(
        db,
        "DELETE FROM chain_entries WHERE chain = 'ticket' AND seq >= 199",
        *delete_sale(tail[0]),
        *delete_sale(tail[1]),
        "UPDATE ticket_counters SET last_ticket_no = 198",
    )
    assert_broken(check(db), TICKET, "witness", 199, "Ticket entry 199 (sale sale-0199) is gone")

    shell(db, "DELETE FROM outbox WHERE op_id IN ('sale-0199', 'sale-0200')")
    report = check(db)
    assert report.ok and report.chain(TICKET).entries == 198  # undetectable locally


def test_a_sale_deleted_with_its_entry_and_outbox_row_leaves_a_ticket_gap(db):
    shell(
        db,
        "DELETE FROM chain_entries WHERE chain = 'ticket' AND seq = 200",
        *delete_sale("sale-0200"),
        "DELETE FROM outbox WHERE op_id = 'sale-0200'",
    )
    assert_broken(
        check(db),
        TICKET,
        "ticket_gap",
        None,
        "Ticket 200 (terminal T1) is missing: tickets must run from 1 to 200 without a gap.",
    )


def test_two_swapped_entries_are_named_reordered(db):
    shell(
        db,
        "UPDATE chain_entries SET seq = 1000 WHERE chain = 'ticket' AND seq = 10",
        "UPDATE chain_entries SET seq = 10 WHERE chain = 'ticket' AND seq = 11",
        "UPDATE chain_entries SET seq = 11 WHERE chain = 'ticket' AND seq = 1000",
    )
    assert_broken(
        check(db), TICKET, "reordered", 10, "Ticket entry 10: it was swapped with entry 11."
    )


def test_a_forged_entry_slipped_in_is_named_inserted(db):
    """A forged sale and its entry put at seq 50, the later entries moved up by one: the
    forger cannot sign it, and entry 51 (the old 50) still links to entry 49."""
    conn = sqlite3.connect(db)
    before = ticket_entry(conn, 49)
    conn.close()
    forged = ChainEntry(
        "T1", TICKET, 50, "sale", "sale-forged", stamp(49), before.key_id, before.sig, "{}", "AAAA"
    )
    shell(
        db,
        "UPDATE chain_entries SET seq = seq + 1000 WHERE chain = 'ticket' AND seq >= 50",
        "UPDATE chain_entries SET seq = seq - 999 WHERE chain = 'ticket' AND seq >= 1000",
    )
    shell(
        db,
        f"INSERT INTO chain_entries ({ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        params=tuple(getattr(forged, name) for name in ENTRY_COLUMNS.split(", ")),
    )
    assert_broken(
        check(db),
        TICKET,
        "inserted",
        50,
        "Ticket entry 50: it was inserted (entry 51 links over it to entry 49).",
    )


# -- re-signing with a key ----------------------------------------------------------------


def test_a_chain_resigned_with_the_terminal_key_is_caught_by_the_outbox_seals(db):
    """Whoever can read the key file can edit a sale and re-sign the chain from there:
    every signature verifies, but the seals already written beside the sales differ."""
    key = KeyStore(db.parent, use_keyring=False).current()
    shell(db, "UPDATE sale_lines SET quantity = 1 WHERE sale_id = 'sale-0150' AND line_no = 1")
    with forging(sqlite3.connect(db)) as raw:
        resign(raw, key, 150, outbox=False)
    assert_broken(
        check(db),
        TICKET,
        "witness",
        150,
        "Ticket entry 150 (sale sale-0150): it differs from the seal written beside the sale",
    )


def test_a_chain_rebuilt_with_a_fresh_key_is_an_unknown_key(db):
    with forging(sqlite3.connect(db)) as raw:
        resign(raw, SigningKey.generate(), 1, outbox=True)
    assert_broken(check(db), TICKET, "unknown_key", 1, "Ticket entry 1: signed by key")


def test_a_chain_rebuilt_with_a_fresh_key_and_keys_table_is_caught_by_the_registered_key(db):
    """The forger also replaces ``terminal_keys``: locally every signature verifies under
    a trusted root, but central acknowledged another root at enrolment."""
    key = SigningKey.generate()
    with LocalStore(db) as store:
        store.set_setting(REGISTERED_KEY_SETTING, store.signing_key().key_id)
    with forging(sqlite3.connect(db)) as raw:
        resign(raw, key, 1, outbox=True)
        raw.execute("DELETE FROM terminal_keys")
        raw.execute(
            "INSERT INTO terminal_keys VALUES (?, ?, ?, '', '')",
            (key.key_id, key.public_pem, stamp(1)),
        )
    report = check(db)
    assert [(p.chain, p.code) for p in report.problems] == [("store", "unregistered_key")]
    assert report.reason.startswith("The chains were rebuilt with a key central never registered")


# -- the clock -----------------------------------------------------------------------------


def clocked_store(tmp_path: Path, *, explained: bool) -> Path:
    """Three sales, the third made after the clock went back a day."""
    folder = tmp_path / "clock"
    folder.mkdir()
    with LocalStore(folder / "store.db") as store:
        store.sales.commit(make_draft(1), now="2024-05-02T10:00:00.000Z")
        store.sales.commit(make_draft(2), now="2024-05-02T11:00:00.000Z")
        if explained:
            events.record(
                store.conn,
                store.signing_key(),
                "clock_back",
                {"from": "2024-05-02T11:00:05.000Z", "to": "2024-05-01T11:00:05.000Z"},
                terminal_id="T1",
                at="2024-05-01T11:00:05.000Z",
            )
        store.sales.commit(make_draft(3), now="2024-05-01T11:01:00.000Z")
    return folder / "store.db"


def test_a_clock_going_back_inside_a_chain_is_named(tmp_path):
    assert_broken(
        check(clocked_store(tmp_path, explained=False)),
        TICKET,
        "clock_back",
        3,
        "Ticket entry 3: the clock went back (at 2024-05-01T11:01:00.000Z, after "
        "2024-05-02T11:00:00.000Z), and no clock change explains it.",
    )


def test_a_clock_going_back_explained_by_the_event_journal_is_a_warning(tmp_path):
    report = check(clocked_store(tmp_path, explained=True))
    assert report.ok, report.reason
    [warning] = report.warnings
    assert (warning.chain, warning.seq, warning.code) == (TICKET, 3, "clock_back")
    assert report.chain(TICKET).entries == 3  # still ordered by sequence


# -- the legacy journal ----------------------------------------------------------------------


def legacy_store(tmp_path: Path, sales: int = 3) -> Path:
    """A database of an earlier version: schema 14 (before the journal was closed),
    sales sealed in the unsigned hash journal the way that version did, each outbox row
    carrying its journal seal; then opened by this version (migrated to head)."""

    folder = tmp_path / "old"
    folder.mkdir()
    path = folder / "store.db"
    conn = connect(path)
    migrate(conn, path, target=14)
    prev, grand = legacy_journal.GENESIS_HASH, 0
    for n in range(1, sales + 1):
        draft, at = make_draft(n), stamp(n)
        sale, lines, tenders, vat = (
            sale_row(draft, n, at),
            *[f(draft) for f in (line_rows, tender_rows, vat_rows)],
        )
        conn.execute("BEGIN")
        conn.execute(INSERT_SALE, sale)
        conn.executemany(INSERT_LINE, [(draft.sale_id, *row) for row in lines])
        conn.executemany(INSERT_TENDER, [(draft.sale_id, *row) for row in tenders])
        conn.executemany(INSERT_VAT, [(draft.sale_id, *row) for row in vat])
        record = sale_record(sale, lines, tenders, vat, [])
        hashed = legacy_journal.chain_hash(prev, canonical_json(record).encode("utf-8"))
        grand += draft.total_cents
        conn.execute(
            "INSERT INTO journal VALUES (?, ?, 'T1', ?, ?, ?, ?, ?, ?)",
            (n, draft.sale_id, n, draft.total_cents, grand, prev, hashed, at),
        )
        conn.execute(
            "INSERT INTO ticket_counters VALUES ('T1', 1) ON CONFLICT (terminal_id) "
            "DO UPDATE SET last_ticket_no = last_ticket_no + 1"
        )
        seal = {"seq": n, "prev_hash": prev, "hash": hashed, "grand_total_cents": grand}
        conn.execute(
            "INSERT INTO outbox (op_id, kind, payload, created_at) VALUES (?, 'sale', ?, ?)",
            (draft.sale_id, canonical_json({"journal": seal, "sale": record}), at),
        )
        conn.execute("COMMIT")
        prev = hashed
    conn.close()
    return path


def test_an_old_database_verifies_and_its_ticket_chain_links_to_the_legacy_head(tmp_path):
    path = legacy_store(tmp_path)
    with LocalStore(path) as store:
        head = legacy_journal.last_entry(store.conn)
        store.sales.commit(make_draft(4), now=stamp(4))
        store.sales.commit(make_draft(5), now=stamp(5))
    report = check(path)
    assert report.ok, report.reason
    assert report.chain(LEGACY).entries == 3 and report.chain(TICKET).entries == 2
    assert report.chain(TICKET).first_seq == 4
    raw = sqlite3.connect(path)
    first = ticket_entry(raw, 4)
    raw.close()
    assert first.prev == f"sha256:{head.hash}"


def test_an_edited_legacy_sale_is_named_in_the_legacy_journal(tmp_path):
    path = legacy_store(tmp_path)
    with LocalStore(path):
        pass
    shell(path, "UPDATE sale_tenders SET amount_cents = 1 WHERE sale_id = 'sale-0002'")
    assert_broken(
        check(path),
        LEGACY,
        "edited",
        2,
        "Entry 2 (ticket 2, terminal T1): the sale's rows were altered after it was sealed.",
    )


def test_a_ticket_chain_not_linked_to_the_legacy_head_is_named(tmp_path):
    path = legacy_store(tmp_path)
    with LocalStore(path) as store:
        store.sales.commit(make_draft(4), now=stamp(4))
    shell(path, "UPDATE chain_entries SET prev = 'GENESIS' WHERE chain = 'ticket' AND seq = 4")
    assert_broken(check(path), TICKET, "legacy_link", 4, "Ticket entry 4: it does not start")
