"""The price acts as a cashier sees them, for ``comptoir screenshots``: the discount
dialog (5 € off the whole ticket) and the price dialog (a line at a new price, damaged),
over the real till screen with a basket, at the window's size."""

from __future__ import annotations

from pathlib import Path

from pos.domain.price_override import OverrideReason
from pos.ui.grab import save_grab
from pos.ui.main_window import MainWindow


def price_screenshots(window: MainWindow, out: Path, language: str) -> list[Path]:
    screen = window.till_screen
    screen.table.setCurrentIndex(screen.model.index(0, 0))
    acts = screen.price_acts
    saved: list[Path] = []
    acts.discount()
    discount = acts.discount_dialog
    assert discount is not None
    discount.choose("ticket", "euros", "5,00")
    saved.append(save_grab(discount, out / f"discount_dialog_{language}.png"))
    discount.reject()
    acts.change_price()
    price = acts.price_dialog
    assert price is not None
    price.choose("3,00", OverrideReason.DAMAGED)
    saved.append(save_grab(price, out / f"price_dialog_{language}.png"))
    price.reject()
    return saved
