"""The meal-voucher cap in the settings dialog: shown in euros, saved in cents to the
settings file, a typing error refused with the field named; and the saved cap reaches
the open till at once (no restart)."""

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import Settings, load_settings
from tests.gui.test_settings_dialog import field, open_dialog

KEY = "till.meal_voucher_cap_cents"


def test_the_cap_is_edited_in_euros_and_saved_in_cents(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    dialog = open_dialog(qtbot, Settings(), path)
    edit = field(dialog, KEY)
    assert edit.text() == "25,00"  # the legal 25 € a day, by default
    edit.setText("19,00")
    dialog.save()
    assert load_settings(path).till.meal_voucher_cap_cents == 1900
    dialog = open_dialog(qtbot, load_settings(path), path)
    field(dialog, KEY).setText("douze")
    dialog.save()
    error = dialog.error_label.text()
    assert error.startswith("Titres-restaurant par vente")  # the field, by its label
    assert "doit être un montant entre 0,00" in error  # in euros, not cents
    assert dialog.isVisible()


def test_a_saved_cap_applies_to_the_open_till(qtbot: QtBot, make_app) -> None:
    app = make_app(Settings())
    app.apply_settings(Settings(till=replace(Settings().till, meal_voucher_cap_cents=0)))
    qtbot.waitUntil(
        lambda: app.controller.worker.checkout.meal_voucher_cap_cents == 0, timeout=5000
    )
