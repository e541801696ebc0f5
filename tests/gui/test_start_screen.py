from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.services.store_summary import StoreSummary
from pos.ui.main_window import MainWindow


def test_start_screen_shows_store_and_catalog_size(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.start_screen.details.text()  # "Opening the store…" while loading
    window.start_screen.show_summary(
        StoreSummary("Comptoir Démo — Lyon", "T01", 3000, 120, str(tmp_path))
    )
    text = window.start_screen.details.text()
    assert "3" in text and "000" in text and "T01" in text
    assert window.start_screen.title.text() == "Comptoir Démo — Lyon"
    shot = tmp_path / "start.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 1000
