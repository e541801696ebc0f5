"""The pickup desk's use cases on a real store file with the demo catalog."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from itertools import count
from typing import Any

import pytest

from hardware.barcodes import make_ean13
from pos.domain.errors import PosError
from pos.domain.pickup import PickOutcome, PickupState
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout, PricedItem
from pos.services.pickup_desk import PickupDesk
from pos.store import pickup_feed, push_queue
from pos.store.local_store import LocalStore
from pos.store.push_queue import Rejection
from sync.contract.operations import PAYLOAD_MODELS
from sync.contract.pickups import PickupOrder
from tests.support.staff import CAMILLE, INES, a_cashier

NOW = datetime(2025, 11, 25, 9, 30, tzinfo=UTC)
PARIS = timezone(timedelta(hours=1))  # late November
STORE = "lyon-part-dieu"


def products(store: LocalStore, n: int = 3) -> list[tuple[Any, ...]]:
    """Unit products with a barcode: (id, sku, name, price_cents, vat_bp, barcode)."""
    return store.conn.execute(
        "SELECT p.id, p.sku, p.name, p.price_cents, p.vat_bp, min(b.code) FROM products AS p "
        "JOIN barcodes AS b ON b.product_id = p.id WHERE p.sold_by = 'unit' AND p.active = 1 "
        "GROUP BY p.id ORDER BY p.id LIMIT ?",
        (n,),
    ).fetchall()


def weighed_product(store: LocalStore) -> tuple[Any, ...]:
    """The first product sold by weight: (id, sku, name, price_cents, vat_bp, plu)."""
    return store.conn.execute(
        "SELECT id, sku, name, price_cents, vat_bp, plu FROM products "
        "WHERE sold_by = 'weight' ORDER BY id LIMIT 1"
    ).fetchone()


def order_item(
    store: LocalStore,
    order_id: str,
    quantities: tuple[int, ...] = (2, 1, 1),
    *,
    code: str = "K7M2-Q9XD",
    state: str = "received",
    version: int = 1,
    paid: bool = True,
    due_at: str | None = None,
    store_id: str = STORE,
    discount_bp: int = 0,
    customer: str = "Hélène Dupré",
    weighed: int = 0,
) -> PickupOrder:
    """An order of the first products of the catalog (and ``weighed`` grams of the first
    product sold by weight), as the pickups feed sends it."""
    units = zip(products(store, len(quantities)), quantities, strict=True)
    rows = [(*row[:5], "unit", quantity) for row, quantity in units]
    if weighed:
        rows.append((*weighed_product(store)[:5], "weight", weighed))
    lines = []
    for number, (pid, sku, name, price, vat, sold_by, quantity) in enumerate(rows, start=1):
        unit = price - price * discount_bp // 10000
        total = unit * quantity if sold_by == "unit" else (unit * quantity + 500) // 1000
        lines.append(
            {
                "line_no": number, "product_id": pid, "sku": sku, "name": name,
                "sold_by": sold_by, "quantity": quantity, "list_price_cents": price,
                "unit_price_cents": unit, "vat_bp": vat, "promotion": None,
                "discount_cents": 0 if unit == price else (price - unit) * quantity,
                "total_cents": total,
                "picked_quantity": quantity if state == "ready" else None,
                "collected_quantity": None,
            }
        )  # fmt: skip
    at = "2025-11-24T18:00:00.000Z"
    event = {
        "version": version, "from_state": None, "state": state, "at": at, "recorded_at": at,
        "channel": "web", "terminal_id": None, "staff": None, "op_id": None, "reason": None,
    }  # fmt: skip
    return PickupOrder.model_validate(
        {
            "id": order_id, "store_id": store_id, "pickup_code": code,
            "qr_text": f"CMPT-PU:{order_id}:{code}", "state": state, "version": version,
            "customer": {"name": customer, "email": "helene@example.org",
                         "phone": "06 12 34 56 78"},
            "paid": paid, "lines": lines,
            "total_cents": sum(line["total_cents"] for line in lines),
            "picked_total_cents": None, "collected_total_cents": None, "partial": False,
            "sale_id": None, "created_at": at, "due_at": due_at,
            "expires_at": "2025-12-02T09:00:00.000Z", "updated_at": at, "history": [event],
        }
    )  # fmt: skip


@pytest.fixture
def desk(store: LocalStore) -> PickupDesk:
    ids = count(1)
    return PickupDesk(
        store, store_id=STORE, clock=lambda: NOW, tz=PARIS, new_id=lambda: f"op-{next(ids)}"
    )


def pull(store: LocalStore, *items: PickupOrder) -> None:
    pickup_feed.apply_page(store.conn, items, "cursor")


def queued(store: LocalStore) -> list[dict[str, Any]]:
    """The pickup_transition payloads queued, each valid for the contract."""
    rows = store.conn.execute(
        "SELECT payload FROM outbox WHERE kind = 'pickup_transition' ORDER BY seq"
    ).fetchall()
    payloads = [json.loads(row[0]) for row in rows]
    for payload in payloads:
        PAYLOAD_MODELS["pickup_transition"].model_validate(payload)
    return payloads


def refused(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(PosError) as error:
        call(*args, **kwargs)
    assert error.value.message
    return error.value.code


def test_finding_an_order_by_code_qr_number_or_search(store, desk) -> None:
    pull(store, order_item(store, "web-1"), order_item(store, "web-2", code="AB12-CD34"))
    assert desk.find("k7m2 q9xd").id == "web-1"
    assert desk.find("CMPT-PU:web-1:K7M2-Q9XD\r\n").id == "web-1"
    assert desk.find("web-2").id == "web-2"
    assert [o.id for o in desk.search("ab12cd34")] == ["web-2"]
    assert {o.id for o in desk.search("helene dupre")} == {"web-1", "web-2"}
    assert {o.id for o in desk.search("0612")} == {"web-1", "web-2"}
    assert refused(desk.find, "CMPT-PU:web-1:AB12-CD34") == "pickup_code_mismatch"  # forged
    assert refused(desk.find, "CMPT-PU:web-9:K7M2-Q9XD") == "pickup_not_found"
    assert refused(desk.find, "ZZZZ-ZZZZ") == "pickup_not_found"
    assert refused(desk.find, "CMPT-CART:AB12-CD34") == "pickup_is_cart"
    assert refused(desk.find, "CMPT-PU:garbled") == "pickup_code_unreadable"


def test_a_name_that_reads_like_a_code_is_still_searched_as_a_name(store, desk) -> None:
    pull(
        store,
        order_item(store, "web-1", customer="Inès Martinez"),
        order_item(store, "web-2", code="MART-1NEZ"),
    )
    assert [o.id for o in desk.search("martinez")] == ["web-2", "web-1"]  # the code first


def test_another_stores_order_is_never_shown(store, desk) -> None:
    pull(store, order_item(store, "web-9", store_id="paris-rivoli"))
    assert refused(desk.find, "CMPT-PU:web-9:K7M2-Q9XD") == "pickup_not_found"
    assert refused(desk.start_preparing, "web-9", INES) == "pickup_not_found"
    assert desk.search("web-9") == [] and desk.to_prepare() == []


def test_lists_and_counts_follow_the_stores_day(store, desk) -> None:
    pull(
        store,
        order_item(store, "web-1", code="AAAA-0001", due_at="2025-11-25T16:00:00.000Z"),
        order_item(store, "web-2", code="AAAA-0002", due_at="2025-11-24T22:59:00.000Z"),
        order_item(store, "web-3", code="AAAA-0003", due_at="2025-11-24T23:00:00.000Z"),
        order_item(store, "web-4", code="AAAA-0004", state="ready", version=3),
        order_item(store, "web-5", code="AAAA-0005", state="collected", version=4),
    )
    assert [o.id for o in desk.to_prepare()] == ["web-2", "web-3", "web-1"]
    assert [o.id for o in desk.ready()] == ["web-4"]
    assert [o.id for o in desk.due_today()] == ["web-3", "web-1"]  # Paris day from 23:00Z
    assert [o.id for o in desk.overdue()] == ["web-2"]
    counts = desk.counts()
    assert (counts.to_prepare, counts.ready, counts.due_today, counts.overdue) == (3, 1, 2, 1)
    desk.start_preparing("web-1", INES)
    assert desk.counts().to_prepare == 3 and desk.order("web-1").state is PickupState.PREPARING


def test_scan_to_pick_then_a_partial_ready(store, desk) -> None:
    pull(store, order_item(store, "web-1"))
    (_, sku_a, *_, code_a), (_, sku_b, *_, code_b), (_, sku_c, *_) = products(store)
    desk.start_preparing("web-1", INES)
    picking = desk.start_picking("web-1")
    listing = desk.picking_list("web-1")
    assert [(ln.sku, ln.quantity) for ln in listing.lines] == [(sku_a, 2), (sku_b, 1), (sku_c, 1)]
    assert code_a in listing.lines[0].barcodes
    unknown = store.conn.execute(
        "SELECT code FROM barcodes WHERE product_id > 100 LIMIT 1"
    ).fetchone()[0]
    assert refused(desk.scan_pick, picking, unknown) == "pick_wrong_item"
    picking = desk.scan_pick(picking, code_a).picking
    result = desk.scan_pick(picking, f" {code_a}\r\n")
    assert result.outcome is PickOutcome.LINE_DONE
    assert refused(desk.scan_pick, result.picking, code_a) == "pick_too_many"
    picking = desk.scan_pick(result.picking, code_b).picking
    assert [(line.sku, missing) for line, missing in picking.missing] == [(sku_c, 1)]
    order = desk.mark_ready("web-1", INES, picking)
    assert order.state is PickupState.READY and order.partial and order.unsynced == 2
    assert queued(store)[-1]["lines"] == [
        {"quantity": 2, "sku": sku_a},
        {"quantity": 1, "sku": sku_b},
        {"quantity": 0, "sku": sku_c},
    ]
    assert refused(desk.start_picking, "web-1") == "pickup_already_ready"


def test_goods_sold_by_weight_are_picked_by_the_scale_label(store, desk) -> None:
    pull(store, order_item(store, "web-1", (1,), weighed=500))
    desk.start_preparing("web-1", INES)
    code = products(store, 1)[0][5]
    _, sku, *_, plu = weighed_product(store)
    picking = desk.start_picking("web-1")
    picking = desk.scan_pick(picking, make_ean13(f"26{plu}00320")).picking  # 320 g
    assert refused(desk.scan_pick, picking, make_ean13(f"26{plu}00200")) == "pickup_bad_quantity"
    result = desk.scan_pick(picking, make_ean13(f"26{plu}00180"))
    assert (result.line.sku, result.line.picked, result.outcome) == (
        sku,
        500,
        PickOutcome.LINE_DONE,
    )
    assert refused(desk.scan_pick, picking, make_ean13("2699999" + "00100")) == "pick_wrong_item"
    picking = desk.scan_pick(result.picking, code).picking
    assert picking.complete
    assert desk.mark_ready("web-1", INES, picking).picked_total_cents == (
        desk.order("web-1").total_cents
    )
    assert "lines" not in queued(store)[-1]


def test_ready_refuses_nothing_picked_and_a_foreign_picking(store, desk) -> None:
    pull(store, order_item(store, "web-1"), order_item(store, "web-2", (1,), code="AB12-CD34"))
    assert refused(desk.mark_ready, "web-1", INES, desk.start_picking("web-1")) == (
        "pickup_illegal_move"  # received: start preparing first
    )
    desk.start_preparing("web-1", INES)
    picking = desk.start_picking("web-1")
    assert refused(desk.mark_ready, "web-1", INES, picking) == "pickup_nothing_picked"
    other = desk.start_picking("web-2")
    assert refused(desk.mark_ready, "web-1", INES, other) == "pickup_picking_mismatch"
    complete = picking
    for line in picking.lines:
        complete = desk.set_picked(complete, line.sku, line.ordered)
    assert refused(desk.set_picked, complete, picking.lines[0].sku, 99) == "pickup_bad_quantity"
    desk.mark_ready("web-1", INES, complete)
    assert "lines" not in queued(store)[-1]  # everything picked


def test_handing_over_a_prepaid_order(store, desk) -> None:
    pull(store, order_item(store, "web-1", state="ready", version=3))
    (_, sku_a, name_a, *_), *_ = products(store)
    slip = desk.hand_over("web-1", INES, {sku_a: 1})
    assert slip.state is PickupState.PARTIALLY_COLLECTED
    assert (slip.lines[0].sku, slip.lines[0].quantity, slip.lines[0].name) == (sku_a, 1, name_a)
    assert [line.quantity for line in slip.short] == [1]
    assert slip.customer_name == "Hélène Dupré" and slip.staff == "Inès" and slip.paid_online
    assert slip.at == "2025-11-25T09:30:00.000Z" and slip.sale_id is None
    assert slip.total_cents == sum(line.total_cents for line in slip.lines)
    assert queued(store)[-1]["to_state"] == "partially_collected"
    assert refused(desk.hand_over, "web-1", INES) == "pickup_closed"  # scanned twice


def test_handover_refusals(store, desk) -> None:
    pull(
        store,
        order_item(store, "web-1", state="ready", version=3),
        order_item(store, "web-2", code="AB12-CD34", state="ready", version=3, paid=False),
        order_item(store, "web-3", code="AAAA-0003"),
    )
    sku = products(store)[0][1]
    assert refused(desk.hand_over, "web-1", INES, {"NOPE": 1}) == "pick_wrong_item"
    assert refused(desk.hand_over, "web-1", INES, {sku: 3}) == "pickup_bad_quantity"
    zero = {line.sku: 0 for line in desk.order("web-1").lines}
    assert refused(desk.hand_over, "web-1", INES, zero) == "pickup_nothing_handed_over"
    assert refused(desk.hand_over, "web-2", INES) == "pickup_pay_in_store"
    assert refused(desk.hand_over, "web-3", INES) == "pickup_not_ready"
    assert refused(desk.sale_lines_for, "web-1") == "pickup_prepaid"
    assert refused(desk.sale_lines_for, "web-3") == "pickup_prepaid"
    assert queued(store) == []


def test_an_order_paid_in_store_is_sold_at_its_prices_then_handed_over(store, desk) -> None:
    pull(store, order_item(store, "web-1", state="ready", version=3, paid=False, discount_bp=1000))
    lines = desk.sale_lines_for("web-1")
    checkout = Checkout(store, terminal_id="T01", actor=a_cashier("Inès"), new_id=lambda: "sale-1")
    checkout.add_priced([PricedItem(ln.product_id, ln.quantity, ln.unit_price_cents)
                         for ln in lines])  # fmt: skip
    order = desk.order("web-1")
    assert checkout.totals().total_cents == order.total_cents
    assert [ln.product.price_cents for ln in checkout.basket.lines] == [
        ln.unit_price_cents for ln in order.lines
    ]
    assert refused(desk.hand_over_paid_in_store, "web-1", INES, "sale-1") == (
        "pickup_sale_unknown"  # not committed yet
    )
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
    sale = checkout.complete()
    slip = desk.hand_over_paid_in_store("web-1", INES, sale.sale_id)
    assert slip.state is PickupState.COLLECTED and slip.sale_id == "sale-1"
    assert slip.total_cents == sale.draft.total_cents
    assert queued(store)[-1]["sale_id"] == "sale-1" and "lines" not in queued(store)[-1]
    outbox = store.conn.execute("SELECT kind FROM outbox ORDER BY seq").fetchall()
    assert outbox == [("sale",), ("pickup_transition",)]  # the sale goes first


def test_cancel_at_the_desk_keeps_the_reason(store, desk) -> None:
    pull(store, order_item(store, "web-1"))
    order = desk.cancel("web-1", INES, "  The customer changed their mind. ")
    assert order.state is PickupState.CANCELLED and not order.is_open
    assert queued(store)[-1]["reason"] == "The customer changed their mind."
    assert refused(desk.start_preparing, "web-1", INES) == "pickup_closed"


def test_a_refused_move_is_a_conflict_with_its_reason_and_advice(store, desk) -> None:
    pull(store, order_item(store, "web-1", state="ready", version=3))
    desk.hand_over("web-1", INES)
    reason = (
        "Order web-1 is collected (version 4): collected at terminal T02 by Marc at "
        "2025-11-25T09:29:00.000Z. This move expected it ready at version 3."
    )
    push_queue.settle(store.conn, [], [Rejection("op-1", "conflict", reason)])
    pull(store, order_item(store, "web-1", state="collected", version=4))
    (conflict,) = desk.conflicts()
    assert (conflict.order_id, conflict.code, conflict.reason) == ("web-1", "conflict", reason)
    assert conflict.attempted == "collected" and conflict.state_now is PickupState.COLLECTED
    assert conflict.advice_code == "pickup_already_handed_over"
    assert desk.counts().conflicts == 1
    assert desk.dismiss_conflicts("web-1") == 1 and desk.conflicts() == []


def test_a_sale_for_an_order_cancelled_meanwhile_is_to_be_refunded(store, desk) -> None:
    pull(store, order_item(store, "web-1", state="ready", version=3, paid=False))
    checkout = Checkout(store, terminal_id="T01", actor=a_cashier("Inès"), new_id=lambda: "sale-1")
    checkout.add_priced([PricedItem(ln.product_id, ln.quantity, ln.unit_price_cents)
                         for ln in desk.sale_lines_for("web-1")])  # fmt: skip
    checkout.add_tender(TenderKind.CASH, checkout.totals().total_cents)
    desk.hand_over_paid_in_store("web-1", INES, checkout.complete().sale_id)
    push_queue.settle(store.conn, ["sale-1"], [Rejection("op-1", "conflict", "cancelled online")])
    pull(store, order_item(store, "web-1", state="cancelled", version=4, paid=False))
    assert desk.order("web-1").state is PickupState.CANCELLED
    assert [c.advice_code for c in desk.conflicts()] == ["pickup_refund"]


def test_checkout_adds_priced_items_all_or_none(store) -> None:
    (pid_a, _, _, price_a, *_), (pid_b, *_) = products(store, 2)
    checkout = Checkout(store, terminal_id="T01", actor=a_cashier("Inès"))
    with pytest.raises(PosError) as unknown:
        checkout.add_priced([PricedItem(pid_a, 1, 100), PricedItem(999_999, 1, 100)])
    assert unknown.value.code == "unknown_product" and checkout.basket.is_empty()
    with pytest.raises(PosError) as too_much:
        checkout.add_priced([PricedItem(pid_a, 1, 100), PricedItem(pid_b, 9_999, 99_999_999)])
    assert too_much.value.code == "amount_too_large" and checkout.basket.is_empty()
    online = price_a * 9 // 10  # a promotion seen online
    lines = checkout.add_priced([PricedItem(pid_a, 3, online)])
    assert lines[0].product.price_cents == online
    assert checkout.totals().total_cents == 3 * online
    checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
    assert refused(checkout.add_priced, [PricedItem(pid_b, 1, 100)]) == "payments_taken"
    sale = checkout.complete()
    assert sale.draft.lines[0].unit_price_cents == online


def test_a_handover_without_the_code_needs_the_right_or_an_approval(store, desk) -> None:
    from pos.domain.rights import Approval, Right, RightRefused
    from pos.store import staff as staff_store
    from pos.store.db import write_transaction

    pull(
        store,
        order_item(store, "web-1", state="ready", version=3),
        order_item(store, "web-2", state="ready", version=3, code="AB12-CD34"),
        order_item(store, "web-3", state="ready", version=3, code="ZX34-VB56"),
    )
    camille = CAMILLE  # a cashier holds PICKUP_DESK, not HANDOVER_WITHOUT_CODE
    with pytest.raises(RightRefused) as caught:
        desk.hand_over("web-1", camille)
    assert caught.value.params == {"right": "handover_without_code", "approvable": True}
    assert refused(desk.hand_over, "web-1", camille, code="AB12-CD34") == "pickup_code_wrong"
    assert queued(store) == []  # nothing moved
    assert desk.hand_over("web-1", camille, code="k7m2 q9xd").staff == "Camille"  # typed
    assert desk.hand_over("web-2", camille, code="CMPT-PU:web-2:AB12-CD34").state.value == (
        "collected"
    )  # scanned
    at = "2025-11-25T09:30:00.000Z"
    approval = Approval("a-1", Right.HANDOVER_WITHOUT_CODE, camille, INES, "no code", None, at)
    assert refused(desk.hand_over, "web-3", camille, approval=approval) == "approval_unknown"
    with write_transaction(store.conn):  # as the approvals service records it
        staff_store.record_approval(
            store.conn,
            staff_store.ApprovalRow("a-1", "handover_without_code", "camille", "Camille",
                                    "ines", "Inès", "no code", None, at),
        )  # fmt: skip
    assert desk.hand_over("web-3", camille, approval=approval).staff == "Camille"
    assert len(queued(store)) == 3
