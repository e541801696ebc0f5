"""The payment dialog with a credit note (avoir) tender, for ``comptoir screenshots``:
the note the return screens issued pays half its value towards two articles; its line
shows the code and what is left on it, then the rest is paid in cash."""

from __future__ import annotations

from pathlib import Path

from pos.ui.grab import save_grab, wait_for, wait_until
from pos.ui.main_window import MainWindow


def credit_note_screenshots(
    window: MainWindow, out: Path, language: str, code: str, value_cents: int, barcode: str
) -> list[Path]:
    screen = window.till_screen
    for _ in range(2):
        screen.scan(barcode)
        wait_for(screen.basket_shown)
    screen.pay()
    dialog = screen.payment_dialog
    assert dialog is not None
    half = value_cents // 2
    dialog.amount_field.setText(f"{half // 100},{half % 100:02d}")
    dialog.reference_field.setText(code)
    dialog.credit_note_button.click()
    wait_until(lambda: screen.view is not None and screen.view.paid_cents == half)
    saved = [save_grab(dialog, out / f"payment_credit_note_{language}.png")]
    dialog.exact_button.click()  # the rest in cash
    wait_until(lambda: dialog.complete_button.isEnabled())
    dialog.complete_button.click()
    wait_for(screen.sale_shown)
    return saved
