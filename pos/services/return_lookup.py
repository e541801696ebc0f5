"""Finding the sale a customer brings back, from whatever the cashier scanned or typed.

What a code is, is decided before any look-up: a receipt's QR or Code 128 (a sale id,
a UUID, or its 40 digits), a ticket number of this till ("123") or of another till of
this store ("T02 123", "T02-123"), or a web order's id or number ("#1042",
"order_01H…"). Anything else (a pickup or cart QR, a credit note, a URL, another
retailer's receipt) is ``not_a_sale_code`` with no call made. Then this till's file is
read first; the central API is asked only for what it does not hold, and offline the
till says why it cannot find the sale (``offline_unknown_sale``).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hardware.receipt.sale_code import is_ticket_code, sale_id_from_scan
from pos.domain.errors import PosError
from pos.domain.product import SoldBy
from pos.domain.returns import Channel, OriginLine, OriginSale, OriginTender
from pos.services.return_calls import ReturnCalls
from pos.store import returns as local_returns
from pos.store.local_store import LocalStore
from sync.contract.refusals import NOT_FOUND, NOT_HANDED_OVER, NOT_SUPPORTED
from sync.ports import CentralRejected, CentralUnavailable

if TYPE_CHECKING:
    from sync.contract.returns import OriginSaleRecord

_TICKET = re.compile(r"^\d{1,9}$")
_TILL_TICKET = re.compile(r"^([A-Za-z][A-Za-z0-9_]{0,15})\s*[- ]\s*(\d{1,9})$")
_WEB_ORDER = re.compile(r"^#?[A-Za-z0-9][A-Za-z0-9_.:-]{2,63}$")
#: A web order's number as its mail shows it: a young shop's are short ("#7", "#42").
_WEB_NUMBER = re.compile(r"^#\d{1,12}$")
_OTHER_CODES = ("CMPT-", "HTTP:", "HTTPS:", "AV-")


@dataclass(frozen=True, slots=True)
class SaleCode:
    """What a scanned or typed text names: a sale id, a ticket, or a web order."""

    sale_id: str = ""
    terminal_id: str = ""
    ticket_no: int = 0
    web_order: str = ""


def parse_sale_code(text: str, this_terminal: str) -> SaleCode:
    """Read a receipt code, a ticket number or a web order number; refuse anything else."""
    raw = (text or "").strip()
    scanned = sale_id_from_scan(raw)
    if _is_uuid(scanned):
        return SaleCode(sale_id=scanned)
    if _TICKET.match(raw):
        return SaleCode(terminal_id=this_terminal, ticket_no=int(raw))
    till = _TILL_TICKET.match(raw)
    if till:
        return SaleCode(terminal_id=till.group(1).upper(), ticket_no=int(till.group(2)))
    if _WEB_NUMBER.match(raw) or (
        _WEB_ORDER.match(raw) and not raw.upper().startswith(_OTHER_CODES)
    ):
        return SaleCode(web_order=raw.removeprefix("#"))
    raise PosError(
        "This is not a receipt, ticket number or web order of this shop: scan the receipt's "
        "code, or type the ticket number.",
        code="not_a_sale_code",
    )


def is_receipt_code(text: str) -> bool:
    """Whether a scan is a receipt's own code (its QR, the 40 digits of its Code 128, or
    the 58 mm receipt's Code 128 of its ticket code, "T01-123"), the one reading every
    part of the till shares. Pure: safe on the GUI thread."""
    return names_a_sale(text) or is_printed_ticket(text)


def names_a_sale(text: str) -> bool:
    """Whether a scan is a receipt's QR or its 40 digits: a sale id, which no article or
    coupon code looks like, so it opens the return at once. Pure."""
    return _is_uuid(sale_id_from_scan((text or "").strip()))


def is_printed_ticket(text: str) -> bool:
    """Whether a scan reads like a 58 mm receipt's ticket code ("T01-123"), as a SKU
    ("ABC-123") or a coupon ("NOEL-2026") may too: those are tried first. Pure."""
    return is_ticket_code((text or "").strip())


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


def find_origin(
    store: LocalStore,
    calls: ReturnCalls | None,
    code: SaleCode,
    *,
    store_id: str = "",
) -> OriginSale:
    """The sale ``code`` names: this till's file first, then the central API."""
    conn = store.conn
    local = None
    if code.sale_id:
        local = local_returns.origin_sale(conn, code.sale_id, store_id=store_id)
    elif code.ticket_no:
        local = local_returns.find_ticket(conn, code.terminal_id, code.ticket_no, store_id=store_id)
    if local is not None:
        return local
    if calls is None:
        raise _not_found()
    try:
        if code.ticket_no:
            return origin_from_record(calls.find_ticket(code.terminal_id, code.ticket_no))
        return origin_from_record(calls.find_origin(code.sale_id or code.web_order))
    except CentralUnavailable as exc:
        raise PosError(
            "The central server cannot be reached and this sale was not made at this till: "
            "it can be returned once the till is back online.",
            code="offline_unknown_sale",
        ) from exc
    except CentralRejected as exc:
        if exc.code == NOT_HANDED_OVER:
            raise not_handed_over() from exc
        if exc.code == NOT_SUPPORTED:  # as offline: only this till's own sales
            raise PosError(
                f"{exc.message} Until then, only the sales made at this till can be returned.",
                code="offline_unknown_sale",
            ) from exc
        if exc.code in (NOT_FOUND, ""):
            raise _not_found() from exc
        raise PosError(exc.message, code=exc.code or "central_refused") from exc


def _not_found() -> PosError:
    return PosError(
        "No sale of this shop has this code or number: check it, or find the sale by its "
        "date and amount.",
        code="not_found",
    )


def not_handed_over() -> PosError:
    return PosError(
        "This web order has not been delivered or collected yet: it cannot be returned.",
        code="not_handed_over",
    )


def origin_from_record(record: OriginSaleRecord) -> OriginSale:
    """The central API's answer as the till's ``OriginSale`` (source "central")."""
    lines = tuple(
        OriginLine(
            line.line_no,
            line.product_id,
            line.sku,
            line.name,
            line.barcode,
            SoldBy(line.sold_by),
            line.quantity,
            line.unit_price_cents,
            line.vat_bp,
            line.gross_cents,
            line.line_discount_cents,
            line.ticket_discount_cents,
            line.total_cents,
            line.returned_quantity,
            line.customer_order_id,
        )
        for line in record.lines
    )
    tenders = tuple(
        OriginTender(t.kind, t.amount_cents, t.reference, t.refunded_cents) for t in record.tenders
    )
    return OriginSale(
        sale_id=record.sale_id,
        channel=Channel(record.channel),
        label=record.label,
        store_id=record.store_id,
        terminal_id=record.terminal_id,
        ticket_no=record.ticket_no,
        completed_at=record.completed_at,
        total_cents=record.total_cents,
        lines=lines,
        tenders=tenders,
        source="central",
        handed_over=record.handed_over,
    )
