"""The till screen's customer acts: the "Client" key opens the customer dialog; a loyalty
card or the customer's app QR scanned attaches that customer, before or after the
articles; the customer row shows who the sale is for and detaches them.

Every request goes to the till worker (``till_customer_worker``); its answers come back
here and go to the dialog while it is open. Whether central is worth asking follows the
sync status, as for returns: offline, the search stays on this till's customers and
says so, without waiting for a server that does not answer.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from pos.domain.customer_card import CARD_PREFIX
from pos.ui.dialogs.customer_dialog import CustomerDialog
from pos.ui.messages import user_message
from pos.ui.qt import QObject
from pos.ui.screens.till.customer_row import CustomerRow

if TYPE_CHECKING:
    from pos.ui.screens.till_screen import TillScreen

#: Refusals the dialog shows in its own place (the sale's message line shows them too).
_CUSTOMER_CODES = frozenset(
    {"customer_invalid", "customer_exists", "customer_unknown", "customer_erased",
     "not_found", "unavailable"}
)  # fmt: skip


def is_customer_card(code: str) -> bool:
    """A loyalty card's barcode or the app's QR (``CMPT-CL:…``), in any case."""
    return code.strip()[: len(CARD_PREFIX)].upper() == CARD_PREFIX


class CustomerActs(QObject):
    def __init__(self, screen: TillScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.dialog: CustomerDialog | None = None
        self.online = False  # set from the till's link, then the sync status
        self.row = CustomerRow(screen)
        self.row.detach_requested.connect(self.detach)
        worker = screen.controller.worker
        worker.opened.connect(self._opened)
        worker.customer_shown.connect(self._customer_shown)
        worker.customers_found.connect(self._found)
        worker.customer_exists.connect(self._exists)
        worker.customer_created.connect(self._created)
        worker.customer_detail.connect(self._detail)
        worker.customer_consent_withdrawn.connect(self._detail)
        worker.customer_history_ready.connect(self._history)
        worker.customer_notice.connect(self._notice)
        worker.refused.connect(self._refused)

    def open(self) -> None:
        """The "Client" key: the customer dialog, searching at once what was typed."""
        request = self.screen.controller.request
        dialog = self.dialog = CustomerDialog(self.online, self.screen)
        dialog.find_requested.connect(partial(request, "customer_find"))
        dialog.attach_requested.connect(partial(request, "customer_attach"))
        dialog.attach_requested.connect(dialog.accept)  # a refusal shows on the sale
        dialog.create_requested.connect(partial(request, "customer_create"))
        dialog.use_existing.connect(partial(request, "customer_use_existing"))
        dialog.use_existing.connect(dialog.accept)
        dialog.history_requested.connect(partial(request, "customer_history"))
        dialog.withdraw_requested.connect(partial(request, "customer_withdraw_consent"))
        dialog.finished.connect(self._closed)
        typed = self.screen.scan_field.text().strip()
        if typed:
            self.screen.scan_field.clear()
            dialog.search_field.setText(typed)
            dialog.search_now()
        dialog.open()
        dialog.search_field.setFocus()

    def scanned(self, code: str) -> None:
        """A card or app QR: attached at once (the dialog, if open, closes)."""
        if self.dialog is not None:
            self.dialog.accept()
        self.screen.controller.request("customer_card", code)

    def detach(self) -> None:
        self.screen.controller.request("customer_detach")

    def sync_changed(self, status) -> None:
        """The sync engine's status: offline, the search stays on this till's customers."""
        self._set_online(self._linked and status.state != "offline")

    # -- what the worker says --------------------------------------------------------------

    _linked = False

    def _opened(self, summary) -> None:
        self._linked = summary.central is not None
        self._set_online(self._linked)

    def _set_online(self, online: bool) -> None:
        self.online = online
        if self.dialog is not None:
            self.dialog.set_online(online)

    def _customer_shown(self, customer) -> None:
        self.row.show_customer(customer)

    def _found(self, results) -> None:
        if self.dialog is not None:
            self.dialog.show_results(results)

    def _exists(self, exists) -> None:
        if self.dialog is not None:
            self.dialog.show_exists(exists)

    def _created(self, customer) -> None:
        """Created (and being attached): back to the sale."""
        if self.dialog is not None:
            self.dialog.accept()
        self.screen.show_info(lambda: self.tr("Customer %1 created.").replace("%1", customer.name))

    def _detail(self, customer) -> None:
        if self.dialog is not None:
            self.dialog.consent_withdrawn(customer)

    def _history(self, customer_id: str, history) -> None:
        if self.dialog is not None:
            self.dialog.show_history(customer_id, history)

    def _notice(self, code: str) -> None:
        self.screen.show_refusal(code, user_message(code, code))

    def _refused(self, code: str, message: str, params: dict | None = None) -> None:
        if self.dialog is not None and code in _CUSTOMER_CODES:
            self.dialog.form.say(user_message(code, message, params))
            self.dialog.note.setText(user_message(code, message, params))

    def _closed(self, _result: int) -> None:
        self.dialog = None
        self.screen.scan_field.setFocus()
