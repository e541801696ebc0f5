"""The X report on screen: the open session's figures now, a reading that closes nothing.

Shown from the till's menu at any time; "Print" sends the same figures to the receipt
printer (or to the paper preview when there is none), through the till-day flow.
"""

from __future__ import annotations

from hardware.receipt.formatting import local_time_text
from pos.domain.till_day import DayFigures
from pos.services.till_reports import x_record
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.screens.till_day.figures_view import FiguresView
from pos.ui.screens.till_day.labels import figure_rows
from pos.ui.zoom import set_font


class XReportDialog(Retranslating, QDialog):
    print_requested = Signal(object)  # DayFigures

    def __init__(self, figures: DayFigures, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("xReportDialog")
        self.figures = figures
        self.record = x_record(figures)
        self.title = QLabel(self)
        set_font(self.title, 1.5, 1.0, bold=True)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.view = FiguresView(self)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printXButton")
        self.close_button = QPushButton(self)
        for button in (self.print_button, self.close_button):
            button.setMinimumHeight(48)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.figures))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(640, 700)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("X report"))
        self.title.setText(self.tr("X report — reading of the day, the till stays open"))
        record = self.record
        self.subtitle.setText(
            self.tr("Till %1 · opened %2 by %3 · figures at %4")
            .replace("%1", record["terminal_id"])
            .replace("%2", local_time_text(record["opened_at"]))
            .replace("%3", record["opened_by"]["name"])
            .replace("%4", local_time_text(record["at"]))
        )
        self.view.show_rows(figure_rows(record))
        self.print_button.setText(self.tr("Print the X report"))
        self.close_button.setText(self.tr("Close"))
