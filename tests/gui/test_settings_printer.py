"""Settings › Printer: the model picker, the code pages a model offers, saving them, and
the test page preview; a real dialog (offscreen), a real settings file, in French (the
session's language)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from hardware.printer.connections import PrinterConfig
from hardware.printer.encoding import RASTER
from hardware.printer.models import printer_model, printer_models
from pos.config import Settings, load_settings
from pos.ui.dialogs.settings_dialog import SettingsDialog


def open_dialog(qtbot: QtBot, settings: Settings, path: Path) -> SettingsDialog:
    dialog = SettingsDialog(settings, path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def pick(combo: object, value: object) -> None:
    index = combo.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def offered(dialog: SettingsDialog) -> list[str]:
    combo = dialog.codepage_combo
    return [combo.itemData(i) for i in range(combo.count())]


def test_every_database_model_is_offered_generic_first(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, Settings(), tmp_path / "s.toml")
    combo = dialog.model_combo
    keys = [combo.itemData(i) for i in range(combo.count())]
    assert keys == [model.key for model in printer_models()]
    assert combo.itemText(0) == "Imprimante ESC/POS générique"
    assert combo.currentData() == "TM-T88V" and dialog.codepage_combo.currentData() == "CP1252"


def test_a_model_offers_only_its_pages_and_the_best_is_chosen(qtbot: QtBot, tmp_path: Path) -> None:
    settings = replace(Settings(), printer=PrinterConfig(codepage="CP858"))
    dialog = open_dialog(qtbot, settings, tmp_path / "s.toml")
    assert dialog.codepage_combo.currentData() == "CP858"  # the file's page, kept
    assert dialog._fields["printer.columns"].currentData() == 48  # type: ignore[attr-defined]
    pick(dialog.model_combo, "ZJ-5870")  # no CP858 there, 32 columns at most
    assert dialog._fields["printer.columns"].currentData() == 32  # type: ignore[attr-defined]
    assert offered(dialog) == [*printer_model("ZJ-5870").code_pages, RASTER]
    assert "CP858" not in offered(dialog)
    assert dialog.codepage_combo.currentData() == "CP1252"
    assert "Code QR : envoyé en image · Coupe automatique : non" in dialog.model_info.text()
    pick(dialog.codepage_combo, "CP850")
    assert "ne convient pas au français" in dialog.codepage_combo.currentText()
    assert "€" in dialog.codepage_combo.currentText()
    pick(dialog.model_combo, "TM-U220")  # CP437 only: pictures
    assert offered(dialog) == ["CP437", RASTER]
    assert dialog.codepage_combo.currentData() == RASTER
    assert "impression en image" in dialog.model_info.text()


def test_the_chosen_model_and_page_are_saved_and_read_back(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    dialog = open_dialog(qtbot, Settings(), path)
    pick(dialog.model_combo, "TSP600")
    pick(dialog.codepage_combo, "CP858")
    dialog.save()
    assert not dialog.isVisible()
    printer = load_settings(path).printer
    assert (printer.profile, printer.codepage) == ("TSP600", "CP858")


def test_preview_shows_the_page_as_printed_and_what_it_lacks(qtbot: QtBot, tmp_path: Path) -> None:
    settings = replace(Settings(), printer=PrinterConfig(codepage="CP858", columns=32))
    dialog = open_dialog(qtbot, settings, tmp_path / "s.toml")
    preview = dialog.preview_test_page()
    qtbot.addWidget(preview)
    text = preview.page.toPlainText()
    assert "Epson TM-T88V · CP858 · 32" in text and "page de test" in text
    assert "Boeuf, oeufs" not in text  # 34 characters: not on a 32-column page
    assert "oe OE" in text and "œ" not in text  # printed as the fallback
    assert all(len(line) <= 32 for line in text.splitlines())
    assert "œ" in preview.note.text() and "Absents de CP858" in preview.note.text()
    pick(dialog.codepage_combo, "CP1252")
    assert "œ Œ" in dialog.preview_test_page().page.toPlainText()


def test_a_width_the_model_cannot_print_is_refused_in_words(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    dialog = open_dialog(qtbot, Settings(), path)
    pick(dialog.model_combo, "ZJ-5870")
    pick(dialog._fields["printer.columns"], 48)
    dialog.save()
    assert dialog.isVisible() and not path.exists()
    assert dialog.error_label.text() == (
        "Largeur du ticket : l'imprimante ZiJiang ZJ-5870 Thermal Receipt Printer imprime "
        "32 colonnes au plus."
    )
