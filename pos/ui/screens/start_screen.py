"""The first screen: which store and till this is, and how big its catalog is.

It stands in for the till screen until that exists; the figures arrive from a worker,
so the window appears at once even while the demo store is being prepared.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from pos.services.store_summary import StoreSummary
from pos.ui.i18n import Retranslating
from pos.ui.qt import QFont, QLabel, QLocale, Qt, QVBoxLayout, QWidget


class StartScreen(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.title = QLabel(self)
        self.title.setObjectName("storeName")
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() * 2)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("storeDetails")
        details_font = QFont(self.details.font())
        details_font.setPointSizeF(details_font.pointSizeF() * 1.4)
        self.details.setFont(details_font)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.title, self.details):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        self._shown: Callable[[], None] = self._loading
        self.show_loading()

    def retranslate_ui(self) -> None:
        self._shown()

    def show_loading(self) -> None:
        self._shown = self._loading
        self._loading()

    def _loading(self) -> None:
        self.title.setText(self.tr("Comptoir"))
        self.details.setText(self.tr("Opening the store…"))

    def show_summary(self, summary: StoreSummary) -> None:
        self._shown = partial(self._summary, summary)
        self._shown()

    def _summary(self, summary: StoreSummary) -> None:
        locale = QLocale()
        self.title.setText(summary.store_name)
        self.details.setText(
            "\n".join(
                [
                    self.tr("Terminal %1").replace("%1", summary.terminal_id),
                    self.tr("Catalog: %1 products").replace(
                        "%1", locale.toString(summary.product_count)
                    ),
                    self.tr("Sales recorded: %1").replace(
                        "%1", locale.toString(summary.sale_count)
                    ),
                    self.tr("Data folder: %1").replace("%1", summary.data_dir),
                ]
            )
        )

    def show_error(self, message: str | Callable[[], str]) -> None:
        """``message``: a sentence, or how to word it again in another language."""
        self._shown = partial(self._error, message)
        self._shown()

    def _error(self, message: str | Callable[[], str]) -> None:
        self.title.setText(self.tr("The store could not be opened"))
        self.details.setText(message if isinstance(message, str) else message())
