"""Completed sales: one durable transaction per sale, gap-free ticket numbers per terminal.

``commit`` writes the sale, its lines, tenders and VAT table, its signed ticket-chain
entry (``chains``: the canonical sale record, signed with the terminal's key), one
stock movement per line (and the on-hand decrement) and one outbox row, all inside one
``BEGIN IMMEDIATE`` transaction. The ticket number is taken from ``ticket_counters`` in
that same transaction, so a failed commit burns no number and two tills sharing the file
never get the same one. With ``synchronous=FULL`` (set by ``connect``) a returned sale is
on disk. Re-committing a sale id returns the sale already recorded: the checkout may
retry after an error without ever recording a sale twice.

This is the hot path of the till: plain prepared SQL, no sqlite-utils helpers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pos.domain.chain_entry import TICKET, ChainEntry
from pos.domain.errors import PosError
from pos.domain.product import SoldBy
from pos.domain.sale import CompletedSale, SaleDraft
from pos.store import chains, open_basket
from pos.store.db import write_transaction
from pos.store.errors import StoreError, translate_errors
from pos.store.outbox import enqueue_json
from pos.store.sale_checks import MAX_QUANTITY, validate_draft
from pos.store.sale_codec import (
    CHILD_QUERIES,
    INSERT_APPROVAL,
    INSERT_LINE,
    INSERT_ORDER,
    INSERT_PROMOTION,
    INSERT_RETURN,
    INSERT_SALE,
    INSERT_TENDER,
    INSERT_VAT,
    SELECT_SALE_WITH_SEAL,
    Row,
    approval_rows,
    canonical_json,
    customer_rows,
    draft_from_rows,
    line_rows,
    order_rows,
    promotion_rows,
    sale_record,
    sale_row,
    split_line_row,
    tender_rows,
    utc_now,
    vat_rows,
)
from pos.store.signing_key import KeyStore

__all__ = ["MAX_QUANTITY", "SalesStore", "same_sale", "validate_draft"]

_NEXT_TICKET = (
    "INSERT INTO ticket_counters (terminal_id, last_ticket_no) VALUES (?, 1) "
    "ON CONFLICT (terminal_id) DO UPDATE SET last_ticket_no = last_ticket_no + 1 "
    "RETURNING last_ticket_no"
)
_EXISTS = "SELECT 1 FROM sales WHERE id = ?"
_INSERT_MOVEMENT = (
    "INSERT INTO stock_movements (product_id, delta, reason, ref, created_at) "
    "VALUES (?, ?, ?, ?, ?)"
)
# The movement is always recorded (the central API owns stock); on_hand is only kept for
# products this till knows, so a line of an unknown product can never block a sale.
_DECREMENT_STOCK = (
    "INSERT INTO stock (product_id, on_hand) SELECT ?1, -?2 "
    "WHERE EXISTS (SELECT 1 FROM products WHERE id = ?1) "
    "ON CONFLICT (product_id) DO UPDATE SET on_hand = on_hand - ?2"
)
# Search ranks by the central popularity plus this till's own sales since (issue 18.1),
# in units (a weighed line counts one, as central counts it). local_sales is read by no
# index or trigger: a row update, not an FTS5 re-index (which can cost ~50 ms when it
# sets off a segment merge).
_SOLD = "UPDATE products SET local_sales = local_sales + ? WHERE id = ?"
# A sale made in a till session records it in its own INSERT (sales are never updated);
# the ``sales_in_open_session`` trigger refuses it if that session is not open.
_INSERT_SALE_IN_SESSION = INSERT_SALE.replace(") VALUES (", ", session_id) VALUES (?, ", 1)
# The customer attached (sale record v4) goes in the same INSERT, last.
_WITH_CUSTOMER = ", customer_id) VALUES (?, "
_BY_TICKET = "SELECT id FROM sales WHERE terminal_id = ? AND ticket_no = ?"
_RECENT = "SELECT ref FROM chain_entries WHERE chain = 'ticket' ORDER BY seq DESC LIMIT ?"
_DATABASE_FILE = "SELECT file FROM pragma_database_list WHERE name = 'main'"
_LAST_OF_TERMINAL = (  # the UNIQUE (terminal_id, ticket_no) index, read backwards
    "SELECT id FROM sales WHERE terminal_id = ? ORDER BY ticket_no DESC LIMIT 1"
)
_COUNT = "SELECT count(*) FROM sales"
_TICKETS = "SELECT ticket_no FROM sales WHERE terminal_id = ? ORDER BY ticket_no"


class SalesStore:
    """Completed sales on one connection (so one thread); see the module docstring."""

    def __init__(
        self, conn: sqlite3.Connection, *, path: str = "", keys: KeyStore | None = None
    ) -> None:
        self._conn = conn
        self._path = path
        self._keys = keys

    @property
    def keys(self) -> KeyStore:
        """The terminal's key store: the one given, else the one beside the database."""
        if self._keys is None:
            (file,) = self._conn.execute(_DATABASE_FILE).fetchone()
            if not file:
                raise StoreError("A sale cannot be signed in a database without a folder.")
            self._keys = KeyStore(Path(file).parent)
        return self._keys

    # -- writing -----------------------------------------------------------------------

    def commit(
        self,
        draft: SaleDraft,
        *,
        now: str | None = None,
        open_basket_of: str | None = None,
        session_id: str | None = None,
    ) -> CompletedSale:
        """Record a tendered sale durably and return it numbered and sealed.

        ``open_basket_of``: the terminal whose saved open basket this sale is; it is
        deleted in this same transaction (and the sale awaits display), so a kill leaves
        the basket or the sale, never both, never neither. ``session_id``: the open till
        session the sale is made in (refused by the database if it is not open).

        Raises PosError for an inconsistent draft (nothing written) and StoreError when
        the database refuses (rolled back: nothing written, no ticket number used)."""
        validate_draft(draft)
        completed_at = now or utc_now()
        try:
            with _transaction(self._conn, self._path):
                if self._conn.execute(_EXISTS, (draft.sale_id,)).fetchone():
                    completed = self._already_committed(draft)
                else:
                    completed = self._insert(draft, completed_at, session_id)
                if open_basket_of is not None:
                    open_basket.hand_over(self._conn, open_basket_of, draft.sale_id)
                return completed
        except sqlite3.IntegrityError as exc:
            raise StoreError(
                f"The sale could not be recorded ({exc}); nothing was written. "
                "Try again, then call support if it persists."
            ) from exc

    def _insert(self, draft: SaleDraft, completed_at: str, session_id: str | None) -> CompletedSale:
        conn, sale_id = self._conn, draft.sale_id
        ticket_no = conn.execute(_NEXT_TICKET, (draft.terminal_id,)).fetchall()[0][0]
        sale = sale_row(draft, ticket_no, completed_at)
        lines, tenders, vat = line_rows(draft), tender_rows(draft), vat_rows(draft)
        approvals, promotions = approval_rows(draft), promotion_rows(draft)
        customer, orders = customer_rows(draft), order_rows(draft)
        sql, values = INSERT_SALE, sale
        if session_id is not None:
            sql, values = _INSERT_SALE_IN_SESSION, (*sale, session_id)
        if customer:
            sql = sql.replace(") VALUES (", _WITH_CUSTOMER, 1)
            values = (*values, draft.customer_id)
        conn.execute(sql, values)
        stored = [split_line_row(sale_id, row) for row in lines]
        conn.executemany(INSERT_LINE, [line for line, _ in stored])
        returned = [ref for _, ref in stored if ref is not None]
        if returned:
            conn.executemany(INSERT_RETURN, returned)
        conn.executemany(INSERT_TENDER, [(sale_id, *row) for row in tenders])
        conn.executemany(INSERT_VAT, [(sale_id, *row) for row in vat])
        if approvals:
            conn.executemany(INSERT_APPROVAL, [(sale_id, *row) for row in approvals])
        if promotions:
            conn.executemany(INSERT_PROMOTION, [(sale_id, *row) for row in promotions])
        if orders:
            conn.executemany(INSERT_ORDER, [(sale_id, *row) for row in orders])
        record = sale_record(sale, lines, tenders, vat, approvals, promotions, customer, orders)
        sale_json = canonical_json(record, checked=False)
        entry = chains.append(
            conn,
            self.keys.current(),
            chain=TICKET,
            kind="return" if draft.has_returns else "sale",
            body=sale_json,
            terminal_id=draft.terminal_id,
            at=completed_at,
            ref=sale_id,
        )
        self._move_stock(draft, completed_at)
        enqueue_json(conn, sale_id, "sale", _outbox_payload(sale_json, entry), now=completed_at)
        return CompletedSale(draft, ticket_no, completed_at, entry.sig, entry.seq)

    def _move_stock(self, draft: SaleDraft, completed_at: str) -> None:
        """A sold line takes its quantity out of stock; a returned line puts it back only
        when it is restocked (reason ``return``), a damaged one stays out. A line paying a
        customer order takes none: its goods are at another store or the web warehouse."""
        here = [line for line in draft.lines if line.customer_order is None]
        moved = [
            (line.product_id, line.quantity, "return" if line.returned else "sale")
            for line in here
            if line.returned is None or line.returned.restock
        ]
        sale_id = draft.sale_id
        self._conn.executemany(
            _INSERT_MOVEMENT,
            [(product, -qty, reason, sale_id, completed_at) for product, qty, reason in moved],
        )
        self._conn.executemany(_DECREMENT_STOCK, [(product, qty) for product, qty, _ in moved])
        sold: dict[int, int] = {}
        for line in here:
            if line.returned is None:
                units = line.quantity if line.sold_by == SoldBy.UNIT else 1
                sold[line.product_id] = sold.get(line.product_id, 0) + units
        self._conn.executemany(_SOLD, [(units, product) for product, units in sold.items()])

    def _already_committed(self, draft: SaleDraft) -> CompletedSale:
        """A retried commit: return the recorded sale, provided it is the same sale."""
        existing = self.get(draft.sale_id)
        if existing is None:  # cannot happen: its row was seen in this very transaction
            raise StoreError(f"Sale {draft.sale_id} vanished while being read back.")
        if not same_sale(existing.draft, draft):
            raise PosError(
                f"Sale {draft.sale_id} was already recorded with different contents "
                f"(ticket {existing.ticket_no}); it cannot be recorded again.",
                code="sale_id_conflict",
            )
        return existing

    # -- reading -----------------------------------------------------------------------

    def get(self, sale_id: str) -> CompletedSale | None:
        """The sale as stored, rebuilt from its rows; ``None`` if unknown."""
        with translate_errors(self._path):
            row = self._conn.execute(SELECT_SALE_WITH_SEAL, (sale_id,)).fetchone()
            if row is None:
                return None
            sale: Row = row[:8]
            children = [self._conn.execute(sql, (sale_id,)).fetchall() for sql in CHILD_QUERIES]
        draft = draft_from_rows(sale, *children)
        return CompletedSale(
            draft,
            ticket_no=sale[2],
            completed_at=sale[5],
            signature=row[8] or "",
            chain_seq=row[9] or 0,
        )

    def by_ticket(self, terminal_id: str, ticket_no: int) -> CompletedSale | None:
        with translate_errors(self._path):
            row = self._conn.execute(_BY_TICKET, (terminal_id, ticket_no)).fetchone()
        return self.get(row[0]) if row else None

    def last_of_terminal(self, terminal_id: str) -> CompletedSale | None:
        """The terminal's latest sale (the one a reprint is for), or None."""
        with translate_errors(self._path):
            row = self._conn.execute(_LAST_OF_TERMINAL, (terminal_id,)).fetchone()
        return self.get(row[0]) if row else None

    def recent(self, limit: int = 20) -> list[CompletedSale]:
        """The last sales committed on this database, newest first (journal order)."""
        with translate_errors(self._path):
            ids = [row[0] for row in self._conn.execute(_RECENT, (limit,))]
        return [sale for sale in map(self.get, ids) if sale is not None]

    def count(self) -> int:
        with translate_errors(self._path):
            return int(self._conn.execute(_COUNT).fetchone()[0])

    def ticket_numbers(self, terminal_id: str) -> list[int]:
        with translate_errors(self._path):
            return [row[0] for row in self._conn.execute(_TICKETS, (terminal_id,))]


def _outbox_payload(sale_json: str, entry: ChainEntry) -> str:
    """``{"sale": {...}, "seal": {...}}`` in canonical JSON, reusing the signed sale text
    (keys sort "sale" < "seal"): the server rebuilds the entry's body from ``sale`` and
    checks the signature against the key this terminal registered."""
    seal = canonical_json(chains.seal_fields(entry), checked=False)
    return f'{{"sale":{sale_json},"seal":{seal}}}'


def same_sale(a: SaleDraft, b: SaleDraft) -> bool:
    """Whether two drafts record the same sale, as stored (VAT row order ignored)."""
    return (
        sale_row(a, 0, "") == sale_row(b, 0, "")
        and line_rows(a) == line_rows(b)
        and tender_rows(a) == tender_rows(b)
        and vat_rows(a) == vat_rows(b)
        and approval_rows(a) == approval_rows(b)
        and promotion_rows(a) == promotion_rows(b)
        and customer_rows(a) == customer_rows(b)
        and order_rows(a) == order_rows(b)
    )


@contextmanager
def _transaction(conn: sqlite3.Connection, path: str) -> Iterator[None]:
    """``write_transaction`` with the body's sqlite errors turned into StoreError too."""
    with write_transaction(conn, path=path), translate_errors(path):
        yield
