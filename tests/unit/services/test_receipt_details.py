"""Issue 17 on real sales from a real store file: receipts and slips at 48 and 32 columns,
printed by the real ESC/POS renderer on a python-escpos ``Dummy`` and read back as text.

Long names are wrapped whole, a number never leaves its unit, every width carries a code
a return can find, VAT letters are the rate's own on every ticket, and a voucher's,
gift card's and meal voucher's number is printed with its tender. Each dump is written to
``$COMPTOIR_DUMPS`` when set (the closing note's text dumps).
"""

from __future__ import annotations

import os
import re
from itertools import pairwise
from pathlib import Path

import pytest

from hardware.barcodes import make_ean13
from hardware.printer.connections import PrinterConfig, open_printer
from hardware.printer.escpos_receipt import print_receipt
from pos.domain.rights import Actor, Role
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.receipts import VAT_LETTERS, ReceiptHeader, receipt_document
from pos.services.return_lookup import parse_sale_code
from pos.store.catalog_loader import load_catalog
from pos.store.local_store import LocalStore
from resources.demo.catalog import DEPARTMENTS, DemoProduct
from tests.unit.printer.escpos_text import escpos_text

INES = Actor("ines", "Inès", Role.MANAGER)
JAR = "Lot de 6 pots en verre borosilicaté 1,5 l avec couvercle hermétique « Le Parfait »"
COMTE = "Comté AOP 18 mois affiné en cave « Fort des Rousses » à la coupe"
PAPER = "Quotidien régional édition du dimanche avec son supplément télé"
LASAGNA = "Lasagnes à la bolognaise gratinées au four 400 g"
UNITS = ("g", "kg", "l", "cl", "€", "x", "%")


def product(sku: str, name: str, department: str, price: int, vat_bp: int, **kw) -> DemoProduct:
    sold_by = kw.get("sold_by", "unit")
    barcodes = () if sold_by == "weight" else (make_ean13(f"3000000{sku[-5:]}"),)
    return DemoProduct(sku, name, "Marque", department, price, vat_bp, sold_by, barcodes,
                       kw.get("plu"), 10_000, 500)  # fmt: skip


ITEMS = (
    product("ITEM-00001", JAR, "maison", 2490, 2000),
    product("ITEM-00002", COMTE, "coupe", 2890, 550, sold_by="weight", plu="09871"),
    product("ITEM-00003", PAPER, "presse", 210, 210),
    product("ITEM-00004", LASAGNA, "traiteur", 599, 1000),
)


@pytest.fixture
def shop(store: LocalStore) -> LocalStore:
    load_catalog(store.conn, DEPARTMENTS, ITEMS)
    return store


def sell(store: LocalStore, codes: list[str], tenders: list[tuple[TenderKind, str]]):
    checkout = Checkout(store, terminal_id="T01", actor=INES)
    for code in codes:
        checkout.scan(code)
    due = checkout.totals().total_cents
    for index, (kind, reference) in enumerate(tenders):
        last = index == len(tenders) - 1
        amount = due if last else min(500, due)
        checkout.add_tender(kind, amount, reference)
        due -= amount
    completed = checkout.complete()
    checkout.close()
    return completed


def big_sale(store: LocalStore):
    codes = [ITEMS[0].barcodes[0], make_ean13("260987100452"), ITEMS[2].barcodes[0]]
    codes += [ITEMS[3].barcodes[0]] * 3
    tenders = [
        (TenderKind.VOUCHER, "BA-2026-0042"),
        (TenderKind.GIFT_CARD, "GC-4921-7730"),
        (TenderKind.MEAL_VOUCHER, "TR-88120"),
        (TenderKind.CARD, "bank-auth-991"),
    ]
    return sell(store, codes, tenders)


def printed(sale, columns: int, *, qr_native: bool, language: str = "fr") -> str:
    doc = receipt_document(sale, ReceiptHeader(("Épicerie du Coin", "12 rue des Lilas",
                                                "75011 Paris"), language=language))  # fmt: skip
    printer = open_printer(PrinterConfig(kind="dummy", profile="TM-T88V"))
    print_receipt(printer, doc, columns=columns, codepage="CP858", qr_native=qr_native)
    text = escpos_text(printer.output, "CP858")
    dumps = os.environ.get("COMPTOIR_DUMPS")
    if dumps:
        code = "qr" if qr_native else "code128"
        name = f"receipt_{language}_{columns}_{code}.txt"
        (Path(dumps) / name).write_text(text, encoding="utf-8")
    return text


def flat(text: str) -> str:
    """The text's words in order, an item's amount and VAT letter left out of its line."""
    lines = (re.sub(r" +-?[\d ]+,\d\d [A-Z]$", "", line) for line in text.splitlines())
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize("columns", [48, 32])
@pytest.mark.parametrize("qr_native", [True, False])
def test_long_names_weighed_goods_vouchers_and_rates_print_whole(
    shop: LocalStore, columns: int, qr_native: bool
) -> None:
    sale = big_sale(shop)
    text = printed(sale, columns, qr_native=qr_native)
    lines = text.splitlines()
    assert all(len(line) <= columns for line in lines if not line.startswith("["))
    for name in (JAR, COMTE, PAPER, LASAGNA):  # every word, in order: nothing cut
        assert flat(name.replace("œ", "oe")) in flat(text)
    for before, after in pairwise(lines):
        first = after.split(" ", 1)[0]
        assert not (re.search(r"\d$", before.rstrip()) and first in UNITS), (before, after)
        assert not before.rstrip().endswith("«") and first != "»"
    assert "  0,452 kg x 28,90" in lines
    for label, reference in (("Bon d'achat", "BA-2026-0042"), ("Carte cadeau", "GC-4921-7730"),
                             ("Titres-restaurant", "TR-88120")):  # fmt: skip
        at = next(i for i, line in enumerate(lines) if line.startswith(label))
        inline = lines[at].startswith(f"{label} {reference}")  # on its line when it fits
        assert inline or lines[at + 1] == f"  N° {reference}", lines[at : at + 2]
    assert "bank-auth-991" not in text
    ticket = f"T01-{sale.ticket_no}"
    if qr_native:
        assert f"[QR {sale.sale_id}]" in lines
    elif columns == 48:
        assert any(line.startswith("[CODE128 {C") for line in lines)  # the sale id
    else:
        assert f"[CODE128 {{B{ticket}]" in lines  # the ticket: the sale id is too wide
    assert f"Ticket {ticket}" in flat(text)
    found = parse_sale_code(ticket, "T02")  # what the returns desk reads from it
    assert (found.terminal_id, found.ticket_no) == ("T01", sale.ticket_no)


def test_vat_letters_are_the_rates_own_on_every_ticket(shop: LocalStore) -> None:
    apart = [
        sell(shop, [ITEMS[2].barcodes[0]], [(TenderKind.CASH, "")]),  # 2,1 % alone
        sell(shop, [ITEMS[3].barcodes[0], ITEMS[2].barcodes[0]], [(TenderKind.CASH, "")]),
        big_sale(shop),
    ]
    seen: dict[str, set[str]] = {}
    for sale in apart:
        doc = receipt_document(sale, ReceiptHeader())
        for row in doc.vat_rows:
            seen.setdefault(row.rate_label, set()).add(row.code)
        rates = {row.code for row in doc.vat_rows}
        assert {line.vat_code for line in doc.lines} <= rates
    assert seen == {"2,1 %": {"D"}, "10 %": {"B"}, "20 %": {"A"}, "5,5 %": {"C"}}
    assert VAT_LETTERS[0] == "E"


def test_an_english_receipt_at_32_columns(shop: LocalStore) -> None:
    text = printed(big_sale(shop), 32, qr_native=False, language="en")
    assert "Meal vouchers TR-88120" in flat(text) and "Gift card GC-4921-7730" in flat(text)
