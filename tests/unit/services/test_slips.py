"""The desk's picking list and handover slip as printable slips, in French and English."""

from __future__ import annotations

import os
import re
from itertools import count
from pathlib import Path

import pytest
from test_pickup_desk import NOW, PARIS, STORE, order_item, products, pull, weighed_product

from hardware.printer.connections import PrinterConfig, open_printer
from hardware.printer.escpos_receipt import print_slip
from hardware.printer.fake import FakePrinter
from hardware.receipt.slip import SlipRow, slip_text
from pos.config import StoreSettings
from pos.domain.pickup import PickupState
from pos.domain.product import SoldBy
from pos.services.pickup_desk import HandoverSlip, PickingLine, PickingList, PickupDesk, SlipLine
from pos.services.slips import department_label, handover_slip, picking_slip
from pos.store.local_store import LocalStore
from tests.support.staff import a_manager
from tests.unit.printer.escpos_text import escpos_text

AT = "2025-11-25T09:30:00.000Z"  # 10:30 in Paris


@pytest.fixture
def desk(store: LocalStore) -> PickupDesk:
    ids = count(1)
    return PickupDesk(
        store, store_id=STORE, clock=lambda: NOW, tz=PARIS, new_id=lambda: f"op-{next(ids)}"
    )


def listing() -> PickingList:
    lines = (
        PickingLine(1, "CONF-1", "Confiture de fraises", SoldBy.UNIT, 2, ("3017620422003",),
                    "Épicerie"),
        PickingLine(2, "POM-1", "Pommes Golden", SoldBy.WEIGHT, 452, (), "Fruits et légumes"),
    )  # fmt: skip
    return PickingList("web-1", "K7M2-Q9XD", "Hélène Dupré", "2025-11-25T16:00:00.000Z", lines)


def handed(**changes: object) -> HandoverSlip:
    values: dict[str, object] = {
        "order_id": "web-1", "pickup_code": "K7M2-Q9XD", "customer_name": "Hélène Dupré",
        "customer_email": "helene@example.org", "customer_phone": "06 12 34 56 78",
        "state": PickupState.PARTIALLY_COLLECTED,
        "lines": (SlipLine("CONF-1", "Confiture de fraises", SoldBy.UNIT, 2, 459, 918),
                  SlipLine("POM-1", "Pommes Golden", SoldBy.WEIGHT, 452, 499, 226)),
        "short": (SlipLine("BOEUF-1", "Bœuf haché", SoldBy.UNIT, 1, 650, 650),),
        "total_cents": 1144, "paid_online": True, "sale_id": None, "staff": "Inès", "at": AT,
    }  # fmt: skip
    values.update(changes)
    return HandoverSlip(**values)  # type: ignore[arg-type]


def test_picking_list_in_french() -> None:
    doc = picking_slip(listing(), staff="Inès", printed_at=AT)
    assert doc.title == "LISTE DE PRÉPARATION" and doc.language == "fr"
    assert doc.subtitle == (
        "Commande web-1",
        "Code de retrait K7M2-Q9XD",
        "Hélène Dupré",
        "À retirer le 25/11/2025 17:00",
    )
    assert doc.rows == (
        SlipRow("☐ 2 × Confiture de fraises", "Épicerie"),
        SlipRow("☐ 0,452 kg Pommes Golden", "Fruits et légumes"),
    )
    assert doc.totals == (SlipRow("Lignes", "2"),)
    assert doc.footer == ("Préparée par Inès", "Imprimée le 25/11/2025 10:30")
    assert doc.code == "K7M2-Q9XD"


def test_picking_list_in_english_without_due_time_or_staff() -> None:
    source = listing()
    doc = picking_slip(
        PickingList(source.order_id, source.pickup_code, "Ann Lee", None, source.lines), "en"
    )
    assert doc.title == "PICKING LIST" and doc.language == "en"
    assert doc.subtitle == ("Order web-1", "Pickup code K7M2-Q9XD", "Ann Lee")
    assert doc.totals == (SlipRow("Lines", "2"),) and doc.footer == ()


def test_handover_slip_in_french_with_what_was_not_handed_over() -> None:
    doc = handover_slip(handed(), store=StoreSettings())
    assert doc.title == "BON DE RETRAIT"
    assert doc.subtitle == (
        "Comptoir Démo — Lyon Part-Dieu",
        "12 rue de la Part-Dieu",
        "69003 Lyon",
        "Commande web-1",
        "Code de retrait K7M2-Q9XD",
        "Hélène Dupré",
        "Retrait partiel",
    )
    assert doc.rows == (
        SlipRow("Articles remis :"),
        SlipRow("2 × Confiture de fraises", "9,18 €"),
        SlipRow("0,452 kg Pommes Golden", "2,26 €"),
        SlipRow(""),
        SlipRow("Articles non remis :"),
        SlipRow("1 × Bœuf haché"),
    )
    paid = SlipRow("Commande réglée en ligne")
    assert doc.totals == (SlipRow("TOTAL TTC", "11,44 €", bold=True), paid)
    assert doc.footer == ("Remis au client par Inès", "25/11/2025 10:30")
    text = slip_text(doc, 32)
    assert "remise" not in text.lower()  # reads as a discount in a French shop


def test_handover_slip_paid_in_store_names_the_ticket() -> None:
    paid_here = handed(paid_online=False, sale_id="sale-1", state=PickupState.COLLECTED, short=())
    doc = handover_slip(paid_here, ticket_no=1234)
    assert doc.totals[1] == SlipRow("Commande réglée en magasin — ticket n° 1234")
    assert "Retrait partiel" not in doc.subtitle
    assert SlipRow("Articles non remis :") not in doc.rows
    assert SlipRow("Articles remis :") not in doc.rows  # no heading when all was handed over
    assert handover_slip(paid_here).totals[1] == SlipRow("Commande réglée en magasin")


def test_handover_slip_in_english() -> None:
    doc = handover_slip(handed(paid_online=False, sale_id="sale-1"), "en", ticket_no=7)
    assert doc.title == "PICKUP SLIP"
    assert doc.subtitle == ("Order web-1", "Pickup code K7M2-Q9XD", "Hélène Dupré",
                            "Partial pickup")  # fmt: skip
    assert SlipRow("Handed over:") in doc.rows and SlipRow("Not handed over:") in doc.rows
    assert doc.totals == (
        SlipRow("TOTAL", "11,44 €", bold=True),
        SlipRow("Order paid in store — ticket no. 7"),
    )
    assert doc.footer == ("Handed over to the customer by Inès", "25/11/2025 10:30")


def test_an_unknown_language_falls_back_to_french() -> None:
    assert picking_slip(listing(), "de").title == "LISTE DE PRÉPARATION"


def test_the_desks_picking_list_and_handover_print(store: LocalStore, desk: PickupDesk) -> None:
    """End to end on a real store file: desk results -> slips -> ESC/POS bytes."""
    pull(store, order_item(store, "web-1", weighed=452, due_at="2025-11-25T16:00:00.000Z"))
    (_, sku_a, name_a, *_), *_ = products(store)
    weighed_name = weighed_product(store)[2]
    picking = picking_slip(desk.picking_list("web-1"), staff="Inès", printed_at=AT)
    assert picking.rows[0].left == f"☐ 2 × {name_a}"
    assert picking.rows[-1].left == f"☐ 0,452 kg {weighed_name}"
    assert all(row.right for row in picking.rows)  # the demo catalog's departments

    pull(store, order_item(store, "web-2", code="AB12-CD34", state="ready", version=3))
    handover = handover_slip(desk.hand_over("web-2", a_manager("Inès"), {sku_a: 1}))
    assert handover.rows[1] == SlipRow(f"1 × {name_a}", handover.rows[1].right)
    assert SlipRow("Articles non remis :") in handover.rows
    assert handover.footer == ("Remis au client par Inès", "25/11/2025 10:30")

    printer = FakePrinter()
    assert printer.print_slip(picking).ok and printer.print_slip(handover).ok
    assert "LISTE DE PR\u00c9PARATION" in printer.jobs[0].decode(printer.config.codepage)
    assert "BON DE RETRAIT" in printer.last_text() and "AB12-CD34" in printer.last_text()
    for doc in (picking, handover):
        for columns in (48, 32):
            assert all(len(line) == columns for line in slip_text(doc, columns).splitlines()
                       if not line.startswith("[code:"))  # fmt: skip


def test_a_department_known_by_its_code_prints_readable() -> None:
    assert department_label("fruits_legumes") == "Fruits legumes"
    assert department_label("cremerie") == "Cremerie"
    assert department_label("Crèmerie et frais") == "Crèmerie et frais"  # a name: as is


@pytest.mark.parametrize("columns", [48, 32])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_both_slips_printed_and_read_back_at_both_widths(columns: int, language: str) -> None:
    """The real renderer on a python-escpos Dummy, decoded: whole names, numbers with
    their units, departments by name in their own column; dumps to $COMPTOIR_DUMPS."""
    lines = (
        PickingLine(1, "GRU-1", "Gruyère râpé AOP « Le Montagnard » sachet refermable 100 g",
                    SoldBy.UNIT, 2, (), "cremerie"),
        PickingLine(2, "POM-1", "Pommes Golden", SoldBy.WEIGHT, 1500, (), "fruits_legumes"),
    )  # fmt: skip
    picking = picking_slip(
        PickingList("web-1", "K7M2-Q9XD", "Hélène Dupré", None, lines), language, staff="Inès"
    )
    pickup = handover_slip(handed(), language, store=StoreSettings())
    for name, doc in (("picking", picking), ("pickup", pickup)):
        printer = open_printer(PrinterConfig(kind="dummy", profile="TM-T88V"))
        print_slip(printer, doc, columns=columns, codepage="CP858", qr_native=columns == 48)
        text = escpos_text(printer.output, "CP858")
        dumps = os.environ.get("COMPTOIR_DUMPS")
        if dumps:
            Path(dumps, f"{name}_{language}_{columns}.txt").write_text(text, encoding="utf-8")
        assert all(len(row) <= columns for row in text.splitlines())
        assert "[QR K7M2-Q9XD]" in text or "[CODE128 {BK7M2-Q9XD]" in text
        assert not re.search(r"\d\n +(g|kg|x|×)\b", text)  # a number never loses its unit
    assert "fruits_legumes" not in " ".join(text.split()) and "remise" not in text.lower()
