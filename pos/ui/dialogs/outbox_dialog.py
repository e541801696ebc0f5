"""Operations to check: what sync set aside (with central's reason) and central's warnings,
with "Send again" for the selected ones or all of them; and the undo calls owed to central
(claim releases, credit note reversals) it refused or has not answered for long, with
their reason and age (``owed_texts``; the sync engine keeps sending them).

Reading and re-queuing go through ``OutboxReview`` off the GUI thread (``run_op``); once
something is back in the queue, ``requeued`` tells the till to wake its sync engine.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from hardware.receipt.formatting import local_time_text
from pos.ui.dialogs import owed_texts as texts
from pos.ui.i18n import Retranslating
from pos.ui.ops import run_op
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
    from pos.services.outbox_review import AttentionList, OutboxReview


#: The records a Medusa without Comptoir's plugin (or with an older one) refuses.
_KEPT_BY_PLUGIN = frozenset(
    {
        "approval",
        "till_session_opened",
        "cash_movement",
        "till_session_closed",
        "sale_cancelled",
        "drawer_opened",
    }
)


class OutboxDialog(Retranslating, QDialog):
    requeued = Signal(int)  # how many operations went back in the queue

    def __init__(self, review: OutboxReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxDialog")
        self.review = review
        self.last: AttentionList | None = None
        self._failure = ""
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.set_aside = self._table("setAsideTable")
        self.warnings = self._table("warningsTable")
        self.owed = self._table("owedTable")
        self.send_selected = QPushButton(self)
        self.send_selected.setObjectName("sendSelectedButton")
        self.send_all = QPushButton(self)
        self.send_all.setObjectName("sendAllButton")
        close = self.close_button = QPushButton(self)
        self.send_selected.clicked.connect(self._send_selected)
        self.send_all.clicked.connect(partial(self._requeue, None))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.send_selected, self.send_all):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.set_aside_title, self.warnings_title = QLabel(self), QLabel(self)
        layout.addWidget(self.set_aside_title)
        layout.addWidget(self.set_aside, 2)
        layout.addWidget(self.warnings_title)
        layout.addWidget(self.warnings, 1)
        self.owed_title = QLabel(self)
        layout.addWidget(self.owed_title)
        layout.addWidget(self.owed, 1)
        layout.addLayout(buttons)
        self.resize(900, 520)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Operations to check"))
        columns = [self.tr("No."), self.tr("Kind"), self.tr("Operation"), self.tr("Code")]
        self.set_aside.setHorizontalHeaderLabels(
            [*columns, self.tr("Reason"), self.tr("Set aside at")]
        )
        self.warnings.setHorizontalHeaderLabels(
            [*columns, self.tr("Warning"), self.tr("Received at")]
        )
        self.send_selected.setText(self.tr("Send the selected again"))
        self.send_all.setText(self.tr("Send all again"))
        self.close_button.setText(self.tr("Close"))
        self.set_aside_title.setText(self.tr("Set aside by sync (refused by the central server):"))
        self.warnings_title.setText(self.tr("Warnings from the central server:"))
        self.owed.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Operation"), self.tr("Credit note"), self.tr("Tries"),
             self.tr("Reason"), self.tr("Waiting since")]
        )  # fmt: skip
        self.owed_title.setText(
            self.tr(
                "Owed to the central server, not settled yet (sent again at each sync; "
                "refused, or unanswered for long):"
            )
        )
        if self._failure:
            self._show_failure()
        elif self.last is not None:
            self._show_rows(self.last)

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 6, self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        return table

    def refresh(self) -> None:
        self._busy(True)
        run_op(self.review.list, self._show, self._failed)

    def _show(self, found: AttentionList) -> None:
        self.last, self._failure = found, ""
        self._show_rows(found)
        self._busy(False)

    def _show_rows(self, found: AttentionList) -> None:
        self._fill(self.set_aside, [
            (op.seq, self._kind(op.kind), op.op_id, op.code,
             self._reason_text(op.code, op.kind, op.reason), local_time_text(op.rejected_at))
            for op in found.set_aside
        ])  # fmt: skip
        self._fill(self.warnings, [
            (w.seq, self._kind(w.kind), w.op_id, w.code, self._warning_text(w.code, w.text),
             local_time_text(w.recorded_at))
            for w in found.warnings
        ])  # fmt: skip
        self._fill(self.owed, [
            (texts.kind(c.kind), c.key, c.code, c.attempts, texts.reason(c), texts.since(c))
            for c in found.owed
        ])  # fmt: skip
        summary = (
            self.tr("%1 set aside, %2 waiting to be sent, %3 warnings.")
            .replace("%1", str(found.set_aside_total))
            .replace("%2", str(found.pending))
            .replace("%3", str(found.warning_total))
        )
        if found.owed:
            summary += " " + self.tr("%1 owed to the central server, to check.").replace(
                "%1", str(len(found.owed))
            )
        self.summary.setText(summary)

    def _fill(self, table: QTableWidget, rows: list[tuple[object, ...]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(str(value)))

    def _kind(self, kind: str) -> str:
        known = {
            "sale": self.tr("Sale"),
            "stock_movement": self.tr("Stock movement"),
            "pickup_transition": self.tr("Pickup order"),
            "approval": self.tr("Manager's approval"),
            "till_session_opened": self.tr("Till opening"),
            "cash_movement": self.tr("Cash in/out"),
            "till_session_closed": self.tr("Z closure"),
            "sale_cancelled": self.tr("Cancelled sale"),
            "drawer_opened": self.tr("Drawer opened"),
            "chain_entry": self.tr("Signed record entry"),
        }
        return known.get(kind, kind)

    def _reason_text(self, code: str, kind: str, reason: str) -> str:
        """The refusals a manager can act on, in the till's language; the server's own
        sentence otherwise (it names what it refused)."""
        if code == "approver_lacks_right":
            return self.tr(
                "The server refused this approval: the person who gave it is not a manager "
                "or administrator of this store in its staff list."
            )
        if code == "not_supported" and kind in _KEPT_BY_PLUGIN:
            return self.tr(
                "This server does not keep these records yet: install or update Comptoir's "
                "plugin in Medusa. They stay recorded at the till; send them again then."
            )
        return reason

    def _warning_text(self, code: str, text: str) -> str:
        known = {
            "chain_break": self.tr(
                "The central server found a break in this till's journal at this sale "
                "(an entry missing or out of order)."
            ),
            "chain_rewrite": self.tr(
                "The central server already holds another journal entry with this number."
            ),
            "hash_mismatch": self.tr(
                "The central server computed another journal hash for this sale."
            ),
            "bad_signature": self.tr(
                "This entry's signature does not match its content: it was changed after "
                "the till signed it."
            ),
            "unknown_key": self.tr(
                "This entry is signed with a key central never registered for this till: "
                "its record may have been rebuilt."
            ),
            "medusa_total_differs": self.tr(
                "Medusa priced this sale at another total than the till charged."
            ),
            "stock_corrected": self.tr(
                "Medusa had less stock than this sale took: its stock level was raised by "
                "the shortfall before the sale was recorded."
            ),
        }
        return known.get(code, text)

    def _send_selected(self) -> None:
        rows = sorted({index.row() for index in self.set_aside.selectedIndexes()})
        ids = [self.set_aside.item(row, 2).text() for row in rows]
        if ids:
            self._requeue(ids)

    def _requeue(self, op_ids: list[str] | None) -> None:
        self._busy(True)
        job = partial(self.review.requeue, op_ids, source="app")
        run_op(job, self._requeued, self._failed)

    def _requeued(self, done: list[str]) -> None:
        if done:
            self.requeued.emit(len(done))
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        self._failure = getattr(exc, "message", str(exc))
        self._show_failure()

    def _show_failure(self) -> None:
        self.summary.setText(
            self.tr("The operations could not be read: %1").replace("%1", self._failure)
        )

    def _busy(self, busy: bool) -> None:
        self.send_selected.setEnabled(not busy)
        self.send_all.setEnabled(not busy)
