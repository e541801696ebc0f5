"""The receipt preview's codes for ``comptoir screenshots`` (issue 17): the foot of a real
ticket at 80 mm with its QR code, and at 58 mm on a printer without QR, with the Code 128
of its ticket code, each as the till shows it (scrolled to the code).

A throwaway demo store: a sale of long-named goods paid by voucher, meal vouchers and
card through the real checkout, so the preview is of a committed, signed sale.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from pos.config import StoreSettings
from pos.services.receipts import header_for_store, receipt_document
from pos.services.screenshot_setup import long_names_sale
from pos.ui.dialogs.receipt_preview import ReceiptPreviewDialog
from pos.ui.grab import save_grab
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication


def receipt_code_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    with tempfile.TemporaryDirectory() as folder:
        sale = long_names_sale(Path(folder) / "store.db")
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
