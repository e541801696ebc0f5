"""The fiscal record desk's verification: the same walk as ``comptoir verify-journal``
(``FiscalRecord.verify``, off the GUI thread, recorded in the JET), one row per chain.

The fixed parts are worded here in the staff's language (the chain's name, its entries
and seq span, intact or broken); the detailed reason of a problem is the store's own
English sentence, word for word as ``verify-journal`` prints it, and the screen says so.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from pos.ui.fiscal_messages import chain_name, failure_text
from pos.ui.i18n import Retranslating, current_language
from pos.ui.money import format_money
from pos.ui.ops import run_op_for
from pos.ui.qt import (
    QAbstractItemView,
    QColor,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLocale,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from pos.domain.rights import Actor
    from pos.services.fiscal_record import ChainSummary, Finding, FiscalRecord, VerificationRun

BROKEN_COLOUR = QColor("#b00020")


class VerificationPage(Retranslating, QWidget):
    verified = Signal(object)  # VerificationRun

    def __init__(self, record: FiscalRecord, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fiscalVerificationPage")
        self.record, self.actor = record, actor
        self.run: VerificationRun | None = None
        self._failure: Exception | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("verifyJournalButton")
        self.verify_button.clicked.connect(self.verify)
        self.summary = QLabel(self)
        self.summary.setObjectName("verificationSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("verificationTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Walks every signed chain of this till and names, for each, the first bad "
                "entry and why (as comptoir verify-journal does). The run is recorded in the "
                "event journal."
            )
        )
        self.verify_button.setText(self.tr("Verify the record"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Chain"), self.tr("Entries"), self.tr("Seq"), self.tr("State"),
             self.tr("Problem")]
        )  # fmt: skip
        self.note.setText(
            self.tr(
                "A problem's details are the verification's own sentence, in English, as "
                "comptoir verify-journal prints it."
            )
        )
        if self.run is not None:
            self._show_run(self.run)
        elif self._failure is not None:
            self._show_failure(self._failure)

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.summary.setText(self.tr("Verifying every chain…"))
        job = partial(self.record.verify, self.actor, source="till")
        run_op_for(self, job, self._verified, self._failed)

    def _verified(self, run: VerificationRun) -> None:
        self.run, self._failure = run, None
        self.verify_button.setEnabled(True)
        self._show_run(run)
        self.verified.emit(run)

    def _failed(self, exc: Exception) -> None:
        self.verify_button.setEnabled(True)
        self._failure = exc
        self._show_failure(exc)

    def _show_failure(self, exc: Exception) -> None:
        self.summary.setText(self.tr("The record could not be read: %1").replace(
            "%1", failure_text(exc)
        ))  # fmt: skip

    def _show_run(self, run: VerificationRun) -> None:
        report = run.report
        locale = QLocale()
        if report.ok:
            text = (
                self.tr("The fiscal record is intact: %1 entries, perpetual grand total %2.")
                .replace("%1", locale.toString(report.entries))
                .replace("%2", format_money(report.grand_total_cents))
            )
        else:
            names = ", ".join(chain_name(problem.chain) for problem in report.problems)
            text = self.tr("THE FISCAL RECORD IS BROKEN: %1.").replace("%1", names)
        if run.not_recorded:
            text += " " + self.tr("The run could not be recorded: %1").replace(
                "%1", run.not_recorded
            )
        self.summary.setText(text)
        rows = [self._chain_row(summary) for summary in report.chains]
        rows += [self._finding_row(finding) for finding in report.store_problems]
        rows += [self._finding_row(finding) for finding in report.warnings]
        self._fill(rows)
        self.note.setVisible(not report.ok and current_language() != "en")

    def _chain_row(self, summary: ChainSummary) -> tuple[str, str, str, str, str]:
        span = ""
        if summary.first_seq is not None:
            span = str(summary.first_seq)
            if summary.last_seq != summary.first_seq:
                span += f"–{summary.last_seq}"
        state = self.tr("BROKEN") if summary.problem else self.tr("intact")
        reason = summary.problem.reason if summary.problem else ""
        entries = QLocale().toString(summary.entries)
        return (chain_name(summary.chain), entries, span, state, reason)

    def _finding_row(self, finding: Finding) -> tuple[str, str, str, str, str]:
        state = self.tr("warning") if finding.warning else self.tr("BROKEN")
        seq = "" if finding.seq is None else str(finding.seq)
        return (chain_name(finding.chain), "", seq, state, finding.reason)

    def _fill(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        self.table.setRowCount(len(rows))
        broken = {self.tr("BROKEN")}
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c == 3 and text in broken:
                    item.setForeground(BROKEN_COLOUR)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def chain_state(self, chain: str) -> str:
        """The state shown for ``chain`` (for tests and screenshots): "" when absent."""
        name = chain_name(chain)
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == name:
                return self.table.item(r, 3).text()
        return ""
