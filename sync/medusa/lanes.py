"""Which operations of a push batch may go to Medusa side by side, and which must not.

Sales are independent: each becomes its own order, so they go in parallel (a sale is a
chain of ~9 calls, mostly waiting on Medusa). The moves of one pickup order are not: each
reads the order's version and state that the move before it wrote, so prepare, ready and
handover queued offline and sent in one batch must run one after the other, in the order
the desk made them; so must a handover and the sale that took its money (``sale_id``).
So do one till session's opening, cash movements and Z, in the order the till made them,
and the entries of one signed chain (``chain_entry``), so the plugin's witness sees each
after the one it links to. A return ticket follows the sales it takes back from when
they are in the batch (a till's own sale returned offline, both pushed at once): else
the plugin would meet the return before the order it returns to.
A lane is such a chain; lanes run in parallel, each in batch order.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sync.ports import OutgoingOperation

TILL_DAY = ("till_session_opened", "cash_movement", "till_session_closed")


def lanes(operations: Sequence[OutgoingOperation]) -> list[list[int]]:
    """Indexes of ``operations`` grouped into lanes, each in batch order; the lanes in the
    order of their first operation."""
    parent = list(range(len(operations)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str], int] = {}
    for index, op in enumerate(operations):
        for key in _keys(op):
            if key in owner:
                parent[root(index)] = root(owner[key])
            else:
                owner[key] = index
    grouped: dict[int, list[int]] = {}
    for index in range(len(operations)):
        grouped.setdefault(root(index), []).append(index)
    return sorted(grouped.values(), key=lambda lane: lane[0])


def _keys(op: OutgoingOperation) -> list[tuple[str, str]]:
    keys = [("op", op.op_id)]
    if op.kind == "chain_entry":  # op id chain:<terminal>:<chain>:<seq>
        keys.append(("chain", op.op_id.rsplit(":", 1)[0]))
        return keys
    if op.kind == "sale":
        return keys + [("op", origin) for origin in _origins(op.payload_json)]
    if op.kind not in ("pickup_transition", *TILL_DAY):
        return keys
    try:
        payload = json.loads(op.payload_json)
    except ValueError:
        return keys
    if not isinstance(payload, dict):
        return keys
    if op.kind in TILL_DAY:
        if isinstance(payload.get("session_id"), str):
            keys.append(("session", payload["session_id"]))
        return keys
    if isinstance(payload.get("order_id"), str):
        keys.append(("order", payload["order_id"]))
    if isinstance(payload.get("sale_id"), str):
        keys.append(("op", payload["sale_id"]))
    return keys


def _origins(payload_json: str) -> set[str]:
    """The sales a return ticket's lines take back from (none for a plain sale)."""
    if '"origin_sale_id"' not in payload_json:  # a plain sale: no parsing
        return set()
    try:
        sale = json.loads(payload_json).get("sale") or {}
        lines = sale.get("lines") or []
        found = {(line.get("returned") or {}).get("origin_sale_id") for line in lines}
    except (ValueError, AttributeError):
        return set()
    return {origin for origin in found if isinstance(origin, str) and origin}
