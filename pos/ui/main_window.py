"""The thin shell: one window holding the current screen and a status bar."""

from __future__ import annotations

from pos.ui.qt import QMainWindow, QWidget
from pos.ui.screens.start_screen import StartScreen


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Comptoir — point of sale"))
        self.start_screen = StartScreen(self)
        self.setCentralWidget(self.start_screen)
        self.resize(1024, 768)
