"""Against a Medusa the till cannot reach, its sessions, cash movements and Z reports stay
queued (Comptoir's plugin keeps them once reachable: ``tests/integration/medusa/
test_medusa_till_days.py``); they are not refused for want of a plugin nobody asked
about yet (here nothing listens)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from pos.domain.cash import count_cash
from pos.domain.rights import Actor, Role
from pos.domain.till_day import ClosingCount
from pos.services.till_session import TillSessions
from pos.store import push_queue
from pos.store.local_store import LocalStore
from sync.engine.pusher import drain
from sync.engine.status import SyncTotals
from sync.medusa.backend import MedusaBackend
from sync.medusa.settings import MedusaSettings
from sync.ports import CentralUnavailable

NADIA = Actor("s-nad", "Nadia", Role.MANAGER)


def nowhere() -> str:
    """A 127.0.0.1 address nothing listens on: any call to it fails at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_till_day_operations_wait_for_medusa_and_are_kept(tmp_path: Path) -> None:
    settings = MedusaSettings.from_mapping(
        {"url": nowhere(), "secret_api_key": "sk_test", "publishable_api_key": "pk_test",
         "sales_channel_id": "sc_test", "stock_location_id": "sloc_test",
         "region_id": "reg_test"},
        data_dir=tmp_path,
    )  # fmt: skip
    with LocalStore(tmp_path / "store.db") as store, MedusaBackend(settings) as medusa:
        till = TillSessions(store, terminal_id="T01")
        till.open(NADIA, {1000: 10})
        till.cash_in(NADIA, 500, "change_top_up")
        till.close(NADIA, ClosingCount(count_cash({1000: 10, 500: 1})))
        totals = SyncTotals()
        with pytest.raises(CentralUnavailable):
            drain(store.conn, medusa, totals)
        assert push_queue.rejected(store.conn) == []
        kinds = [kind for (kind,) in store.conn.execute("SELECT kind FROM outbox ORDER BY seq")]
        assert [kind for kind in kinds if kind != "chain_entry"] == [
            "till_session_opened", "cash_movement", "till_session_closed",
        ]  # fmt: skip
        assert push_queue.counts(store.conn).pending == len(kinds)  # sent once Medusa answers
        assert totals.rejected == 0 and totals.failed_attempts == 1
        batch = push_queue.next_batch(store.conn, 20)
        session_id = next(op.op_id for op in batch if op.kind == "till_session_opened")
        assert till.z_report(session_id) is not None  # the Z itself is still there
