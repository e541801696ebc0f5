"""The store defends itself at every open: immutability triggers dropped or altered behind
the app's back are restored and reported by ``comptoir verify-journal`` (a real process),
and the data folder and its files are owner-only, also when an older version left them
readable by everyone."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from test_journal import make_draft

from pos.domain.chain_entry import EVENT
from pos.store import chains, immutability
from pos.store.db import connect
from pos.store.local_store import LocalStore

ROOT = Path(__file__).resolve().parents[3]


def comptoir(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pos", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "COMPTOIR_DATA_DIR": ""},
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def live_triggers(db: Path) -> dict[str, str]:
    raw = sqlite3.connect(db)
    try:
        return dict(raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    finally:
        raw.close()


def shell(db: Path, script: str) -> None:
    """What someone with the sqlite3 shell does, behind the app's back."""
    raw = sqlite3.connect(db)
    raw.executescript(script)
    raw.close()


@pytest.fixture
def store_db(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    with LocalStore(folder / "store.db") as store:
        store.sales.commit(make_draft(1), now="2024-05-02T10:00:00.000Z")
    return folder / "store.db"


def test_a_dropped_trigger_is_restored_at_open_and_reported_by_verify(store_db: Path) -> None:
    shell(store_db, "DROP TRIGGER sales_no_delete; DROP TRIGGER chain_entries_no_update;")
    assert "sales_no_delete" not in live_triggers(store_db)

    with LocalStore(store_db) as store:  # the next open, as the app or the engine does it
        with pytest.raises(sqlite3.IntegrityError, match="immutable"):
            store.conn.execute("DELETE FROM sales")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.conn.execute("UPDATE chain_entries SET body = '{}'")
        assert {"sales_no_delete", "chain_entries_no_update"} <= live_triggers(store_db).keys()
        [event] = immutability.restorations(store.conn)
        assert event.missing == ("chain_entries_no_update", "sales_no_delete")

    verdict = comptoir("--data-dir", str(store_db.parent), "verify-journal")
    assert verdict.returncode == 3, verdict.stdout + verdict.stderr
    assert "sales_no_delete" in verdict.stderr and "chain_entries_no_update" in verdict.stderr
    assert "removed" in verdict.stderr and f"restored at {event.at}" in verdict.stderr


def test_verify_names_a_trigger_dropped_since_the_last_open(store_db: Path) -> None:
    shell(store_db, "DROP TRIGGER sale_vat_no_update;")
    verdict = comptoir("--data-dir", str(store_db.parent), "verify-journal")
    assert verdict.returncode == 3
    assert "sale_vat_no_update" in verdict.stderr
    assert "sale_vat_no_update" in live_triggers(store_db)  # and it is back


def test_an_altered_trigger_is_replaced_by_its_definition(store_db: Path) -> None:
    expected = live_triggers(store_db)["sales_no_update"]
    shell(
        store_db,
        "DROP TRIGGER sales_no_update;"
        "CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales BEGIN SELECT 1; END;",
    )
    conn = connect(store_db)
    try:
        assert " ".join(live_triggers(store_db)["sales_no_update"].split()) == " ".join(
            expected.split()
        )
        [event] = immutability.restorations(conn)
        assert event.altered == ("sales_no_update",) and event.missing == ()
    finally:
        conn.close()
    verdict = comptoir("--data-dir", str(store_db.parent), "verify-journal")
    assert verdict.returncode == 3 and "altered (sales_no_update)" in verdict.stderr


def test_an_intact_store_records_nothing(store_db: Path) -> None:
    with LocalStore(store_db) as store:
        assert immutability.restorations(store.conn) == []
    verdict = comptoir("--data-dir", str(store_db.parent), "verify-journal")
    assert verdict.returncode == 0, verdict.stderr


def test_verify_lists_every_chain_and_records_its_run_in_the_event_journal(
    store_db: Path,
) -> None:
    verdict = comptoir("--data-dir", str(store_db.parent), "verify-journal")
    assert verdict.returncode == 0, verdict.stderr
    assert verdict.stdout.splitlines() == [
        "Legacy journal: 0 entries, intact.",
        "Ticket chain: 1 entry (seq 1), intact.",
        "Duplicate chain: 0 entries, intact.",
        "Closure chain: 0 entries, intact.",
        "Event chain: 0 entries, intact.",
        "Training chain: 0 entries, intact.",
        "Journal intact: 1 entries, perpetual grand total 5,90\xa0€.",
    ]
    shell(store_db, "DROP TRIGGER sales_no_update; UPDATE sales SET total_cents = 1;")
    broken = comptoir("--data-dir", str(store_db.parent), "verify-journal")
    assert broken.returncode == 3
    assert "Ticket chain: 0 entries, BROKEN." in broken.stdout
    assert "Event chain: 1 entry (seq 1), intact." in broken.stdout  # the first run
    with LocalStore(store_db) as store:
        runs = [json.loads(entry.body) for entry in chains.entries(store.conn, EVENT)]
        kinds = [entry.kind for entry in chains.entries(store.conn, EVENT)]
    assert kinds == ["verification_run", "verification_run"]
    assert runs[0]["detail"]["ok"] is True and runs[0]["detail"]["entries"]["ticket"] == 1
    assert runs[1]["detail"]["first_problem"] == {"chain": "ticket", "code": "edited", "seq": 1}


def test_a_fresh_data_folder_is_owner_only(tmp_path: Path) -> None:
    os.umask(0o022)
    folder = tmp_path / "new" / "data"
    verdict = comptoir("--data-dir", str(folder), "verify-journal")
    assert verdict.returncode == 0, verdict.stderr
    assert mode(folder) == 0o700
    files = sorted(p.name for p in folder.iterdir())
    assert "store.db" in files
    for name in files:
        assert mode(folder / name) == 0o600, name


def test_an_old_world_readable_folder_is_fixed_at_open(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with LocalStore(folder / "store.db"):
        pass
    backup = folder / "store.db.v7.bak"
    backup.write_bytes(b"")
    folder.chmod(0o755)
    for path in folder.iterdir():
        path.chmod(0o644)

    with LocalStore(folder / "store.db"):
        assert mode(folder) == 0o700
        for name in ("store.db", "store.db-wal", "store.db-shm", backup.name):
            assert mode(folder / name) == 0o600, name


def test_a_store_in_a_shared_sticky_folder_leaves_the_folder_alone(tmp_path: Path) -> None:
    """As root, /tmp is "ours" too: a store put straight in it must not close it to others."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    conn = connect(shared / "store.db")
    conn.close()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert mode(shared / "store.db") == 0o600
