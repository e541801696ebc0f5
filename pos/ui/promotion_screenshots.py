"""Promotions at the till, for ``comptoir screenshots``: yoghurts in "3 pour 2", coffees
"2e à -50 %" and a chocolate, each promotion under its line, the savings on the panel,
the code BIENVENUE listed with its remove key; then the sale paid and its receipt preview
with each promotion and "Vous avez économisé"; and the "Promotions" list, with two of
Medusa's promotions the till does not apply and why."""

from __future__ import annotations

from pathlib import Path

from pos.services.screenshot_setup import barcode_of, promotion_skus, promotions_left_out
from pos.ui.dialogs.promotions_dialog import open_promotions
from pos.ui.grab import grab_receipt_preview, save_grab, wait_for, wait_until
from pos.ui.main_window import MainWindow

#: The demo promotions shown (resources/demo/promotions.json) and units scanned of each.
SHOWN = ((1, 3), (2, 2), (11, 1))


def promoted_codes(db: Path) -> list[str]:
    """Barcodes to scan: an article of each promotion in ``SHOWN``, as many times."""
    codes = []
    for promotion_id, units in SHOWN:
        code = barcode_of(db, promotion_skus(db, promotion_id))
        codes += [code] * units if code else []
    return codes


def promotion_screenshots(window: MainWindow, out: Path, language: str, db: Path) -> list[Path]:
    screen = window.till_screen
    for code in promoted_codes(db):
        screen.scan(code)
        wait_for(screen.basket_shown)
    screen.coupons.apply("BIENVENUE")
    wait_until(lambda: screen.view is not None and bool(screen.view.coupons))
    saved = [save_grab(window, out / f"till_promotions_{language}.png")]
    screen.pay()
    dialog = screen.payment_dialog
    assert dialog is not None
    dialog.card_button.click()
    wait_until(lambda: dialog.complete_button.isEnabled())
    dialog.complete_button.click()
    wait_for(screen.sale_shown)
    saved += grab_receipt_preview(screen, out / f"receipt_preview_promotions_{language}.png")
    promotions_left_out(db)
    dialog = open_promotions(window, db.parent)
    wait_for(dialog.shown)
    saved.append(save_grab(dialog, out / f"promotions_list_{language}.png"))
    dialog.close()
    return saved
