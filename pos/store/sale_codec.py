"""One definition of how a sale becomes rows, and rows become the canonical sale record.

The same tuples are inserted by ``SalesStore.commit``, read back by the journal's
verifier and turned into the record that is hashed and pushed, so a sale is hashed
exactly as it lies on disk: an edit to any stored field changes the record.

Canonical JSON: sorted keys, no whitespace, UTF-8 (``ensure_ascii=False``), and only
integers as numbers, because a float has no single spelling across languages and money
is integer cents here anyway. Lists keep a fixed order: lines by ``line_no``, tenders by
``seq``, VAT rows by rate, highest first (the order of the printed table).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pos.domain.price_override import OverrideReason, PriceOverride
from pos.domain.product import SoldBy
from pos.domain.returns import Channel, ReturnReason, ReturnRef
from pos.domain.sale import (
    CustomerOrderRef,
    LinePromotion,
    SaleApproval,
    SaleDraft,
    SaleLine,
    SaleTender,
    VatLine,
)

#: Bump when the record's shape changes; old entries keep hashing with the old shape.
#: Version 2 adds a line's ``price_override`` and the sale's ``approvals``; a sale with
#: neither is still written as version 1, byte for byte as before. Version 3 adds a
#: line's ``returned`` and negative amounts (a return, an exchange, a refund); a sale
#: with neither is written as version 1 or 2 exactly as before. Version 4 adds the
#: sale's ``customer_id`` and a line's ``promotions`` (what each promotion took off it,
#: already inside its ``line_discount_cents``); a sale with neither is written as before.
#: Version 5 adds a sold line's ``customer_order_id`` (a customer order paid at the till,
#: issue 16); a sale paying none is written exactly as before.
RECORD_VERSION = 2
PLAIN_RECORD_VERSION = 1
RETURN_RECORD_VERSION = 3
CUSTOMER_RECORD_VERSION = 4
ORDER_RECORD_VERSION = 5

SALE_FIELDS = (
    "id",
    "terminal_id",
    "ticket_no",
    "cashier",
    "started_at",
    "completed_at",
    "total_cents",
    "change_cents",
)
LINE_FIELDS = (
    "line_no",
    "product_id",
    "sku",
    "name",
    "barcode",
    "sold_by",
    "quantity",
    "unit_price_cents",
    "vat_bp",
    "gross_cents",
    "line_discount_cents",
    "ticket_discount_cents",
    "total_cents",
)
#: Stored after LINE_FIELDS; NULL on a line sold at its catalogue price.
OVERRIDE_FIELDS = ("catalog_price_cents", "price_reason", "price_note", "price_approval_id")
STORED_LINE_FIELDS = (*LINE_FIELDS, *OVERRIDE_FIELDS)
#: A returned line's row in ``sale_line_returns`` (after sale_id, line_no); read joined
#: after STORED_LINE_FIELDS, NULL on a sold line.
RETURN_FIELDS = (
    "origin_sale_id",
    "origin_line_no",
    "origin_label",
    "channel",
    "reason",
    "restock",
    "approval_id",
)
READ_LINE_FIELDS = (*STORED_LINE_FIELDS, *RETURN_FIELDS)
APPROVAL_FIELDS = ("approval_id", "granted_right", "line_no")
TENDER_FIELDS = ("seq", "kind", "amount_cents", "reference")
VAT_FIELDS = ("vat_bp", "base_cents", "vat_cents", "total_cents")
#: A row of ``sale_line_promotions`` (after sale_id), in the order applied per line.
PROMOTION_FIELDS = ("line_no", "promotion_id", "name", "discount_cents")
#: A row of ``sale_line_orders`` (after sale_id): the customer order a line pays. Only
#: ``order_id`` is in the record; the rest is what the receipt says of it.
ORDER_FIELDS = ("line_no", "order_id", "fulfilment", "location_name", "label")

Row = tuple[Any, ...]


def _columns(fields: Sequence[str], prefix: str = "") -> str:
    return ", ".join(prefix + name for name in fields)


def _insert(table: str, fields: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({_columns(fields)}) VALUES ({', '.join('?' * len(fields))})"


# Writers and readers, built from the field lists so their column orders cannot drift.
# Child rows are inserted as (sale_id, *row) and read back without the sale_id.
INSERT_SALE = _insert("sales", SALE_FIELDS)
INSERT_LINE = _insert("sale_lines", ("sale_id", *STORED_LINE_FIELDS))
INSERT_RETURN = _insert("sale_line_returns", ("sale_id", "line_no", *RETURN_FIELDS))
INSERT_APPROVAL = _insert("sale_approvals", ("sale_id", *APPROVAL_FIELDS))
INSERT_TENDER = _insert("sale_tenders", ("sale_id", *TENDER_FIELDS))
INSERT_VAT = _insert("sale_vat", ("sale_id", *VAT_FIELDS))
INSERT_PROMOTION = _insert("sale_line_promotions", ("sale_id", *PROMOTION_FIELDS))
INSERT_ORDER = _insert("sale_line_orders", ("sale_id", *ORDER_FIELDS))
SELECT_SALE_WITH_SEAL = (
    f"SELECT {_columns(SALE_FIELDS, 's.')}, c.sig, c.seq FROM sales s "
    "LEFT JOIN chain_entries c ON c.ref = s.id AND c.chain = 'ticket' WHERE s.id = ?"
)
SELECT_LINES = (
    f"SELECT {_columns(STORED_LINE_FIELDS, 'l.')}, {_columns(RETURN_FIELDS, 'r.')} "
    "FROM sale_lines l LEFT JOIN sale_line_returns r "
    "ON r.sale_id = l.sale_id AND r.line_no = l.line_no "
    "WHERE l.sale_id = ? ORDER BY l.line_no"
)
SELECT_APPROVALS = (
    f"SELECT {_columns(APPROVAL_FIELDS)} FROM sale_approvals WHERE sale_id = ? "
    "ORDER BY line_no, approval_id"
)
SELECT_TENDERS = (
    f"SELECT {_columns(TENDER_FIELDS)} FROM sale_tenders WHERE sale_id = ? ORDER BY seq"
)
SELECT_VAT = f"SELECT {_columns(VAT_FIELDS)} FROM sale_vat WHERE sale_id = ? ORDER BY vat_bp DESC"
SELECT_PROMOTIONS = (
    f"SELECT {_columns(PROMOTION_FIELDS)} FROM sale_line_promotions WHERE sale_id = ? "
    "ORDER BY line_no, rowid"
)
SELECT_ORDERS = (
    f"SELECT {_columns(ORDER_FIELDS)} FROM sale_line_orders WHERE sale_id = ? ORDER BY line_no"
)
#: The customer as a child row: one ``(customer_id,)`` row, or none.
SELECT_CUSTOMER = "SELECT customer_id FROM sales WHERE id = ? AND customer_id IS NOT NULL"
#: Every child query of a sale, in the order ``sale_record``/``draft_from_rows`` take them.
CHILD_QUERIES = (
    SELECT_LINES,
    SELECT_TENDERS,
    SELECT_VAT,
    SELECT_APPROVALS,
    SELECT_PROMOTIONS,
    SELECT_CUSTOMER,
    SELECT_ORDERS,
)


def utc_now() -> str:
    """The house timestamp: ISO 8601 UTC to the millisecond, like the schema's defaults."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# -- draft → rows ---------------------------------------------------------------------


def sale_row(draft: SaleDraft, ticket_no: int, completed_at: str) -> Row:
    return (
        draft.sale_id,
        draft.terminal_id,
        ticket_no,
        draft.cashier,
        draft.started_at,
        completed_at,
        draft.total_cents,
        draft.change_cents,
    )


def line_rows(draft: SaleDraft) -> list[Row]:
    """Lines as stored; a returned line's row goes on with its return's fields (what
    SELECT_LINES joins from ``sale_line_returns``). Enums become their plain string value
    (what SQLite gives back)."""
    return [
        (
            line.line_no,
            line.product_id,
            line.sku,
            line.name,
            line.barcode,
            str(line.sold_by),
            line.quantity,
            line.unit_price_cents,
            line.vat_bp,
            line.gross_cents,
            line.line_discount_cents,
            line.ticket_discount_cents,
            line.total_cents,
            *_override_row(line.price_override),
            *_return_row(line.returned),
        )
        for line in draft.lines
    ]


def _return_row(ref: ReturnRef | None) -> Row:
    if ref is None:
        return ()  # a sold line's row is exactly what it was before returns
    return (
        ref.origin_sale_id,
        ref.origin_line_no,
        ref.origin_label,
        str(ref.channel),
        str(ref.reason),
        int(ref.restock),
        ref.approval_id,
    )


def split_line_row(sale_id: str, row: Row) -> tuple[Row, Row | None]:
    """A ``line_rows`` row as (its sale_lines insert, its sale_line_returns insert or None)."""
    n = len(STORED_LINE_FIELDS)
    stored, returned = (sale_id, *row[:n]), row[n:]
    if not returned or returned[0] is None:
        return stored, None
    return stored, (sale_id, row[0], *returned)


def _override_row(override: PriceOverride | None) -> Row:
    if override is None:
        return (None, None, None, None)
    return (
        override.catalog_price_cents,
        str(override.reason),
        override.note,
        override.approval_id,
    )


def approval_rows(draft: SaleDraft) -> list[Row]:
    """The sale's approvals in the order SELECT_APPROVALS reads them back."""
    rows = [(a.approval_id, a.right, a.line_no) for a in draft.approvals]
    return sorted(rows, key=lambda row: (row[2], row[0]))


def tender_rows(draft: SaleDraft) -> list[Row]:
    """Tenders numbered from 1 in the order they were taken."""
    return [
        (seq, str(tender.kind), tender.amount_cents, tender.reference)
        for seq, tender in enumerate(draft.tenders, start=1)
    ]


def promotion_rows(draft: SaleDraft) -> list[Row]:
    """Each line's promotions in the order applied (what SELECT_PROMOTIONS reads back)."""
    return [
        (line.line_no, p.promotion_id, p.name, p.discount_cents)
        for line in draft.lines
        for p in line.promotions
    ]


def order_rows(draft: SaleDraft) -> list[Row]:
    """The customer orders the sale's lines pay, by line (what SELECT_ORDERS reads)."""
    return [
        (line.line_no, ref.order_id, ref.fulfilment, ref.location_name, ref.label)
        for line in draft.lines
        if (ref := line.customer_order) is not None
    ]


def customer_rows(draft: SaleDraft) -> list[Row]:
    """The customer attached as SELECT_CUSTOMER reads it back: one row, or none."""
    return [(draft.customer_id,)] if draft.customer_id is not None else []


def vat_rows(draft: SaleDraft) -> list[Row]:
    """VAT rows, highest rate first: the order SELECT_VAT reads them back in."""
    rows = [(v.vat_bp, v.base_cents, v.vat_cents, v.total_cents) for v in draft.vat]
    rows.sort(key=lambda row: row[0], reverse=True)
    return rows


# -- rows → record / draft ------------------------------------------------------------


def sale_record(
    sale: Row,
    lines: Sequence[Row],
    tenders: Sequence[Row],
    vat: Sequence[Row],
    approvals: Sequence[Row] = (),
    promotions: Sequence[Row] = (),
    customer: Sequence[Row] = (),
    orders: Sequence[Row] = (),
) -> dict:
    """The canonical record of a sale, built from its rows (journal and outbox share it).

    A line row may stop after LINE_FIELDS (no override columns)."""
    record = dict(zip(SALE_FIELDS, sale, strict=True))
    record["lines"] = [_line_record(row) for row in lines]
    for line_no, promotion_id, name, cents in promotions:
        line = next((x for x in record["lines"] if x["line_no"] == line_no), None)
        if line is None:  # a promotion row of no line: rows altered by hand
            raise ValueError(f"a promotion of line {line_no}, which the sale does not have")
        line.setdefault("promotions", []).append(
            {"promotion_id": promotion_id, "name": name, "discount_cents": cents}
        )
    record["tenders"] = [dict(zip(TENDER_FIELDS, row, strict=True)) for row in tenders]
    record["vat"] = [dict(zip(VAT_FIELDS, row, strict=True)) for row in vat]
    if approvals:
        record["approvals"] = [
            {"approval_id": a, "right": right, "line_no": n} for a, right, n in approvals
        ]
    extended = bool(approvals) or any("price_override" in line for line in record["lines"])
    record["v"] = RECORD_VERSION if extended else PLAIN_RECORD_VERSION
    if _signed(record):
        record["v"] = RETURN_RECORD_VERSION
    if customer:
        record["customer_id"] = customer[0][0]
    if customer or promotions:
        record["v"] = CUSTOMER_RECORD_VERSION
    for line_no, order_id, *_receipt in orders:
        line = next((x for x in record["lines"] if x["line_no"] == line_no), None)
        if line is None:  # an order row of no line: rows altered by hand
            raise ValueError(f"a customer order of line {line_no}, which the sale does not have")
        line["customer_order_id"] = order_id
    if orders:
        record["v"] = ORDER_RECORD_VERSION
    return record


def _signed(record: dict) -> bool:
    """A v3 record: a returned line, or any amount below zero (a refund, a VAT row)."""
    return (
        record["total_cents"] < 0
        or any("returned" in line for line in record["lines"])
        or any(tender["amount_cents"] < 0 for tender in record["tenders"])
        or any(min(row["base_cents"], row["vat_cents"], row["total_cents"]) < 0
               for row in record["vat"])
    )  # fmt: skip


def _line_record(row: Row) -> dict:
    base = len(LINE_FIELDS)
    line = dict(zip(LINE_FIELDS, row[:base], strict=True))
    extra, returned = row[base : base + 4], row[base + 4 :]
    if extra and extra[0] is not None:
        line["price_override"] = dict(
            zip(("catalog_price_cents", "reason", "note", "approval_id"), extra, strict=True)
        )
    if returned and returned[0] is not None:
        ref = dict(zip(RETURN_FIELDS, returned, strict=True))
        ref["restock"] = bool(ref["restock"])
        line["returned"] = ref
    return line


def draft_from_rows(
    sale: Row,
    lines: Sequence[Row],
    tenders: Sequence[Row],
    vat: Sequence[Row],
    approvals: Sequence[Row] = (),
    promotions: Sequence[Row] = (),
    customer: Sequence[Row] = (),
    orders: Sequence[Row] = (),
) -> SaleDraft:
    """Rebuild the draft exactly as it was committed (VAT rows highest rate first)."""
    sale_id, terminal_id, _ticket, cashier, started_at, _completed, total, change = sale
    by_line: dict[int, list[LinePromotion]] = {}
    for line_no, promotion_id, name, cents in promotions:
        by_line.setdefault(line_no, []).append(LinePromotion(promotion_id, name, cents))
    ordered = {row[0]: CustomerOrderRef(*row[1:]) for row in orders}
    return SaleDraft(
        sale_id=sale_id,
        terminal_id=terminal_id,
        cashier=cashier,
        started_at=started_at,
        lines=tuple(
            _line(row, tuple(by_line.get(row[0], ())), ordered.get(row[0])) for row in lines
        ),
        tenders=tuple(
            SaleTender(kind, amount, reference) for _seq, kind, amount, reference in tenders
        ),
        vat=tuple(VatLine(*row) for row in vat),
        total_cents=total,
        change_cents=change,
        approvals=tuple(SaleApproval(a, right, n) for a, right, n in approvals),
        customer_id=customer[0][0] if customer else None,
    )


def _line(
    row: Row, promotions: tuple[LinePromotion, ...] = (), order: CustomerOrderRef | None = None
) -> SaleLine:
    base = len(LINE_FIELDS)
    values = dict(zip(LINE_FIELDS, row[:base], strict=True))
    values["sold_by"] = SoldBy(values["sold_by"])
    extra, returned = row[base : base + 4], row[base + 4 :]
    if extra and extra[0] is not None:
        catalog, reason, note, approval_id = extra
        values["price_override"] = PriceOverride(
            catalog, OverrideReason(reason), note or "", approval_id
        )
    if returned and returned[0] is not None:
        origin, origin_line, label, channel, why, restock, approval = returned
        values["returned"] = ReturnRef(
            origin, origin_line, label, Channel(channel), ReturnReason(why), bool(restock), approval
        )
    return SaleLine(**values, promotions=promotions, customer_order=order)


# -- canonical JSON -------------------------------------------------------------------


def canonical_json(value: Any, *, checked: bool = True) -> str:
    """Serialise ``value`` canonically; refuse floats, NaN and non-JSON types (TypeError).

    ``checked=False`` skips the walk for floats, for values built from rows already
    validated as integers (the sale commit, where every microsecond is on the till)."""
    if checked:
        _refuse_floats(value)
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def _refuse_floats(value: Any) -> None:
    pending = [value]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is str or kind is int or item is None:
            continue
        if kind is dict:
            pending.extend(item.values())
        elif kind is list or kind is tuple:
            pending.extend(item)
        elif isinstance(item, float):
            raise TypeError(f"canonical JSON carries integers only, not the float {item!r}")
