"""The business rules of a sale or a return, checked before anything is written.

A sealed sale can never be corrected, so bad figures are refused up front. The schema's
CHECKs are structural only (so sales and returns share the tables); the signs live here:
a sold line has a positive quantity and no negative amount, a returned line a negative
quantity, no positive amount and a ``ReturnRef``. A ticket at or above zero is paid
with positive tenders (cash may exceed it: change); a ticket below zero (a refund) is
given back with negative tenders adding up exactly to its total, and no change.
"""

from __future__ import annotations

from pos.domain.errors import PosError
from pos.domain.money import check_amount, format_eur
from pos.domain.product import SoldBy
from pos.domain.returns import Channel, ReturnReason, ReturnRef
from pos.domain.sale import SaleDraft, SaleLine

#: A line's quantity (units, or grams when weighed) above this is a typing error.
MAX_QUANTITY = 10_000_000


def validate_draft(draft: SaleDraft) -> None:
    """Raise PosError unless the draft is complete and its figures agree to the cent."""
    _check_identity(draft)
    _check_lines(draft.lines)
    _check_payments(draft)
    _check_vat(draft)


def _invalid(message: str) -> PosError:
    return PosError(message, code="sale_invalid")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value)


def _check_identity(draft: SaleDraft) -> None:
    if draft.customer_id is not None and not _is_text(draft.customer_id):
        raise _invalid("The sale's customer is not an identifier: it cannot be recorded.")
    for what, value in (
        ("id", draft.sale_id),
        ("terminal", draft.terminal_id),
        ("cashier", draft.cashier),
        ("start time", draft.started_at),
    ):
        if not _is_text(value):
            raise _invalid(f"The sale has no {what}: it cannot be recorded.")


def _check_lines(lines: tuple[SaleLine, ...]) -> None:
    if not lines:
        raise _invalid("The sale has no lines: there is nothing to record.")
    previous = 0
    for line in lines:
        if not _is_int(line.line_no) or line.line_no <= previous:
            raise _invalid("Line numbers must be whole numbers increasing down the ticket.")
        previous = line.line_no
        _check_line(line)


def _check_line(line: SaleLine) -> None:
    n = line.line_no
    if not (_is_int(line.product_id) and _is_text(line.sku) and isinstance(line.name, str)):
        raise _invalid(f"Line {n} does not name its product properly.")
    if line.barcode is not None and not isinstance(line.barcode, str):
        raise _invalid(f"Line {n}: the barcode must be text.")
    if line.sold_by not in tuple(SoldBy):
        raise _invalid(f"Line {n}: “{line.sold_by}” is neither sold by unit nor by weight.")
    if not _is_int(line.vat_bp) or not 0 <= line.vat_bp < 10000:
        raise _invalid(f"Line {n}: the VAT rate is not a rate in basis points.")
    check_amount(line.unit_price_cents, what=f"line {n} unit price")
    if line.returned is None:
        _check_sold(line)
    else:
        _check_returned(line, line.returned)
    _check_promotions(line)
    net = line.gross_cents - line.line_discount_cents - line.ticket_discount_cents
    if line.total_cents != net:
        raise _invalid(
            f"Line {n}: its total {format_eur(line.total_cents)} is not its gross amount "
            f"less its discounts ({format_eur(net)})."
        )


def _check_promotions(line: SaleLine) -> None:
    """Promotions detail part of a sold line's discount: each positive, each promotion
    once, their sum within ``line_discount_cents`` (the staff's part is the rest)."""
    n = line.line_no
    if not line.promotions:
        return
    if line.returned is not None:
        raise _invalid(f"Line {n}: a returned line carries no promotion of its own.")
    seen = set()
    for promotion in line.promotions:
        if not (_is_int(promotion.promotion_id) and isinstance(promotion.name, str)):
            raise _invalid(f"Line {n}: a promotion is not named properly.")
        if promotion.promotion_id in seen:
            raise _invalid(f"Line {n}: promotion {promotion.promotion_id} is listed twice.")
        seen.add(promotion.promotion_id)
        if not _is_int(promotion.discount_cents) or promotion.discount_cents <= 0:
            raise _invalid(f"Line {n}: a promotion must take a positive amount off.")
    if line.promotion_cents > line.line_discount_cents:
        raise _invalid(f"Line {n}: its promotions are more than its discount.")


def _line_amounts(line: SaleLine) -> tuple[tuple[str, int], ...]:
    n = line.line_no
    return (
        (f"line {n} gross amount", line.gross_cents),
        (f"line {n} discount", line.line_discount_cents),
        (f"line {n} share of the ticket discount", line.ticket_discount_cents),
        (f"line {n} total", line.total_cents),
    )


def _check_sold(line: SaleLine) -> None:
    n = line.line_no
    if not _is_int(line.quantity) or not 0 < line.quantity <= MAX_QUANTITY:
        raise _invalid(f"Line {n}: the quantity must be a positive whole number (units or grams).")
    for what, amount in _line_amounts(line):
        check_amount(amount, what=what)


def _check_returned(line: SaleLine, ref: ReturnRef) -> None:
    """A returned line: negative quantity, no positive amount, what it takes back named."""
    n = line.line_no
    if not _is_int(line.quantity) or not -MAX_QUANTITY <= line.quantity < 0:
        raise _invalid(f"Line {n}: a returned quantity must be a negative whole number.")
    for what, amount in _line_amounts(line):
        if not _is_int(amount) or amount > 0:
            raise _invalid(f"Line {n}: a returned line has no positive amount ({what}).")
        check_amount(-amount, what=what)
    if line.price_override is not None:
        raise _invalid(f"Line {n}: a returned line is taken back at what was paid, no other.")
    if not (_is_text(ref.origin_sale_id) and _is_text(ref.origin_label)):
        raise _invalid(f"Line {n}: a returned line names the sale it takes back.")
    if not _is_int(ref.origin_line_no) or ref.origin_line_no < 0:
        raise _invalid(f"Line {n}: the original line number is not a line number.")
    if ref.channel not in tuple(Channel) or ref.reason not in tuple(ReturnReason):
        raise _invalid(f"Line {n}: the return's channel or reason is not a known one.")
    if not isinstance(ref.restock, bool):
        raise _invalid(f"Line {n}: a return goes back to stock or not (true or false).")
    if ref.origin_line_no == 0 and not _is_text(ref.approval_id):
        raise _invalid(f"Line {n}: a return without receipt needs a manager's approval.")


def _check_payments(draft: SaleDraft) -> None:
    total = draft.total_cents
    if not _is_int(total):
        raise _invalid("The sale's total must be a whole number of cents.")
    check_amount(abs(total), what="sale total")
    change = check_amount(draft.change_cents, what="change")
    lines_total = sum(line.total_cents for line in draft.lines)
    if lines_total != total:
        raise _invalid(
            f"The lines add up to {format_eur(lines_total)} but the sale's total is "
            f"{format_eur(total)}."
        )
    refund = total < 0
    for tender in draft.tenders:
        if not _is_text(tender.kind) or not isinstance(tender.reference, str):
            raise _invalid("A payment has no kind: it cannot be recorded.")
        amount = tender.amount_cents
        if refund and _is_int(amount) and amount < 0:
            check_amount(-amount, what=f"{tender.kind} refund", allow_zero=False)
        elif refund:
            raise _invalid("A ticket that gives money back is settled with refunds only.")
        else:
            check_amount(amount, what=f"{tender.kind} payment", allow_zero=False)
    if refund and change:
        raise _invalid("A ticket that gives money back has no change.")
    paid = sum(tender.amount_cents for tender in draft.tenders)
    if paid - change != total:
        raise _invalid(
            f"The payments ({format_eur(paid)}) less the change ({format_eur(change)}) do "
            f"not equal the sale's total ({format_eur(total)})."
        )


def _check_vat(draft: SaleDraft) -> None:
    """Each VAT row adds up (HT + TVA = TTC) and matches the lines sold at its rate."""
    table: dict[int, int] = {}
    for row in draft.vat:
        figures = (row.vat_bp, row.base_cents, row.vat_cents, row.total_cents)
        if not all(_is_int(value) for value in figures) or row.vat_bp in table:
            raise _invalid("The VAT table has a rate twice or an amount that is not cents.")
        if row.base_cents + row.vat_cents != row.total_cents:
            raise _invalid(
                f"The VAT row at {row.vat_bp / 100:g} % does not add up (HT + TVA ≠ TTC)."
            )
        table[row.vat_bp] = row.total_cents
    if sum(table.values()) != draft.total_cents:
        raise _invalid(
            f"The VAT table adds up to {format_eur(sum(table.values()))} but the sale's total "
            f"is {format_eur(draft.total_cents)}."
        )
    per_rate: dict[int, int] = {}
    for line in draft.lines:
        per_rate[line.vat_bp] = per_rate.get(line.vat_bp, 0) + line.total_cents
    if {k: v for k, v in table.items() if v} != {k: v for k, v in per_rate.items() if v}:
        raise _invalid("The VAT table does not match the lines sold at each rate.")
