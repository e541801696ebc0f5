"""Sales as exact orders, through Comptoir's plugin inside the real Medusa (issue 11).

The till's figures are the truth: Medusa's order total must equal the till's to the cent,
its tax may differ from the receipt's VAT table by rounding only (Medusa keeps tax
unrounded), and the receipt's own figures are stored on the order as the fiscal record.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import random
import sys
import threading
import time

import pytest

from pos.domain.basket import Basket
from pos.domain.basket_pricing import BasketPricing
from pos.domain.discount import Discount
from pos.domain.promotions import Kind, PromotionBook
from pos.domain.tenders import Payment, TenderKind
from sync.engine.pusher import DEFAULT_BATCH
from sync.medusa.money import to_cents
from sync.ports import CentralUnavailable
from tests.medusa.exact_sales import (
    PRODUCTS,
    WEIGHED_SKU,
    TillChain,
    add_products,
    plugin_orders,
    product_of,
    random_basket,
    tax_by_rate,
)
from tests.medusa.helpers import catalog_by_sku, level_at, psql
from tests.support.promotion_baskets import a_context, a_promotion, on_skus

pytestmark = pytest.mark.medusa

#: The issue asks 1,000 random baskets; the default run sends fewer (see the report).
CHAIN_WARNINGS = {"bad_signature", "unknown_key", "chain_break", "chain_rewrite"}
BASKETS = int(os.environ.get("COMPTOIR_EXACT_SALES", "80"))  # 150+ for a longer check


@pytest.fixture(scope="module")
def products(medusa_peer, admin, seed):
    add_products(admin, seed)
    return {sku for sku, *_ in PRODUCTS}


@pytest.fixture
def catalog(products, backend):
    """This module's own goods, as the till knows them after a catalog pull."""
    items = catalog_by_sku(backend)
    return {sku: product_of(items[sku]) for sku in products}


def order_detail(admin, order_id: str) -> dict:
    fields = (
        "id,status,total,tax_total,metadata,items.quantity,items.metadata,"
        "payment_collections.status,payment_collections.amount,"
        "payment_collections.payments.amount,payment_collections.payments.captured_at,"
        "fulfillments.location_id"
    )
    return admin.get(f"/admin/orders/{order_id}", fields=fields)["order"]


def test_a_discounted_split_tender_sale_is_the_till_s_order_to_the_cent(
    backend, admin, seed, catalog
):
    basket = Basket()
    jam = basket.add(catalog["EXACT-CONFITURE"], 3)  # 5.5 %
    basket.set_line_discount(jam.line_id, Discount.percent(1000))
    basket.add(catalog["EXACT-BOUGIE"], 2)  # 20 %
    basket.add(catalog[WEIGHED_SKU], 452)  # 452 g of cheese at 28.90 EUR/kg, 5.5 %
    basket.set_ticket_discount(Discount.amount(137))
    totals = basket.totals()
    payment = Payment(totals.total_cents)
    payment.add(TenderKind.CARD, 2500)
    payment.add(TenderKind.CASH, payment.remaining_cents + 1000)  # 10 EUR change
    chain = TillChain()
    chain.register(admin)  # witnessed: the seal checked against the body rebuilt in Medusa
    operation = chain.operation("S-exact-split-1", basket, payment)
    skus = ["EXACT-CONFITURE", "EXACT-BOUGIE", WEIGHED_SKU]
    before = {sku: level_at(admin, seed, sku) for sku in skus}
    lyon_before = level_at(admin, seed, "EXACT-CONFITURE", seed.other_location_id)

    [outcome] = backend.push([operation])

    order = plugin_orders(admin)["S-exact-split-1"]
    assert (outcome.status, outcome.warnings) == ("accepted", ()), outcome
    detail = order_detail(admin, order["id"])
    assert detail["status"] == "completed"
    assert to_cents(detail["total"]) == totals.total_cents
    vat = {line.vat_bp: line.vat_cents for line in totals.vat}
    medusa_vat = tax_by_rate(order)
    assert set(medusa_vat) == set(vat) == {550, 2000}
    assert all(abs(medusa_vat[bp] - vat[bp]) <= 1 for bp in vat), (medusa_vat, vat)
    weighed = next(i for i in detail["items"] if i["metadata"]["comptoir_sold_by"] == "weight")
    assert weighed["quantity"] == 452  # grams, at a price per gram
    # one captured payment per tender: the card, and the cash the till kept (change out)
    collections = detail["payment_collections"]
    kept_cash = totals.total_cents - 2500
    assert sorted(to_cents(c["amount"]) for c in collections) == sorted([2500, kept_cash])
    assert all(c["status"] == "completed" for c in collections)
    payments = [p for c in collections for p in c["payments"]]
    assert len(payments) == 2 and all(p["captured_at"] for p in payments)
    assert [f["location_id"] for f in detail["fulfillments"]] == [seed.location_id]
    # the receipt's own figures, as sealed
    metadata = detail["metadata"]
    assert metadata["comptoir_total_cents"] == totals.total_cents
    assert metadata["comptoir_change_cents"] == 1000
    assert metadata["comptoir_vat"] == [
        {"vat_bp": v.vat_bp, "base_cents": v.base_cents, "vat_cents": v.vat_cents,
         "total_cents": v.total_cents} for v in totals.vat
    ]  # fmt: skip
    assert [t["amount_cents"] for t in metadata["comptoir_tenders"]] == [2500, kept_cash + 1000]
    assert metadata["comptoir_ticket_no"] == 1 and metadata["comptoir_cashier"] == "Camille"
    assert metadata["comptoir_seal"] == json.loads(operation.payload_json)["seal"]
    # stock taken at our location only, reservations consumed
    after = {sku: level_at(admin, seed, sku) for sku in skus}
    assert after["EXACT-CONFITURE"]["stocked"] == before["EXACT-CONFITURE"]["stocked"] - 3
    assert after["EXACT-BOUGIE"]["stocked"] == before["EXACT-BOUGIE"]["stocked"] - 2
    assert after[WEIGHED_SKU]["stocked"] == before[WEIGHED_SKU]["stocked"] - 452
    assert all(after[s]["reserved"] == before[s]["reserved"] for s in skus)
    assert level_at(admin, seed, "EXACT-CONFITURE", seed.other_location_id) == lyon_before


def test_a_promoted_sale_is_the_till_s_order_to_the_cent(backend, admin, catalog):
    """Promotions are inside each line's discount (v4 details them): Medusa's order total
    is still the till's."""
    book = PromotionBook([
        a_promotion(1, Kind.N_FOR_M, 1, name="3 pour 2", target=on_skus("EXACT-CONFITURE"),
                    n=3, m=2),
        a_promotion(2, Kind.BASKET_PERCENT, 500, name="-5 % panier"),
    ])  # fmt: skip
    basket = Basket()
    basket.set_pricing(BasketPricing(book, a_context()))
    basket.add(catalog["EXACT-CONFITURE"], 3)
    basket.add(catalog["EXACT-BOUGIE"], 2)
    totals = basket.totals()
    assert totals.promotion_cents > 0
    payment = Payment(totals.total_cents)
    payment.add(TenderKind.CARD, totals.total_cents)
    chain = TillChain()
    chain.register(admin)
    operation = chain.operation("S-exact-promoted-1", basket, payment)
    assert json.loads(operation.payload_json)["sale"]["v"] == 4

    [outcome] = backend.push([operation])

    assert (outcome.status, outcome.warnings) == ("accepted", ()), outcome
    order = plugin_orders(admin)["S-exact-promoted-1"]
    assert to_cents(order_detail(admin, order["id"])["total"]) == totals.total_cents


def test_an_unknown_product_is_refused_and_the_batch_goes_on(backend, catalog):
    ghost = dataclasses.replace(catalog["EXACT-BISCUITS"], id=4_000_000_000, sku="GHOST")
    chain = TillChain(terminal_id="T-ghost")
    operations = []
    for n, product in enumerate((ghost, catalog["EXACT-BISCUITS"])):
        basket = Basket()
        basket.add(product, 1)
        payment = Payment(basket.totals().total_cents)
        payment.add(TenderKind.CARD, payment.total_cents)
        operations.append(chain.operation(f"S-exact-ghost-{n}", basket, payment))

    outcomes = backend.push(operations)

    assert [(o.status, o.code) for o in outcomes] == [
        ("rejected", "unknown_product"),
        ("accepted", ""),
    ]


def test_goods_medusa_thinks_short_are_sold_and_the_stock_corrected(backend, admin, seed, catalog):
    shelf = f"/admin/inventory-items/{seed.inventory_items['EXACT-TORCHON']}/location-levels/"
    level = level_at(admin, seed, "EXACT-TORCHON")
    admin.post(f"{shelf}{seed.location_id}", {"stocked_quantity": level["reserved"] + 5})
    available = level_at(admin, seed, "EXACT-TORCHON")["available"]  # 5
    lyon = level_at(admin, seed, "EXACT-TORCHON", seed.other_location_id)
    basket = Basket()
    basket.add(catalog["EXACT-TORCHON"], available + 2)
    payment = Payment(basket.totals().total_cents)
    payment.add(TenderKind.CARD, payment.total_cents)

    [outcome] = backend.push([TillChain().operation("S-exact-short-1", basket, payment)])

    assert (outcome.status, outcome.warnings) == ("accepted", ("stock_corrected",))
    after = level_at(admin, seed, "EXACT-TORCHON")
    assert after["available"] == 0
    # raised by the 2 missing, then the sale taken: the shelf is empty, Lyon untouched
    assert level_at(admin, seed, "EXACT-TORCHON", seed.other_location_id) == lyon
    # the shelf restocked for the other tests of this module
    admin.post(f"{shelf}{seed.location_id}", {"stocked_quantity": level["stocked"]})


@pytest.mark.timeout(max(300, BASKETS + 240))  # ~0.5 s a sale in a shared 2-core run
def test_random_baskets_make_orders_with_the_till_s_totals(backend, admin, catalog):
    rng = random.Random(20261205)
    products = list(catalog.values())
    chain = TillChain()
    chain.register(admin)  # every random record's body rebuilt in Medusa must verify
    made = [random_basket(rng, products) for _ in range(BASKETS)]
    operations = [
        chain.operation(f"S-random-{n:05d}", basket, payment)
        for n, (basket, payment) in enumerate(made)
    ]
    started = time.perf_counter()
    outcomes = []
    for start in range(0, len(operations), DEFAULT_BATCH):  # the engine's batches
        outcomes += backend.push(operations[start : start + DEFAULT_BATCH])
    elapsed = time.perf_counter() - started
    print(f"\n{BASKETS} random sales through the plugin: {elapsed:.1f} s", file=sys.stderr)

    assert [o.status for o in outcomes] == ["accepted"] * BASKETS, [
        o for o in outcomes if o.status != "accepted"
    ][:3]
    flagged = [o for o in outcomes if set(o.warnings) & CHAIN_WARNINGS]
    assert flagged == [], flagged[:3]
    orders = plugin_orders(admin)
    total_differences = tax_worst = 0
    for op, (basket, _) in zip(operations, made, strict=True):
        order = orders[op.op_id]
        totals = basket.totals()
        total_differences += to_cents(order["total"]) != totals.total_cents
        medusa_vat = tax_by_rate(order)
        for line in totals.vat:
            tax_worst = max(tax_worst, abs(medusa_vat.get(line.vat_bp, 0) - line.vat_cents))
    print(f"total differences: {total_differences}, worst tax gap per rate: {tax_worst} cent")
    assert total_differences == 0
    assert tax_worst <= 1


def test_a_re_sent_sale_is_a_duplicate_of_the_same_order(backend, admin, catalog):
    basket = Basket()
    basket.add(catalog["EXACT-BISCUITS"], 2)
    payment = Payment(basket.totals().total_cents)
    payment.add(TenderKind.CARD, payment.total_cents)
    # An older till's outbox: the sale sealed by the hash journal, still accepted.
    operation = TillChain(legacy=True).operation("S-exact-again-1", basket, payment)

    first = backend.push([operation])[0]
    again = backend.push([operation])[0]

    assert (first.status, again.status) == ("accepted", "duplicate")
    assert len([s for s in plugin_orders(admin) if s == "S-exact-again-1"]) == 1


def test_the_same_sale_in_two_concurrent_batches_makes_one_order(make_backend, admin, catalog):
    basket = Basket()
    basket.add(catalog["EXACT-TORCHON"], 1)
    payment = Payment(basket.totals().total_cents)
    payment.add(TenderKind.CASH, 1000)
    operation = TillChain().operation("S-exact-twice-1", basket, payment)
    tills = [make_backend(), make_backend()]  # two tills' connections, one state
    for till in tills:
        till.verify()
    answers: list = []
    start = threading.Barrier(2)

    def push(till) -> None:
        start.wait()
        for _ in range(50):
            try:
                answers.append(till.push([operation])[0].status)
                return
            except CentralUnavailable:  # "being applied by another request": try again
                time.sleep(0.2)

    threads = [threading.Thread(target=push, args=(till,)) for till in tills]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answers) == ["accepted", "duplicate"]
    assert "S-exact-twice-1" in plugin_orders(admin)  # plugin_orders asserts one per sale


#: A restarted Medusa takes over the claims its killed predecessor held once that one's
#: heartbeat is silent (10 s), not after the ledger's 120 s lease.
RESUMED_WITHIN_S = 60.0


@pytest.mark.timeout(300)  # three restarts, then the cut sales resumed at once
def test_sales_cut_by_medusa_crashing_end_as_one_order_each(
    medusa_peer, make_backend, admin, catalog
):
    rng = random.Random(7)
    products = list(catalog.values())
    chain = TillChain(terminal_id="T-crash")
    operations = [
        chain.operation(f"S-crash-{n:03d}", *random_basket(rng, products)) for n in range(24)
    ]
    backend = make_backend()
    backend.verify()
    for batch in range(3):
        part = operations[batch * 8 : (batch + 1) * 8]
        pusher = threading.Thread(target=_push_ignoring_failure, args=(backend, part))
        pusher.start()
        time.sleep(0.3 + 0.4 * batch)  # somewhere inside the batch; any moment must do
        medusa_peer.restart_medusa()
        pusher.join()
    done = [o for s, o in plugin_orders(admin).items() if s.startswith("S-crash-")]
    cut = 24 - len([o for o in done if o["status"] == "completed"])
    started = time.monotonic()
    outcomes = _push_until_answered(backend, operations, deadline_s=RESUMED_WITHIN_S)
    resumed = time.monotonic() - started
    print(
        f"\n{cut} of 24 sales cut by 3 kills; all recorded {resumed:.0f} s after the last restart",
        file=sys.stderr,
    )

    assert cut > 0  # the kills did land inside batches
    assert {o.status for o in outcomes} <= {"accepted", "duplicate"}, outcomes
    orders = plugin_orders(admin)  # asserts one order per sale
    assert all(f"S-crash-{n:03d}" in orders for n in range(24))
    assert all(orders[f"S-crash-{n:03d}"]["status"] == "completed" for n in range(24))


def _push_ignoring_failure(backend, operations) -> None:
    # Medusa was killed under the batch: the till keeps it queued
    with contextlib.suppress(Exception):
        backend.push(operations)


def _push_until_answered(backend, operations, deadline_s: float):
    limit = time.monotonic() + deadline_s
    while True:
        try:
            return backend.push(operations)
        except CentralUnavailable:
            if time.monotonic() > limit:
                raise
            time.sleep(2.0)


def test_a_sale_cut_inside_medusa_s_capture_is_finished_not_captured_twice(
    medusa_peer, backend, admin, catalog
):
    """Medusa captures a payment in steps, each its own transaction: the capture row, the
    payment's ``captured_at``, the collection's status, the order's transaction. Medusa
    killed after the first leaves a payment that looks uncaptured though fully captured;
    capturing it again on the resumed try was refused and the sale never finished."""
    basket = Basket()
    basket.add(catalog["EXACT-BISCUITS"], 2)
    basket.add(catalog["EXACT-TORCHON"], 1)
    payment = Payment(basket.totals().total_cents)
    payment.add(TenderKind.CARD, 500)
    payment.add(TenderKind.CASH, payment.total_cents - 500)
    operation = TillChain().operation("S-exact-cut-capture", basket, payment)
    assert backend.push([operation])[0].status == "accepted"
    order_id = plugin_orders(admin)["S-exact-cut-capture"]["id"]
    first = (
        "select p.id from payment p join order_payment_collection l"
        " on l.payment_collection_id = p.payment_collection_id"
        f" where l.order_id = '{order_id}' order by p.created_at limit 1"
    )
    # The state Medusa leaves when killed just after writing the card's capture row,
    # with the ledger's claim held by that dead process.
    psql(
        medusa_peer,
        f"update payment set captured_at = null where id = ({first});"
        " update payment_collection set status = 'authorized' where id ="
        f" (select payment_collection_id from payment where id = ({first}));"
        " delete from order_transaction where reference_id in"
        f" (select id from capture where payment_id = ({first}));"
        " update comptoir_till_operation set status = 'in_progress', result = null,"
        f" instance_id = 'ledger_killed' where id = '{operation.op_id}'",
    )

    again = backend.push([operation])[0]

    assert again.status == "accepted", again
    per_payment = psql(
        medusa_peer,
        "select p.amount, p.captured_at is not null, pc.status,"
        " (select sum(c.amount) from capture c where c.payment_id = p.id),"
        " (select count(*) from order_transaction t where t.reference_id in"
        "   (select c.id from capture c where c.payment_id = p.id) and t.deleted_at is null)"
        " from payment p join payment_collection pc on pc.id = p.payment_collection_id"
        " join order_payment_collection l on l.payment_collection_id = pc.id"
        f" where l.order_id = '{order_id}' order by p.created_at",
    )
    assert [(to_cents(a), c, s, to_cents(n), int(t)) for a, c, s, n, t in per_payment] == [
        (500, "t", "completed", 500, 1),
        (payment.total_cents - 500, "t", "completed", payment.total_cents - 500, 1),
    ]
