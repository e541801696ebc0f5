"""The fiscal record desk's archives: make a period's signed archive (the previous month
by default), show its file and its manifest's SHA-256 (with "Copy the path"), and check
an archive file picked from disk.

Writing and checking go through ``Archives`` off the GUI thread (``run_op``): a month of a
busy till is many thousand entries. The service checks the right (``ARCHIVE``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pos.ui.fiscal_messages import failure_text
from pos.ui.i18n import Retranslating
from pos.ui.ops import run_op_for
from pos.ui.qt import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QLocale,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from pos.domain.rights import Actor
    from pos.services.archives import ArchiveReport, ArchiveResult, Archives


class ArchivesPage(Retranslating, QWidget):
    made = Signal(object)  # ArchiveResult
    checked = Signal(object)  # ArchiveReport

    def __init__(self, archives: Archives, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fiscalArchivesPage")
        self.archives, self.actor = archives, actor
        self.result: ArchiveResult | None = None
        self.report: ArchiveReport | None = None
        self.file_picker: QFileDialog | None = None
        self._make_state: tuple[object, ...] = ("",)
        self._check_state: tuple[object, ...] = ("",)
        self.period_field = QLineEdit(self)
        self.period_field.setObjectName("archivePeriodField")
        self.period_field.setMaximumWidth(240)
        self.period_hint = QLabel(self)
        self.period_hint.setWordWrap(True)
        self.make_button = QPushButton(self)
        self.make_button.setObjectName("makeArchiveButton")
        self.make_button.clicked.connect(self.make_archive)
        self.make_status = QLabel(self)
        self.make_status.setObjectName("archiveMadeStatus")
        self.make_status.setWordWrap(True)
        self.path_field = self._read_only("archivePathField")
        self.sha_field = self._read_only("archiveShaField")
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyArchivePathButton")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_path)
        self.check_button = QPushButton(self)
        self.check_button.setObjectName("checkArchiveButton")
        self.check_button.clicked.connect(self.pick_archive)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("archiveVerdict")
        self.verdict.setWordWrap(True)
        self._layout()
        self.retranslate_ui()

    def _read_only(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setReadOnly(True)
        return field

    def _layout(self) -> None:
        form = self.form = QFormLayout()
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_field)
        period_row.addWidget(self.make_button)
        period_row.addStretch(1)
        period_cell = QVBoxLayout()
        period_cell.addLayout(period_row)
        period_cell.addWidget(self.period_hint)
        self.period_label, self.path_label = QLabel(self), QLabel(self)
        self.sha_label = QLabel(self)
        form.addRow(self.period_label, period_cell)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_field, 1)
        path_row.addWidget(self.copy_button)
        form.addRow(self.path_label, path_row)
        form.addRow(self.sha_label, self.sha_field)
        layout = QVBoxLayout(self)
        self.make_title, self.check_title = QLabel(self), QLabel(self)
        for title in (self.make_title, self.check_title):
            title.setStyleSheet("font-weight: bold")
        layout.addWidget(self.make_title)
        layout.addLayout(form)
        layout.addWidget(self.make_status)
        layout.addSpacing(16)
        layout.addWidget(self.check_title)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addStretch(1)
        layout.addLayout(check_row)
        layout.addWidget(self.verdict)
        layout.addStretch(1)

    def retranslate_ui(self) -> None:
        self.make_title.setText(self.tr("Make a signed archive"))
        self.check_title.setText(self.tr("Check an archive"))
        self.period_label.setText(self.tr("Period:"))
        self.period_hint.setText(
            self.tr(
                "A month (2026-11), a year (2026), a day (2026-11-03) or days "
                "(2026-11-01..2026-11-15), in the shop's time."
            )
        )
        self.make_button.setText(self.tr("Make the archive"))
        self.path_label.setText(self.tr("File:"))
        self.sha_label.setText(self.tr("Manifest SHA-256:"))
        self.copy_button.setText(self.tr("Copy the path"))
        self.check_button.setText(self.tr("Check an archive…"))
        self._show_make(*self._make_state)
        self._show_check(*self._check_state)

    def set_default_period(self, period: str) -> None:
        """The previous month, unless the manager typed something already."""
        if not self.period_field.text():
            self.period_field.setText(period)

    # -- making -----------------------------------------------------------------------------

    def make_archive(self) -> None:
        period = self.period_field.text().strip()
        self.make_button.setEnabled(False)
        self._show_make("making", period)
        job = partial(self.archives.make, period, actor=self.actor, source="till")
        run_op_for(self, job, self._made, self._make_failed)

    def _made(self, result: ArchiveResult) -> None:
        self.result = result
        self.make_button.setEnabled(True)
        self.path_field.setText(str(result.path))
        self.sha_field.setText(result.manifest_sha256)
        self.copy_button.setEnabled(True)
        self._show_make("made", result)
        self.made.emit(result)

    def _make_failed(self, exc: Exception) -> None:
        self.make_button.setEnabled(True)
        self._show_make("failed", exc)

    def _show_make(self, what: object, arg: object = None) -> None:
        self._make_state = (what, arg)
        if what == "making":
            text = self.tr("Writing the archive of %1…").replace("%1", str(arg))
        elif what == "made":
            result: ArchiveResult = arg  # type: ignore[assignment]
            total = sum(result.entries.values())
            text = (
                self.tr("Archive written: %1 entries, signed by key %2. Keep a copy elsewhere.")
                .replace("%1", QLocale().toString(total))
                .replace("%2", result.signing_key_id)
            )
        elif what == "failed":
            text = self.tr("No archive written: %1").replace("%1", failure_text(arg))  # type: ignore[arg-type]
        else:
            text = ""
        self.make_status.setText(text)

    def copy_path(self) -> None:
        if self.result is not None:
            QApplication.clipboard().setText(str(self.result.path))

    # -- checking ---------------------------------------------------------------------------

    def pick_archive(self) -> None:
        """A file picker (Qt's own, so it never waits on the desktop's) in the archives'
        folder; the chosen file is checked off the GUI thread."""
        picker = self.file_picker = QFileDialog(
            self,
            self.tr("Check an archive"),
            str(self.archives.default_folder),
            self.tr("Archives (*.zip)"),
        )
        picker.setObjectName("archivePicker")
        picker.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        picker.setFileMode(QFileDialog.FileMode.ExistingFile)
        picker.fileSelected.connect(self.check_archive)
        picker.finished.connect(picker.deleteLater)
        picker.open()

    def check_archive(self, path: str) -> None:
        self.check_button.setEnabled(False)
        self._show_check("checking", path)
        job = partial(self.archives.verify, Path(path))
        run_op_for(self, job, self._checked, self._check_failed)

    def _checked(self, report: ArchiveReport) -> None:
        self.report = report
        self.check_button.setEnabled(True)
        self._show_check("checked", report)
        self.checked.emit(report)

    def _check_failed(self, exc: Exception) -> None:
        self.check_button.setEnabled(True)
        self._show_check("failed", exc)

    def _show_check(self, what: object, arg: object = None) -> None:
        self._check_state = (what, arg)
        if what == "checking":
            text = self.tr("Checking %1…").replace("%1", Path(str(arg)).name)
        elif what == "checked":
            report: ArchiveReport = arg  # type: ignore[assignment]
            text = self._verdict_text(report)
        elif what == "failed":
            text = self.tr("The archive could not be checked: %1").replace(
                "%1",
                failure_text(arg),  # type: ignore[arg-type]
            )
        else:
            text = ""
        self.verdict.setText(text)

    def _verdict_text(self, report: ArchiveReport) -> str:
        if not report.ok:
            # The problem is the checker's own sentence (English): it names the file or entry.
            return self.tr("ARCHIVE BROKEN: %1").replace("%1", report.problem)
        return (
            self.tr(
                "Archive intact: terminal %1, period %2, %3 entries. Signed by key %4: "
                "compare it with the key central registered for this terminal."
            )
            .replace("%1", report.terminal_id)
            .replace("%2", report.period)
            .replace("%3", QLocale().toString(sum(report.entries.values())))
            .replace("%4", report.signing_key_id)
        )
