"""The pickup desk as staff see it, saved as PNG files: the desk with its lists and a
conflict, an order being picked (with a refused item), and a handover.

A throwaway demo store gets a few web orders the way the ``pickups`` feed brings them
(``pos.services.pickup_scene``), then the real screen and worker thread show them.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from pos.services.pickup_scene import STORE_ID, lay_pickup_scene, picking_codes
from pos.ui.desk_approval_screenshots import without_code_screenshots
from pos.ui.grab import save_grab, wait_for
from pos.ui.i18n import install_translations
from pos.ui.pickup_controller import PickupController, PickupOptions
from pos.ui.qt import QApplication
from pos.ui.screens.pickup_screen import PickupScreen

SIZE = (1024, 768)


def _shoot(data_dir: Path, out: Path, language: str) -> list[Path]:
    controller = PickupController(PickupOptions(data_dir, staff="Inès", store_id=STORE_ID))
    screen = PickupScreen(controller)
    screen.resize(*SIZE)
    screen.show()
    controller.start()
    wait_for(screen.conflicts_shown)
    screen.desk.table.selectRow(0)
    saved = [save_grab(screen, out / f"pickup_desk_{language}.png")]
    first, second, wrong = picking_codes(data_dir / "store.db")
    controller.request("prepare", "web-1041")
    wait_for(screen.picking_shown)
    for code in (first, first, second):
        screen.scan(code)
        wait_for(screen.picking_shown)
    screen.scan(wrong)
    wait_for(screen.refusal_shown)
    saved.append(save_grab(screen, out / f"pickup_picking_{language}.png"))
    # Before its code is scanned: a cashier may not hand it over without a manager.
    saved += without_code_screenshots(screen, controller, data_dir, "web-1039", out, language)
    controller.request("set_staff", "Inès")
    screen.show_desk()
    screen.scan("WX23-YZ45")
    wait_for(screen.order_shown)
    saved.append(save_grab(screen, out / f"pickup_handover_{language}.png"))
    controller.shutdown()
    screen.close()
    screen.deleteLater()
    return saved


def pickup_screenshots(out: Path, language: str) -> list[Path]:
    """Save ``pickup_desk_<lang>.png``, ``pickup_picking_<lang>.png`` and
    ``pickup_handover_<lang>.png`` (1024×768) in ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        lay_pickup_scene(data_dir / "store.db", datetime.now(UTC).astimezone())
        return _shoot(data_dir, out, language)
