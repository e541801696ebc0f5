"""The status bar at 1024×768: the signed-in name and the outbox count are never cut, the
network state is a coloured badge in French, and its times are Paris time."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos.ui.main_window import MainWindow
from pos.ui.qt import QApplication, QLabel
from sync.engine.status import SyncStatus

LONG_NAME = "Marie-Bernadette de La Tour d'Auvergne-Lauragais"


def _fits(label: QLabel) -> bool:
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.width()


def _settle(window: MainWindow) -> None:
    for _ in range(3):  # the status bar's layout runs on posted events
        QApplication.processEvents()
    window.statusBar().layout().activate()


def test_a_long_name_and_a_five_digit_outbox_are_never_cut(qtbot: QtBot, till: MainWindow) -> None:
    till.resize(1024, 768)
    till.show_cashier(LONG_NAME)
    till.show_sync_status(SyncStatus(state="offline", pending=12345, rejected=321))
    _settle(till)
    assert till.width() == 1024
    assert till.cashier_status.text() == f"À la caisse : {LONG_NAME}"
    badge = "Hors ligne · 12\u202f345 à envoyer · 321 à vérifier"
    assert till.network_status.text() == badge
    for label in (till.cashier_status, till.network_status, till.printer_status):
        assert label.isVisible() and _fits(label), label.objectName()
    # The store's line gives way, in full in its tooltip.
    assert till.store_status.geometry().right() < till.cashier_status.geometry().left()


def test_the_network_badge_is_red_offline_and_green_online(qtbot: QtBot, till: MainWindow) -> None:
    till.show_sync_status(SyncStatus(state="offline", pending=2))
    assert "#b00020" in till.network_status.styleSheet()
    assert "les ventes sont conservées sur cette caisse" in till.network_status.toolTip()
    till.show_sync_status(SyncStatus(state="idle", last_success_at="2026-11-25T09:42:00.000Z"))
    assert till.network_status.text() == "En ligne, à jour"
    assert "#1b5e20" in till.network_status.styleSheet()
    # 09:42 UTC is 10:42 in Paris in November: never the raw UTC stamp.
    assert till.network_status.toolTip() == "Dernier succès : 25/11/2026 10:42"


def test_the_status_bar_grows_at_1080p(qtbot: QtBot, till: MainWindow) -> None:
    till.resize(1024, 768)
    _settle(till)
    small = till.network_status.font().pointSizeF()
    till.resize(1920, 1080)
    _settle(till)
    assert till.network_status.font().pointSizeF() > small
    assert _fits(till.cashier_status) and _fits(till.network_status)
