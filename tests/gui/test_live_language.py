"""The language changes live, without a restart: a cashier signing in with their own
language, or the language saved in the settings, rewords every open screen and dialog.

Real Qt offscreen, a real till worker and a real pickup worker over a real store file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from pos.config import Settings, TillSettings, load_settings
from pos.services.outbox_review import OutboxReview
from pos.services.pickup_scene import STORE_ID, catalog_items, feed_order, pull
from pos.store.local_store import LocalStore
from pos.ui.dialogs.camera_dialog import CameraDialog
from pos.ui.dialogs.outbox_dialog import OutboxDialog
from pos.ui.dialogs.settings_dialog import SettingsDialog
from pos.ui.i18n import install_translations, switch_language
from pos.ui.main_window import MainWindow
from pos.ui.models.basket_model import BasketModel
from pos.ui.models.pickup_model import PickupOrdersModel
from pos.ui.pickup_controller import PickupController, PickupOptions
from pos.ui.qt import (
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    Qt,
    QTabWidget,
    QWidget,
)
from pos.ui.screens.pickup_screen import PickupScreen
from tests.gui.selling import accented_codes

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
PARIS = timezone(timedelta(hours=1))
HEADER = Qt.Orientation.Horizontal


@pytest.fixture
def desk(qtbot: QtBot, data_dir: Path, till: MainWindow) -> Iterator[PickupScreen]:
    """The pickup desk in the till's window, one order received."""
    with LocalStore(data_dir / "store.db") as store:
        (item,) = catalog_items(store, 1)
        customer = ("Hélène Dupré", "helene@example.org", "06 12 34 56 78")
        pull(store, feed_order("web-1", "K7M2-Q9XD", customer, [(item, 2)], due_at=NOW))
    options = PickupOptions(data_dir, staff="Inès", store_id=STORE_ID, tz=PARIS, clock=lambda: NOW)
    controller = PickupController(options)
    screen = PickupScreen(controller)
    till.add_pickup_screen(screen)
    with qtbot.waitSignal(screen.conflicts_shown, timeout=10_000):  # after the first list
        controller.start()
    yield screen
    controller.shutdown()


@pytest.fixture
def back_to_french(qapp: QApplication) -> Iterator[None]:
    yield
    install_translations(qapp, "fr")  # the session's language for the other tests


def _texts(window: MainWindow, desk: PickupScreen) -> dict[str, str]:
    screen = window.till_screen
    orders = desk.desk.model
    return {
        "pay key": screen.buttons["F12"].text(),
        "message": screen.message_label.text(),
        "status bar": window.network_status.text(),
        "menu": window.till_action.text(),
        "total": screen.total_label.text(),
        "basket header": str(screen.model.headerData(BasketModel.UNIT_PRICE, HEADER)),
        "basket cell": screen.model.index(0, BasketModel.TOTAL).data(),
        "desk tab": desk.desk.tabs._titles["to_prepare"].text(),
        "desk header": str(orders.headerData(PickupOrdersModel.ORDER, HEADER)),
        "state cell": orders.index(0, PickupOrdersModel.STATE).data(),
        "list title": desk.desk.list_title.text(),
        "dialog title": screen.payment_dialog.windowTitle(),
        "dialog key": screen.payment_dialog.cash_button.text(),
        "dialog due": screen.payment_dialog.due_label.text(),
    }


def test_switching_language_rewords_every_open_screen_and_dialog(
    qtbot: QtBot,
    qapp: QApplication,
    till: MainWindow,
    desk: PickupScreen,
    data_dir: Path,
    back_to_french: None,
) -> None:
    screen = till.till_screen
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        screen.scan(accented_codes(data_dir, 1)[0])
    with qtbot.waitSignal(screen.refusal_shown, timeout=5000):
        screen.scan("3000000000007")  # not in the catalog: the message line says so
    screen.pay()  # the payment dialog stays open across the switch
    french = _texts(till, desk)
    assert french["pay key"] == "Encaisser\nF12"
    assert french["message"].startswith("Code inconnu 3000000000007")
    assert french["status bar"] == "Sans serveur central"
    assert french["desk tab"] == "À préparer" and french["desk header"] == "Commande"
    assert french["state cell"] == "Reçue" and french["dialog key"] == "Espèces"
    assert french["total"].endswith("\u00a0€")  # 12,50 € in French

    assert switch_language(qapp, "en") == "en"
    english = _texts(till, desk)
    assert english["pay key"] == "Pay\nF12"
    assert english["message"].startswith("Unknown code 3000000000007")
    assert english["status bar"] == "No central server"
    assert english["menu"] == "&Sale"
    assert english["total"].startswith("€") and "." in english["total"]
    assert english["basket header"] == "Unit price"
    assert english["basket cell"].startswith("€")
    assert english["desk tab"] == "To prepare" and english["desk header"] == "Order"
    assert english["state cell"] == "Received"
    assert english["list title"] == "Received or being prepared, soonest pickup first"
    assert english["dialog title"] == "Payment" and english["dialog key"] == "Cash"
    assert english["dialog due"].startswith("Due: €")

    switch_language(qapp, "fr")
    assert _texts(till, desk) == french  # and back, word for word


def test_the_language_saved_in_the_settings_applies_without_a_restart(
    qtbot: QtBot, make_app, data_dir: Path
) -> None:
    app = make_app(Settings(), sign_in_as=("ines", "3333"))  # settings: a manager's
    assert app.window.till_screen.buttons["F12"].text() == "Encaisser\nF12"
    app.window.settings_action.trigger()
    dialog = app.settings_dialog
    assert dialog is not None
    language = dialog._fields["till.language"]
    language.setCurrentIndex(language.findData("en"))
    dialog.save_button.click()
    assert load_settings(data_dir / "settings.toml").till == TillSettings(language="en")
    assert app.language == "en"
    assert app.window.till_screen.buttons["F12"].text() == "Pay\nF12"
    assert app.window.windowTitle() == "Comptoir — point of sale"
    assert app.window.network_status.text() == "No central server"


def _french_only() -> set[str]:
    """Whole French sentences of the catalog that English never shows."""
    ts = (Path(__file__).parents[2] / "resources/i18n/comptoir_fr.ts").read_text("utf-8")
    pairs = re.findall(
        r"<source>([^<]*)</source>\s*(?:<(?:extra)?comment>[^<]*</(?:extra)?comment>\s*)*"
        r"<translation>([^<]*)</translation>",
        ts,
    )
    sources = {html.unescape(source) for source, _ in pairs}
    return {
        html.unescape(french)
        for _, french in pairs
        if "%" not in french and html.unescape(french) not in sources
    }


def _every_text(root: QWidget) -> list[str]:
    """What a person can read on ``root`` and its children, menus and headers included."""
    widgets = [root, *root.findChildren(QWidget)]
    texts = [w.windowTitle() for w in widgets if w.isWindow()]
    for widget in widgets:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(i, widget.orientation())) for i in range(widget.count())]
        texts += [action.text() for action in widget.actions()]
    return [text.replace("&", "") for text in texts]


def test_no_french_is_left_on_screen_after_switching_to_english(
    qtbot: QtBot,
    qapp: QApplication,
    till: MainWindow,
    desk: PickupScreen,
    data_dir: Path,
    tmp_path: Path,
    back_to_french: None,
) -> None:
    """Every window open at the switch: the till and its menu, the pickup desk, the
    payment, settings, camera and operations-to-check dialogs."""
    screen = till.till_screen
    with qtbot.waitSignal(screen.basket_shown, timeout=5000):
        screen.scan(accented_codes(data_dir, 1)[0])
    screen.pay()
    SettingsDialog(Settings(), tmp_path / "settings.toml", till).show()
    CameraDialog(till).show()
    OutboxDialog(OutboxReview(data_dir, "T01"), till).show()
    french = _french_only()
    assert {"Encaisser", "Réglages", "Annuler la commande"} <= french  # the check can see
    assert set(_every_text(till)) & french
    switch_language(qapp, "en")
    left = sorted(set(_every_text(till)) & french)
    assert left == []
