"""Pure text layout of a receipt for a fixed number of columns (48 on 80 mm, 32 on 58 mm).

``layout`` returns plain lines (``str``, exactly ``columns`` wide) and ``Text``/``SaleCode``
blocks for the renderer. It never talks to a printer, so the same output serves tests,
a screen preview and the ESC/POS renderer.

Widths are counted in printed cells, so text must already be in the printer's alphabet:
the renderer passes ``fold`` (the code-page fallback, e.g. "œ" -> "oe") and the layout
folds every input *before* measuring it.

The receipt's labels live in ``receipt_labels.LABELS``: a ticket's language is data of the
sale, independent of the Qt UI's translations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hardware.receipt.blocks import Cut, ReceiptBlock, SaleCode, ScanCode, Text
from hardware.receipt.credit_note import layout_credit_note
from hardware.receipt.document import PromotionRow, ReceiptDocument, ReceiptLine, TenderRow
from hardware.receipt.formatting import format_cents, format_money, local_time_text
from hardware.receipt.loyalty_lines import loyalty_items
from hardware.receipt.receipt_labels import LABELS
from hardware.receipt.sale_code import ticket_code
from hardware.receipt.text_fit import (
    centre,
    fit,
    fits_side_by_side,
    left_right,
    wrap_hanging,
    wrap_words,
)

#: Columns supported by the layout (80 mm and 58 mm paper in font A).
SUPPORTED_COLUMNS = (32, 48)
_INDENT = "  "

Item = ReceiptBlock | str
Fold = Callable[[str], str]


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class _Page:
    """Width, labels and alphabet of the receipt being laid out."""

    columns: int
    labels: dict[str, str]
    fold: Fold

    def label(self, key: str) -> str:
        return self.fold(self.labels[key])

    def money(self, cents: int) -> str:
        return format_money(cents, currency=self.fold("€"))

    def rule(self, char: str = "-") -> str:
        return char * self.columns


def layout(doc: ReceiptDocument, columns: int, *, fold: Fold = _identity) -> list[Item]:
    """Lay ``doc`` out in ``columns`` cells per line.

    ``fold`` maps text to the printer's alphabet before widths are measured.
    """
    if columns < 24:
        raise ValueError(f"A receipt needs at least 24 columns, not {columns}.")
    page = _Page(columns, LABELS.get(doc.language, LABELS["fr"]), fold)
    sections = (
        _training_banner,
        _duplicate_banner,
        _header,
        _kind_banner,
        _items,
        _saved,
        _totals,
        _vat_table,
        _payments,
        _loyalty,
        _ticket_info,
        _fiscal_footer,
        _sale_code,
        _footer,
        _duplicate_banner,
        _training_banner,
        _credit_notes,
    )
    items: list[Item] = []
    for section in sections:
        items += section(doc, page)
    return items


def _kind_banner(doc: ReceiptDocument, page: _Page) -> list[Item]:
    """A return or an exchange says so under the store's name, in large type."""
    if doc.kind == "sale":
        return []
    title = page.label("return_title" if doc.kind == "return" else "exchange_title")
    half = centre(title, page.columns // 2)
    return [Text(half, bold=True, double_height=True, double_width=True), page.rule("=")]


def _credit_notes(doc: ReceiptDocument, page: _Page) -> list[Item]:
    """Each credit note the return issued, on its own paper after the ticket, with the
    ticket's duplicate and training banners (a copy of a credit note says so)."""
    items: list[Item] = []
    for index in range(len(doc.credit_notes)):
        banners = _training_banner(doc, page) + _duplicate_banner(doc, page)
        body = layout_credit_note(doc, index, page.columns, page.fold)
        items += [Cut(("- " * page.columns)[: page.columns]), *banners, *body, *banners[::-1]]
    return items


def _duplicate_banner(doc: ReceiptDocument, page: _Page) -> list[Item]:
    """ "DUPLICATA n°k" in double size, and the copy's own entry in the duplicates chain:
    printed at the top and again at the bottom, so no part of a copy passes for the
    original."""
    if not doc.duplicate:
        return []
    half = page.columns // 2
    title = centre(page.label("duplicate").replace("{n}", str(doc.copy_no)), half)
    banner = Text(title, bold=True, double_height=True, double_width=True)
    record = centre(f"{page.label('copy_record')} {doc.copy_seq}", page.columns)
    return [page.rule("*"), banner, record, page.rule("*")]


def _training_banner(doc: ReceiptDocument, page: _Page) -> list[Item]:
    """A training ticket says so at the top and the bottom: it is of no fiscal value."""
    if not doc.training:
        return []
    banner = Text(centre(page.label("training"), page.columns), bold=True, double_height=True)
    return [page.rule("#"), banner, page.rule("#")]


def _header(doc: ReceiptDocument, page: _Page) -> list[Item]:
    items: list[Item] = []
    for index, raw in enumerate(doc.header):
        for line in wrap_words(page.fold(raw), page.columns):
            text = centre(line, page.columns)
            items.append(Text(text, bold=True, double_height=True) if index == 0 else text)
    return [*items, page.rule("=")]


def _items(doc: ReceiptDocument, page: _Page) -> list[Item]:
    items: list[Item] = []
    for line in doc.lines:
        items += _item_lines(line, page)
    return [*items, page.rule()]


def _item_lines(line: ReceiptLine, page: _Page) -> list[Item]:
    """Name (as many lines as it needs, never cut) with the amount and VAT code, then
    quantity and discount."""
    shown_cents = line.gross_cents if line.discount_cents else line.total_cents
    width = page.columns - len(_INDENT)
    amount = f"{format_cents(shown_cents)} {page.fold(line.vat_code)[:1] or ' '}"
    name = page.fold(line.name)
    first_width = page.columns - len(amount) - 1
    names = wrap_hanging(name, first_width, page.columns)
    items: list[Item] = [left_right(names[0], amount, page.columns)]
    items += [fit(rest, page.columns) for rest in names[1:]]
    if line.quantity_text.strip() != "1":
        unit = format_cents(line.unit_price_cents)
        quantity = f"{page.fold(line.quantity_text)} x {unit}"
        items += [fit(_INDENT + text, page.columns) for text in wrap_words(quantity, width)]
    if line.catalog_unit_price_cents is not None:
        prices = f"{format_cents(line.catalog_unit_price_cents)} → "
        prices += f"{format_cents(line.unit_price_cents)}  "
        label = _INDENT + page.label("price_changed")
        items.append(left_right(label, page.fold(prices), page.columns))
    for promotion in line.promotions:
        items += _promotion_lines(promotion, page)
    manual = line.manual_discount_cents
    if manual:
        discount = f"{format_cents(-manual)}  "
        key = "original_discount" if line.returned else "discount"
        items.append(left_right(_INDENT + page.label(key), discount, page.columns))
    return items + _returned_from(line, page) + _ordered_for(line, page)


def _ordered_for(line: ReceiptLine, page: _Page) -> list[Item]:
    """Under a line paying a customer order: "Commande n° K7M2 à retirer à Paris Rivoli"
    or "… livrée à domicile" (the goods are not taken away from here)."""
    ordered = line.ordered
    if ordered is None:
        return []
    if ordered.pickup_at is None:
        text = page.labels["ordered_delivery"].format(order=ordered.label)
    else:
        text = page.labels["ordered_pickup"].format(order=ordered.label, place=ordered.pickup_at)
    width = page.columns - len(_INDENT)
    return [fit(_INDENT + part, page.columns) for part in wrap_words(page.fold(text), width)]


def _promotion_lines(promotion: PromotionRow, page: _Page) -> list[Item]:
    """ "  3 pour 2 sur les yaourts      -1,20": the amount under the line's amount; a
    long name wraps onto the lines under the first, never cut."""
    amount = f"{format_cents(-promotion.discount_cents)}  "
    width = page.columns - len(_INDENT)
    first_width = page.columns - len(_INDENT) - len(amount) - 1
    names = wrap_hanging(page.fold(promotion.name), first_width, width)
    items: list[Item] = [left_right(_INDENT + names[0], amount, page.columns)]
    return items + [fit(_INDENT + rest, page.columns) for rest in names[1:]]


def _returned_from(line: ReceiptLine, page: _Page) -> list[Item]:
    """Under a returned line: the original it takes back, and why."""
    origin = line.returned
    if origin is None:
        return []
    if not origin.line_no:
        text = page.labels["no_receipt"]
    else:
        key = "from_order" if origin.web else "from_ticket"
        text = page.labels[key].format(origin=origin.origin_label, line=origin.line_no)
    texts = [text, page.labels["reason"].format(reason=origin.reason)]
    width = page.columns - len(_INDENT)
    return [
        fit(_INDENT + line, page.columns)
        for text in texts
        for line in wrap_words(page.fold(text), width)
    ]


def _saved(doc: ReceiptDocument, page: _Page) -> list[Item]:
    """ "Vous avez économisé 4,35 €" before the totals, when the customer saved anything."""
    if doc.saved_cents <= 0:
        return []
    text = f"{page.label('saved')} {page.money(doc.saved_cents)}"
    return [Text(fit(line, page.columns), bold=True) for line in wrap_words(text, page.columns)]


def _totals(doc: ReceiptDocument, page: _Page) -> list[Item]:
    """A sale's total; a return's or an exchange's: what was taken back, what was sold,
    and the difference, refunded ("TOTAL REMBOURSÉ", a positive amount) or due."""
    if doc.kind == "sale":
        return _sale_totals(doc, page)
    returned = sum(line.total_cents for line in doc.lines if line.returned)
    items: list[Item] = []
    if doc.kind == "exchange":
        sold = sum(line.total_cents for line in doc.lines if not line.returned)
        items.append(left_right(page.label("items_returned"), page.money(returned), page.columns))
        items.append(left_right(page.label("items_sold"), page.money(sold), page.columns))
        if doc.ticket_discount_cents:
            discount = page.money(-doc.ticket_discount_cents)
            items.append(left_right(page.label("discount"), discount, page.columns))
    key = "refunded" if doc.total_cents < 0 else "due"
    total = left_right(page.label(key), page.money(abs(doc.total_cents)), page.columns)
    return [*items, Text(total, bold=True, double_height=True), page.rule()]


def _sale_totals(doc: ReceiptDocument, page: _Page) -> list[Item]:
    items: list[Item] = []
    if doc.ticket_discount_cents:
        subtotal = doc.total_cents + doc.ticket_discount_cents
        items.append(left_right(page.label("subtotal"), page.money(subtotal), page.columns))
        discount = page.money(-doc.ticket_discount_cents)
        items.append(left_right(page.label("discount"), discount, page.columns))
    total = left_right(page.label("total"), page.money(doc.total_cents), page.columns)
    return [*items, Text(total, bold=True, double_height=True), page.rule()]


def _vat_table(doc: ReceiptDocument, page: _Page) -> list[Item]:
    """Code and rate on the left; HT, TVA and TTC right-aligned in equal columns."""
    if not doc.vat_rows:
        return []
    amounts = [
        (format_cents(row.base_cents), format_cents(row.vat_cents), format_cents(row.total_cents))
        for row in doc.vat_rows
    ]
    heads = (page.label("base"), page.label("vat"), page.label("gross"))
    longest = max(len(cell) for cells in [heads, *amounts] for cell in cells)
    cell = max(longest + 1, (page.columns - 8) // 3)

    def row(left: str, cells: tuple[str, str, str]) -> str:
        return left_right(left, "".join(text.rjust(cell) for text in cells), page.columns)

    code_width = max(2, *(len(r.code) + 1 for r in doc.vat_rows))
    head_left = " " * code_width + page.label("rate")
    items: list[Item] = [row(head_left, heads)]
    for vat_row, cells in zip(doc.vat_rows, amounts, strict=True):
        left = f"{page.fold(vat_row.code):<{code_width}}{page.fold(vat_row.rate_label)}"
        items.append(row(left, cells))
    return [*items, page.rule()]


def _payments(doc: ReceiptDocument, page: _Page) -> list[Item]:
    items: list[Item] = []
    for tender in doc.tenders:
        items += _tender_lines(tender, page)
    if doc.change_cents:
        items.append(left_right(page.label("change"), page.money(doc.change_cents), page.columns))
    return [*items, page.rule()] if items else []


def _tender_lines(tender: TenderRow, page: _Page) -> list[Item]:
    """A payment, or a refund (negative, printed as the amount its label says was given
    back); its reference on the same line when asked and whole, else under it."""
    label, reference = page.fold(tender.label), page.fold(tender.reference)
    amount = page.money(abs(tender.amount_cents))
    inline = f"{label} {reference}"
    if reference and tender.inline_reference and fits_side_by_side(inline, amount, page.columns):
        items: list[Item] = [left_right(inline, amount, page.columns)]
    else:
        items = [left_right(label, amount, page.columns)]
        if reference:
            items.append(fit(f"{_INDENT}{page.label('tender_ref')} {reference}", page.columns))
    if tender.balance_cents is not None:
        balance = page.money(tender.balance_cents)
        items.append(left_right(_INDENT + page.label("balance"), balance, page.columns))
    return items


def _loyalty(doc: ReceiptDocument, page: _Page) -> list[Item]:
    items: list[Item] = list(loyalty_items(doc.loyalty, doc.language, page.columns, page.fold))
    return [*items, page.rule()] if items else []


def _ticket_info(doc: ReceiptDocument, page: _Page) -> list[Item]:
    ticket = f"{page.label('ticket')} {doc.ticket_no}"
    terminal = f"{page.label('terminal')} {page.fold(doc.terminal_id)}"
    cashier = f"{page.label('cashier')} {page.fold(doc.cashier)}"
    return _pair(ticket, local_time_text(doc.completed_at), page) + _pair(terminal, cashier, page)


def _fiscal_footer(doc: ReceiptDocument, page: _Page) -> list[Item]:
    """Under the ticket's number and terminal: its entry's sequence number in the signed
    chain, the software that made it and an excerpt of its signature (NF525)."""
    parts = []
    if doc.record_no:
        parts.append(f"{page.label('record_no')} {doc.record_no}")
    if doc.software_version:
        parts.append(f"{page.label('version')} {page.fold(doc.software_version)}")
    items = _pair(*parts, page) if len(parts) == 2 else [fit(part, page.columns) for part in parts]
    if doc.signature_excerpt:
        signature = f"{page.label('signature')} {page.fold(doc.signature_excerpt)}"
        items.append(fit(signature, page.columns))
    return items


def _pair(left: str, right: str, page: _Page) -> list[Item]:
    """Both on one line when they fit, else one under the other, each wrapped (a
    cashier's full name is never cut)."""
    if fits_side_by_side(left, right, page.columns):
        return [left_right(left, right, page.columns)]
    return [
        fit(line, page.columns) for side in (left, right) for line in wrap_words(side, page.columns)
    ]


def _sale_code(doc: ReceiptDocument, page: _Page) -> list[Item]:
    """The code to scan for a return, then what a cashier can type instead: the ticket
    code ("T01-123", what a 58 mm Code 128 holds) and the sale's full reference."""
    if not doc.sale_id:
        return []
    ticket_ref = ticket_code(doc.terminal_id, doc.ticket_no)
    items: list[Item] = [SaleCode(doc.sale_id, ticket_ref)]
    if ticket_ref:
        items.append(centre(f"{page.label('ticket_code')} {ticket_ref}", page.columns))
    reference = f"{page.label('sale_ref')} {page.fold(doc.sale_id)}"
    lines = _wrap_after_hyphens(reference, page.columns)
    return items + [centre(line, page.columns) for line in lines]


def _wrap_after_hyphens(text: str, width: int) -> list[str]:
    """Wrap an id like a UUID after its hyphens rather than mid-group (58 mm paper)."""
    parts = re.split(r"(?<=[- ])", text)
    lines = [""]
    for part in parts:
        if lines[-1] and len(lines[-1]) + len(part.rstrip()) > width:
            lines.append("")
        lines[-1] += part
    return [chunk for line in lines for chunk in wrap_words(line, width)]


def _footer(doc: ReceiptDocument, page: _Page) -> list[Item]:
    items: list[Item] = []
    for raw in doc.footer:
        items += [centre(line, page.columns) for line in wrap_words(page.fold(raw), page.columns)]
    return items


def plain_text(items: list[Item]) -> str:
    """The receipt as it reads on paper (for previews, logs and tests); codes as a marker."""
    lines: list[str] = []
    for item in items:
        if isinstance(item, SaleCode):
            lines.append(f"[code: {item.sale_id}]")
        elif isinstance(item, ScanCode):
            lines.append(f"[code: {item.qr_text}]")
        elif isinstance(item, Cut):
            lines.append(item.mark)
        elif isinstance(item, Text):
            lines.append(item.text)
        else:
            lines.append(item)
    return "\n".join(lines)
