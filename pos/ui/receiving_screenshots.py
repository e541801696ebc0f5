"""Receiving a delivery and sending a transfer, as a store's staff see them, saved as PNG
files: a supplier's delivery checked line by line (one line short, broken units, an
article that was not on it), then a transfer to another store being filled in."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from pos.services.delivery_scene import lay_delivery_scene
from pos.services.demo_store import DEMO_STAFF
from pos.services.screenshot_setup import lay_demo_store
from pos.ui.grab import save_grab, wait_until
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from pos.ui.screens.stock_screen import StockScreen
from pos.ui.stock_controller import StockController

CAMILLE, INES = DEMO_STAFF[0][0], DEMO_STAFF[2][0]


def receiving_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        lay_demo_store(data_dir / "store.db", products=600, days=1, today=date.today())
        scene = lay_delivery_scene(data_dir / "store.db", linked=True)
        controller = StockController(data_dir)
        screen = StockScreen(controller)
        screen.resize(1024, 768)
        screen.show()
        controller.start()
        screen.set_actor(CAMILLE)
        dialog = screen.open_receiving()
        wait_until(lambda: dialog.choice.count() > 1)
        dialog.choice.setCurrentIndex(dialog.choice.findData(scene.delivery_id))
        wait_until(lambda: dialog.sheet is not None)
        (_p1, _a, q1), (_p2, _b, q2), (_p3, _c, q3) = scene.expected
        counts = ((scene.expected[0][1], q1), (scene.expected[1][1], q2 - 1),
                  (scene.expected[2][1], q3), (scene.extra_code, 2))  # fmt: skip
        for code, quantity in counts:
            before = sum(x.received for x in dialog.sheet.lines)
            dialog.entry.quantity.setValue(quantity)
            dialog.scan(code)
            wait_until(lambda b=before: sum(x.received for x in dialog.sheet.lines) > b)
        dialog.table.selectRow(2)
        dialog.entry.quantity.setValue(2)
        dialog.damaged_button.click()
        dialog.table.selectRow(3)
        saved.append(save_grab(dialog, out / f"stock_receiving_{language}.png"))
        dialog.reject()
        screen.set_actor(INES)
        transfer = screen.open_transfer()
        wait_until(lambda: transfer.store_box.count() > 0)
        transfer.entry.quantity.setValue(4)
        transfer.scan(scene.expected[0][1])
        wait_until(lambda: bool(transfer.sheet.lines))
        wait_until(lambda: transfer.sent_table.rowCount() == 2)  # the scene's two sent
        if transfer.sent_table.rowCount() != 2:
            raise RuntimeError("the transfer dialog does not list the scene's sent transfers")
        transfer.note_field.setText("Colis 2 / 2" if language == "fr" else "Parcel 2 of 2")
        saved.append(save_grab(transfer, out / f"stock_transfer_{language}.png"))
        transfer.reject()
        controller.shutdown()
        screen.close()
        screen.deleteLater()
    return saved
