"""The printer settings, for ``comptoir screenshots``: the model picker with the code pages
a model offers (a ZiJiang ZJ-5870: no CP858, CP1252 chosen), a model with no page for
French (Epson TM-U220: printed as images), and the test page preview on CP858, which
says what that page lacks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pos.config import Settings
from pos.ui.dialogs.settings_dialog import SettingsDialog
from pos.ui.grab import save_grab
from pos.ui.qt import QApplication, QWidget


def printer_screenshots(parent: QWidget | None, out: Path, language: str) -> list[Path]:
    base = Settings()
    dialog = SettingsDialog(base, out / "settings.toml", parent)
    dialog.tabs.setCurrentIndex(dialog.tabs.indexOf(dialog.findChild(QWidget, "printerTab")))
    dialog.show()
    saved = []
    _choose(dialog.model_combo, "ZJ-5870")
    _choose(dialog._fields["printer.columns"], 32)
    dialog.codepage_combo.showPopup()
    QApplication.processEvents()
    saved.append(save_grab(dialog, out / f"settings_printer_models_{language}.png"))
    popup = dialog.codepage_combo.view().window()
    saved.append(save_grab(popup, out / f"settings_printer_codepages_{language}.png"))
    dialog.codepage_combo.hidePopup()
    _choose(dialog.model_combo, "TM-U220")
    saved.append(save_grab(dialog, out / f"settings_printer_raster_{language}.png"))
    dialog.show_settings(replace(base, printer=replace(base.printer, codepage="CP858")))
    preview = dialog.preview_test_page()
    saved.append(save_grab(preview, out / f"test_page_preview_{language}.png"))
    _choose(dialog._fields["printer.columns"], 32)
    narrow = dialog.preview_test_page()
    saved.append(save_grab(narrow, out / f"test_page_preview_32_{language}.png"))
    dialog.reject()
    dialog.deleteLater()
    return saved


def _choose(combo: QWidget, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))  # type: ignore[attr-defined]
    QApplication.processEvents()
