"""The customer screens for ``comptoir screenshots`` (issue 15): the search with results
(the demo customers' phones, half hidden), the creation form (consent unticked), the
history panel (the copy this till kept, with its age: the screenshots' till is offline),
and the till with a customer attached and promotions on its lines (the demo promotions:
3 pour 2 on yogurts, −10 % on chocolates and juices, −5 % on the basket for a loyalty
customer). The sale is parked at the end: the till is left as it was found."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pos.services.screenshot_setup import barcode_of, cache_history
from pos.ui.grab import save_grab, wait_for, wait_until
from pos.ui.main_window import MainWindow

CUSTOMER = "CLI-0001"  # Aurélie Fabre, 1 250 points
#: A yogurt (3 pour 2), a chocolate (−10 %), a juice (−10 %, in store and online).
PROMOTED = (("SKU0000015", 3), ("SKU0000012", 1), ("SKU0000393", 2))


def customer_screenshots(window: MainWindow, out: Path, language: str, db: Path) -> list[Path]:
    """``db``: the till's store file (the cached history is written there first)."""
    _cache_history(db)
    screen = window.till_screen
    for code, times in _codes(db):
        for _ in range(times):
            screen.scan(code)
            wait_for(screen.basket_shown)
    screen.customers.open()
    dialog = screen.customers.dialog
    assert dialog is not None
    dialog.search_field.setText("06 39 98")
    dialog.search_now()
    wait_until(lambda: dialog.list.count() > 3)
    saved = [save_grab(dialog, out / f"customer_search_{language}.png")]
    dialog.search_field.setText("Camille Roux")
    dialog.open_form()
    dialog.form.email_field.setText("camille.roux@example.fr")
    saved.append(save_grab(dialog, out / f"customer_form_{language}.png"))
    dialog.show_page(0)
    dialog.search_field.setText("Fabre")
    dialog.search_now()
    wait_until(lambda: dialog.list.count() == 1)
    dialog.open_history()
    wait_until(lambda: dialog.history.table.rowCount() > 0)
    saved.append(save_grab(dialog, out / f"customer_history_{language}.png"))
    dialog.show_page(0)
    dialog.attach_selected()
    wait_until(lambda: screen.customers.row.isVisible())
    wait_until(lambda: screen.view is not None and screen.view.discount_cents > 0)
    saved.append(save_grab(window, out / f"till_customer_{language}.png"))
    screen.park()  # the till as it was: an empty basket
    wait_until(lambda: screen.view is not None and not screen.view.lines)
    return saved


def _codes(db: Path) -> list[tuple[str, int]]:
    found = [(barcode_of(db, [sku]), times) for sku, times in PROMOTED]
    return [(code, times) for code, times in found if code is not None]


def _cache_history(db: Path) -> None:
    """The history central sent yesterday, as this till keeps it (``customer_histories``)."""
    now = datetime.now(UTC)
    stamp = (now - timedelta(hours=20)).strftime("%Y-%m-%dT%H:%M:%SZ")
    days = [(now - timedelta(days=d)).strftime("%Y-%m-%dT%H:%M:%SZ") for d in (2, 9, 23, 40)]
    entries = [
        {"kind": "web_order", "at": days[0], "total_cents": 4590, "code": "W-10422",
         "state": "completed"},
        {"kind": "ticket", "at": days[1], "total_cents": 2315, "store_id": "lyon-part-dieu",
         "ticket_no": 412, "points": 23},
        {"kind": "ticket", "at": days[2], "total_cents": -890, "store_id": "lyon-part-dieu",
         "ticket_no": 377, "points": -8},
        {"kind": "web_order", "at": days[3], "total_cents": 6120, "code": "W-09871",
         "state": "collected"},
    ]  # fmt: skip
    cache_history(db, CUSTOMER, entries, stamp)
