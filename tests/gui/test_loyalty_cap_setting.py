"""The offline loyalty limit in the settings dialog (issue 15): on the Terminal tab, saved
to ``[loyalty] offline_cap_points``, a typing error refused with the field named, and the
saved limit reaching the open till without a restart."""

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import Settings, load_settings
from tests.gui.test_settings_dialog import field, open_dialog

KEY = "loyalty.offline_cap_points"


def test_the_offline_limit_is_edited_and_saved(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    dialog = open_dialog(qtbot, Settings(), path)
    edit = field(dialog, KEY)
    assert edit.text() == "500"
    assert dialog.tabs.tabText(dialog._tab_of[KEY]) == "Caisse"
    edit.setText("0")
    dialog.save()
    assert load_settings(path).loyalty.offline_cap_points == 0
    dialog = open_dialog(qtbot, load_settings(path), path)
    field(dialog, KEY).setText("-5")
    dialog.save()
    error = dialog.error_label.text()
    assert error.startswith("Points fidélité dépensés hors ligne par vente")
    assert "1000000" in error.replace("\u202f", "").replace(" ", "")
    assert dialog.isVisible() and load_settings(path).loyalty.offline_cap_points == 0


def test_a_saved_limit_applies_to_the_open_till(qtbot: QtBot, make_app) -> None:
    app = make_app(Settings())
    app.apply_settings(Settings(loyalty=replace(Settings().loyalty, offline_cap_points=0)))
    qtbot.waitUntil(lambda: app.controller.worker._loyalty_cap == 0, timeout=5000)
