"""A till killed (SIGKILL, a real process) while it closes its session: the session is
then closed with its Z and its closure chain entry, or open with neither, never half; an
open one closes normally afterwards, once. The kill lands at a chosen statement of the
closing transaction (the victim kills itself from SQLite's trace callback), so the test
does not depend on timing; each run takes about a second.
"""

import json
from pathlib import Path

import pytest

from pos.domain.cash import count_cash
from pos.domain.rights import Actor, Role
from pos.domain.tenders import TenderKind
from pos.domain.till_day import ClosingCount
from pos.services.checkout import Checkout
from pos.services.till_session import TillSessions
from pos.store import chains
from pos.store.catalog_loader import load_catalog
from pos.store.local_store import LocalStore
from resources.demo.catalog import DEPARTMENTS, demo_products
from tests.support.writer_process import kill_and_read, start_writer

WRITER = Path(__file__).with_name("closure_writer.py")
CAMILLE = Actor("s-cam", "Camille", Role.CASHIER)
FLOAT = {2000: 5, 1000: 5}


def a_day_to_close(db: Path) -> str:
    """A store with an open session and two card sales in it."""
    items = [item for item in demo_products(200, seed=3) if item.sold_by == "unit"]
    with LocalStore(db) as store:
        load_catalog(store.conn, DEPARTMENTS, items)
        sessions = TillSessions(store, terminal_id="T01")
        session = sessions.open(CAMILLE, FLOAT)
        checkout = Checkout(store, terminal_id="T01", actor=CAMILLE, session_gate=sessions)
        for item in items[:2]:
            checkout.scan(item.barcodes[0])
            checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
            checkout.complete()
        checkout.close()
    return session.session_id


def state(store: LocalStore, session_id: str) -> tuple[str, int, int, int]:
    """(session status, Z reports, day closures naming it, queued closure entries)."""
    conn = store.conn
    status = conn.execute(
        "SELECT status FROM till_session WHERE session_id = ?", (session_id,)
    ).fetchone()[0]
    zs = conn.execute("SELECT count(*) FROM z_report WHERE session_id = ?", (session_id,))
    sealed = [
        json.loads(entry.body)["session_id"] for entry in chains.entries(conn, "closure")
    ].count(session_id)
    queued = conn.execute(
        "SELECT count(*) FROM outbox WHERE op_id LIKE 'chain:T01:closure:%'"
    ).fetchone()[0]
    return status, zs.fetchone()[0], sealed, queued


@pytest.mark.parametrize("point", ["z", "closure", "event", "commit", "after"])
def test_a_kill_during_a_closure_leaves_it_closed_or_not_never_half(tmp_path: Path, point):
    db = tmp_path / "store.db"
    session_id = a_day_to_close(db)
    proc = start_writer(WRITER, db, point)
    assert proc.stdout is not None
    said = []
    for line in proc.stdout:  # to its death, or to CLOSED (then it waits for the kill)
        said.append(line.strip())
        if said[-1] == "CLOSED":
            break
    out, err = kill_and_read(proc)
    said += out.split()
    with LocalStore(db) as store:
        found = state(store, session_id)
        if point == "after":
            assert "CLOSED" in said and found == ("closed", 1, 1, 1)
        else:
            assert "CLOSED" not in said and found == ("open", 0, 0, 0), err
            sessions = TillSessions(store, terminal_id="T01")
            card = sessions.x_report().expected("card")
            sessions.close(CAMILLE, ClosingCount(count_cash(FLOAT), {"card": card}))
            assert state(store, session_id) == ("closed", 1, 1, 1)
        for chain in ("closure", "event", "ticket"):
            assert chains.walk(store.conn, chain).problem is None
