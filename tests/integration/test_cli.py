"""The ``comptoir`` commands as a store's staff or a script runs them: real processes."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def comptoir(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pos", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


def test_demo_then_verify_then_tamper_is_caught(tmp_path: Path) -> None:
    built = comptoir("--data-dir", str(tmp_path), "demo", "--products", "800", "--days", "2")
    assert built.returncode == 0, built.stderr
    assert "800 products" in built.stdout and "80 past sales" in built.stdout
    ok = comptoir("--data-dir", str(tmp_path), "verify-journal")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines()[:2] == [
        "Legacy journal: 0 entries, intact.",
        "Ticket chain: 80 entries (seq 1–80), intact.",
    ]
    assert "Journal intact: 80 entries" in ok.stdout

    again = comptoir("--data-dir", str(tmp_path), "demo")
    assert again.returncode == 1 and "already has data" in again.stderr

    shell = sqlite3.connect(tmp_path / "store.db")  # what someone with the sqlite3 shell does
    shell.executescript(
        "DROP TRIGGER sale_tenders_no_update;"
        "UPDATE sale_tenders SET amount_cents = amount_cents - 100 "
        "WHERE sale_id = (SELECT id FROM sales WHERE ticket_no = 33);"
    )
    shell.close()
    broken = comptoir("--data-dir", str(tmp_path), "verify-journal")
    assert broken.returncode == 3
    assert "Ticket entry 33 (sale " in broken.stderr and "altered" in broken.stderr
    assert "Ticket chain: 32 entries (seq 1–32), BROKEN." in broken.stdout


def test_data_dir_from_the_environment_keeps_tills_apart(tmp_path: Path) -> None:
    first, second = tmp_path / "till1", tmp_path / "till2"
    assert (
        comptoir(
            "demo", "--products", "50", "--days", "0", env={"COMPTOIR_DATA_DIR": str(first)}
        ).returncode
        == 0
    )
    assert (first / "store.db").exists() and not second.exists()
    empty = comptoir("--data-dir", str(second), "verify-journal")
    assert empty.returncode == 0 and "0 entries" in empty.stdout


def test_a_corrupted_database_gets_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "store.db").write_bytes(b"this is not a database" * 100)
    result = comptoir("--data-dir", str(tmp_path), "verify-journal")
    assert result.returncode == 1
    assert "damaged" in result.stderr and "Traceback" not in result.stderr


def test_sync_names_what_central_refused_and_warned_about_and_exits_non_zero(
    tmp_path: Path,
) -> None:
    from pos.store import outbox, push_queue
    from pos.store.local_store import LocalStore
    from tests.support.central_server import CentralServer
    from tests.sync.sales_factory import make_sales

    till = tmp_path / "till"
    with CentralServer(tmp_path / "central.db", products=300) as central:
        store = "lyon-part-dieu"
        enrolled = comptoir(
            "--data-dir", str(till), "enrol", central.url, store, f"demo-{store}",
            "--terminal", "T01",
        )  # fmt: skip
        assert enrolled.returncode == 0, enrolled.stderr
        assert comptoir("--data-dir", str(till), "sync").returncode == 0  # the catalog
        sales = make_sales(till / "store.db", 4)
        with LocalStore(till / "store.db") as local:
            movement = {"delta": -1, "product_id": 999_999, "reason": "breakage", "sku": "NOPE"}
            outbox.enqueue(local.conn, "mv-unknown", "stock_movement", movement)
            outbox.enqueue(local.conn, "bad id", "stock_movement", movement)
            # refused at an earlier round: central will see a gap in the journal after it
            push_queue.settle(local.conn, [], [push_queue.Rejection(sales[0], "x", "Earlier.")])
        result = comptoir("--data-dir", str(till), "sync")
        assert central.stats()["sales"] == 3
    print(result.stdout)  # the report quotes it
    assert result.returncode == 4, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "idle: 3 sent, 0 already known, 2 refused, 3 set aside in all, 0 waiting;"
    )
    assert "Refused by the central API (set aside): 2" in lines
    assert any(
        "mv-unknown: unknown_product: Central knows no product 999999." in line for line in lines
    )
    assert any("bad id: unsendable:" in line for line in lines)
    assert "Warnings from the central API: 1" in lines
    assert any(f"{sales[1]}: chain_break: Central found a break" in line for line in lines)

    listed = comptoir("--data-dir", str(till), "outbox", "list")
    assert listed.returncode == 4
    assert "Set aside: 3 (waiting to be sent: 0)" in listed.stdout
    assert "unknown_product" in listed.stdout and "chain_break" in listed.stdout
    requeued = comptoir("--data-dir", str(till), "outbox", "requeue", "--all")
    assert (requeued.returncode, requeued.stdout.strip()) == (
        0, "3 operations back in the queue; the next sync sends them.",
    )  # fmt: skip
    listed = comptoir("--data-dir", str(till), "outbox", "list")
    assert listed.returncode == 0 and "Set aside: 0 (waiting to be sent: 3)" in listed.stdout
