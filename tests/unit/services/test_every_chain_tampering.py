"""Every chain of the fiscal record, filled by the real acts of a till day (sales, copies,
training sales, the Z, the events they record), then tampered with as the issue asks:
with the sqlite3 shell, triggers dropped and put back exactly as they were, an entry is
edited, deleted, reordered or inserted in ONE chain. ``verify`` (what ``comptoir
verify-journal`` runs) must name that chain, and only that one. Without the signature
check the edits of the chains whose body nothing else vouches for go unseen (9 cases
fail); a reordered or inserted entry is caught by it too, since the seq and the previous
signature are signed; a deletion by the sequence check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos.domain.cash import count_cash
from pos.domain.chain_entry import CHAINS, ChainEntry
from pos.domain.rights import Actor, Role
from pos.domain.tenders import TenderKind
from pos.domain.till_day import ClosingCount
from pos.services.checkout import Checkout
from pos.services.receipts import ReceiptHeader, duplicate_receipt
from pos.services.till_session import TillSessions
from pos.store import chains
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from pos.store.verification import verify

INES = Actor("ines", "Inès", Role.MANAGER)
FLOAT = {1000: 10, 200: 10}
COLUMNS = "terminal_id, chain, seq, kind, ref, at, key_id, prev, body, sig"


@pytest.fixture
def day(store: LocalStore, demo_items, tmp_path: Path) -> Path:
    """A till day that leaves at least three entries in every chain; its file."""
    barcodes = [item.barcodes[0] for item in demo_items if item.sold_by == "unit"][:3]
    sessions = TillSessions(store, terminal_id="T01")
    sessions.open(INES, FLOAT)
    checkout = Checkout(store, terminal_id="T01", actor=INES, session_gate=sessions)
    sales = []
    for barcode in barcodes:
        checkout.scan(barcode)
        checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
        sales.append(checkout.complete())
    for sale in (sales[0], sales[0], sales[1]):
        duplicate_receipt(store, sale, ReceiptHeader(), actor=INES, terminal_id="T01", at=utc_now())
    checkout.set_training(True)
    for barcode in barcodes:
        checkout.scan(barcode)
        checkout.add_tender(TenderKind.CASH, checkout.totals().total_cents)
        checkout.complete()
    checkout.set_training(False)
    for _ in range(2):  # three closures: two days and the one after
        sessions.close(INES, ClosingCount(count_cash(FLOAT)))
        sessions.open(INES, FLOAT)
    sessions.close(INES, ClosingCount(count_cash(FLOAT)))
    counts = {chain: sum(1 for _ in chains.entries(store.conn, chain)) for chain in CHAINS}
    assert all(count >= 3 for count in counts.values()), counts
    assert verify(store.conn).ok
    return Path(store.path)


def forge(path: Path, chain: str, how: str) -> None:
    """The attacker: drop the triggers, change one chain, put the triggers back."""
    conn = sqlite3.connect(path)
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'chain_entries'"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    where = "chain = ? AND seq = ?"
    if how == "edit":
        conn.execute(
            f"UPDATE chain_entries SET body = replace(body, '\"', '\"x') WHERE {where}", (chain, 2)
        )
    elif how == "delete":
        conn.execute(f"DELETE FROM chain_entries WHERE {where}", (chain, 2))
    elif how == "reorder":
        conn.execute(f"UPDATE chain_entries SET seq = 100000 WHERE {where}", (chain, 1))
        conn.execute(f"UPDATE chain_entries SET seq = 1 WHERE {where}", (chain, 2))
        conn.execute(f"UPDATE chain_entries SET seq = 2 WHERE {where}", (chain, 100000))
    elif how == "insert":  # a copy of entry 1 slipped in after it, the rest pushed along
        row = conn.execute(f"SELECT {COLUMNS} FROM chain_entries WHERE {where}", (chain, 1))
        entry = ChainEntry(*row.fetchone())
        top = conn.execute("SELECT max(seq) FROM chain_entries WHERE chain = ?", (chain,))
        for seq in range(top.fetchone()[0], 1, -1):
            conn.execute(f"UPDATE chain_entries SET seq = seq + 1 WHERE {where}", (chain, seq))
        conn.execute(
            f"INSERT INTO chain_entries ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry.terminal_id, chain, 2, entry.kind, f"{entry.ref}x", entry.at, entry.key_id,
             entry.sig, entry.body, entry.sig),
        )  # fmt: skip
    for _, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


EXPECTED = {
    "edit": {"edited", "bad_signature"},
    "delete": {"missing"},
    "reorder": {"reordered", "edited", "bad_signature"},
    "insert": {"inserted", "edited", "bad_signature", "reordered"},
}


@pytest.mark.parametrize("how", sorted(EXPECTED))
@pytest.mark.parametrize("chain", CHAINS)
def test_a_change_to_any_chain_is_named_in_that_chain(
    day: Path, tmp_path: Path, chain: str, how: str
) -> None:
    forged = tmp_path / f"{chain}-{how}.db"
    with sqlite3.connect(day) as source, sqlite3.connect(forged) as copy:
        source.backup(copy)  # the whole database, whatever is still in its WAL
    forge(forged, chain, how)
    conn = sqlite3.connect(forged)
    try:
        report = verify(conn)
    finally:
        conn.close()
    assert not report.ok
    broken = {summary.chain: summary.problem for summary in report.chains if summary.problem}
    assert set(broken) == {chain}, report.reason
    assert broken[chain].code in EXPECTED[how], broken[chain].reason
    assert broken[chain].seq in {1, 2}, broken[chain].reason
