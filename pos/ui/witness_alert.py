"""When a manager signs in, central's unacknowledged chain warnings are put before them.

Reading and acknowledging go through ``WitnessAlerts`` off the GUI thread (``run_op``);
a cashier's sign-in shows nothing (the warnings wait for a manager).
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from pos.services.witness_alerts import WitnessAlerts
from pos.ui.ops import run_op
from pos.ui.qt import QObject, QWidget

if TYPE_CHECKING:
    from pos.domain.rights import Actor
    from pos.services.witness_alerts import ChainAlert
    from pos.ui.dialogs.witness_alert_dialog import WitnessAlertDialog
    from pos.ui.till_staff_worker import SignedIn

log = logging.getLogger("comptoir.ui.witness")


class WitnessAlertFlow(QObject):
    def __init__(self, alerts: WitnessAlerts, window: QWidget) -> None:
        super().__init__(window)
        self.alerts, self.window = alerts, window
        self.dialog: WitnessAlertDialog | None = None

    def signed_in(self, signed: SignedIn) -> None:
        if WitnessAlerts.concerns(signed.actor) and self.dialog is None:
            run_op(self.alerts.pending, partial(self._show, signed.actor), self._failed)

    def _show(self, actor: Actor, found: list[ChainAlert]) -> None:
        from pos.ui.dialogs.witness_alert_dialog import WitnessAlertDialog

        if not found or self.dialog is not None:
            return
        dialog = self.dialog = WitnessAlertDialog(found, self.window)
        dialog.acknowledged.connect(partial(self._acknowledge, actor, found))
        dialog.finished.connect(self._closed)
        dialog.open()

    def _acknowledge(self, actor: Actor, found: list[ChainAlert]) -> None:
        job = partial(self.alerts.acknowledge, found, actor)
        run_op(job, lambda _count: None, self._failed)

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _failed(self, exc: Exception) -> None:
        # The warnings stay unacknowledged: they come back at the next manager sign-in.
        log.warning("central's chain warnings could not be read or acknowledged: %s", exc)
