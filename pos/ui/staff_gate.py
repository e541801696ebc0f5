"""Who is signed in at this window: the sign-in screen, switch and lock, manager approval.

The till opens locked, on the sign-in screen; it locks again on F1 ("Switch cashier /
Lock"), from the menu, and after ``idle_minutes`` without a key or a touch. Signing in
applies that person's language live. An act the services refuse for want of a right a
manager may grant opens the approval dialog; ``request_approval`` offers the same to
screens that run their act themselves (the till day's screens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos.domain.rights import Actor, Approval, Right
from pos.ui.dialogs.approval_dialog import ApprovalDialog, describe
from pos.ui.i18n import current_language, switch_language
from pos.ui.qt import QAction, QApplication, QEvent, QKeySequence, QObject, QTimer, Signal
from pos.ui.screens.sign_in_screen import SignInScreen
from pos.ui.till_staff_worker import ApprovalAsk, SignedIn

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow

DEFAULT_IDLE_MINUTES = 5
_ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)


class StaffGate(QObject):
    signed_in = Signal(object)  # SignedIn, once the till shows the sale for them
    locked_changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.actor: Actor | None = None  # who signed in last (None before anyone did)
        self.actor_name = ""  # the signed-in person's name; "" while nobody is
        self.actor_id = ""
        self.locked = True
        self.staff: list = []
        self.approval_dialog: ApprovalDialog | None = None
        self._ask: ApprovalAsk | None = None
        self._approved: Approval | None = None
        self.screen = SignInScreen(self.controller, window)
        window.stack.addWidget(self.screen)
        self.lock_action = QAction(window)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("F1"))
        self.lock_action.triggered.connect(lambda: self.lock("lock"))
        window.addAction(self.lock_action)  # F1 works wherever the focus is
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(lambda: self.lock("idle"))
        self.set_idle_minutes(DEFAULT_IDLE_MINUTES)
        QApplication.instance().installEventFilter(self)
        worker = self.controller.worker
        worker.staff_listed.connect(self._staff_listed)
        worker.signed_in.connect(self._on_signed_in)
        worker.approval_needed.connect(self.offer_approval)
        worker.approval_answered.connect(self._approval_answered)

    def retranslate_ui(self) -> None:
        self.lock_action.setText(self.tr("Switch cashier / &Lock"))

    # -- lock and idle ------------------------------------------------------------------------

    def set_idle_minutes(self, minutes: int) -> None:
        """0: never lock by itself."""
        self.idle_minutes = minutes
        self.idle_timer.setInterval(max(1, minutes) * 60_000)
        self._restart_idle()

    def _restart_idle(self) -> None:
        if self.idle_minutes and not self.locked:
            self.idle_timer.start()
        else:
            self.idle_timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.locked:
            self.idle_timer.start()
        return False

    def lock(self, reason: str = "lock") -> None:
        """Back to the sign-in screen; the open basket stays with its author. The
        person's sign-out ("lock" by F1, "idle") is recorded by the worker (the JET)."""
        if not self.locked and self.actor is not None:
            self.controller.request("sign_out", reason)
        self.locked = True
        self.idle_timer.stop()
        if self.approval_dialog is not None:
            self.approval_dialog.reject()
        self.screen.reset()
        self.screen.refresh()
        self.window.stack.setCurrentWidget(self.screen)
        self.locked_changed.emit(True)

    def scan(self, code: str) -> bool:
        """A scanned code while the sign-in screen or the approval dialog shows is a staff
        badge: True when taken here."""
        if self.approval_dialog is not None and self.approval_dialog.isVisible():
            self.approval_dialog.scan(code)
            return True
        if self.locked:
            self.screen.scan(code)
            return True
        return False

    def _staff_listed(self, members: list, _locks: dict, _first: bool) -> None:
        self.staff = members

    def _on_signed_in(self, signed: SignedIn) -> None:
        if signed.language != current_language():
            switch_language(QApplication.instance(), signed.language)
        self.actor = signed.actor
        self.actor_name = signed.actor.display_name
        self.actor_id = signed.actor.staff_id
        self.locked = False
        self.window.show_till()  # the sale, or the till session's opening first
        self.window.show_cashier(self.actor_name)
        self._restart_idle()
        self.locked_changed.emit(False)
        self.signed_in.emit(signed)

    # -- approval -----------------------------------------------------------------------------

    def offer_approval(self, ask: ApprovalAsk) -> ApprovalDialog:
        """A refused act: "A manager must approve" — the dialog; on approval the worker
        runs the same act again."""
        self._ask = ask
        what = describe(ask.act, ask.facts)
        dialog = self._open_dialog(ask.asker.display_name, what, ask.amount_cents)
        dialog.pin_entered.connect(
            lambda who, pin: self.controller.request("approve", ask, what, who, pin)
        )
        dialog.open()
        return dialog

    def request_approval(
        self, right: Right, what: str, amount_cents: int | None
    ) -> Approval | None:
        """For screens that run their act themselves: the manager's approval, or None if
        cancelled. Waits in a local event loop (the worker checks the PIN meanwhile)."""
        self._approved = None
        dialog = self._open_dialog(self.actor_name, what, amount_cents)
        dialog.pin_entered.connect(
            lambda who, pin: self.controller.request(
                "approve_only", Right(right), what, amount_cents, who, pin
            )
        )
        dialog.exec()
        return self._approved

    def _open_dialog(self, asker: str, what: str, amount: int | None) -> ApprovalDialog:
        dialog = ApprovalDialog(asker, what, amount, self.staff, self.window)
        dialog.finished.connect(self._dialog_closed)
        self.approval_dialog = dialog
        return dialog

    def _approval_answered(self, code: str, message: str, params: dict, approval) -> None:
        if not code:
            self._approved = approval
        if self.approval_dialog is not None:
            self.approval_dialog.show_answer(code, message, params)

    def _dialog_closed(self) -> None:
        dialog, self.approval_dialog = self.approval_dialog, None
        self._ask = None
        if dialog is not None:
            dialog.deleteLater()
