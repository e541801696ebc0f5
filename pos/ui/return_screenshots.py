"""The return screens as a cashier sees them, for ``comptoir screenshots``: the return
dialog on a ticket of the day (sold, already returned, remaining), the basket with the
returned line and its origin, the "no receipt" page with an article found, the refund
choice once one article is taken back, then the receipt preview of the credit note it
issues."""

from __future__ import annotations

from pathlib import Path

from pos.ui.grab import grab_receipt_preview, save_grab, wait_for, wait_until
from pos.ui.main_window import MainWindow
from pos.ui.qt import QSpinBox


def return_screenshots(window: MainWindow, out: Path, language: str, sale_id: str) -> list[Path]:
    screen, saved = window.till_screen, []
    acts = screen.returns
    acts.open()
    dialog = acts.dialog
    assert dialog is not None
    dialog.code_field.setText(sale_id)
    dialog.find()
    wait_until(lambda: dialog.origin is not None)
    spin = dialog.table.cellWidget(0, 4)
    assert isinstance(spin, QSpinBox)
    spin.setValue(1)
    saved.append(save_grab(dialog, out / f"return_dialog_{language}.png"))
    barcode = dialog.origin.lines[0].barcode or ""  # type: ignore[union-attr]
    dialog.add_button.click()
    wait_until(lambda: screen.view is not None and screen.view.total_cents < 0)
    saved.append(save_grab(window, out / f"return_basket_{language}.png"))
    saved.append(_no_receipt(window, out, language, barcode))
    screen.pay()
    wait_until(lambda: acts.refund_dialog is not None)
    refund = acts.refund_dialog
    assert refund is not None
    refund.credit_note_button.click()  # the customer prefers a credit note
    saved.append(save_grab(refund, out / f"refund_choice_{language}.png"))
    refund.refund_button.click()
    wait_for(screen.sale_shown)
    saved += grab_receipt_preview(screen, out / f"credit_note_preview_{language}.png")
    return saved


def _no_receipt(window: MainWindow, out: Path, language: str, barcode: str) -> Path:
    """The "no receipt" page with a scanned article at its lowest recent price; closed
    without adding (a cashier would need a manager's approval)."""
    acts = window.till_screen.returns
    acts.open()
    dialog = acts.dialog
    assert dialog is not None
    dialog.no_receipt_button.click()
    acts.route(barcode)
    panel = dialog.no_receipt
    wait_until(lambda: panel.results.count() > 0)
    path = save_grab(dialog, out / f"return_no_receipt_{language}.png")
    dialog.reject()
    wait_until(lambda: acts.dialog is None)
    return path
