"""The credit note (avoir) slip: what the customer keeps after a return refunded that way.

It is printed after the return ticket, on its own piece of paper, and is worth money: the
amount in large type, the code in clear and as a QR code, the last valid day, where it
can be spent and the return ticket it comes from. The code is never cut or wrapped (a
cashier types it when the QR will not scan). The duplicate and training banners are the
receipt's, added around it by ``layout.layout``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from hardware.receipt.blocks import ReceiptBlock, ScanCode, Text
from hardware.receipt.document import ReceiptDocument
from hardware.receipt.formatting import format_money, local_time_text
from hardware.receipt.text_fit import centre, wrap_words

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "AVOIR",
        "code": "Code de l'avoir",
        "valid_until": "Valable jusqu'au {date}",
        "where": "Utilisable en magasin et sur le site",
        "issued": "Émis le {time}",
        "origin": "Ticket de retour n°{ticket}",
        "till": "Caisse {terminal}",
    },
    "en": {
        "title": "CREDIT NOTE",
        "code": "Credit note code",
        "valid_until": "Valid until {date}",
        "where": "Can be used in store and on our website",
        "issued": "Issued {time}",
        "origin": "Return receipt no. {ticket}",
        "till": "Till {terminal}",
    },
}

Fold = Callable[[str], str]


def french_date(iso_date: str) -> str:
    """``"2027-11-25"`` -> ``"25/11/2027"``, as dates are written in France."""
    return date.fromisoformat(iso_date[:10]).strftime("%d/%m/%Y")


def layout_credit_note(
    doc: ReceiptDocument, index: int, columns: int, fold: Fold
) -> list[ReceiptBlock | str]:
    """The ``index``-th credit note of ``doc`` in ``columns`` cells per line."""
    slip = doc.credit_notes[index]
    label = LABELS.get(doc.language, LABELS["fr"])
    half = columns // 2
    items: list[ReceiptBlock | str] = []
    for number, raw in enumerate(doc.header[:3]):  # the store's name and address
        for line in wrap_words(fold(raw), columns):
            text = centre(line, columns)
            items.append(Text(text, bold=True) if number == 0 else text)
    amount = fold(format_money(slip.amount_cents))
    items.append("=" * columns)
    items += [_large(centre(fold(label["title"]), half)), _large(centre(amount, half))]
    items.append("-" * columns)
    items += _centred(fold(label["code"]), columns)
    items.append(Text(centre(fold(slip.code), columns), bold=True))  # 20 cells: never cut
    items.append(ScanCode(slip.qr_text, slip.code))
    expiry = label["valid_until"].format(date=french_date(slip.expires_on))
    items += [*_centred(fold(expiry), columns), *_centred(fold(label["where"]), columns)]
    items.append("-" * columns)
    issued = label["issued"].format(time=local_time_text(doc.completed_at))
    origin = label["origin"].format(ticket=doc.ticket_no)
    till = label["till"].format(terminal=doc.terminal_id)
    return items + [
        line for text in (issued, origin, till) for line in _centred(fold(text), columns)
    ]


def _large(text: str) -> Text:
    return Text(text, bold=True, double_height=True, double_width=True)


def _centred(text: str, columns: int) -> list[ReceiptBlock | str]:
    return [centre(line, columns) for line in wrap_words(text, columns)]
