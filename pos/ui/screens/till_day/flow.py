"""The till day's place in the window: the opening screen instead of the sale while no
session is open, the menu's cash in/out, X and Z, and the printing of an X or a Z.

Every act is a request to the till worker (``TillDayRequests``), never a service call on
the GUI thread. ``request_approval`` is the one door to a manager's approval for every
till-day dialog: the window passes the staff gate's, the manager's PIN dialog.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from hardware.printer.encoding import fold_text
from hardware.receipt.slip import SlipDocument, slip_text
from pos.domain.till_day import DayFigures, MovementKind
from pos.services.till_reports import x_report_slip, z_report_slip
from pos.ui.dialogs.receipt_preview import PaperPreviewDialog
from pos.ui.qt import QAction, QDialog, QLocale, QMenu, QObject, QStackedWidget
from pos.ui.screens.till_day.approval import RequestApproval
from pos.ui.screens.till_day.cash_movement_dialog import CashMovementDialog
from pos.ui.screens.till_day.opening_screen import OpeningScreen
from pos.ui.screens.till_day.x_report_dialog import XReportDialog
from pos.ui.screens.till_day.z_closure_dialog import ZClosureDialog
from pos.ui.till_controller import TillController
from pos.ui.till_day_requests import SessionState

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow


class TillDayFlow(QObject):
    def __init__(
        self,
        window: MainWindow,
        stack: QStackedWidget,
        controller: TillController,
        request_approval: RequestApproval,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack
        self.controller = controller
        self.request_approval = request_approval
        self.state: SessionState | None = None
        self.opening = OpeningScreen(window)
        stack.addWidget(self.opening)
        self.dialog: QDialog | None = None  # the till-day dialog open now
        self.preview: PaperPreviewDialog | None = None  # a report shown as paper
        self._waiting: str | None = None  # "open", "x" or "z": whose refusal to show
        self.cash_in_action, self.cash_out_action = QAction(self), QAction(self)
        self.x_action, self.z_action = QAction(self), QAction(self)
        named = (
            ("cashInAction", self.cash_in_action),
            ("cashOutAction", self.cash_out_action),
            ("xReportAction", self.x_action),
            ("zClosureAction", self.z_action),
        )
        for name, action in named:
            action.setObjectName(name)
            action.setEnabled(False)  # until a session is open
        self.cash_in_action.triggered.connect(partial(self.cash_movement, MovementKind.IN))
        self.cash_out_action.triggered.connect(partial(self.cash_movement, MovementKind.OUT))
        self.x_action.triggered.connect(self.x_report)
        self.z_action.triggered.connect(self.z_closure)
        self.opening.open_requested.connect(self.open_till)
        self.opening.close_requested.connect(self.z_closure)
        worker = controller.worker
        worker.session_state.connect(self.show_state)
        worker.day_refused.connect(self._refused)
        worker.x_ready.connect(self._x_ready)
        worker.z_ready.connect(self._z_ready)

    def add_actions(self, menu: QMenu) -> None:
        for action in (self.cash_in_action, self.cash_out_action, self.x_action, self.z_action):
            menu.addAction(action)

    def retranslate_ui(self) -> None:
        for action, text in (
            (self.cash_in_action, self.tr("Cash &in…")),
            (self.cash_out_action, self.tr("Cash &out…")),
            (self.x_action, self.tr("&X report…")),
            (self.z_action, self.tr("&Z closure…")),
        ):
            action.setText(text)

    # -- the session ----------------------------------------------------------------------

    @property
    def can_sell(self) -> bool:
        return self.state is not None and self.state.can_sell

    @property
    def showing_opening(self) -> bool:
        return self.stack.currentWidget() is self.opening

    def show_state(self, state: SessionState) -> None:
        """Open and fresh: the sale. Otherwise the opening screen (or the old Z first)."""
        self.state = state
        if self._waiting == "open":
            self._waiting = None
        for action in (self.cash_in_action, self.cash_out_action, self.x_action):
            action.setEnabled(state.can_sell)
        self.z_action.setEnabled(state.session is not None)
        if state.can_sell:
            if self.showing_opening:
                self.window.show_till()
            return
        self.opening.show_state(state)
        if not self.window.staff.locked:  # else the opening shows once someone signs in
            self.stack.setCurrentWidget(self.opening)

    def open_till(self, counts: dict[int, int]) -> None:
        self._waiting = "open"
        self.controller.request("open_session", counts)

    def _refused(self, code: str, message: str, params: dict) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is None:
            return  # a dialog's own request: the dialog shows it
        if self.showing_opening:
            self.opening.show_refusal(code, message, params)
        else:
            self.window.till_screen.show_refusal(code, message, params)

    # -- cash in and out ------------------------------------------------------------------

    def cash_movement(self, kind: MovementKind) -> None:
        self._show_dialog(CashMovementDialog(self.controller, kind, self._approve, self.window))

    def _approve(self, right, what: str, amount_cents: int | None):  # the door, looked up late
        return self.request_approval(right, what, amount_cents)

    # -- X and Z --------------------------------------------------------------------------

    def x_report(self) -> None:
        self._waiting = "x"
        self.controller.request("x_report")

    def _x_ready(self, figures: DayFigures) -> None:
        if self._waiting != "x":
            return  # another's request (a Z compares on the same figures)
        self._waiting = None
        dialog = XReportDialog(figures, self.window)
        dialog.print_requested.connect(lambda f: self.print_report(x_report_slip(f, _language())))
        self._show_dialog(dialog)

    def z_closure(self) -> None:
        self._waiting = "z"
        self.controller.request("z_begin")

    def _z_ready(self) -> None:
        self._waiting = None
        dialog = ZClosureDialog(self.controller, self._approve, self.window)
        dialog.closed.connect(lambda report: self.print_report(z_report_slip(report, _language())))
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: QDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    # -- paper ----------------------------------------------------------------------------

    def print_report(self, doc: SlipDocument) -> None:
        """On the receipt printer, off the GUI thread; shown as paper when there is none."""
        receipts = self.window.till_screen.receipts
        if receipts.printer is not None:
            receipts.printer.request("print_slip", doc)
            return
        policy = receipts.policy
        text = slip_text(doc, policy.columns, fold=partial(fold_text, codepage=policy.codepage))
        preview = PaperPreviewDialog(
            doc.title, text, columns=policy.columns, can_print=False, parent=self.window
        )
        preview.finished.connect(preview.deleteLater)
        self.preview = preview
        preview.open()


def _language() -> str:
    return "fr" if QLocale().language() == QLocale.Language.French else "en"
