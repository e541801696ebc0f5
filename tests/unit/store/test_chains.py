"""The signed chains: entries append and verify, and each kind of tampering made with a
plain sqlite3 connection (triggers dropped) is named at the right entry, for the right
reason. Each test fails if the protection it names is removed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos.domain.chain_entry import (
    CHAINS,
    EVENT,
    GENESIS,
    TICKET,
    ChainEntry,
    key_id_of,
    verify_entry,
)
from pos.store import chains
from pos.store.db import connect, write_transaction
from pos.store.migrations import migrate
from pos.store.signing_key import KeyStore, SigningKey

INSERT_ENTRY = (
    "INSERT INTO chain_entries (terminal_id, chain, seq, kind, ref, at, key_id, prev, body, "
    "sig) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
AT = "2026-12-06T10:00:{:02d}Z"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    conn = connect(path)
    migrate(conn, path)
    key = KeyStore(tmp_path, use_keyring=False).current()
    for n in range(1, 6):
        for chain in (EVENT, TICKET):
            with write_transaction(conn):
                chains.append(
                    conn,
                    key,
                    chain=chain,
                    kind="test",
                    body=f'{{"n":{n}}}',
                    terminal_id="T01",
                    at=AT.format(n),
                    ref=f"{chain}-{n}",
                )
    conn.close()
    return path


def shell(path: Path, *sql: str) -> None:
    """What an attacker with the sqlite3 shell does: drop the triggers, then edit."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER chain_entries_no_update")
    conn.execute("DROP TRIGGER chain_entries_no_delete")
    conn.execute("DROP TRIGGER IF EXISTS terminal_keys_no_delete")
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def walk(path: Path, chain: str = EVENT) -> chains.ChainReport:
    conn = sqlite3.connect(path)
    try:
        return chains.walk(conn, chain)
    finally:
        conn.close()


def test_untouched_chains_verify_and_each_entry_is_signed_over_its_predecessor(db: Path) -> None:
    for chain in (EVENT, TICKET):
        report = walk(db, chain)
        assert (report.entries, report.first_seq, report.last_seq, report.problem) == (
            5,
            1,
            5,
            None,
        )
    conn = sqlite3.connect(db)
    listed = list(chains.entries(conn, EVENT))
    assert listed[0].prev == GENESIS
    assert [e.prev for e in listed[1:]] == [e.sig for e in listed[:-1]]
    pem = chains.keys(conn)[0].public_pem
    assert all(verify_entry(pem, e) for e in listed)
    assert walk(db, "closure").entries == 0


def test_the_triggers_refuse_edits(db: Path) -> None:
    conn = sqlite3.connect(db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE chain_entries SET body = '{}' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM chain_entries WHERE seq = 5")


def test_an_edited_body_is_named(db: Path) -> None:
    shell(db, "UPDATE chain_entries SET body = '{\"n\":99}' WHERE chain = 'event' AND seq = 3")
    problem = walk(db).problem
    assert problem and (problem.seq, problem.code) == (3, "edited")
    assert walk(db, TICKET).problem is None  # the other chain is untouched


def test_a_deleted_entry_is_named(db: Path) -> None:
    shell(db, "DELETE FROM chain_entries WHERE chain = 'event' AND seq = 2")
    problem = walk(db).problem
    assert problem and (problem.seq, problem.code) == (2, "missing")


def test_a_deleted_tail_then_a_forged_entry_needs_the_key(db: Path) -> None:
    """Deleting the last entries is invisible to the walk alone (the README says so: the
    central witness and the archives catch it); appending after them needs the key."""
    shell(db, "DELETE FROM chain_entries WHERE chain = 'event' AND seq >= 4")
    assert walk(db).problem is None
    conn = sqlite3.connect(db)
    head = chains.head(conn, EVENT)
    assert head is not None
    registered = chains.keys(conn)[0].key_id  # claimed, but signed with another key
    forged = ChainEntry("T01", EVENT, 4, "test", "", AT.format(9), registered, head.sig, "{}")
    forged = forged.signed(SigningKey.generate().sign(forged.signed_bytes()))
    conn.execute(
        INSERT_ENTRY,
        (forged.terminal_id, forged.chain, forged.seq, forged.kind, forged.ref, forged.at,
         forged.key_id, forged.prev, forged.body, forged.sig),
    )  # fmt: skip
    conn.commit()
    conn.close()
    problem = walk(db).problem
    assert problem and (problem.seq, problem.code) == (4, "edited")


def test_swapped_entries_are_named(db: Path) -> None:
    shell(
        db,
        "UPDATE chain_entries SET seq = 100 WHERE chain = 'event' AND seq = 2",
        "UPDATE chain_entries SET seq = 2 WHERE chain = 'event' AND seq = 3",
        "UPDATE chain_entries SET seq = 3 WHERE chain = 'event' AND seq = 100",
    )
    problem = walk(db).problem
    assert problem and problem.seq == 2 and problem.code in {"reordered", "edited"}


def test_a_chain_rebuilt_with_a_fresh_key_is_caught_by_the_registered_key(db: Path) -> None:
    """The attacker re-signs every entry consistently with a key of their own: every link
    and signature holds, but the key is not the terminal's registered one."""
    conn = sqlite3.connect(db)
    rebuilt, prev = [], GENESIS
    fresh = SigningKey.generate()
    for entry in list(chains.entries(conn, EVENT)):
        body = entry.body.replace("3", "33")
        new = ChainEntry(entry.terminal_id, EVENT, entry.seq, entry.kind, entry.ref, entry.at,
                         fresh.key_id, prev, body)  # fmt: skip
        new = new.signed(fresh.sign(new.signed_bytes()))
        rebuilt.append(new)
        prev = new.sig
    conn.close()
    statements = ["DELETE FROM chain_entries WHERE chain = 'event'"]
    shell(db, *statements)
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER IF EXISTS chain_entries_no_update")
    conn.executemany(
        INSERT_ENTRY,
        [(e.terminal_id, e.chain, e.seq, e.kind, e.ref, e.at, e.key_id, e.prev, e.body, e.sig)
         for e in rebuilt],
    )  # fmt: skip
    conn.commit()
    conn.close()
    problem = walk(db).problem
    assert problem and (problem.seq, problem.code) == (1, "unknown_key")
    # Listing the fresh key as a second root does not help: no earlier key introduced it.
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO terminal_keys VALUES (?, ?, ?, '', '')",
        (fresh.key_id, fresh.public_pem, "2026-12-07T00:00:00Z"),
    )
    conn.commit()
    conn.close()
    problem = walk(db).problem
    assert problem and problem.code == "unknown_key" and "introduced" in problem.reason


def test_a_key_introduced_by_the_previous_one_takes_over(tmp_path: Path, db: Path) -> None:
    conn = connect(db)
    store = KeyStore(db.parent, use_keyring=False)
    old, new = store.rotate()
    with write_transaction(conn):
        chains.introduce_key(conn, old, new, AT.format(30))
        chains.append(
            conn, new, chain=EVENT, kind="test", body="{}", terminal_id="T01", at=AT.format(31)
        )
    conn.close()
    assert walk(db).entries == 6 and walk(db).problem is None
    assert KeyStore(db.parent, use_keyring=False).current().key_id == new.key_id
    # A forged introduction (signed by the new key itself) is refused.
    shell(db, f"DELETE FROM terminal_keys WHERE key_id = '{new.key_id}'")
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO terminal_keys VALUES (?, ?, ?, ?, ?)",
        (new.key_id, new.public_pem, AT.format(30), old.key_id, new.sign(b"forged")),
    )
    conn.commit()
    conn.close()
    problem = walk(db).problem
    assert problem and (problem.seq, problem.code) == (6, "unknown_key")


def test_the_ticket_chain_continues_the_legacy_journal(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    conn = connect(path)
    migrate(conn, path)
    conn.execute("DROP TRIGGER IF EXISTS journal_no_insert")
    conn.execute(
        "INSERT INTO journal VALUES (1, 's1', 'T01', 1, 100, 100, ?, ?, ?)",
        ("0" * 64, "a" * 64, AT.format(0)),
    )
    key = KeyStore(tmp_path, use_keyring=False).current()
    with write_transaction(conn):
        entry = chains.append(
            conn, key, chain=TICKET, kind="sale", body="{}", terminal_id="T01", at=AT.format(1)
        )
    assert (entry.seq, entry.prev) == (2, "sha256:" + "a" * 64)
    assert chains.walk(conn, TICKET).problem is None
    conn.close()


def test_the_key_is_owner_only_and_stable(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, use_keyring=False)
    key = store.current()
    assert (store.path.stat().st_mode & 0o777) == 0o600
    assert (
        KeyStore(tmp_path, use_keyring=False).current().key_id
        == key.key_id
        == key_id_of(key.public_pem)
    )
    assert "PRIVATE" not in repr(key)


def test_every_chain_name_is_accepted_by_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    conn = connect(path)
    migrate(conn, path)
    key = KeyStore(tmp_path, use_keyring=False).current()
    with write_transaction(conn):
        for chain in CHAINS:
            chains.append(
                conn, key, chain=chain, kind="k", body="{}", terminal_id="T", at=AT.format(0)
            )
    assert all(chains.walk(conn, chain).entries == 1 for chain in CHAINS)
    conn.close()
