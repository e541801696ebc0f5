"""The pickup desk's printed slips: a picking list and a pickup slip, as ``SlipDocument``.

The desk's results (``PickingList``, ``HandoverSlip``) are mapped onto the printer's plain
data here, with labels in the slip's language (French unless "en"), quantities as the
ticket writes them ("2", "0,452 kg"), amounts in euros and times in the shop's time zone
(Europe/Paris), as on receipts. The printed code is the pickup code: scanned at the desk,
it opens the order, and it fits a Code 128 even on 58 mm paper.

The customer's copy is a "bon de retrait" (what they collected), never a "bon de remise":
in a French shop "remise" reads as a discount. It names the store as a receipt does.

No Qt, no store: pure mapping, safe on any thread.
"""

from __future__ import annotations

import re

from hardware.receipt.document import Language
from hardware.receipt.formatting import format_money, local_time_text
from hardware.receipt.slip import SlipDocument, SlipRow
from pos.config import StoreSettings
from pos.domain.pickup import PickupState
from pos.domain.product import SoldBy
from pos.domain.quantity import format_quantity
from pos.services.pickup_desk import HandoverSlip, PickingList, SlipLine

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "picking_title": "LISTE DE PRÉPARATION",
        "handover_title": "BON DE RETRAIT",
        "order": "Commande {order}",
        "code": "Code de retrait {code}",
        "due": "À retirer le {time}",
        "lines": "Lignes",
        "prepared_by": "Préparée par {staff}",
        "printed_at": "Imprimée le {time}",
        "partial": "Retrait partiel",
        "handed": "Articles remis :",
        "short": "Articles non remis :",
        "total": "TOTAL TTC",
        "paid_online": "Commande réglée en ligne",
        "paid_ticket": "Commande réglée en magasin — ticket n° {ticket}",
        "paid_in_store": "Commande réglée en magasin",
        "handed_by": "Remis au client par {staff}",
    },
    "en": {
        "picking_title": "PICKING LIST",
        "handover_title": "PICKUP SLIP",
        "order": "Order {order}",
        "code": "Pickup code {code}",
        "due": "Due {time}",
        "lines": "Lines",
        "prepared_by": "Prepared by {staff}",
        "printed_at": "Printed {time}",
        "partial": "Partial pickup",
        "handed": "Handed over:",
        "short": "Not handed over:",
        "total": "TOTAL",
        "paid_online": "Order paid online",
        "paid_ticket": "Order paid in store — ticket no. {ticket}",
        "paid_in_store": "Order paid in store",
        "handed_by": "Handed over to the customer by {staff}",
    },
}
TICK_BOX = "☐"
#: A department known only by its code (a catalog fed from the central server names
#: none): "fruits_legumes" is printed "Fruits legumes", never as a code.
_DEPARTMENT_CODE = re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)*$")


def picking_slip(
    picking_list: PickingList,
    language: str = "fr",
    *,
    staff: str = "",
    printed_at: str | None = None,
) -> SlipDocument:
    """The list a preparer takes to the shelves: a tick box, quantity and name per line,
    its department on the right. ``printed_at`` is an ISO 8601 UTC instant."""
    lang = _language(language)
    label = LABELS[lang]
    subtitle = _order_lines(lang, picking_list.order_id, picking_list.pickup_code)
    subtitle.append(picking_list.customer_name)
    if picking_list.due_at:
        subtitle.append(label["due"].format(time=local_time_text(picking_list.due_at)))
    rows = tuple(
        SlipRow(
            f"{TICK_BOX} {_quantity_and_name(ln.name, ln.quantity, ln.sold_by)}",
            department_label(ln.department),
        )
        for ln in picking_list.lines
    )
    footer = []
    if staff.strip():
        footer.append(label["prepared_by"].format(staff=staff.strip()))
    if printed_at:
        footer.append(label["printed_at"].format(time=local_time_text(printed_at)))
    return SlipDocument(
        title=label["picking_title"],
        subtitle=tuple(subtitle),
        rows=rows,
        totals=(SlipRow(label["lines"], str(len(rows))),),
        footer=tuple(footer),
        code=picking_list.pickup_code,
        language=lang,
        label_column=True,
    )


def department_label(department: str) -> str:
    """The department as the screen names it; a bare code made readable."""
    text = department.strip()
    if not _DEPARTMENT_CODE.match(text):
        return text
    words = re.split(r"[_-]", text)
    return " ".join([words[0].capitalize(), *words[1:]])


def handover_slip(
    slip: HandoverSlip,
    language: str = "fr",
    *,
    ticket_no: int | None = None,
    store: StoreSettings | None = None,
) -> SlipDocument:
    """The customer's proof of collection: the store (``store``: its name and address),
    what was handed over at what price, what was not, how it was paid, by whom and when.
    ``ticket_no`` names the till's ticket when the order was paid in store (the slip
    only knows the sale id, which the receipt already carries as a code)."""
    lang = _language(language)
    label = LABELS[lang]
    shop = [store.name, *store.address_lines] if store is not None else []
    subtitle = [line for line in shop if line.strip()]
    subtitle += _order_lines(lang, slip.order_id, slip.pickup_code)
    subtitle.append(slip.customer_name)
    if slip.state is PickupState.PARTIALLY_COLLECTED:
        subtitle.append(label["partial"])
    rows = [SlipRow(label["handed"])] if slip.short else []
    rows += [_priced_row(line) for line in slip.lines]
    if slip.short:
        rows += [SlipRow(""), SlipRow(label["short"])]
        rows += [SlipRow(_quantity_and_name(ln.name, ln.quantity, ln.sold_by)) for ln in slip.short]
    totals = (
        SlipRow(label["total"], format_money(slip.total_cents), bold=True),
        SlipRow(_payment(slip, lang, ticket_no)),
    )
    handed = label["handed_by"].format(staff=slip.staff)
    return SlipDocument(
        title=label["handover_title"],
        subtitle=tuple(subtitle),
        rows=tuple(rows),
        totals=totals,
        footer=(handed, local_time_text(slip.at)),
        code=slip.pickup_code,
        language=lang,
    )


def _language(language: str) -> Language:
    return "en" if language == "en" else "fr"


def _order_lines(language: Language, order_id: str, pickup_code: str) -> list[str]:
    label = LABELS[language]
    return [label["order"].format(order=order_id), label["code"].format(code=pickup_code)]


def _quantity_and_name(name: str, quantity: int, sold_by: SoldBy) -> str:
    """ "2 × Confiture", "0,452 kg Pommes Golden": a weight needs no "×"."""
    amount = format_quantity(quantity, sold_by)
    return f"{amount} {name}" if sold_by is SoldBy.WEIGHT else f"{amount} × {name}"


def _priced_row(line: SlipLine) -> SlipRow:
    return SlipRow(
        _quantity_and_name(line.name, line.quantity, line.sold_by), format_money(line.total_cents)
    )


def _payment(slip: HandoverSlip, language: Language, ticket_no: int | None) -> str:
    label = LABELS[language]
    if slip.paid_online:
        return label["paid_online"]
    if ticket_no is not None:
        return label["paid_ticket"].format(ticket=ticket_no)
    return label["paid_in_store"]
