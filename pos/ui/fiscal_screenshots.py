"""The manager's fiscal record dialog as PNG files: October closed by a click, its archive
made and checked, the record verified intact, then broken by an edit made with SQL.

A throwaway demo store with sales on the last days of October 2026; the desk's clock
says 2 November, so October is the month to close. The real dialog does every step
through its services, as a manager's clicks do.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from pos.services.archives import Archives
from pos.services.demo_store import DEMO_STAFF
from pos.services.fiscal_record import FiscalRecord
from pos.services.screenshot_setup import lay_demo_store
from pos.ui.dialogs.fiscal_record_dialog import FiscalRecordDialog
from pos.ui.grab import save_grab, wait_until
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication, QMessageBox

MANAGER = DEMO_STAFF[2][0]  # Inès
NOW = "2026-11-02T10:00:00.000Z"
_TAMPER = (
    "DROP TRIGGER IF EXISTS chain_entries_no_update; UPDATE chain_entries SET body = "
    "json_set(body, '$.total_cents', 1) WHERE chain = 'closure' AND kind = 'month';"
)


def fiscal_record_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    saved = []
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        lay_demo_store(data_dir / "store.db", products=300, days=3, today=date(2026, 11, 2))
        record = FiscalRecord(data_dir, "T01", clock=lambda: NOW)
        dialog = FiscalRecordDialog(record, Archives(data_dir, "T01"), MANAGER)
        dialog.show()
        page = dialog.closures
        wait_until(lambda: page.overview is not None)
        page.ask_close()
        if page.confirm_box is not None:
            page.confirm_box.button(QMessageBox.StandardButton.Yes).click()
        wait_until(lambda: page.table.rowCount() > 0 and page.close_button.isEnabled())
        saved.append(save_grab(dialog, out / f"fiscal_record_closures_{language}.png"))
        archives = dialog.archives
        dialog.tabs.setCurrentWidget(archives)
        archives.make_archive()
        wait_until(lambda: archives.result is not None)
        if archives.result is not None:
            archives.check_archive(str(archives.result.path))
            wait_until(lambda: archives.report is not None)
        saved.append(save_grab(dialog, out / f"fiscal_record_archives_{language}.png"))
        check = dialog.verification
        dialog.tabs.setCurrentWidget(check)
        _verify(check)
        saved.append(save_grab(dialog, out / f"fiscal_record_verification_{language}.png"))
        raw = sqlite3.connect(data_dir / "store.db")  # someone with the sqlite3 shell
        raw.executescript(_TAMPER)
        raw.close()
        _verify(check)
        saved.append(save_grab(dialog, out / f"fiscal_record_broken_{language}.png"))
        dialog.close()
        dialog.deleteLater()
    return saved


def _verify(check) -> None:
    before = check.run
    check.verify()
    wait_until(lambda: check.run is not before)
