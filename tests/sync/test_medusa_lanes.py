"""Which operations of a batch the Medusa adapter may send side by side (``lanes``)."""

from __future__ import annotations

import json

from sync.medusa.lanes import lanes
from sync.ports import OutgoingOperation


def sale(op_id: str) -> OutgoingOperation:
    return OutgoingOperation(op_id, 1, "sale", "{}")


def move(op_id: str, order_id: str, sale_id: str | None = None) -> OutgoingOperation:
    payload = {"order_id": order_id, "to_state": "ready"}
    if sale_id:
        payload["sale_id"] = sale_id
    return OutgoingOperation(op_id, 1, "pickup_transition", json.dumps(payload))


def test_one_orders_moves_share_a_lane_in_batch_order_and_sales_go_alone() -> None:
    batch = [
        move("m1", "order_A"), sale("s1"), move("m2", "order_B"), move("m3", "order_A"),
        sale("s2"), move("m4", "order_A"),
    ]  # fmt: skip
    assert lanes(batch) == [[0, 3, 5], [1], [2], [4]]


def test_a_handover_follows_the_sale_that_paid_for_it() -> None:
    batch = [sale("s1"), move("m1", "order_A"), move("m2", "order_A", sale_id="s1"), sale("s2")]
    assert lanes(batch) == [[0, 1, 2], [3]]


def ticket(op_id: str, *origins: str) -> OutgoingOperation:
    lines = [{"line_no": 1, "quantity": 1}]
    lines += [{"line_no": n + 2, "quantity": -1, "returned": {"origin_sale_id": origin}}
              for n, origin in enumerate(origins)]  # fmt: skip
    return OutgoingOperation(op_id, 1, "sale", json.dumps({"sale": {"lines": lines}}))


def test_a_return_follows_the_sales_it_takes_back_from_in_the_batch() -> None:
    """A till's own sale returned offline and both pushed at once: the plugin must meet
    the sale before the return (else it has no order to return to)."""
    batch = [sale("s1"), sale("s2"), ticket("r1", "s1", "elsewhere"), ticket("s3"), sale("s4")]
    assert lanes(batch) == [[0, 2], [1], [3], [4]]
    assert lanes([ticket("r2", "s9"), OutgoingOperation("r3", 1, "sale", '{"origin_sale_id"')]) == [
        [0],
        [1],
    ]


def test_an_unreadable_payload_goes_alone() -> None:
    broken = OutgoingOperation("m9", 1, "pickup_transition", "{not json")
    assert lanes([move("m1", "order_A"), broken, move("m2", "order_A")]) == [[0, 2], [1]]


def day(op_id: str, kind: str, session_id: str) -> OutgoingOperation:
    return OutgoingOperation(op_id, 1, kind, json.dumps({"session_id": session_id}))


def test_one_till_sessions_records_go_in_order_in_one_lane() -> None:
    """An opening, its cash movement and its Z are filed in the order the till made them:
    the Z never overtakes the opening of its own session."""
    batch = [
        day("ts-1", "till_session_opened", "ts-1"), sale("s1"),
        day("mv-1", "cash_movement", "ts-1"), day("ts-2", "till_session_opened", "ts-2"),
        day("z-ts-1", "till_session_closed", "ts-1"),
    ]  # fmt: skip
    assert lanes(batch) == [[0, 2, 4], [1], [3]]


def entry(terminal: str, chain: str, seq: int) -> OutgoingOperation:
    return OutgoingOperation(f"chain:{terminal}:{chain}:{seq}", seq, "chain_entry", "{}")


def test_one_chains_entries_go_in_order_in_one_lane() -> None:
    """Comptoir's plugin witnesses each entry after the one it links to: a chain's entries
    never overtake one another (a missing one is then a break, not a race)."""
    batch = [
        entry("T1", "event", 7), sale("s1"), entry("T1", "closure", 2),
        entry("T1", "event", 8), entry("T2", "event", 8), entry("T1", "event", 9),
    ]  # fmt: skip
    assert lanes(batch) == [[0, 3, 5], [1], [2], [4]]
