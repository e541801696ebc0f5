"""The receipt preview's codes for ``comptoir screenshots`` (issue 17): the foot of a real
ticket at 80 mm with its QR code, and at 58 mm on a printer without QR, with the Code 128
of its ticket code, each as the till shows it (scrolled to the code).

A throwaway demo store: a sale of long-named goods paid by voucher, meal vouchers and
card through the real checkout, so the preview is of a committed, signed sale.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from pos.config import StoreSettings
from pos.domain.sale import CompletedSale
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout
from pos.services.demo_store import DEMO_STAFF, build_demo_store
from pos.services.receipts import header_for_store, receipt_document
from pos.store.local_store import LocalStore
from pos.ui.dialogs.receipt_preview import ReceiptPreviewDialog
from pos.ui.grab import save_grab
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication

_LONGEST = (
    "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
    "WHERE p.sold_by = 'unit' AND p.price_cents < 900 ORDER BY length(p.name) DESC LIMIT 3"
)


def receipt_code_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store.db"
        with LocalStore(db) as store:
            build_demo_store(store, products=300, days=1, today=date.today())
        sale = _sale(db)
    doc = receipt_document(sale, header_for_store(StoreSettings(), language))
    saved = []
    for columns, qr_native in ((48, True), (32, False)):
        dialog = ReceiptPreviewDialog(doc, columns=columns, qr_native=qr_native)
        dialog.show()
        QApplication.processEvents()
        bar = dialog.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())  # the foot: the code to scan for a return
        code = "qr" if qr_native else "code128"
        saved.append(save_grab(dialog, out / f"receipt_preview_{code}_{columns}_{language}.png"))
        dialog.close()
    return saved


def _sale(db: Path) -> CompletedSale:
    conn = sqlite3.connect(db)
    try:
        codes = [code for (code,) in conn.execute(_LONGEST)]
    finally:
        conn.close()
    with LocalStore(db) as store:
        checkout = Checkout(store, terminal_id="T01", actor=DEMO_STAFF[0][0])
        for code in codes:
            checkout.scan(code)
        due = checkout.totals().total_cents
        checkout.add_tender(TenderKind.VOUCHER, min(500, due // 3), "BA-2026-0042")
        checkout.add_tender(TenderKind.MEAL_VOUCHER, min(500, due // 3), "TR-88120")
        checkout.add_tender(TenderKind.CARD, due - 2 * min(500, due // 3))
        sale = checkout.complete()
        checkout.close()
    return sale
