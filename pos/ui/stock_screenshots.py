"""The stock screen as a store's staff see it, saved as PNG files: an article found among
its neighbours with its figures, their age while offline and its last movements; then the
adjustment dialog filled in by a cashier (who will need a manager's approval); then a
shelf count's variances waiting for a manager's approval."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from pos.services.demo_store import DEMO_STAFF
from pos.services.screenshot_setup import lay_demo_store
from pos.services.stock_scene import count_a_shelf, lay_stock_scene
from pos.ui.grab import save_grab, wait_until
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from pos.ui.screens.stock_screen import StockScreen
from pos.ui.stock_controller import StockController

CAMILLE, INES = DEMO_STAFF[0][0], DEMO_STAFF[2][0]


def stock_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        lay_demo_store(data_dir / "store.db", products=600, days=1, today=date.today())
        scene = lay_stock_scene(data_dir / "store.db", CAMILLE, INES)
        controller = StockController(data_dir)
        screen = StockScreen(controller)
        screen.resize(1024, 768)
        screen.set_other_stores(True)
        screen.show()
        controller.start()
        screen.set_actor(CAMILLE)
        screen.set_online(False)
        screen.search_field.setText(scene.query)
        screen.search_now()
        wait_until(lambda: bool(screen.rows))
        row = next(i for i, r in enumerate(screen.rows) if r.product.id == scene.product_id)
        screen.results.selectRow(row)
        wait_until(lambda: screen.panel.detail is not None)
        saved.append(save_grab(screen, out / f"stock_screen_{language}.png"))
        screen.open_adjust()
        dialog = screen.adjust_dialog
        dialog.set_values("damage", 3, "Date dépassée" if language == "fr" else "Past its date")
        saved.append(save_grab(dialog, out / f"stock_adjust_{language}.png"))
        dialog.reject()
        shelf = "Allée 3, gondole B" if language == "fr" else "Aisle 3, bay B"
        count_a_shelf(data_dir / "store.db", CAMILLE, shelf)
        screen.open_count()
        counting = screen.count_dialog
        wait_until(lambda: counting.sheet is not None)
        counting.finish()
        wait_until(lambda: counting.result is not None)
        saved.append(save_grab(counting, out / f"stock_count_variances_{language}.png"))
        counting.reject()
        controller.shutdown()
        screen.close()
        screen.deleteLater()
    return saved
