"""A Medusa without Comptoir's plugin (its own peer): ``comptoir link-medusa`` says so
and what does not work, the till records it, and a web cart is refused saying why."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pos.domain.cash import count_cash
from pos.domain.errors import PosError
from pos.domain.rights import Right
from pos.domain.till_day import ClosingCount
from pos.services.approvals import Approvals
from pos.services.central_link import cart_calls, read_link
from pos.services.checkout import Checkout
from pos.services.online_cart import OnlineCarts
from pos.services.staff import StaffDirectory
from pos.services.store_summary import summarize
from pos.services.till_session import TillSessions
from pos.store import push_queue
from pos.store.local_store import LocalStore
from sync.engine.pusher import drain
from sync.engine.status import SyncTotals
from sync.medusa import MedusaBackend, MedusaSettings
from sync.medusa.checks import plugin_info
from sync.medusa.http import MedusaHttp
from tests.medusa.helpers import linked_till, separate_peer, settings_values
from tests.medusa.seed import Seed
from tests.support.staff import a_cashier

pytestmark = pytest.mark.medusa


@pytest.fixture(scope="module")
def bare_seed() -> Iterator[Seed]:
    """A second Medusa, seeded like the first, without the plugin."""
    with separate_peer(with_plugin=False) as peer:
        assert peer.seed is not None
        yield peer.seed


def test_link_medusa_says_the_plugin_is_missing_and_what_that_costs(
    bare_seed: Seed, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    version = f"{bare_seed.base_url}/admin/comptoir/version"
    missing = httpx.get(version, auth=(bare_seed.secret_key, ""))
    assert missing.status_code == 404  # what Medusa answers on a route nobody installed
    till = linked_till(bare_seed, tmp_path)

    out = capsys.readouterr().out
    assert "plugin is NOT installed" in out
    assert "web carts cannot be rung up" in out
    with LocalStore(till / "store.db") as store:
        summary = summarize(store, till)
        assert summary.medusa_plugin == ""  # the status bar tells the staff
        assert store.setting("registered_key_id") == ""  # no witness of the signed chains
        checkout = Checkout(store, terminal_id="T01", actor=a_cashier("Inès"))
        calls = cart_calls(till, read_link(store))
        with pytest.raises(PosError) as refused:
            OnlineCarts(calls).load(checkout, "K7M2-Q9XD")
        assert refused.value.code == "cart_needs_plugin"  # not "offline"
        assert "plugin" in refused.value.message
        calls.close()


class _HtmlNotFound(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!DOCTYPE html><html><body><pre>Cannot GET /admin/comptoir/version</pre>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_an_html_404_also_means_not_installed() -> None:
    """A proxy in front of Medusa may answer an unknown route with an HTML page."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _HtmlNotFound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        http_ = MedusaHttp(f"http://127.0.0.1:{server.server_port}", "sk_test", "pk_test")
        try:
            assert plugin_info(http_) is None
        finally:
            http_.close()
    finally:
        server.shutdown()
        server.server_close()


def test_a_till_day_is_refused_by_name_and_kept_without_the_plugin(
    bare_seed: Seed, tmp_path: Path
) -> None:
    """Medusa answers; it has no Comptoir plugin to keep till days, managers' approvals
    nor drawer openings: the till sets them aside with the reason (what to install), never loses
    nor half-sends them."""
    settings = MedusaSettings.from_mapping(settings_values(bare_seed), data_dir=tmp_path)
    with (
        LocalStore(tmp_path / "store.db") as store,
        MedusaBackend(settings, terminal_id="T01") as medusa,
    ):
        directory = StaffDirectory(store)
        nadia = directory.create_first_admin("Nadia", "4321")
        camille = directory.add(nadia, "Camille", "cashier", "1111").actor
        till = TillSessions(store, terminal_id="T01")
        session = till.open(camille, {1000: 10})
        approval = Approvals(directory, terminal_id="T01").approve(
            camille, nadia.staff_id, "4321", Right.CASH_IN_OUT, "cash out 20 €", 2000
        )
        till.cash_out(camille, 2000, "bank_deposit", approval=approval)
        Checkout(store, terminal_id="T01", actor=nadia).open_drawer("change for the baker")
        till.close(nadia, ClosingCount(count_cash({1000: 8})))
        totals = SyncTotals()
        drain(store.conn, medusa, totals)
        everything = push_queue.rejected(store.conn)
        # The fiscal record's entries (events, the Z's closure) are set aside beside them.
        entries = [r for r in everything if r.kind == "chain_entry"]
        assert entries and {r.code for r in entries} == {"not_supported"}
        refused = [r for r in everything if r.kind != "chain_entry"]
        assert [r.kind for r in refused] == [
            "till_session_opened", "approval", "cash_movement", "drawer_opened",
            "till_session_closed",
        ]  # fmt: skip
        assert {r.code for r in refused} == {"not_supported"}
        assert all(
            "no Comptoir plugin keeping till sessions" in r.reason
            for r in refused
            if r.kind not in ("approval", "drawer_opened")
        )
        assert "no Comptoir plugin keeping approvals (install or update it)" in refused[1].reason
        assert "no Comptoir plugin keeping till acts" in refused[3].reason
        assert totals.rejected == 5 + len(entries) and totals.failed_attempts == 0
        assert till.z_report(session.session_id) is not None  # still at the till
