"""The desk's pickup orders: pulled versions, local moves laid over them, conflicts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pos.domain.errors import PosError
from pos.domain.pickup import PickupState
from pos.domain.text_keys import query_words
from pos.store import feed_cursors, pickup_feed, pickup_orders, push_queue
from pos.store.local_store import LocalStore
from pos.store.pickup_orders import MoveRequest, OrderGone
from pos.store.push_queue import Rejection
from sync.contract.operations import PAYLOAD_MODELS
from sync.contract.pickups import PickupOrder

AT = "2025-11-25T09:00:00.000Z"


def order_item(
    order_id: str = "web-1",
    *,
    state: str = "received",
    version: int = 1,
    code: str = "K7M2-Q9XD",
    name: str = "Camille Martin",
    email: str = "camille@example.org",
    phone: str = "06 12 34 56 78",
    lines: tuple[tuple[str, int, int], ...] = (("SKU-A", 2, 350), ("SKU-B", 1, 1299)),
    picked: dict[str, int] | None = None,
    store_id: str = "lyon-part-dieu",
    due_at: str | None = None,
    paid: bool = True,
) -> PickupOrder:
    """An order as the pickups feed sends it (the contract's model, validated)."""
    priced = []
    for number, (sku, quantity, price) in enumerate(lines, start=1):
        priced.append(
            {
                "line_no": number, "product_id": number, "sku": sku, "name": f"Produit {sku}",
                "sold_by": "unit", "quantity": quantity, "list_price_cents": price,
                "unit_price_cents": price, "vat_bp": 2000, "promotion": None,
                "discount_cents": 0, "total_cents": price * quantity,
                "picked_quantity": None if picked is None else picked.get(sku, quantity),
                "collected_quantity": None,
            }
        )  # fmt: skip
    event = {
        "version": version, "from_state": None, "state": state, "at": AT, "recorded_at": AT,
        "channel": "web", "terminal_id": None, "staff": None, "op_id": None, "reason": None,
    }  # fmt: skip
    return PickupOrder.model_validate(
        {
            "id": order_id, "store_id": store_id, "pickup_code": code,
            "qr_text": f"CMPT-PU:{order_id}:{code}", "state": state, "version": version,
            "customer": {"name": name, "email": email, "phone": phone}, "paid": paid,
            "lines": priced, "total_cents": sum(line["total_cents"] for line in priced),
            "picked_total_cents": None, "collected_total_cents": None,
            "partial": False, "sale_id": None, "created_at": AT, "due_at": due_at,
            "expires_at": "2025-12-02T09:00:00.000Z", "updated_at": AT, "history": [event],
        }
    )  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    with LocalStore(tmp_path / "store.db") as opened:
        yield opened


def pull(store: LocalStore, *items: PickupOrder, cursor: str = "c1") -> int:
    return pickup_feed.apply_page(store.conn, items, cursor)


def move(store: LocalStore, order_id: str, to: PickupState, op_id: str, **fields: Any):
    request = MoveRequest(to, "Inès", AT, **fields)
    return pickup_orders.record_move(store.conn, order_id, lambda order: request, op_id=op_id)


def outbox_payload(store: LocalStore, op_id: str) -> dict[str, Any]:
    row = store.conn.execute(
        "SELECT kind, payload FROM outbox WHERE op_id = ?", (op_id,)
    ).fetchone()
    assert row[0] == "pickup_transition"
    return json.loads(row[1])


def test_a_page_stores_whole_orders_and_its_cursor(store: LocalStore) -> None:
    assert pull(store, order_item()) == 1
    order = pickup_orders.get(store.conn, "web-1")
    assert order is not None
    assert (order.state, order.version, order.unsynced) == (PickupState.RECEIVED, 1, 0)
    assert [(ln.sku, ln.quantity, ln.unit_price_cents) for ln in order.lines] == [
        ("SKU-A", 2, 350),
        ("SKU-B", 1, 1299),
    ]
    assert order.history[0].channel == "web"
    assert feed_cursors.cursor(store.conn, "pickups") == "c1"


def test_the_latest_version_wins_and_a_page_applied_twice_changes_nothing(
    store: LocalStore,
) -> None:
    pull(store, order_item(version=1), order_item(state="preparing", version=2))
    pull(store, order_item(state="preparing", version=2), cursor="c2")
    pull(store, order_item(version=1), cursor="c3")  # an older copy
    order = pickup_orders.get(store.conn, "web-1")
    assert order is not None and (order.state, order.version) == (PickupState.PREPARING, 2)
    assert feed_cursors.cursor(store.conn, "pickups") == "c3"
    pickup_feed.restart(store.conn)
    assert feed_cursors.cursor(store.conn, "pickups") is None
    assert pickup_orders.get(store.conn, "web-1") is not None  # kept until replaced


def test_a_move_applies_at_once_and_queues_its_operation_in_one_transaction(
    store: LocalStore,
) -> None:
    pull(store, order_item())
    order = move(store, "web-1", PickupState.PREPARING, "op-1")
    assert (order.state, order.version, order.unsynced) == (PickupState.PREPARING, 2, 1)
    assert (order.central_state, order.central_version) == (PickupState.RECEIVED, 1)
    payload = outbox_payload(store, "op-1")
    assert payload == {
        "order_id": "web-1", "from_state": "received", "to_state": "preparing",
        "expected_version": 1, "staff": "Inès", "at": AT,
    }  # fmt: skip
    PAYLOAD_MODELS["pickup_transition"].model_validate(payload)

    def refuse(order: object) -> MoveRequest:
        raise PosError("no", code="nope")

    with pytest.raises(PosError):
        pickup_orders.record_move(store.conn, "web-1", refuse, op_id="op-2")
    assert store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 1
    assert store.conn.execute("SELECT count(*) FROM pickup_moves").fetchone()[0] == 1
    with pytest.raises(OrderGone):
        move(store, "web-404", PickupState.PREPARING, "op-3")


def test_chained_moves_name_the_versions_central_will_have(store: LocalStore) -> None:
    pull(store, order_item())
    move(store, "web-1", PickupState.PREPARING, "op-1")
    order = move(store, "web-1", PickupState.READY, "op-2", counts={"SKU-A": 1, "SKU-B": 1})
    assert (order.state, order.version, order.unsynced) == (PickupState.READY, 3, 2)
    assert order.partial and order.picked_total_cents == 350 + 1299
    payload = outbox_payload(store, "op-2")
    assert (payload["from_state"], payload["expected_version"]) == ("preparing", 2)
    assert payload["lines"] == [{"quantity": 1, "sku": "SKU-A"}, {"quantity": 1, "sku": "SKU-B"}]
    order = move(store, "web-1", PickupState.COLLECTED, "op-3")
    assert [ln.collected_quantity for ln in order.lines] == [1, 1]
    assert order.collected_total_cents == 350 + 1299 and not order.is_open


def test_a_pull_of_an_older_or_equal_version_never_undoes_a_pending_move(
    store: LocalStore,
) -> None:
    pull(store, order_item())
    move(store, "web-1", PickupState.PREPARING, "op-1")
    pull(store, order_item(), cursor="c2")  # equal version: still what the desk saw
    order = pickup_orders.get(store.conn, "web-1")
    assert order is not None and order.state is PickupState.PREPARING
    assert [o.id for o in pickup_orders.open_orders(store.conn)] == ["web-1"]


def test_an_acknowledged_move_holds_until_central_shows_it(store: LocalStore) -> None:
    pull(store, order_item())
    move(store, "web-1", PickupState.PREPARING, "op-1")
    push_queue.settle(store.conn, ["op-1"])
    order = pickup_orders.get(store.conn, "web-1")
    assert order is not None and (order.state, order.unsynced) == (PickupState.PREPARING, 0)
    # central went on (another desk made it ready): the pulled order is the truth now
    pull(store, order_item(state="ready", version=3, picked={}), cursor="c2")
    order = pickup_orders.get(store.conn, "web-1")
    assert order is not None and (order.state, order.version) == (PickupState.READY, 3)


def test_a_rejected_move_falls_back_to_central_and_is_listed_until_dismissed(
    store: LocalStore,
) -> None:
    pull(store, order_item(state="preparing", version=2))
    move(store, "web-1", PickupState.READY, "op-1")
    move(store, "web-1", PickupState.COLLECTED, "op-2")  # built on the first
    reason = "Order web-1 is cancelled (version 3): cancelled online at …"
    push_queue.settle(store.conn, [], [Rejection("op-1", "conflict", reason)])
    order = pickup_orders.get(store.conn, "web-1")
    assert order is not None and (order.state, order.version) == (PickupState.PREPARING, 2)
    pull(store, order_item(state="cancelled", version=3), cursor="c2")
    conflicts = pickup_orders.conflicts(store.conn)
    assert [(c.move.op_id, c.move.rejected_code, c.move.rejected_reason) for c in conflicts] == [
        ("op-1", "conflict", reason)
    ]
    assert conflicts[0].order.state is PickupState.CANCELLED
    assert pickup_orders.open_orders(store.conn) == []
    assert pickup_orders.dismiss(store.conn, "web-1") == 1
    assert pickup_orders.conflicts(store.conn) == []


def test_search_ignores_case_accents_hyphens_and_spaces(store: LocalStore) -> None:
    pull(
        store,
        order_item("web-1", name="Hélène Dupré", phone="06 12 34 56 78"),
        order_item("web-2", code="AB12-CD34", name="Marc Petit", email="marc@exemple.fr", phone=""),
    )

    def found(query: str) -> list[str]:
        return [o.id for o in pickup_orders.search(store.conn, query_words(query))]

    assert found("helene DUPRE") == ["web-1"]
    assert found("0612") == ["web-1"]
    assert found("marc@exemple") == ["web-2"]
    assert found("ab12-cd34") == ["web-2"]
    assert found("web 2") == ["web-2"]
    assert pickup_orders.by_code(store.conn, "AB12-CD34").id == "web-2"  # type: ignore[union-attr]


def test_open_orders_come_soonest_due_first(store: LocalStore) -> None:
    pull(
        store,
        order_item("web-1", code="AAAA-0001", due_at="2025-11-26T10:00:00.000Z"),
        order_item("web-2", code="AAAA-0002"),
        order_item("web-3", code="AAAA-0003", due_at="2025-11-25T10:00:00.000Z"),
        order_item("web-4", code="AAAA-0004", state="collected", version=5, picked={}),
    )
    assert [o.id for o in pickup_orders.open_orders(store.conn)] == ["web-3", "web-1", "web-2"]
