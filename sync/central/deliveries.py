"""Deliveries to a store and transfers between stores (issue 16): announced by the
operator or by a transfer, served in each store's ``deliveries`` feed, received once.

Receiving and sending are outbox operations applied inside the push transaction
(``pushes``): the stock deltas go through the batch's ``StockChanges`` and the delivery
row is re-written with a new change_seq in the same transaction, so a retried push
(same op_id) is a duplicate and a second receipt (another op_id) is refused: the stock
moves once. Damaged units are reported on the delivery, never stocked.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter

from sync.central.db import Database, next_change_seqs, utc_now
from sync.central.errors import conflict, not_found
from sync.central.network_stock import location
from sync.central.stock import StockChanges
from sync.contract.deliveries import (
    ALREADY_RECEIVED,
    UNKNOWN_DELIVERY,
    UNKNOWN_STORE,
    WRONG_STORE,
    DeliveryAnnouncement,
    DeliveryItem,
    DeliveryReceivedPayload,
    Differences,
    ExpectedLine,
    ReceivedLine,
    TransferSentPayload,
    transfer_delivery_id,
)
from sync.contract.operations import UNKNOWN_PRODUCT

#: (store_id, position, limit): the store's deliveries in change order, and the
#: transfers it sent (their delivery at the other store): once received there, the
#: sender reads what arrived and the differences (``DeliveryItem.received``).
FEED_QUERY = (
    "SELECT change_seq, CAST(item AS BLOB) FROM deliveries WHERE change_seq > ?2 AND "
    "(store_id = ?1 OR id IN (SELECT 'transfer:' || id FROM transfers WHERE from_store_id = ?1)) "
    "ORDER BY change_seq LIMIT ?3"
)
_INSERT = (
    "INSERT INTO deliveries (id, store_id, state, fingerprint, item, change_seq) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_ROW = "SELECT store_id, state, fingerprint, item FROM deliveries WHERE id = ?"
_SKU = "SELECT sku FROM products WHERE id = ?"
Verdict = tuple[str, str]  # (code, reason); ("", "") when applied
PAYLOADS = (DeliveryReceivedPayload, TransferSentPayload)


def announce(db: Database, store_id: str, body: DeliveryAnnouncement) -> DeliveryItem:
    """A supplier's delivery to expect at ``store_id``; the same announcement again
    answers it as it is now; the same id with other lines is a 409."""
    with db.write() as conn:
        return announce_in(conn, store_id, body, utc_now())


def announce_in(
    conn: sqlite3.Connection, store_id: str, body: DeliveryAnnouncement, now: str
) -> DeliveryItem:
    """``announce`` in the caller's write transaction (the demo seed's)."""
    fingerprint = hashlib.sha256(f"{store_id}\n{body.model_dump_json()}".encode()).hexdigest()
    if location(conn, store_id) is None:
        raise not_found(f"There is no store {store_id!r}.")
    row = conn.execute(_ROW, (body.delivery_id,)).fetchone()
    if row is not None:
        if row[2] != fingerprint:
            raise conflict(f"Delivery {body.delivery_id!r} exists with other lines.")
        return DeliveryItem.model_validate_json(row[3])
    for line in body.lines:
        if _sku(conn, line.product_id) != line.sku:
            raise not_found(f"There is no product {line.product_id} with SKU {line.sku!r}.")
    item = DeliveryItem(
        id=body.delivery_id, store_id=store_id, source_kind="supplier", source=body.supplier,
        state="expected", lines=body.lines, expected_on=body.expected_on, created_at=now,
        version=1,
    )  # fmt: skip
    return _insert(conn, item, fingerprint)


def get(db: Database, delivery_id: str) -> DeliveryItem:
    with db.read() as conn:
        row = conn.execute(_ROW, (delivery_id,)).fetchone()
    if row is None:
        raise not_found(f"There is no delivery {delivery_id!r}.")
    return DeliveryItem.model_validate_json(row[3])


def apply(
    conn: sqlite3.Connection,
    store_id: str,
    op_id: str,
    payload: DeliveryReceivedPayload | TransferSentPayload,
    stock: StockChanges,
) -> Verdict:
    """A ``delivery_received`` or ``transfer_sent`` operation, in the push transaction."""
    if isinstance(payload, DeliveryReceivedPayload):
        return receive(conn, store_id, op_id, payload, stock)
    return send(conn, store_id, op_id, payload, stock)


def receive(
    conn: sqlite3.Connection,
    store_id: str,
    op_id: str,
    payload: DeliveryReceivedPayload,
    stock: StockChanges,
) -> Verdict:
    """Stock what arrived in good state and keep the differences, once."""
    row = conn.execute(_ROW, (payload.delivery_id,)).fetchone()
    if row is None:
        return UNKNOWN_DELIVERY, f"Central has no delivery {payload.delivery_id!r}."
    delivery = DeliveryItem.model_validate_json(row[3])
    if delivery.store_id != store_id:
        return WRONG_STORE, (
            f"Delivery {delivery.id!r} is for store {delivery.store_id!r}, not {store_id!r}: "
            "it was not received here."
        )
    if delivery.state == "received":
        return ALREADY_RECEIVED, (
            f"Delivery {delivery.id!r} was already received on {delivery.received_at} by "
            f"{delivery.received_by or 'another till'}; this receipt changed nothing."
        )
    for line in payload.lines:
        sku = _sku(conn, line.product_id)
        if sku != line.sku:
            return UNKNOWN_PRODUCT, f"Central has no product {line.product_id} ({line.sku})."
    for line in payload.lines:
        if line.received:
            stock.move(
                line.product_id, line.sku, line.received, "receipt", delivery.id, op_id,
                staff_id=payload.staff_id, at=payload.at,
            )  # fmt: skip
    received = delivery.model_copy(
        update={
            "state": "received", "received": payload.lines,
            "differences": differences(delivery.lines, payload.lines),
            "received_by": payload.staff_id, "received_at": payload.at,
        }
    )  # fmt: skip
    _rewrite(conn, received)
    return "", ""


def send(
    conn: sqlite3.Connection,
    store_id: str,
    op_id: str,
    payload: TransferSentPayload,
    stock: StockChanges,
) -> Verdict:
    """Take the goods out of this store and announce their delivery at the other one."""
    if payload.to_store_id == store_id:
        return UNKNOWN_STORE, "A transfer goes to another store, not to the one sending it."
    target = location(conn, payload.to_store_id)
    if target is None or target[1] != "store":
        what = "no store" if target is None else "a warehouse without a till to receive it"
        return UNKNOWN_STORE, f"{payload.to_store_id!r} is {what}: nothing was sent."
    delivery_id = transfer_delivery_id(payload.transfer_id)
    if conn.execute(_ROW, (delivery_id,)).fetchone() is not None:
        return ALREADY_RECEIVED, f"Transfer {payload.transfer_id!r} was already sent."
    for line in payload.lines:
        if _sku(conn, line.product_id) != line.sku:
            return UNKNOWN_PRODUCT, f"Central has no product {line.product_id} ({line.sku})."
    for line in payload.lines:
        stock.move(
            line.product_id, line.sku, -line.quantity, "transfer", delivery_id, op_id,
            staff_id=payload.staff_id, at=payload.at,
        )  # fmt: skip
    source = (location(conn, store_id) or (store_id, "store"))[0]
    item = DeliveryItem(
        id=delivery_id, store_id=payload.to_store_id, source_kind="transfer", source=source,
        from_store_id=store_id, transfer_id=payload.transfer_id, state="expected",
        lines=payload.lines, created_at=payload.at, version=1,
    )  # fmt: skip
    _insert(conn, item, op_id)
    conn.execute(
        "INSERT INTO transfers (id, from_store_id, to_store_id, op_id, sent_by, sent_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (payload.transfer_id, store_id, payload.to_store_id, op_id, payload.staff_id,
         payload.at),
    )  # fmt: skip
    return "", ""


def differences(expected: list[ExpectedLine], checked: list[ReceivedLine]) -> Differences:
    """Per product: missing = expected - (received + damaged) when short; extra = the
    surplus (an article not on the delivery is all extra); damaged as reported."""
    want: Counter[int] = Counter({line.product_id: line.quantity for line in expected})
    got: Counter[int] = Counter()
    skus = {line.product_id: line.sku for line in [*expected, *checked]}
    damaged: Counter[int] = Counter()
    for line in checked:
        got[line.product_id] += line.received + line.damaged
        damaged[line.product_id] += line.damaged

    def lines(counts: Counter[int]) -> list[ExpectedLine]:
        return [
            ExpectedLine(product_id=pid, sku=skus[pid], quantity=n)
            for pid, n in sorted(counts.items())
            if n > 0
        ]

    return Differences(missing=lines(want - got), extra=lines(got - want), damaged=lines(damaged))


def _sku(conn: sqlite3.Connection, product_id: int) -> str | None:
    row = conn.execute(_SKU, (product_id,)).fetchone()
    return None if row is None else str(row[0])


def _insert(conn: sqlite3.Connection, item: DeliveryItem, fingerprint: str) -> DeliveryItem:
    seq = next_change_seqs(conn, 1)
    item = item.model_copy(update={"version": seq})
    conn.execute(
        _INSERT, (item.id, item.store_id, item.state, fingerprint, item.model_dump_json(), seq)
    )
    return item


def _rewrite(conn: sqlite3.Connection, item: DeliveryItem) -> None:
    seq = next_change_seqs(conn, 1)
    item = item.model_copy(update={"version": seq})
    conn.execute(
        "UPDATE deliveries SET state = ?, item = ?, change_seq = ? WHERE id = ?",
        (item.state, item.model_dump_json(), seq, item.id),
    )
