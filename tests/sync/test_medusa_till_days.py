"""Against Medusa, a till's sessions, cash movements and Z reports are refused by name
("not supported by this backend yet") and set aside at the till — never lost, never
sent: the adapter answers them without calling Medusa at all (here nothing listens)."""

from __future__ import annotations

import socket
from pathlib import Path

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

NADIA = Actor("s-nad", "Nadia", Role.MANAGER)


def nowhere() -> str:
    """A 127.0.0.1 address nothing listens on: any call to it fails at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_till_day_operations_are_set_aside_with_the_reason_and_kept(tmp_path: Path) -> None:
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
        drain(store.conn, medusa, totals)
        refused = push_queue.rejected(store.conn)
        assert [r.kind for r in refused] == [
            "till_session_opened", "cash_movement", "till_session_closed",
        ]  # fmt: skip
        assert {r.code for r in refused} == {"not_supported"}
        assert all("not supported by this backend yet" in r.reason for r in refused)
        assert totals.rejected == 3 and totals.failed_attempts == 0
        assert push_queue.counts(store.conn).rejected == 3  # the till's status bar count
        assert till.z_report(refused[0].op_id) is not None  # the Z itself is still there
