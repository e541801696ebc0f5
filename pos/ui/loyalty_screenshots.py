"""Loyalty at the till for ``comptoir screenshots`` (issue 15): the payment dialog with a
customer attached and 300 of their points as a tender (the screenshots' till is offline:
the dialog says the limit), then the receipt preview with the points earned, spent and
the estimated balance. The sale is completed: the till is left with an empty basket."""

from __future__ import annotations

from pathlib import Path

from pos.domain.customer_card import card_text
from pos.ui.grab import grab_receipt_preview, save_grab, wait_for, wait_until
from pos.ui.main_window import MainWindow

CUSTOMER = "CLI-0001"  # Aurélie Fabre, 1 250 points


def loyalty_screenshots(window: MainWindow, out: Path, language: str, barcode: str) -> list[Path]:
    screen = window.till_screen
    window.controller.request("customer_card", card_text(CUSTOMER))
    wait_until(lambda: screen.customers.row.isVisible())
    for _ in range(3):
        screen.scan(barcode)
        wait_for(screen.basket_shown)
    screen.pay()
    dialog = screen.payment_dialog
    assert dialog is not None
    wait_until(lambda: dialog.loyalty.offer is not None and dialog.loyalty.button.isEnabled())
    dialog.loyalty.points_field.setValue(min(300, dialog.loyalty.points_field.maximum()))
    dialog.loyalty.button.click()
    wait_until(lambda: dialog.tenders.count() == 1)
    wait_until(lambda: screen.view is not None and screen.view.paid_cents > 0)
    saved = [save_grab(dialog, out / f"payment_loyalty_{language}.png")]
    dialog.exact_button.click()  # the rest in cash
    wait_until(lambda: dialog.complete_button.isEnabled())
    dialog.complete_button.click()
    wait_for(screen.sale_shown)
    saved += grab_receipt_preview(screen, out / f"receipt_preview_loyalty_{language}.png")
    return saved
