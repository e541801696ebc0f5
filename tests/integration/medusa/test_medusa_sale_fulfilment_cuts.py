"""A sale whose fulfilment a killed Medusa cut half-way is finished once (issue 11).

A fresh sale is one workflow (``comptoir-record-sale``, the plugin's ``lean.ts``) whose
steps commit one by one: the fulfilment, its registration on the order, the
order↔fulfilment link, the stock taken at our location, the reservations deleted. A
killed Medusa forgets the run and compensates nothing. Each test cuts a real sale at one
of those points: a PostgreSQL trigger holds the next step's first write (inside its
transaction, so it never commits), Medusa is SIGKILLed while it waits, and the till pushes
the sale again to a restarted Medusa. No timing: the test waits for the held write.

Without the resume's care (the levels saved before the run, the orphan fulfilment found
by its items), a cut before the link fulfilled the sale a second time (two fulfilments,
the stock taken twice) and a cut after it left the stock untaken or the reservations held.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

import pytest

from pos.domain.basket import Basket
from pos.domain.tenders import Payment, TenderKind
from sync.ports import CentralUnavailable
from tests.medusa.exact_sales import PRODUCTS, TillChain, add_products, plugin_orders, product_of
from tests.medusa.helpers import catalog_by_sku, level_at, psql

pytestmark = pytest.mark.medusa

#: What the sale takes at our location.
SOLD = {"EXACT-BISCUITS": 2, "EXACT-TORCHON": 1}

#: The held statements; a restarted Medusa takes over the dead one's claim within 10 s.
WAIT_S = 60.0

#: A row trigger holding its statement (and so its transaction) once this sale's
#: fulfilment exists: the cut is "after the fulfilment, before this write commits".
HOLD = """
create or replace function comptoir_test_hold() returns trigger language plpgsql as $$
begin
  if exists (select 1 from fulfillment where created_at >= '{since}') then
    perform pg_sleep(600);
  end if;
  return coalesce(new, old);
end $$;
"""

#: The first write of each of Medusa's fulfilment steps after the fulfilment itself.
ADJUSTMENT = (
    "inventory_level",
    "before update",
    "when (old.stocked_quantity is distinct from new.stocked_quantity)",
)
LINK = ("order_fulfillment", "before insert", "")
RESERVATIONS = ("reservation_item", "before update", "")
REGISTRATION = ("order_change", "before insert", "")

#: The sale's order, and a count that is not 0 once a fulfilment step committed.
SALE_ORDER = "select id from \"order\" where metadata->>'comptoir_sale_id' = '{sale}'"
DONE = {
    "link": "select count(*) from order_fulfillment where order_id = ({sale})",
    "registration": (
        "select count(*) from order_change_action where order_id = ({sale})"
        " and action = 'FULFILL_ITEM'"
    ),
    "reservations": (
        "select count(*) from reservation_item where deleted_at is not null and line_item_id in"
        " (select item_id from order_item where order_id = ({sale}))"
    ),
}


@pytest.fixture(scope="module")
def products(medusa_peer, admin, seed):
    add_products(admin, seed)
    return {sku for sku, *_ in PRODUCTS}


@pytest.fixture
def catalog(products, backend):
    items = catalog_by_sku(backend)
    return {sku: product_of(items[sku]) for sku in products}


def _sale(catalog, sale_id: str):
    basket = Basket()
    for sku, quantity in SOLD.items():
        basket.add(catalog[sku], quantity)
    payment = Payment(basket.totals().total_cents)
    payment.add(TenderKind.CARD, payment.total_cents)
    return TillChain(terminal_id="T-cut").operation(sale_id, basket, payment)  # op id: sale id


@contextlib.contextmanager
def _held(peer, *writes: tuple[str, str, str]) -> Iterator[None]:
    """Holds ``writes`` once a fulfilment exists; on leaving, the holding transactions are
    ended (rolled back: their Medusa is dead by then) and the triggers dropped."""
    [[since]] = psql(peer, "select now()")
    statements = [HOLD.format(since=since)]
    for n, (table, timing, condition) in enumerate(writes):
        statements.append(
            f'create trigger comptoir_test_hold_{n} {timing} on "{table}" for each row'
            f" {condition} execute function comptoir_test_hold();"
        )
    psql(peer, "\n".join(statements))
    try:
        yield
    finally:
        psql(
            peer,
            "select pg_terminate_backend(pid) from pg_stat_activity where wait_event = 'PgSleep'",
        )
        drops = [
            f'drop trigger if exists comptoir_test_hold_{n} on "{table}";'
            for n, (table, _, _) in enumerate(writes)
        ]
        psql(peer, "\n".join([*drops, "drop function if exists comptoir_test_hold();"]))


def _wait_for(peer, sql: str, what: str) -> None:
    limit = time.monotonic() + WAIT_S
    while int(psql(peer, sql)[0][0]) == 0:
        assert time.monotonic() < limit, f"never saw {what}"
        time.sleep(0.1)


def _cut_and_resume(peer, backend, operation, writes, *, done: tuple[str, ...] = ()):
    """Pushes ``operation``, kills Medusa while ``writes`` are held (and once the steps
    ``done`` names have committed), restarts it and pushes again: the second answer."""
    with _held(peer, *writes):
        pusher = threading.Thread(target=_push_ignoring_failure, args=(backend, [operation]))
        pusher.start()
        _wait_for(
            peer,
            "select count(*) from pg_stat_activity where wait_event = 'PgSleep'",
            "a held write",
        )
        for step in done:
            _wait_for(peer, DONE[step].format(sale=SALE_ORDER.format(sale=operation.op_id)), step)
        peer.kill_medusa()
        pusher.join()
    peer.restart_medusa()
    limit = time.monotonic() + WAIT_S
    while True:
        try:
            return backend.push([operation])[0]
        except CentralUnavailable:
            assert time.monotonic() < limit, "the restarted Medusa never answered"
            time.sleep(2.0)


def _push_ignoring_failure(backend, operations) -> None:
    with contextlib.suppress(Exception):  # Medusa is killed under the push
        backend.push(operations)


def _settled_once(peer, admin, seed, sale_id: str, before: dict[str, dict[str, int]]) -> None:
    order = plugin_orders(admin)[sale_id]  # asserts one order per sale
    order_id = order["id"]
    items = f"select item_id from order_item where order_id = '{order_id}'"
    fulfilments = psql(
        peer,
        "select distinct f.id from fulfillment f"
        " join fulfillment_item fi on fi.fulfillment_id = f.id"
        f" where fi.line_item_id in ({items}) and f.canceled_at is null and f.deleted_at is null",
    )
    linked = psql(
        peer,
        f"select fulfillment_id from order_fulfillment where order_id = '{order_id}'"
        " and deleted_at is null",
    )
    reservations = psql(
        peer,
        f"select count(*) from reservation_item where line_item_id in ({items})"
        " and deleted_at is null",
    )
    fulfilled = psql(
        peer,
        'select oi.quantity, oi.fulfilled_quantity from order_item oi join "order" o on o.id ='
        f" oi.order_id and oi.version = o.version where o.id = '{order_id}' order by oi.quantity",
    )
    after = {sku: level_at(admin, seed, sku) for sku in SOLD}

    taken = {sku: before[sku]["stocked"] - after[sku]["stocked"] for sku in SOLD}
    assert taken == SOLD  # the stock taken once, at our location
    assert reservations == [["0"]]
    assert {sku: after[sku]["reserved"] for sku in SOLD} == {s: before[s]["reserved"] for s in SOLD}
    assert len(fulfilments) == 1, fulfilments  # fulfilled once, no orphan left
    assert linked == fulfilments
    assert [(float(q), float(f)) for q, f in fulfilled] == [(1.0, 1.0), (2.0, 2.0)]
    assert order["status"] == "completed"


@pytest.mark.timeout(240)
def test_a_sale_cut_after_its_fulfilment_before_its_registration_is_finished(
    medusa_peer, backend, admin, seed, catalog
):
    operation = _sale(catalog, "S-cut-before-registration")
    before = {sku: level_at(admin, seed, sku) for sku in SOLD}

    answer = _cut_and_resume(medusa_peer, backend, operation, [REGISTRATION])

    assert answer.status == "accepted", answer
    _settled_once(medusa_peer, admin, seed, "S-cut-before-registration", before)


@pytest.mark.timeout(240)
def test_a_sale_cut_with_only_its_link_missing_is_linked_not_fulfilled_again(
    medusa_peer, backend, admin, seed, catalog
):
    """Registered on the order, not linked: the resume sees no fulfilment on the order;
    fulfilling again was refused ("Cannot fulfill more items than what was ordered")."""
    operation = _sale(catalog, "S-cut-only-link")
    before = {sku: level_at(admin, seed, sku) for sku in SOLD}

    answer = _cut_and_resume(medusa_peer, backend, operation, [LINK], done=("registration",))

    assert answer.status == "accepted", answer
    _settled_once(medusa_peer, admin, seed, "S-cut-only-link", before)


@pytest.mark.timeout(240)
def test_a_sale_cut_after_the_link_before_the_stock_is_taken_takes_it_once(
    medusa_peer, backend, admin, seed, catalog
):
    operation = _sale(catalog, "S-cut-before-adjustment")
    before = {sku: level_at(admin, seed, sku) for sku in SOLD}

    answer = _cut_and_resume(medusa_peer, backend, operation, [ADJUSTMENT], done=("link",))

    assert answer.status == "accepted", answer
    _settled_once(medusa_peer, admin, seed, "S-cut-before-adjustment", before)


@pytest.mark.timeout(240)
def test_a_sale_cut_after_the_stock_is_taken_leaves_no_reservation_and_takes_it_once(
    medusa_peer, backend, admin, seed, catalog
):
    """The stock taken, the reservations still held: a resume that looked only at the
    reservations would take the stock again; one that looked only at the link would leave
    them held for ever."""
    operation = _sale(catalog, "S-cut-before-reservations")
    before = {sku: level_at(admin, seed, sku) for sku in SOLD}

    answer = _cut_and_resume(medusa_peer, backend, operation, [RESERVATIONS], done=("link",))

    assert answer.status == "accepted", answer
    _settled_once(medusa_peer, admin, seed, "S-cut-before-reservations", before)
