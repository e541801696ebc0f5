"""A return claim whose release failed is retried: a till claims a return through a
proxy that lets the claim reach central and loses its answer, the cashier cancels
while central cannot be reached, and the claim would hold the article for 24 hours.
The release waits in the till's file and the next sync round sends it: another till can
then return the article at once. Real tills, the real central and a real proxy on
127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.domain.returns import ReturnReason
from pos.domain.rights import Actor
from pos.services.checkout import Checkout
from pos.services.returns import ReturnDesk
from pos.store.local_store import LocalStore
from pos.store.sale_codec import utc_now
from sync.client import HttpCentral
from tests.central.conftest import LYON
from tests.support.central_server import CentralServer
from tests.support.staff import a_cashier, a_manager
from tests.sync.hostile_proxy import HostileProxy
from tests.sync.terminals import Terminal, open_terminal

WHY = ReturnReason.CHANGED_MIND
CAMILLE = a_cashier("Camille")
INES = a_manager("Inès")  # a basket with lines is cancelled by a manager
PRODUCT = 61
#: The returning till's calls give up after this; the proxy holds the lost answer longer.
CALL_DEADLINE_S = 3.0
STALL_S = 30.0


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=100) as server:
        yield server


@pytest.fixture
def proxy(central: CentralServer) -> Iterator[HostileProxy]:
    with HostileProxy(central.url) as middle:
        middle.stall_s = STALL_S
        yield middle


class Till:
    """One enrolled till of Lyon: its engine (through ``url``), store and return calls."""

    def __init__(self, folder: Path, central: CentralServer, terminal_id: str, url: str) -> None:
        token = central.enrol(LYON, terminal_id)
        self.terminal: Terminal = open_terminal(
            folder / terminal_id, central, terminal_id, url=url, token=token, store_id=LYON
        )
        self.store = LocalStore(self.terminal.path)
        self.calls = HttpCentral(url, LYON, terminal_id, token, deadline_s=CALL_DEADLINE_S)
        self.terminal_id = terminal_id
        self.sync()

    def sync(self) -> None:
        status = self.terminal.sync()
        assert (status.state, status.pending, status.rejected) == ("idle", 0, 0), (
            status,
            self.set_aside(),
        )

    def desk(self, actor: Actor = CAMILLE) -> ReturnDesk:
        checkout = Checkout(self.store, terminal_id=self.terminal_id, actor=actor)
        return ReturnDesk(checkout, calls=self.calls, store_id=LYON)

    def set_aside(self) -> list[tuple[str, str]]:
        """What central refused by name (a cancelled return ticket was, before)."""
        sql = "SELECT kind, last_error FROM outbox WHERE rejected_at IS NOT NULL"
        return self.store.conn.execute(sql).fetchall()

    def queued_releases(self) -> list[str]:
        rows = self.store.conn.execute("SELECT return_id FROM claim_releases").fetchall()
        return [row[0] for row in rows]

    def close(self) -> None:
        self.calls.close()
        self.store.close()
        self.terminal.close()


@pytest.fixture
def tills(tmp_path: Path, central: CentralServer, proxy: HostileProxy) -> Iterator[list[Till]]:
    opened = [
        Till(tmp_path, central, "T51", central.url),  # sells
        Till(tmp_path, central, "T52", proxy.url),  # returns through the proxy
        Till(tmp_path, central, "T53", central.url),  # returns after the release
    ]
    yield opened
    for till in opened:
        till.close()


def _sell(till: Till) -> str:
    checkout = Checkout(till.store, terminal_id=till.terminal_id, actor=CAMILLE)
    checkout.add_product(PRODUCT, 1)
    checkout.add_tender("card", checkout.totals().total_cents, "CB-51")
    sale_id = checkout.complete().sale_id
    till.sync()
    return sale_id


def _returned(till: Till, sale_id: str) -> int:
    """What central counts as taken back of the sale's line (claims included)."""
    return till.calls.find_origin(sale_id).lines[0].returned_quantity


def test_a_claim_released_while_central_is_away_is_sent_at_the_next_round(
    tills: list[Till], proxy: HostileProxy
) -> None:
    seller, returner, other = tills
    sale_id = _sell(seller)
    desk = returner.desk(INES)
    assert desk.find(sale_id).source == "central"
    desk.return_line(sale_id, 1, 1, WHY)
    desk.refund(desk.propose_refund())
    claim_id = desk.checkout.sale_id
    proxy.stall_rate = 1.0  # the claim reaches central, its answer is lost
    with pytest.raises(PosError) as refused:
        desk.complete()
    proxy.stall_rate = 0.0
    assert refused.value.code == "offline_unknown_sale"  # another till's sale: not offline
    assert _returned(seller, sale_id) == 1  # central holds the claim

    proxy.mode = "html_502"  # central away for the returning till
    desk.cancel()
    assert returner.queued_releases() == [claim_id]
    assert _returned(seller, sale_id) == 1  # still held: nothing reached central
    with pytest.raises(PosError) as held:
        other.desk().find(sale_id)
    assert held.value.code == "already_returned"

    proxy.mode = "forward"  # central is back
    returner.sync()
    assert returner.queued_releases() == []
    assert _returned(seller, sale_id) == 0
    again = other.desk()  # the article is returnable again at once, at another till
    again.find(sale_id)
    again.return_line(sale_id, 1, 1, WHY)
    again.refund(again.propose_refund())
    assert again.complete().draft.total_cents < 0
    assert _returned(seller, sale_id) == 1


def test_a_release_central_does_not_know_counts_as_done(tills: list[Till]) -> None:
    """A claim that never reached central (or was released already): one round clears it."""
    returner = tills[1]
    returner.store.conn.execute(
        "INSERT INTO claim_releases (return_id, queued_at) VALUES (?, ?)",
        ("0d8a4f0e-0000-4000-8000-000000000001", utc_now()),
    )
    returner.sync()
    assert returner.queued_releases() == []
