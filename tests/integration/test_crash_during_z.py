"""A power cut during a Z: the till process is SIGKILLed inside the close's transaction
(after the Z report is written, or at its COMMIT). The session is then still open with
no Z, no Z tender rows and no Z in the outbox — never half closed — and closing again
works."""

from pathlib import Path

import pytest

from pos.domain.cash import count_cash
from pos.domain.rights import Actor, Role
from pos.domain.till_day import ClosingCount
from pos.services.till_session import TillSessions
from pos.store.local_store import LocalStore
from tests.support.writer_process import start_writer

WRITER = Path(__file__).with_name("z_writer.py")
NADIA = Actor("s-nad", "Nadia", Role.MANAGER)


@pytest.mark.parametrize(
    "statement", ["INSERT INTO z_report_tenders", "UPDATE till_session", "COMMIT"]
)
def test_a_kill_inside_the_z_leaves_the_session_open_and_whole(
    tmp_path: Path, statement: str
) -> None:
    db = tmp_path / "store.db"
    proc = start_writer(WRITER, db, statement)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -9, err
    assert out.splitlines() == ["OPEN"]  # killed before the close returned
    with LocalStore(db) as store:
        till = TillSessions(store, terminal_id="T01")
        session = till.current()
        conn = store.conn
        assert session is not None and session.status == "open"
        for table in ("z_report", "z_report_tenders"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        kinds = [row[0] for row in conn.execute("SELECT kind FROM outbox ORDER BY seq")]
        assert [kind for kind in kinds if kind != "chain_entry"] == [
            "till_session_opened", "cash_movement",
        ]  # fmt: skip
        # The JET's entry of the Z committed with it or not at all: not at all.
        events = [row[0] for row in conn.execute("SELECT kind FROM chain_entries ORDER BY seq")]
        assert events == ["session_opened"]
        z = till.close(NADIA, ClosingCount(count_cash({1000: 8})))
        assert z["cash_expected_cents"] == 8000 and till.current() is None
