"""Returns and credit notes on Medusa through Comptoir's plugin (issue 14, part D): a web
order and a till sale found for a return, a web order returned in store (Medusa's own
order shows the return and the card refund), two tills racing for the same line, a
credit note issued by a return ticket and spent twice."""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from decimal import Decimal
from typing import Any

import pytest

from pos.domain.basket import Basket
from pos.domain.returns import OriginLine, returned_amounts
from pos.domain.tenders import Payment, TenderKind
from sync.contract.codes import new_credit_note_code
from sync.contract.returns import (
    ClaimLine,
    CreditNoteDebit,
    OriginSaleRecord,
    ReturnClaim,
)
from sync.medusa.sales import payload_text
from sync.ports import CentralRejected, CentralUnavailable, OutgoingOperation
from tests.integration.medusa.test_medusa_partial_handover import ready_order
from tests.integration.medusa.test_medusa_pickups import transition
from tests.medusa.exact_sales import WEIGHED_SKU, TillChain, add_products, product_of
from tests.medusa.helpers import (
    catalog_by_sku,
    ensure_stock,
    level_at,
    orders_of_sale,
    psql,
    sale_operation,
)
from tests.medusa.seed import MedusaStore, open_web_cart, place_pickup_order
from tests.support.medusa_peer import CRASH_AFTER_MOVEMENT

pytestmark = pytest.mark.medusa


def cents(amount: object) -> int:
    return int((Decimal(str(amount or 0)) * 100).quantize(Decimal(1)))


def return_ticket(
    sale_id: str,
    origin: OriginSaleRecord,
    taken: dict[int, int],
    tenders: list[tuple[str, int, str]],
    *,
    ticket_no: int = 2,
    sold: list[dict[str, Any]] = (),
    damaged: frozenset[int] = frozenset(),
) -> OutgoingOperation:
    """A v3 return ticket taking back ``taken`` (origin line → quantity), refunded by
    ``tenders`` (kind, negative cents, reference), sealed by an older till's journal;
    the origin lines in ``damaged`` come back not restocked."""
    lines: list[dict[str, Any]] = []
    for line_no, (origin_line_no, quantity) in enumerate(taken.items(), start=1):
        record = next(line for line in origin.lines if line.line_no == origin_line_no)
        amounts = returned_amounts(OriginLine(**record.model_dump()), quantity)
        lines.append(
            {
                **record.model_dump(exclude={"line_no", "returned_quantity", "quantity"}),
                "line_no": line_no,
                "quantity": -quantity,
                "gross_cents": amounts.gross_cents,
                "line_discount_cents": amounts.line_discount_cents,
                "ticket_discount_cents": amounts.ticket_discount_cents,
                "total_cents": amounts.total_cents,
                "returned": {
                    "origin_sale_id": origin.sale_id,
                    "origin_line_no": origin_line_no,
                    "origin_label": origin.label,
                    "channel": origin.channel,
                    "reason": "changed_mind",
                    "restock": origin_line_no not in damaged,
                    "approval_id": None,
                },
            }
        )
    for extra in sold:
        lines.append({**extra, "line_no": len(lines) + 1})
    total = sum(line["total_cents"] for line in lines)
    assert sum(amount for _, amount, _ in tenders) == total
    sale = {
        "v": 3,
        "id": sale_id,
        "terminal_id": "T01",
        "ticket_no": ticket_no,
        "cashier": "Alice",
        "started_at": "2026-12-06T10:00:00.000Z",
        "completed_at": "2026-12-06T10:01:00.000Z",
        "total_cents": total,
        "change_cents": 0,
        "lines": lines,
        "tenders": [
            {"seq": n, "kind": kind, "amount_cents": amount, "reference": ref}
            for n, (kind, amount, ref) in enumerate(tenders, start=1)
        ],
        "vat": [],
    }
    digest = hashlib.sha256(f"{'0' * 64}\n{sale_id}".encode()).hexdigest()
    journal = {"seq": ticket_no, "hash": digest, "prev_hash": "0" * 64, "grand_total_cents": 0}
    return OutgoingOperation(
        sale_id, ticket_no, "sale", payload_text({"sale": sale, "journal": journal})
    )


def medusa_order(admin, order_id: str) -> dict[str, Any]:
    """Medusa's own figures of the order: its returns, item return counts, payments."""
    fields = (
        "id,summary,*items,items.detail.return_received_quantity,returns.id,returns.status,"
        "returns.location_id,returns.items.quantity,returns.items.received_quantity,"
        "payment_collections.payments.id,payment_collections.payments.captures.amount,"
        "payment_collections.payments.refunds.amount,payment_collections.payments.refunds.note"
    )
    return admin.get(f"/admin/orders/{order_id}", fields=fields)["order"]


def refunds_of(order: dict[str, Any]) -> list[int]:
    return [
        cents(refund["amount"])
        for collection in order["payment_collections"]
        for payment in collection["payments"]
        for refund in payment.get("refunds") or []
    ]


@pytest.fixture
def till_sale(backend, admin, seed) -> tuple[str, OriginSaleRecord]:
    """A till sale (two coffees, one notebook, by card) recorded by the plugin."""
    items = catalog_by_sku(backend)
    for sku in ("CAFE-250", "CARNET-A5"):
        ensure_stock(admin, seed, sku, 10)
    tag = uuid.uuid4().hex[:8]
    sale_id, terminal = f"ret-sale-{tag}", f"TR-{tag}"
    lines = [(items["CAFE-250"], 2), (items["CARNET-A5"], 1)]
    op = sale_operation(sale_id, lines, terminal_id=terminal, legacy=True)
    assert backend.push([op])[0].status == "accepted"
    return sale_id, backend.find_origin(sale_id)


def test_a_till_sale_is_found_by_its_sale_id_and_by_its_ticket(backend, medusa_peer, till_sale):
    sale_id, origin = till_sale

    assert (origin.sale_id, origin.channel, origin.ticket_no) == (sale_id, "store", 1)
    assert [
        (line.line_no, line.sku, line.quantity, line.returned_quantity) for line in origin.lines
    ] == [
        (1, "CAFE-250", 2, 0),
        (2, "CARNET-A5", 1, 0),
    ]
    assert origin.total_cents == sum(line.total_cents for line in origin.lines)
    assert [(t.kind, t.amount_cents) for t in origin.tenders] == [("card", origin.total_cents)]
    assert origin.handed_over
    assert backend.find_ticket(origin.terminal_id, 1) == origin
    index = "select indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid"
    assert psql(medusa_peer, f"{index} where c.relname = 'IDX_order_comptoir_ticket'") == [["t"]]
    with pytest.raises(CentralRejected) as no_ticket:
        backend.find_ticket(origin.terminal_id, 2)
    assert no_ticket.value.code == "not_found"
    with pytest.raises(CentralRejected) as unknown:
        backend.find_origin("no-such-sale-anywhere")
    assert unknown.value.code == "not_found"


def test_a_web_order_not_handed_over_cannot_be_claimed(backend, admin, seed):
    order_id = place_pickup_order(seed, {"CAFE-250": 1})

    origin = backend.find_origin(order_id)

    assert (origin.channel, origin.handed_over, origin.ticket_no) == ("web", False, 0)
    claim = ReturnClaim(
        return_id="ret-early-1",
        terminal_id="T01",
        lines=[ClaimLine(origin_sale_id=order_id, origin_line_no=1, quantity=1)],
    )
    with pytest.raises(CentralRejected) as refused:
        backend.claim_return(claim)
    assert refused.value.code == "not_handed_over"


def test_a_web_order_returned_in_store_shows_the_return_and_the_card_refund_in_medusa(
    backend, admin, seed
):
    order_id, ready = ready_order(backend, admin, seed, "wr")
    assert backend.push([transition(ready, "collected", "wr-3")])[0].status == "accepted"
    origin = backend.find_origin(order_id)
    display = admin.get(f"/admin/orders/{order_id}", fields="id,display_id")["order"]["display_id"]
    assert backend.find_origin(str(display)).sale_id == order_id
    assert (origin.channel, origin.handed_over) == ("web", True)
    coffee = next(line for line in origin.lines if line.sku == "CAFE-250")
    [payment] = origin.tenders
    assert (payment.kind, payment.amount_cents, payment.refunded_cents) == (
        "card",
        origin.total_cents,
        0,
    )

    claim = ReturnClaim(
        return_id="ret-web-1",
        terminal_id="T01",
        lines=[ClaimLine(origin_sale_id=order_id, origin_line_no=coffee.line_no, quantity=1)],
    )
    claimed = backend.claim_return(claim)
    assert [line.remaining_after for line in claimed.lines] == [1]
    assert backend.claim_return(claim) == claimed  # the same claim again: the same answer
    refund = returned_amounts(OriginLine(**coffee.model_dump()), 1).total_cents
    ticket = return_ticket(
        "ret-web-1", origin, {coffee.line_no: 1}, [("card", refund, payment.reference)]
    )
    shelf = level_at(admin, seed, "CAFE-250")["stocked"]

    outcome = backend.push([ticket])[0]

    assert (outcome.status, outcome.code, outcome.warnings) == ("accepted", "", ()), outcome
    order = medusa_order(admin, order_id)
    [medusa_return] = order["returns"]
    assert medusa_return["status"] == "received"
    assert medusa_return["location_id"] == seed.location_id  # back at this store
    received = {i["variant_sku"]: i["detail"]["return_received_quantity"] for i in order["items"]}
    assert received["CAFE-250"] == 1
    assert refunds_of(order) == [-refund]  # Medusa's own refund on the web payment
    assert cents(order["summary"]["refunded_total"]) == -refund
    after = backend.find_origin(order_id)
    assert next(line for line in after.lines if line.sku == "CAFE-250").returned_quantity == 1
    assert after.tenders[0].refunded_cents == -refund

    assert level_at(admin, seed, "CAFE-250")["stocked"] == shelf + 1  # back at this store

    assert backend.push([ticket])[0].status == "duplicate"
    assert refunds_of(medusa_order(admin, order_id)) == [-refund]  # refunded once
    assert level_at(admin, seed, "CAFE-250")["stocked"] == shelf + 1
    with pytest.raises(CentralRejected) as consumed:
        backend.release_return("ret-web-1")
    assert consumed.value.code == "claim_consumed"


def test_two_tills_racing_for_the_same_line_exactly_one_wins(
    backend, make_backend, admin, till_sale
):
    sale_id, first = till_sale
    tills = [backend, make_backend()]
    barrier = threading.Barrier(2)
    results: dict[int, object] = {}

    def claim(n: int) -> None:
        wanted = ReturnClaim(
            return_id=f"ret-race-{n}-{sale_id}",
            terminal_id=f"T0{n + 1}",
            lines=[ClaimLine(origin_sale_id=sale_id, origin_line_no=1, quantity=2)],
        )
        barrier.wait()
        try:
            results[n] = tills[n].claim_return(wanted)
        except CentralRejected as exc:
            results[n] = exc.code

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(
        str(type(r).__name__) if not isinstance(r, str) else r for r in results.values()
    ) == [
        "ReturnClaimResult",
        "not_returnable",
    ]
    assert backend.find_origin(sale_id).lines[0].returned_quantity == 2
    loser = next(n for n, r in results.items() if r == "not_returnable")
    # The loser, offline, gave the money back all the same: its ticket is a fiscal fact.
    refund = -first.lines[0].total_cents
    offline = return_ticket(f"ret-race-{loser}-{sale_id}", first, {1: 2}, [("cash", refund, "")])
    outcome = backend.push([offline])[0]
    assert (outcome.status, outcome.warnings) == ("accepted", ("return_conflict",)), outcome
    assert backend.find_origin(sale_id).lines[0].returned_quantity == 2  # never above sold
    with pytest.raises(CentralRejected) as consumed:
        backend.release_return(f"ret-race-{loser}-{sale_id}")
    assert consumed.value.code == "claim_consumed"
    # The winner's ticket, by card, pushed after: kept too; Medusa's order never takes
    # back more than was sold (its return holds the first two only).
    winner = return_ticket(f"ret-race-{1 - loser}-{sale_id}", first, {1: 2}, [("card", refund, "")])
    assert backend.push([winner])[0].warnings == ()
    order = medusa_order(admin, orders_of_sale(admin, sale_id)[0]["id"])
    returned = {i["variant_sku"]: i["detail"]["return_received_quantity"] for i in order["items"]}
    assert returned["CAFE-250"] == 2
    assert refunds_of(order) == [-refund]  # the winner refunded the till sale's card payment
    assert backend.find_origin(sale_id).tenders[0].refunded_cents == -refund


def test_a_credit_note_issued_by_a_return_is_spent_twice_to_the_cent(
    backend, admin, seed, till_sale
):
    sale_id, origin = till_sale
    code = new_credit_note_code()
    notebook = origin.lines[1]
    value = notebook.total_cents
    return_id = f"ret-cn-{sale_id}"
    ticket = return_ticket(return_id, origin, {2: 1}, [("credit_note", -value, code)], ticket_no=3)

    outcome = backend.push([ticket])[0]

    assert (outcome.status, outcome.warnings) == ("accepted", ()), outcome
    note = backend.credit_note(code)
    assert (note.issued_cents, note.balance_cents, note.status, note.issued_by) == (
        value,
        value,
        "active",
        return_id,
    )
    assert backend.find_origin(sale_id).lines[1].returned_quantity == 1
    [medusa_return] = medusa_order(admin, origin_order(admin, sale_id))["returns"]
    assert medusa_return["status"] == "received"

    first = CreditNoteDebit(op_id="spend-1:t1", amount_cents=value - 100, channel="store")
    assert backend.debit_credit_note(code, first).balance_cents == 100
    assert backend.debit_credit_note(code, first).balance_cents == 100  # idempotent
    web = CreditNoteDebit(op_id="web-order-1", amount_cents=100, channel="web")
    spent = backend.debit_credit_note(code, web)
    assert (spent.balance_cents, spent.status) == (0, "spent")
    with pytest.raises(CentralRejected) as short:
        backend.debit_credit_note(
            code, CreditNoteDebit(op_id="spend-2:t1", amount_cents=1, channel="store")
        )
    assert short.value.code == "credit_note_spent"
    assert backend.reverse_credit_note_debit(code, "web-order-1").balance_cents == 100
    assert backend.reverse_credit_note_debit(code, "web-order-1").balance_cents == 100

    # The web shop spends the rest on a cart: a Medusa cart credit line, debited once.
    cart_id = open_web_cart(seed, {"CAFE-250": 1})
    shop = MedusaStore(seed.base_url, seed.web_publishable_key)
    try:
        before = cents(shop.get(f"/store/carts/{cart_id}", fields="id,total")["cart"]["total"])
        path = f"/store/comptoir/carts/{cart_id}/credit-notes"
        assert shop.post(path, {"code": code})["credit_note"]["balance_cents"] == 0
        assert shop.post(path, {"code": code})["credit_note"]["balance_cents"] == 0  # once
        cart = shop.get(f"/store/carts/{cart_id}", fields="id,total,credit_line_total")["cart"]
    finally:
        shop.close()
    assert (cents(cart["credit_line_total"]), cents(cart["total"])) == (100, before - 100)
    assert backend.credit_note(code).balance_cents == 0
    with pytest.raises(CentralRejected) as unknown:
        backend.credit_note(new_credit_note_code())
    assert unknown.value.code == "not_found"

    with pytest.raises(CentralRejected) as again:  # the notebook is all returned
        backend.claim_return(
            ReturnClaim(
                return_id=f"ret-cn2-{sale_id}",
                terminal_id="T02",
                lines=[ClaimLine(origin_sale_id=sale_id, origin_line_no=2, quantity=1)],
            )
        )
    assert again.value.code == "not_returnable"


def origin_order(admin, sale_id: str) -> str:
    [order] = orders_of_sale(admin, sale_id)
    return order["id"]


def test_an_exchange_orders_its_sold_lines_and_a_sale_spends_a_credit_note(
    backend, admin, seed, till_sale
):
    """One coffee back, a notebook sold, the difference paid by card: Medusa gets the
    return on the original order and an order of the notebook; then a credit note pays
    part of a plain sale, debited once by its push (op id ``<sale_id>:t<seq>``)."""
    sale_id, origin = till_sale
    items = catalog_by_sku(backend)
    notebook = items["CARNET-A5"]
    coffee = origin.lines[0]
    back = returned_amounts(OriginLine(**coffee.model_dump()), 1).total_cents
    sold = {
        "product_id": notebook.id,
        "sku": notebook.sku,
        "name": notebook.name,
        "barcode": None,
        "sold_by": "unit",
        "quantity": 1,
        "unit_price_cents": notebook.price_cents,
        "vat_bp": notebook.vat_bp,
        "gross_cents": notebook.price_cents,
        "line_discount_cents": 0,
        "ticket_discount_cents": 0,
        "total_cents": notebook.price_cents,
    }
    difference = notebook.price_cents + back
    assert difference > 0
    exchange_id = f"exch-{sale_id}"
    ticket = return_ticket(
        exchange_id, origin, {1: 1}, [("card", difference, "")], ticket_no=4, sold=[sold]
    )
    shelf = {sku: level_at(admin, seed, sku)["stocked"] for sku in ("CAFE-250", "CARNET-A5")}

    outcome = backend.push([ticket])[0]

    assert (outcome.status, outcome.warnings) == ("accepted", ()), outcome
    # The coffee back on the shelf, the notebook sold off it.
    assert {sku: level_at(admin, seed, sku)["stocked"] for sku in shelf} == {
        "CAFE-250": shelf["CAFE-250"] + 1,
        "CARNET-A5": shelf["CARNET-A5"] - 1,
    }
    assert backend.find_origin(sale_id).lines[0].returned_quantity == 1
    part = backend.find_origin(exchange_id)  # the sold part, returnable in turn
    assert [(line.sku, line.quantity, line.returned_quantity) for line in part.lines] == [
        ("CARNET-A5", 1, 0)
    ]
    [order] = orders_of_sale(admin, exchange_id)
    assert cents(order["total"]) == notebook.price_cents

    code = new_credit_note_code()
    issued = return_ticket(
        f"cn-{sale_id}",
        origin,
        {2: 1},
        [("credit_note", -origin.lines[1].total_cents, code)],
        ticket_no=5,
    )
    assert backend.push([issued])[0].status == "accepted"
    value = backend.credit_note(code).balance_cents
    paying = f"paid-by-cn-{sale_id}"
    op = sale_operation(paying, [(items["CAFE-250"], 1)], terminal_id="T09", legacy=True)
    record = json.loads(op.payload_json)
    price = record["sale"]["total_cents"]
    spent = min(value, price)
    record["sale"]["tenders"] = [
        {"seq": 1, "kind": "credit_note", "amount_cents": spent, "reference": code},
        *(
            [{"seq": 2, "kind": "card", "amount_cents": price - spent, "reference": ""}]
            if price > spent
            else []
        ),
    ]
    op = OutgoingOperation(paying, 1, "sale", payload_text(record))
    assert backend.push([op])[0].warnings == ()
    assert backend.credit_note(code).balance_cents == value - spent
    online = CreditNoteDebit(op_id=f"{paying}:t1", amount_cents=spent, channel="store")
    assert backend.debit_credit_note(code, online).balance_cents == value - spent  # same debit


def test_a_restocked_return_puts_the_article_back_at_this_store_once_a_damaged_one_never(
    backend, admin, seed, till_sale
):
    """The till keeps its +1 movement local: Medusa's level at the till's location moves
    by the ticket itself, a restocked coffee +1, a damaged notebook not at all, and a
    resend moves nothing again."""
    sale_id, origin = till_sale
    skus = ("CAFE-250", "CARNET-A5")
    shelf = {sku: level_at(admin, seed, sku)["stocked"] for sku in skus}
    refund = sum(
        returned_amounts(OriginLine(**origin.lines[n - 1].model_dump()), 1).total_cents
        for n in (1, 2)
    )
    ticket = return_ticket(
        f"ret-shelf-{sale_id}", origin, {1: 1, 2: 1}, [("cash", refund, "")], damaged={2}
    )

    outcome = backend.push([ticket])[0]

    assert (outcome.status, outcome.warnings) == ("accepted", ()), outcome
    after = {sku: level_at(admin, seed, sku)["stocked"] for sku in skus}
    assert after == {"CAFE-250": shelf["CAFE-250"] + 1, "CARNET-A5": shelf["CARNET-A5"]}
    assert backend.push([ticket])[0].status == "duplicate"
    assert {sku: level_at(admin, seed, sku)["stocked"] for sku in skus} == after


def test_an_article_back_from_a_sale_medusa_never_had_is_restocked_all_the_same(
    backend, admin, seed, till_sale
):
    """No Medusa order to return it to (``return_origin_unknown``): the coffee is on the
    shelf all the same, as the reference server counts it."""
    _, origin = till_sale
    stranger = origin.model_copy(update={"sale_id": f"never-pushed-{uuid.uuid4().hex[:8]}"})
    shelf = level_at(admin, seed, "CAFE-250")["stocked"]
    refund = returned_amounts(OriginLine(**origin.lines[0].model_dump()), 1).total_cents
    ticket = return_ticket(f"ret-{stranger.sale_id}", stranger, {1: 1}, [("cash", refund, "")])

    outcome = backend.push([ticket])[0]

    assert (outcome.status, outcome.warnings) == ("accepted", ("return_origin_unknown",))
    assert level_at(admin, seed, "CAFE-250")["stocked"] == shelf + 1


def test_a_weighed_return_puts_its_grams_back_as_the_sale_took_them(backend, admin, seed):
    """Medusa counts a weighed article's stock in grams (the sale took 452): 200 g
    brought back raise the level by 200."""
    add_products(admin, seed)
    basket = Basket()
    basket.add(product_of(catalog_by_sku(backend)[WEIGHED_SKU]), 452)
    total = basket.totals().total_cents
    payment = Payment(total)
    payment.add(TenderKind.CARD, total)
    sale_id = f"ret-g-sale-{uuid.uuid4().hex[:8]}"
    assert (
        backend.push([TillChain(legacy=True).operation(sale_id, basket, payment)])[0].status
        == "accepted"
    )
    origin = backend.find_origin(sale_id)
    shelf = level_at(admin, seed, WEIGHED_SKU)["stocked"]
    refund = returned_amounts(OriginLine(**origin.lines[0].model_dump()), 200).total_cents

    ticket = return_ticket(f"ret-g-{sale_id}", origin, {1: 200}, [("cash", refund, "")])
    outcome = backend.push([ticket])[0]

    assert (outcome.status, outcome.warnings) == ("accepted", ()), outcome
    assert level_at(admin, seed, WEIGHED_SKU)["stocked"] == shelf + 200


def test_a_return_cut_by_medusa_dying_after_the_restock_puts_it_back_once(
    medusa_peer, backend, admin, seed, till_sale
):
    """Medusa killed right after the restock committed, before the ledger kept the answer:
    the resumed op finds the restock applied and never puts the coffees back twice."""
    sale_id, origin = till_sale
    shelf = level_at(admin, seed, "CAFE-250")["stocked"]
    refund = returned_amounts(OriginLine(**origin.lines[0].model_dump()), 2).total_cents
    cut = return_ticket(
        f"{CRASH_AFTER_MOVEMENT}ret-{sale_id}", origin, {1: 2}, [("cash", refund, "")]
    )

    with pytest.raises(CentralUnavailable):  # Medusa died under the call
        backend.push([cut])
    medusa_peer.restart_medusa()
    assert level_at(admin, seed, "CAFE-250")["stocked"] == shelf + 2  # committed before

    # the ledger's claim belongs to the dead Medusa: taken over once its beat is silent
    deadline = time.monotonic() + 60
    while True:
        try:
            [outcome] = backend.push([cut])
            break
        except CentralUnavailable:
            assert time.monotonic() < deadline
            time.sleep(2.0)

    assert (outcome.status, outcome.warnings) == ("accepted", ()), outcome
    assert level_at(admin, seed, "CAFE-250")["stocked"] == shelf + 2  # not +4
    assert backend.find_origin(sale_id).lines[0].returned_quantity == 2
    assert backend.push([cut])[0].status == "duplicate"
    assert level_at(admin, seed, "CAFE-250")["stocked"] == shelf + 2
