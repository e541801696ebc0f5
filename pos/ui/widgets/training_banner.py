"""The training-mode banner: while the till practises, every screen says so, big.

Shown from the till worker's ``training_changed`` (at start, then each switch), never
guessed by the screen: the mode lives in the event journal the worker reads.
"""

from __future__ import annotations

from pos.ui.i18n import Retranslating
from pos.ui.qt import QLabel, Qt, QWidget

#: Orange on dark: unlike any state colour of the status bar, readable from afar.
STYLE = (
    "QLabel#trainingBanner { background: #e65100; color: #ffffff; font-weight: bold; "
    "font-size: 20pt; padding: 6px; border-bottom: 4px solid #212121; }"
)


class TrainingBanner(Retranslating, QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)  # never widens the window past 1024 px
        self.setStyleSheet(STYLE)
        self.setVisible(False)
        self.on = False
        self.retranslate_ui()

    def show_mode(self, on: bool) -> None:
        self.on = on
        self.setVisible(on)

    def retranslate_ui(self) -> None:
        self.setText(self.tr("TRAINING MODE — practice sales, not recorded as sales; no real card"))
