"""What a restart and a refusing central server put in front of staff, as PNG files:
the sale committed but never shown, the basket left open, the attention list (what waits,
what central refused, what a manager set aside with a note).

A throwaway demo store is brought into each state the way the till gets there
(``pos.services.attention_scene``); the real dialogs then show it.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from pos.services.attention_scene import INES, lay_attention_scene
from pos.services.outbox_review import OutboxReview
from pos.ui.dialogs.outbox_dialog import OutboxDialog
from pos.ui.dialogs.recovery_dialog import RecoveryDialog
from pos.ui.grab import save_grab
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from pos.ui.till_controller import TillController, TillOptions


def _settled(dialog: OutboxDialog, timeout_s: float = 10.0) -> None:
    ends = time.monotonic() + timeout_s
    while dialog.last is None and time.monotonic() < ends:
        QApplication.processEvents()
        time.sleep(0.01)


def attention_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    saved = []
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        unshown, basket = lay_attention_scene(data_dir / "store.db")
        controller = TillController(TillOptions(data_dir, cashier="camille"))
        for name, view in (("unshown_sale", unshown), ("open_basket", basket)):
            dialog = RecoveryDialog(view, controller)
            saved.append(save_grab(dialog, out / f"recovery_{name}_{language}.png"))
            dialog.deleteLater()
        dialog = OutboxDialog(OutboxReview(data_dir, "T01"), actor=lambda: INES)
        dialog.resize(1100, 640)
        _settled(dialog)
        _choose(dialog, "mv-shot-1")
        saved.append(save_grab(dialog, out / f"outbox_{language}.png"))
        dialog.show_filter("set_aside")
        _choose(dialog, "mv-shot-2")
        saved.append(save_grab(dialog, out / f"outbox_set_aside_{language}.png"))
        dialog.deleteLater()
    return saved


def _choose(dialog: OutboxDialog, key: str) -> None:
    rows = [i for i, item in enumerate(dialog.model.rows) if item.key == key]
    if rows:
        dialog.table.selectRow(rows[0])
        dialog.table.scrollTo(dialog.model.index(rows[0], 0))
