"""Pushes: a batch of operations applied in ONE transaction, answered per operation.

Idempotency is durable: each accepted op_id is written to ``operations`` in the same
transaction as its effects, with a fingerprint (sha256 of kind and canonical payload).
A retry — after a timeout, a cut connection or a restart — finds it and answers
``duplicate`` with the original warnings, changing nothing; the same op_id with another
payload is ``rejected`` (``op_id_reused``). Rejections are not recorded as operations:
they changed nothing, and answering them again the same way is what makes them final.

Payloads are validated and hashed before the write lock is taken (pure CPU); inside it,
each table gets one ``executemany`` for the whole batch. Pickup transitions are written
as they come (``pickup_desk``), so a batch may move one order twice in order.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter

from pos.domain.chain_entry import ChainEntry
from sync.central import (
    coupons,
    credit_notes,
    customer_order_payments,
    deliveries,
    loyalty_ledger,
    pickup_desk,
    return_claims,
    staff,
    stock_counts,
    till_acts,
    till_days,
)
from sync.central.chain import ChainWitness
from sync.central.chain_witness import SignedWitness
from sync.central.db import Database, bump_counters, utc_now
from sync.central.instants import normalize_or
from sync.central.pickup_machine import Refused
from sync.central.push_prepare import Prepared, prepare
from sync.central.stock import StockChanges
from sync.contract.chains import ChainEntryPayload
from sync.contract.operations import (
    APPROVER_LACKS_RIGHT,
    IMPLAUSIBLE_QUANTITY,
    INVALID_PAYLOAD,
    MAX_UNIT_DELTA,
    OP_ID_REUSED,
    UNKNOWN_KIND,
    UNKNOWN_PRODUCT,
    WRONG_TERMINAL,
    Operation,
    OperationResult,
    StockCountPayload,
    StockMovementPayload,
)
from sync.contract.pickups import PickupTransitionPayload
from sync.contract.sales import SalePayload, SaleRecord
from sync.contract.staff import APPROVER_ROLES, ApprovalPayload

_INSERT_OPERATION = (
    "INSERT INTO operations (op_id, store_id, terminal_id, seq, kind, fingerprint, warnings, "
    "accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_SALE = (
    "INSERT INTO sales (op_id, store_id, terminal_id, journal_seq, ticket_no, total_cents, "
    "completed_at, sale_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_CHUNK = 500  # bound parameters per IN (...) query


def push(
    db: Database, store_id: str, terminal_id: str, ops: list[Operation]
) -> list[OperationResult]:
    """Apply a batch; one result per operation, in order."""
    prepared = [prepare(op) for op in ops]
    with db.write() as conn:
        return _Batch(conn, store_id, terminal_id, prepared).run()


class _Batch:
    """The state of one push transaction: what exists, and what this batch adds."""

    def __init__(
        self, conn: sqlite3.Connection, store_id: str, terminal_id: str, prepared: list[Prepared]
    ) -> None:
        self.conn, self.store_id, self.terminal_id = conn, store_id, terminal_id
        self.prepared = prepared
        self.at = utc_now()
        valid = [p for p in prepared if not p.code]
        self.recorded = _recorded(conn, [p.op.op_id for p in valid])
        sales = [p.payload for p in valid if isinstance(p.payload, SalePayload)]
        self.chain = ChainWitness.load(
            conn, store_id, terminal_id, [s.journal.seq for s in sales if s.journal], self.at
        )
        entries = [p.payload.entry for p in valid if isinstance(p.payload, ChainEntryPayload)]
        places = [(s.seal.chain, s.seal.seq) for s in sales if s.seal is not None]
        places += [(e.chain, e.seq) for e in entries]
        self.signed = SignedWitness.load(conn, store_id, terminal_id, places, self.at)
        ids = {line.product_id for s in sales for line in s.sale.lines}
        ids |= {p.payload.product_id for p in valid if isinstance(p.payload, StockMovementPayload)}
        ids |= {
            line.product_id
            for p in valid
            if isinstance(p.payload, StockCountPayload)
            for line in p.payload.lines
        }
        self.skus = _skus(conn, sorted(ids))
        self.sold_by = _sold_by(conn, sorted(ids))
        self.stock = StockChanges(store_id, self.at)
        self.op_rows: list[tuple] = []
        self.sale_rows: list[tuple] = []
        self.approval_rows: list[tuple] = []
        self.counts: Counter[str] = Counter()
        self.pending: dict[str, SaleRecord] = {}  # this batch's sales, not written yet

    def run(self) -> list[OperationResult]:
        results = [self._one(p) for p in self.prepared]
        self.chain.flush(self.conn)
        self.signed.flush(self.conn)
        self.stock.flush(self.conn)
        self.conn.executemany(_INSERT_OPERATION, self.op_rows)
        self.conn.executemany(_INSERT_SALE, self.sale_rows)
        self.conn.executemany(staff.INSERT_APPROVAL, self.approval_rows)
        bump_counters(self.conn, dict(self.counts))
        return results

    def _one(self, p: Prepared) -> OperationResult:
        op_id = p.op.op_id
        if p.code:
            return self._rejected(op_id, p.code, p.reason)
        recorded = self.recorded.get(op_id)
        if recorded is not None:
            fingerprint, warnings = recorded
            if fingerprint != p.fingerprint and isinstance(p.payload, ChainEntryPayload):
                return self._entry_resent(op_id, p.payload)
            if fingerprint != p.fingerprint:
                reason = "This op_id was already accepted with another payload."
                return self._rejected(op_id, OP_ID_REUSED, reason)
            self.counts["operations_duplicate"] += 1
            return OperationResult(op_id=op_id, status="duplicate", warnings=warnings)
        if isinstance(p.payload, SalePayload):
            if p.payload.sale.terminal_id != self.terminal_id:
                reason = (
                    f"This sale names terminal {p.payload.sale.terminal_id!r}, but the token "
                    f"is terminal {self.terminal_id!r}'s: it was not stored."
                )
                return self._rejected(op_id, WRONG_TERMINAL, reason)
            if p.payload.seal is not None and p.payload.seal.terminal_id != self.terminal_id:
                reason = "This sale's seal names another terminal than the token's."
                return self._rejected(op_id, WRONG_TERMINAL, reason)
            code, problem = customer_order_payments.refusal(self.conn, p.payload.sale)
            if problem:  # it paid an order already paid or closed: kept at the till
                return self._rejected(op_id, code, problem)
            warnings = self._sale(p, p.payload)
        elif isinstance(p.payload, ChainEntryPayload):
            if p.payload.entry.terminal_id != self.terminal_id:
                reason = (
                    f"This entry names terminal {p.payload.entry.terminal_id!r}, but the "
                    f"token is terminal {self.terminal_id!r}'s: it was not stored."
                )
                return self._rejected(op_id, WRONG_TERMINAL, reason)
            entry = _entry(p.payload)
            warnings = self.signed.witness(op_id, entry, self._legacy_head(), entry.body)
        elif isinstance(p.payload, StockMovementPayload):
            code, problem = self._movement(op_id, p.payload)
            if problem:
                return self._rejected(op_id, code, problem)
            warnings = []
        elif isinstance(p.payload, StockCountPayload):
            code, problem = self._count(op_id, p.payload)
            if problem:
                return self._rejected(op_id, code, problem)
            warnings = []
        elif isinstance(p.payload, PickupTransitionPayload):
            try:
                warnings = pickup_desk.transition(
                    self.conn, (self.store_id, self.terminal_id), op_id, p.payload, self.stock,
                    self.at,
                )  # fmt: skip
            except Refused as refused:
                return self._rejected(op_id, refused.code, refused.reason)
        elif isinstance(p.payload, till_days.TILL_DAY_PAYLOADS):
            key = (self.store_id, self.terminal_id)
            code, problem = till_days.apply(self.conn, *key, op_id, p.payload)
            if problem:
                return self._rejected(op_id, code, problem)
            warnings = []
        elif isinstance(p.payload, till_acts.TILL_ACT_PAYLOADS):
            key = (self.store_id, self.terminal_id)
            code, problem = till_acts.apply(self.conn, *key, op_id, p.payload)
            if problem:
                return self._rejected(op_id, code, problem)
            coupons.release_cancelled(self.conn, self.store_id, p.payload)
            warnings = []
        elif isinstance(p.payload, deliveries.PAYLOADS):
            code, problem = deliveries.apply(self.conn, self.store_id, op_id, p.payload, self.stock)
            if problem:
                return self._rejected(op_id, code, problem)
            warnings = []
        elif isinstance(p.payload, ApprovalPayload):
            code, problem = self._approval(op_id, p.payload)
            if problem:
                return self._rejected(op_id, code, problem)
            self.approval_rows.append(
                staff.approval_row(op_id, self.store_id, p.payload, p.op.payload)
            )
            warnings = []
        else:  # PAYLOAD_MODELS grew a kind this server does not apply
            return self._rejected(op_id, UNKNOWN_KIND, f"Kind {p.op.kind!r} is not applied here.")
        self.recorded[op_id] = (p.fingerprint, warnings)
        self.op_rows.append(
            (op_id, self.store_id, self.terminal_id, p.op.seq, p.op.kind, p.fingerprint,
             json.dumps(warnings), self.at)
        )  # fmt: skip
        self.counts["operations_accepted"] += 1
        return OperationResult(op_id=op_id, status="accepted", warnings=warnings)

    def _entry_resent(self, op_id: str, payload: ChainEntryPayload) -> OperationResult:
        """A chain entry's op id again with another entry: witnessed and flagged as a
        rewrite (never dropped as a duplicate); the first entry stays the recorded one."""
        entry = _entry(payload)
        warnings = self.signed.witness(op_id, entry, self._legacy_head())
        warnings = self.signed.flag_rewrite(op_id, entry, warnings)
        self.counts["operations_accepted"] += 1
        return OperationResult(op_id=op_id, status="accepted", warnings=warnings)

    def _legacy_head(self) -> tuple[int, str]:
        return self.chain.head_seq, self.chain.head_hash

    def _rejected(self, op_id: str, code: str, reason: str) -> OperationResult:
        self.counts["operations_rejected"] += 1
        return OperationResult(op_id=op_id, status="rejected", code=code, reason=reason)

    def _sale(self, p: Prepared, payload: SalePayload) -> list[str]:
        """Witness the chain, keep the sale, and move stock: ``-quantity`` per line (not
        for a line paying a customer order: its goods are elsewhere, and it pays it)."""
        sale, warnings = payload.sale, []
        if payload.journal is not None:  # the legacy hash seal of an older till's outbox
            seal = payload.journal
            warnings = self.chain.witness(
                sale.id, seal.seq, seal.prev_hash, seal.hash, p.computed_hash,
                seal.grand_total_cents,
            )  # fmt: skip
        elif payload.seal is not None:  # a signed ticket entry: the sale record is its body
            seal = payload.seal
            entry = ChainEntry(
                seal.terminal_id, seal.chain, seal.seq, seal.kind, seal.ref, seal.at,
                seal.key_id, seal.prev, p.sale_json, seal.sig,
            )  # fmt: skip
            warnings = self.signed.witness(sale.id, entry, self._legacy_head())
        seq = payload.journal.seq if payload.journal else payload.seal.seq  # type: ignore[union-attr]
        self.sale_rows.append(
            (sale.id, self.store_id, self.terminal_id, seq, sale.ticket_no,
             sale.total_cents, sale.completed_at, p.sale_json)
        )  # fmt: skip
        # Each movement at the sale's own time: a count judges stock at an instant.
        at = normalize_or(sale.completed_at, self.at)
        for line in sale.lines:
            sku = self.skus.get(line.product_id)
            if line.customer_order_id is not None:
                continue
            if line.returned is None:
                self.stock.move(line.product_id, sku, -line.quantity, "sale", None, sale.id, at=at)
            elif line.returned.restock:  # back on the shelf of the store that took it back
                self.stock.move(
                    line.product_id, sku, -line.quantity, "return", sale.id, sale.id, at=at
                )
        warnings = warnings + return_claims.ingest(
            self.conn, self.store_id, sale, self.pending, self.at
        )
        warnings += credit_notes.ingest(self.conn, self.store_id, sale, self.pending, self.at)
        warnings += loyalty_ledger.ingest(self.conn, sale, self.at)
        coupons.consume(self.conn, sale.id, self.at)  # its reserved codes are spent for good
        customer_order_payments.settle(self.conn, self.store_id, sale, self.at)
        self.pending[sale.id] = sale
        self.counts["sales"] += 1
        return warnings

    def _approval(self, op_id: str, payload: ApprovalPayload) -> tuple[str, str]:
        """An approval is its own op (op_id = approval_id) from the terminal it names."""
        if payload.approval_id != op_id:
            return (
                INVALID_PAYLOAD,
                f"An approval's op_id must be its approval_id ({payload.approval_id!r}).",
            )
        if payload.terminal_id != self.terminal_id:
            return WRONG_TERMINAL, (
                f"This approval names terminal {payload.terminal_id!r}, but the token is "
                f"terminal {self.terminal_id!r}'s: it was not stored."
            )
        return self._approver_may(payload.approved_by)

    def _approver_may(self, staff_id: str) -> tuple[str, str]:
        """Checked against this store's staff when central keeps it; a store whose staff
        live only on its tills (no staff set here) is taken at the till's word."""
        if (
            self.conn.execute(
                "SELECT 1 FROM staff WHERE store_id = ? LIMIT 1", (self.store_id,)
            ).fetchone()
            is None
        ):
            return "", ""
        found = self.conn.execute(
            "SELECT role FROM staff WHERE store_id = ? AND id = ?", (self.store_id, staff_id)
        ).fetchone()
        if found is None or found[0] not in APPROVER_ROLES:
            what = "is not on this store's staff" if found is None else f"is a {found[0]}"
            return APPROVER_LACKS_RIGHT, (
                f"The approver {staff_id!r} {what}: only a manager's PIN approves."
            )
        return "", ""

    def _movement(self, op_id: str, payload: StockMovementPayload) -> tuple[str, str]:
        """Apply a terminal's stock delta; (code, reason) it cannot be applied, else ''s.
        The model bounds every delta by weight (10 t); a unit product by MAX_UNIT_DELTA."""
        sku = self.skus.get(payload.product_id)
        if sku != payload.sku:
            if sku is None:
                return UNKNOWN_PRODUCT, f"Central knows no product {payload.product_id}."
            return UNKNOWN_PRODUCT, f"Product {payload.product_id} is {sku!r}, not {payload.sku!r}."
        if self.sold_by.get(payload.product_id) != "weight" and abs(payload.delta) > MAX_UNIT_DELTA:
            return IMPLAUSIBLE_QUANTITY, (
                f"A movement of {payload.delta:+,} units of {sku!r} is beyond "
                f"{MAX_UNIT_DELTA:,} units: split it or count the stock."
            )
        self.stock.move(
            payload.product_id, sku, payload.delta, payload.reason, payload.ref, op_id,
            staff_id=payload.staff_id, at=payload.at,
        )  # fmt: skip
        return "", ""

    def _count(self, op_id: str, payload: StockCountPayload) -> tuple[str, str]:
        """A count's lines, each applied as counted − central's level at its instant."""
        refused = stock_counts.check(payload, self.skus, self.sold_by)
        if not refused[1]:
            refused = self._approver_may(payload.approved_by)
        if refused[1]:
            return refused
        self.stock.flush(self.conn)  # this batch's earlier sales are part of "now"
        stock_counts.apply(self.conn, self.store_id, op_id, payload, self.stock)
        return "", ""


def _entry(payload: ChainEntryPayload) -> ChainEntry:
    e = payload.entry
    return ChainEntry(e.terminal_id, e.chain, e.seq, e.kind, e.ref, e.at, e.key_id, e.prev,
                      e.body, e.sig)  # fmt: skip


def _recorded(conn: sqlite3.Connection, op_ids: list[str]) -> dict[str, tuple[str, list[str]]]:
    """Already accepted op_ids among these: fingerprint and warnings of each."""
    found: dict[str, tuple[str, list[str]]] = {}
    unique = sorted(set(op_ids))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for op_id, fingerprint, warnings in conn.execute(
            f"SELECT op_id, fingerprint, warnings FROM operations WHERE op_id IN ({marks})", chunk
        ):
            found[op_id] = (fingerprint, json.loads(warnings))
    return found


def _skus(conn: sqlite3.Connection, product_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(product_ids), _CHUNK):
        chunk = product_ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            conn.execute(f"SELECT id, sku FROM products WHERE id IN ({marks})", chunk).fetchall()
        )
    return found


def _sold_by(conn: sqlite3.Connection, product_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(product_ids), _CHUNK):
        chunk = product_ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT id, sold_by FROM products WHERE id IN ({marks})"
        found.update(conn.execute(sql, chunk).fetchall())
    return found
