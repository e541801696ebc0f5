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
    assert ok.returncode == 0 and "Journal intact: 80 entries" in ok.stdout

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
    assert "Entry 33 (ticket 33" in broken.stderr and "altered" in broken.stderr


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
