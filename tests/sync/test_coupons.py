"""Single-use coupons from real tills over the real central (issue 15): reserved at one
till for its sale, refused at another by name; offline, the till says the code needs
central; taken off while central is away, the release waits in the till's file and the
next sync round sends it, so another till can take the code; the sale's push consumes
it for good. Real till files, the real central and a real proxy on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.services.checkout import Checkout
from pos.services.coupons import CouponDesk
from pos.store.local_store import LocalStore
from sync.client import HttpCentral
from tests.central.conftest import LYON
from tests.support.central_server import CentralServer
from tests.support.coupons import coupon_promotion, issue
from tests.support.staff import a_cashier, a_manager
from tests.sync.hostile_proxy import HostileProxy
from tests.sync.terminals import Terminal, open_terminal

CAMILLE = a_cashier("Camille")
INES = a_manager("Inès")  # a basket with lines is cancelled by a manager
CALL_DEADLINE_S = 3.0
STALL_S = 4.0  # a lost answer: held past the till's deadline


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=100) as server:
        yield server


@pytest.fixture
def proxy(central: CentralServer) -> Iterator[HostileProxy]:
    with HostileProxy(central.url) as middle:
        yield middle


class Till:
    """One enrolled till of Lyon: its engine and coupon calls (through ``url``)."""

    def __init__(self, folder: Path, central: CentralServer, terminal_id: str, url: str) -> None:
        token = central.enrol(LYON, terminal_id)
        self.terminal: Terminal = open_terminal(
            folder / terminal_id, central, terminal_id, url=url, token=token, store_id=LYON
        )
        self.store = LocalStore(self.terminal.path)
        self.calls = HttpCentral(url, LYON, terminal_id, token, deadline_s=CALL_DEADLINE_S)
        self.desk = CouponDesk(self.store.conn, LYON, self.calls)
        self.terminal_id = terminal_id
        self.sync()

    def sync(self) -> None:
        status = self.terminal.sync()
        assert (status.state, status.pending, status.rejected) == ("idle", 0, 0), status

    def queued(self) -> list[tuple[str, str]]:
        return self.store.conn.execute("SELECT sale_id, code FROM coupon_releases").fetchall()

    def close(self) -> None:
        self.calls.close()
        self.store.close()
        self.terminal.close()


@pytest.fixture
def tills(tmp_path: Path, central: CentralServer, proxy: HostileProxy) -> Iterator[list[Till]]:
    opened = [
        Till(tmp_path, central, "T61", proxy.url),  # through the proxy: central may vanish
        Till(tmp_path, central, "T62", central.url),
    ]
    yield opened
    for till in opened:
        till.close()


def _fresh_code(central: CentralServer) -> tuple[int, str]:
    promotion_id = coupon_promotion(central, single_use_codes=True)
    [code] = issue(central, promotion_id, count=1)
    return promotion_id, code


def _refusal(desk: CouponDesk, code: str, sale_id: str) -> PosError:
    with pytest.raises(PosError) as refused:
        desk.apply(code, sale_id)
    return refused.value


def test_a_code_reserved_at_one_till_is_refused_at_another(
    central: CentralServer, tills: list[Till]
) -> None:
    first, second = tills
    promotion_id, code = _fresh_code(central)
    applied = first.desk.apply(code.lower(), "sale-a")
    assert (applied.code, applied.token, applied.single_use) == (code, f"#{promotion_id}", True)
    assert first.desk.apply(code, "sale-a") == applied  # asked again for the same sale
    used = _refusal(second.desk, code, "sale-b")
    assert (used.code, used.message) == (
        "coupon_used", "This coupon has been used already, or another sale holds it.",
    )  # fmt: skip
    assert _refusal(second.desk, "NOSUCHCODE", "sale-b").code == "coupon_unknown"
    _expired_id, expired = _fresh_code(central)
    central.admin(
        "PUT", f"/v1/admin/promotions/{_expired_id}",
        json={"name": "Fini", "kind": "percent", "value": 1000, "skus": ["SKU0000010"],
              "starts_at": "2020-01-01T00:00:00.000Z", "ends_at": "2021-01-01T00:00:00.000Z",
              "single_use_codes": True},
    ).raise_for_status()  # fmt: skip
    assert _refusal(second.desk, expired, "sale-b").code == "coupon_expired"


def test_offline_a_single_use_code_needs_central(
    central: CentralServer, tills: list[Till], proxy: HostileProxy
) -> None:
    _promotion_id, code = _fresh_code(central)
    proxy.mode = "html_502"  # central away for the first till
    refused = _refusal(tills[0].desk, code, "sale-c")
    assert refused.code == "coupon_needs_central"
    assert refused.message == (
        "This code must be checked by the central server; try again when online."
    )
    proxy.mode = "forward"
    assert tills[1].desk.apply(code, "sale-d").single_use  # nothing was held meanwhile


def test_a_release_made_while_central_is_away_is_sent_at_the_next_round(
    central: CentralServer, tills: list[Till], proxy: HostileProxy
) -> None:
    first, second = tills
    _promotion_id, code = _fresh_code(central)
    applied = first.desk.apply(code, "sale-e")
    proxy.mode = "html_502"  # the coupon is taken off while central cannot be reached
    first.desk.remove(applied, "sale-e")
    assert first.queued() == [("sale-e", code)]
    assert _refusal(second.desk, code, "sale-f").code == "coupon_used"  # still held
    proxy.mode = "forward"  # central is back: one round sends the release
    first.sync()
    assert first.queued() == []
    assert second.desk.apply(code, "sale-f").code == code


def test_the_sales_push_consumes_its_code(central: CentralServer, tills: list[Till]) -> None:
    first, second = tills
    _promotion_id, code = _fresh_code(central)
    checkout = Checkout(first.store, terminal_id=first.terminal_id, actor=CAMILLE)
    sale_id = checkout.sale_id  # the sale the code is reserved for (the till's own id)
    applied = first.desk.apply(code, sale_id)
    checkout.add_product(10, 1)
    checkout.add_tender("card", checkout.totals().total_cents, "CB-61")
    assert checkout.complete().sale_id == sale_id
    first.sync()  # the push consumes the reservation
    first.desk.remove(applied, sale_id)  # too late: central keeps it used
    assert first.queued() == []
    assert _refusal(second.desk, code, "sale-g").code == "coupon_used"


def test_a_cancelled_sale_frees_its_code_when_its_cancellation_is_pushed(
    central: CentralServer, tills: list[Till]
) -> None:
    """Should the till's own release never come (lost, or the till crashed after the
    cancellation was committed), the pushed ``sale_cancelled`` frees the code."""
    first, second = tills
    _promotion_id, code = _fresh_code(central)
    checkout = Checkout(first.store, terminal_id=first.terminal_id, actor=INES)
    first.desk.apply(code, checkout.sale_id)
    checkout.add_product(10, 1)
    checkout.cancel()  # no release sent: only the outbox knows
    assert _refusal(second.desk, code, "sale-h").code == "coupon_used"
    first.sync()
    assert second.desk.apply(code, "sale-h").code == code


def test_a_reservation_whose_answer_was_lost_is_given_back_unless_applied_again(
    central: CentralServer, tills: list[Till], proxy: HostileProxy
) -> None:
    """The reservation reaches central, its answer does not: the till said the code
    needs central, so the sale goes on without it, and its push must not consume it."""
    first, second = tills
    _promotion_id, lost = _fresh_code(central)
    _promotion_id, retried = _fresh_code(central)
    checkout = Checkout(first.store, terminal_id=first.terminal_id, actor=CAMILLE)
    proxy.stall_s, proxy.stall_rate = STALL_S, 1.0  # central reserves, the answer is lost
    for code in (lost, retried):
        assert _refusal(first.desk, code, checkout.sale_id).code == "coupon_needs_central"
    proxy.stall_rate = 0.0
    assert first.desk.apply(retried, checkout.sale_id).code == retried  # the cashier retried
    assert first.queued() == [(checkout.sale_id, lost)]
    checkout.add_product(10, 1)
    checkout.add_tender("card", checkout.totals().total_cents, "CB-61")
    checkout.complete()
    first.sync()  # the lost one is given back before the sale is pushed
    assert first.queued() == []
    assert second.desk.apply(lost, "sale-i").code == lost
    assert _refusal(second.desk, retried, "sale-i").code == "coupon_used"
