"""Central's warnings about this till's signed record, shown to a manager at sign-in.

Modal, in the till's language: what central saw (a rollback, a rebuilt record, an entry
changed after signing, a gap), on which operation, and what to do. "I have read this"
acknowledges them (``acknowledged``: recorded with the manager's name, off the GUI
thread, by ``WitnessAlertFlow``); "Later" leaves them for the next manager sign-in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hardware.receipt.formatting import local_time_text
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from pos.services.witness_alerts import ChainAlert


class WitnessAlertDialog(Retranslating, QDialog):
    acknowledged = Signal()

    def __init__(self, alerts: list[ChainAlert], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("witnessAlertDialog")
        self.setModal(True)
        self.alerts = alerts
        self.intro = QLabel(self)
        self.intro.setObjectName("witnessAlertIntro")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(alerts), 3, self)
        self.table.setObjectName("witnessAlertTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.read_button = QPushButton(self)
        self.read_button.setObjectName("witnessAlertReadButton")
        self.later_button = QPushButton(self)
        self.read_button.clicked.connect(self._read)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.read_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(820, 420)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Warning from the central server"))
        self.intro.setText(
            self.tr(
                "The central server checked this till's signed record and found problems "
                "(%1). The sales still count, but someone may have changed this till's "
                "data: check with your head office before going on."
            ).replace("%1", str(len(self.alerts)))
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Received at"), self.tr("Operation"), self.tr("What central found")]
        )
        for row, alert in enumerate(self.alerts):
            values = (local_time_text(alert.recorded_at), alert.op_id, self.explain(alert.code))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        self.read_button.setText(self.tr("I have read this"))
        self.later_button.setText(self.tr("Later"))

    def explain(self, code: str) -> str:
        known = {
            "chain_rewrite": self.tr(
                "Central already had another entry under this number: the till's record was "
                "rolled back or rewritten after central saw it."
            ),
            "unknown_key": self.tr(
                "This entry is signed with a key central never registered for this till: "
                "its record may have been rebuilt."
            ),
            "bad_signature": self.tr(
                "This entry's signature does not match its content: it was changed after "
                "the till signed it."
            ),
            "chain_break": self.tr(
                "An entry before this one never reached central, or came out of order: it "
                "may have been deleted."
            ),
            "hash_mismatch": self.tr(
                "The central server computed another journal hash for this sale."
            ),
        }
        return known.get(code, code)

    def _read(self) -> None:
        self.acknowledged.emit()
        self.accept()
