from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.services.store_summary import StoreSummary
from pos.ui.screens.start_screen import StartScreen


def test_start_screen_shows_store_and_catalog_size(qtbot: QtBot, tmp_path: Path) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.show()
    assert screen.details.text()  # "Opening the store…" while loading
    screen.show_summary(StoreSummary("Comptoir Démo — Lyon", "T01", 3000, 120, str(tmp_path)))
    text = screen.details.text()
    assert "3" in text and "000" in text and "T01" in text
    assert screen.title.text() == "Comptoir Démo — Lyon"
    shot = tmp_path / "start.png"
    assert screen.grab().save(str(shot))
    assert shot.stat().st_size > 1000
