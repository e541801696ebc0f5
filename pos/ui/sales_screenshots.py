"""The manager's sales at a glance as PNG files: a throwaway demo store with a week of
real past sales (made through the checkout) and a return, shown over that week."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from pos.services.demo_store import DEMO_STAFF
from pos.services.sales_glance import SalesGlance
from pos.services.screenshot_setup import lay_demo_store, return_last_sale
from pos.ui.grab import save_grab, wait_for
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from pos.ui.screens.sales_dashboard import SalesDashboard

SIZES = ((1024, 768), (1920, 1080))


def sales_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    manager = next(actor for actor, _pin in DEMO_STAFF if actor.role.value == "manager")
    today = date.today()
    saved = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store.db"
        lay_demo_store(db, products=600, days=7, today=today)
        yesterday = today - timedelta(days=1)
        return_last_sale(db, f"{yesterday.isoformat()}T17:00:00.000Z", manager)
        screen = SalesDashboard(SalesGlance(db), lambda: manager, today=lambda: yesterday)
        wait_for(screen.figures_shown)
        screen.week_button.click()
        wait_for(screen.figures_shown)
        for width, height in SIZES:
            screen.resize(width, height - 60)  # the window's menu and status bar
            name = f"sales_dashboard_{language}_{width}x{height}.png"
            saved.append(save_grab(screen, out / name))
        screen.deleteLater()
    return saved
