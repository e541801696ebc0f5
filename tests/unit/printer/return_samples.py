"""Return, exchange and credit-note sales built from the domain types, as the till commits them.

Amounts follow ``pos.domain.returns.returned_amounts``: a returned line gives back what was
paid (its line discount and its share of the ticket discount included), negative.
"""

from __future__ import annotations

from pos.domain.product import SoldBy
from pos.domain.returns import Channel, ReturnReason, ReturnRef
from pos.domain.sale import CompletedSale, SaleDraft, SaleLine, SaleTender, VatLine
from pos.services.receipts import ReceiptHeader

RETURN_ID = "0b7f0e8e-5a7e-4c57-9d0e-2f3c9d3d2a11"
CREDIT_CODE = "AV-2K7M-Q9XD-4TRB-H5"
SPENT_CODE = "AV-7QX2-M4KD-9PZT-3C"
HEADER_LINES = ("Épicerie du Coin", "12 rue des Lilas", "75011 Paris", "SIRET 123 456 789 00012")


def header(language: str) -> ReceiptHeader:
    return ReceiptHeader(HEADER_LINES, ("Merci de votre visite !",), language)


def _ref(label: str, line_no: int, reason: ReturnReason, channel: Channel = Channel.STORE):
    return ReturnRef(f"origin-{label}", line_no, label, channel, reason, restock=True)


JAM = _ref("T01 n°123", 2, ReturnReason.DEFECTIVE)
APPLES = _ref("#W-1042", 1, ReturnReason.CHANGED_MIND, Channel.WEB)


def _line(no: int, name: str, qty: int, unit: int, vat: int, gross: int, **kw) -> SaleLine:
    sold_by = kw.pop("sold_by", SoldBy.UNIT)
    line_d, ticket_d = kw.pop("line_discount", 0), kw.pop("ticket_discount", 0)
    total = gross - line_d - ticket_d
    return SaleLine(no, 100 + no, f"SKU{no}", name, None, sold_by, qty, unit, vat,
                    gross, line_d, ticket_d, total, **kw)  # fmt: skip


def _completed(lines, tenders, vat, total, change=0, ticket=1235) -> CompletedSale:
    draft = SaleDraft(RETURN_ID, "T01", "Marie", "2026-11-25T09:40:00Z", tuple(lines),
                      tuple(tenders), tuple(vat), total, change)  # fmt: skip
    return CompletedSale(draft, ticket, "2026-11-25T09:42:00Z", "c2lnbmF0dXJl", chain_seq=88)


def return_sale() -> CompletedSale:
    """Two jars back from a till ticket (with their share of its discount) and apples from
    a web order; 8,72 € back on the card, 8,99 € as a credit note."""
    lines = [
        _line(1, "Confiture de fraises extra Bonne Maman 370 g", -2, 459, 550, -918,
              ticket_discount=-46, returned=JAM),
        _line(2, "Pommes Golden bio de Normandie", -452, 1990, 550, -899,
              sold_by=SoldBy.WEIGHT, returned=APPLES),
    ]  # fmt: skip
    tenders = [
        SaleTender("card", -872, "bank-auth-991"),
        SaleTender("credit_note", -899, CREDIT_CODE),
    ]
    return _completed(lines, tenders, [VatLine(550, -1679, -92, -1771)], -1771)


def exchange_due() -> CompletedSale:
    """A shirt back (19,99 €), a bigger one sold (29,99 €): 10,00 € due, paid 20 € cash."""
    back = _ref("T02 n°88", 1, ReturnReason.WRONG_SIZE)
    lines = [
        _line(1, "Chemise lin blanc taille M", -1, 1999, 2000, -1999, returned=back),
        _line(2, "Chemise lin blanc taille L", 1, 2999, 2000, 2999),
    ]
    return _completed(lines, [SaleTender("cash", 2000)], [VatLine(2000, 833, 167, 1000)],
                      1000, change=1000)  # fmt: skip


def exchange_refund() -> CompletedSale:
    """A kettle back (29,99 €) for a cheaper one (19,99 €): 10,00 € refunded in cash."""
    back = _ref("T01 n°117", 3, ReturnReason.NOT_AS_DESCRIBED)
    lines = [
        _line(1, "Bouilloire inox 1,7 l", -1, 2999, 2000, -2999, returned=back),
        _line(2, "Bouilloire verre 1 l", 1, 1999, 2000, 1999),
    ]
    return _completed(lines, [SaleTender("cash", -1000)], [VatLine(2000, -833, -167, -1000)], -1000)


def paid_with_credit_note() -> CompletedSale:
    """A basket of 23,50 € paid 15,00 € by credit note (7,01 € left on it), the rest by card."""
    lines = [_line(1, "Coffret thé vert Sencha", 1, 2350, 550, 2350)]
    tenders = [SaleTender("credit_note", 1500, SPENT_CODE), SaleTender("card", 850, "bank-7")]
    return _completed(lines, tenders, [VatLine(550, 2227, 123, 2350)], 2350, ticket=1240)
