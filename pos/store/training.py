"""Training mode's sales: kept in the ``training`` chain only, never in the fiscal record.

A training sale is signed into the training chain (kind ``sale``, body = the canonical
sale record, exactly the shape of a real one) and nothing else: no ``sales`` row, no
stock movement, no outbox sale, no number from the real ticket counter, so no X or Z
total can ever count it. Its number comes from its own counter (the terminal's training
sales so far + 1, read inside the commit). Whether a terminal is in training mode is read
from its event journal (the last ``training_started`` / ``training_stopped``), so a
restart keeps the mode the manager chose and no second copy of the state can drift.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from pos.domain import fiscal_events as fe
from pos.domain.chain_entry import TRAINING, ChainEntry
from pos.domain.sale import CompletedSale, SaleDraft
from pos.store import chains, open_basket
from pos.store.db import write_transaction
from pos.store.errors import translate_errors
from pos.store.sale_codec import (
    LINE_FIELDS,
    RETURN_FIELDS,
    SALE_FIELDS,
    TENDER_FIELDS,
    VAT_FIELDS,
    approval_rows,
    canonical_json,
    customer_rows,
    draft_from_rows,
    line_rows,
    order_rows,
    promotion_rows,
    sale_record,
    sale_row,
    tender_rows,
    utc_now,
    vat_rows,
)
from pos.store.sales import validate_draft
from pos.store.signing_key import KeyStore

STARTED, STOPPED = fe.TRAINING_STARTED, fe.TRAINING_STOPPED
KIND = "sale"
_COUNT = (
    "SELECT count(*) FROM chain_entries WHERE chain = 'training' AND kind = 'sale' "
    "AND terminal_id = ?"
)
_LAST = (
    "SELECT ref FROM chain_entries WHERE chain = 'training' AND kind = 'sale' "
    "AND terminal_id = ? ORDER BY seq DESC LIMIT 1"
)
# The event chain read backwards by its primary key, stopping at the first switch.
_MODE = (
    "SELECT kind FROM chain_entries WHERE chain = 'event' AND terminal_id = ? "
    "AND kind IN ('training_started', 'training_stopped') ORDER BY seq DESC LIMIT 1"
)


def is_on(conn: sqlite3.Connection, terminal_id: str) -> bool:
    """Whether the terminal's last training switch in its event journal turned it on."""
    with translate_errors():
        row = conn.execute(_MODE, (terminal_id,)).fetchone()
    return row is not None and row[0] == STARTED


class TrainingSales:
    """The training chain's sales on one connection (so one thread)."""

    def __init__(self, conn: sqlite3.Connection, keys: KeyStore) -> None:
        self._conn = conn
        self._keys = keys

    def commit(
        self, draft: SaleDraft, *, now: str | None = None, open_basket_of: str | None = None
    ) -> CompletedSale:
        """Sign the training sale into the training chain (and forget the open basket of
        ``open_basket_of``) in one commit; a retried sale id returns the one recorded."""
        validate_draft(draft)  # the same checks as a real sale
        completed_at = now or utc_now()
        conn = self._conn
        with write_transaction(conn):
            existing = chains.by_ref(conn, draft.sale_id, TRAINING)
            if existing:
                completed = training_sale(existing[0])
            else:
                completed = self._insert(draft, completed_at)
            if open_basket_of is not None:
                open_basket.clear(conn, open_basket_of)
        return completed

    def _insert(self, draft: SaleDraft, completed_at: str) -> CompletedSale:
        conn = self._conn
        ticket_no = conn.execute(_COUNT, (draft.terminal_id,)).fetchone()[0] + 1
        sale = sale_row(draft, ticket_no, completed_at)
        record = sale_record(
            sale, line_rows(draft), tender_rows(draft), vat_rows(draft), approval_rows(draft),
            promotion_rows(draft), customer_rows(draft), order_rows(draft),
        )  # fmt: skip
        entry = chains.append(
            conn, self._keys.current(), chain=TRAINING, kind=KIND,
            body=canonical_json(record), terminal_id=draft.terminal_id, at=completed_at,
            ref=draft.sale_id,
        )  # fmt: skip
        return CompletedSale(draft, ticket_no, completed_at, entry.sig, entry.seq, training=True)

    def get(self, sale_id: str) -> CompletedSale | None:
        with translate_errors():
            found = chains.by_ref(self._conn, sale_id, TRAINING)
        return training_sale(found[0]) if found else None

    def last_of_terminal(self, terminal_id: str) -> CompletedSale | None:
        with translate_errors():
            row = self._conn.execute(_LAST, (terminal_id,)).fetchone()
        return self.get(row[0]) if row else None


def training_sale(entry: ChainEntry) -> CompletedSale:
    """The training sale an entry holds, rebuilt from its signed body."""
    record: dict[str, Any] = json.loads(entry.body)
    sale = tuple(record[field] for field in SALE_FIELDS)
    lines = [_line_row(line) for line in record["lines"]]
    tenders = [tuple(t[field] for field in TENDER_FIELDS) for t in record["tenders"]]
    vat = [tuple(v[field] for field in VAT_FIELDS) for v in record["vat"]]
    approvals = [(a["approval_id"], a["right"], a["line_no"]) for a in record.get("approvals", [])]
    promotions = [
        (line["line_no"], p["promotion_id"], p["name"], p["discount_cents"])
        for line in record["lines"]
        for p in line.get("promotions", ())
    ]
    customer = [(record["customer_id"],)] if "customer_id" in record else []
    orders = [
        (line["line_no"], line["customer_order_id"], "", "", "")
        for line in record["lines"]
        if "customer_order_id" in line
    ]
    draft = draft_from_rows(sale, lines, tenders, vat, approvals, promotions, customer, orders)
    return CompletedSale(
        draft, record["ticket_no"], record["completed_at"], entry.sig, entry.seq, training=True
    )


def _line_row(line: dict[str, Any]) -> tuple[Any, ...]:
    base = tuple(line[field] for field in LINE_FIELDS)
    override = line.get("price_override")
    keys = ("catalog_price_cents", "reason", "note", "approval_id")
    priced = tuple(override[key] for key in keys) if override else (None,) * len(keys)
    returned = line.get("returned")
    if returned is None:
        return (*base, *priced)
    return (*base, *priced, *(returned[key] for key in RETURN_FIELDS))
