"""The attention list's rows: every operation central has not settled, in one shape.

Outbox operations (waiting, refused centrally, or set aside by a person), the calls owed
to central (claim releases, credit note reversals, customers, consents, coupons, loyalty)
and central's warnings on accepted operations become ``AttentionItem``s. ``facts`` holds
what the staff's words need ("Sale no. 1234 — €23.40", "−2 × Plain yoghurt"), read from
the payload and the local catalog: the UI words them in the till's language.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pos.store import owed_calls, push_queue, set_asides, sync_attention, transfer_outcomes
from pos.store.owed_calls import OwedCall
from pos.store.push_queue import UnsettledOperation
from pos.store.set_asides import OUTBOX, SetAside
from pos.store.transfer_outcomes import DIFFERENCE_KIND, TransferOutcome

#: ``pending``: waiting to be sent, nothing to do; ``to_check``: needs a person;
#: ``set_aside``: a person set it aside with a note; ``warning``: accepted, flagged.
State = Literal["pending", "to_check", "set_aside", "warning"]
#: Where the item lives: the outbox, an owed call, a warning on an outbox row, or a
#: transfer this store sent that arrived with a difference (settled by setting it aside).
Source = Literal["outbox", "owed", "warning", "difference"]


@dataclass(frozen=True, slots=True)
class AttentionItem:
    state: State
    source: Source
    kind: str  # the outbox kind, or the owed call's kind
    key: str  # the op_id, or the owed call's ident
    code: str  # central's refusal or warning code ('' when none)
    reason: str  # central's or the client's own sentence ('' when none)
    since: str  # UTC ISO: queued, or refused
    attempts: int = 0
    facts: dict[str, Any] = field(default_factory=dict)
    set_aside: SetAside | None = None

    @property
    def can_requeue(self) -> bool:
        """Refused or set aside: sending again is a person's decision."""
        if self.source == "outbox":
            return self.state in ("to_check", "set_aside")
        return self.source == "owed" and (self.state == "set_aside" or _refused(self.code))

    @property
    def can_set_aside(self) -> bool:
        return self.source != "warning" and self.state != "set_aside"


def _refused(code: str) -> bool:
    return code not in ("", owed_calls.UNREACHABLE)


def read_items(
    conn: sqlite3.Connection, now: str, limit: int, own_store_id: str = ""
) -> list[AttentionItem]:
    """Every item, those needing a person first; each list cut at ``limit``.
    ``own_store_id``: this till's store, whose sent transfers are checked for differences."""
    seen = set_asides.open_set_asides(conn)
    items = [_operation(conn, op, seen.get((OUTBOX, op.op_id))) for op in
             push_queue.unsettled(conn, limit)]  # fmt: skip
    moment = _moment(now)
    for call in owed_calls.queued(conn)[:limit]:
        items.append(_owed(call, moment, seen.get((call.kind, call.ident))))
    for w in sync_attention.warnings(conn, limit):
        items.append(
            AttentionItem("warning", "warning", w.kind, w.op_id, w.code, w.text, w.recorded_at,
                          facts=_facts(conn, w.kind, _payload(conn, w.op_id)))
        )  # fmt: skip
    for sent in transfer_outcomes.with_differences(conn, own_store_id, limit):
        items.append(_difference(sent, seen.get((DIFFERENCE_KIND, sent.delivery_id))))
    order = {"to_check": 0, "pending": 1, "set_aside": 2, "warning": 3}
    return sorted(items, key=lambda i: (order[i.state], i.since))


def _operation(
    conn: sqlite3.Connection, op: UnsettledOperation, note: SetAside | None
) -> AttentionItem:
    state: State = "pending"
    code, reason, since = "", op.last_error, op.created_at
    if op.rejected_at:
        state = "set_aside" if note is not None else "to_check"
        since = op.rejected_at
        code = op.rejected_code
    try:
        payload = json.loads(op.payload_json)
    except ValueError:
        payload = {}
    facts = _facts(conn, op.kind, payload) | {"seq": op.seq, "failure": op.last_error_kind}
    return AttentionItem(state, "outbox", op.kind, op.op_id, code, reason, since,
                         op.attempts, facts, note)  # fmt: skip


def _owed(call: OwedCall, moment: datetime, note: SetAside | None) -> AttentionItem:
    state: State = "pending"
    if note is not None:
        state = "set_aside"
    elif call.needs_attention(moment):
        state = "to_check"
    facts: dict[str, Any] = {"code": call.code}
    if call.kind == owed_calls.LOYALTY:
        action, _, points = call.code.partition(":")
        facts = {"action": action, "points": int(points or 0)}
    return AttentionItem(state, "owed", call.kind, call.ident, call.last_code, call.last_error,
                         call.queued_at, call.attempts, facts, note)  # fmt: skip


def _difference(sent: TransferOutcome, note: SetAside | None) -> AttentionItem:
    """A transfer the other store received short (or over): to check until set aside."""
    missing = [(x.name or x.sku, x.sent, x.received, x.damaged)
               for x in sent.lines if x.difference]  # fmt: skip
    facts = {"where": sent.to_store_id, "sent": sent.units_sent,
             "received": sent.units_received, "lines": missing}  # fmt: skip
    state: State = "set_aside" if note is not None else "to_check"
    return AttentionItem(state, "difference", DIFFERENCE_KIND, sent.delivery_id, "", "",
                         sent.received_at or sent.sent_at, 0, facts, note)  # fmt: skip


def _payload(conn: sqlite3.Connection, op_id: str) -> dict[str, Any]:
    row = conn.execute("SELECT payload FROM outbox WHERE op_id = ?", (op_id,)).fetchone()
    try:
        return json.loads(row[0]) if row else {}
    except ValueError:
        return {}


def _facts(conn: sqlite3.Connection, kind: str, p: dict[str, Any]) -> dict[str, Any]:
    """What the staff's words need; a payload the till cannot read gives no facts (the
    row is still listed, by its kind and number)."""
    try:
        return _FACTS[kind](conn, p) if kind in _FACTS else {}
    except (KeyError, TypeError, ValueError, AttributeError):
        return {}


def _sale(conn: sqlite3.Connection, p: dict[str, Any]) -> dict[str, Any]:
    sale = p["sale"]
    return {"ticket_no": int(sale["ticket_no"]), "total_cents": int(sale["total_cents"])}


def _movement(conn: sqlite3.Connection, p: dict[str, Any]) -> dict[str, Any]:
    row = conn.execute("SELECT name FROM products WHERE id = ?", (p["product_id"],)).fetchone()
    name = row[0] if row else str(p.get("sku") or p["product_id"])
    return {"delta": int(p["delta"]), "name": name, "reason": str(p.get("reason", ""))}


def _pickup(conn: sqlite3.Connection, p: dict[str, Any]) -> dict[str, Any]:
    row = conn.execute(
        "SELECT pickup_code FROM pickup_orders WHERE id = ?", (p["order_id"],)
    ).fetchone()
    return {"order": row[0] if row else str(p["order_id"]), "to_state": str(p["to_state"])}


def _by(field_name: str) -> Any:
    return lambda conn, p: {"name": str(p[field_name]["name"])}


_FACTS: dict[str, Any] = {
    "sale": _sale,
    "stock_movement": _movement,
    "pickup_transition": _pickup,
    "approval": lambda conn, p: {
        "right": str(p["right"]),
        "asked_by": str(p["asked_by_name"]),
        "approved_by": str(p["approved_by_name"]),
    },
    "till_session_opened": _by("opened_by"),
    "till_session_closed": _by("closed_by"),
    "cash_movement": lambda conn, p: {
        "amount_cents": int(p["amount_cents"]),
        "direction": str(p["kind"]),
        "name": str(p["by"]["name"]),
    },
    "sale_cancelled": lambda conn, p: {
        "total_cents": int(p["total_cents"]),
        "name": str(p["by"]["name"]),
    },
    "drawer_opened": _by("by"),
    "delivery_received": lambda conn, p: {
        "units": sum(int(x["received"]) for x in p["lines"]),
        "where": str(p["delivery_id"]),
    },
    "transfer_sent": lambda conn, p: {
        "units": sum(int(x["quantity"]) for x in p["lines"]),
        "where": str(p["to_store_id"]),
    },
    "stock_count": lambda conn, p: {"lines": len(p["lines"]), "scope": str(p["scope"])},
}


def _moment(now: str) -> datetime:
    moment = datetime.fromisoformat(now)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
