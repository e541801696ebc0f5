"""The till screen's return acts: F1 opens the return dialog; its requests go to the
till worker, whose answers (the original ticket, a refusal) come back to it. When the
ticket's total is below zero, Pay (F12) asks the worker for its refund proposal and shows
the refund choice; "Refund" gives the money back and completes the ticket on the worker,
and the receipt follows the till's usual receipt flow."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from pos.services.return_lookup import names_a_sale
from pos.ui.dialogs.card_wait_dialog import CardWaitDialog
from pos.ui.dialogs.refund_dialog import RefundDialog
from pos.ui.dialogs.return_dialog import ReturnDialog
from pos.ui.messages import user_message
from pos.ui.qt import QObject

if TYPE_CHECKING:
    from pos.ui.screens.till_screen import TillScreen


class ReturnActs(QObject):
    def __init__(self, screen: TillScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.dialog: ReturnDialog | None = None
        self.refund_dialog: RefundDialog | None = None
        self.card_wait: CardWaitDialog | None = None  # a refund to the linked terminal
        worker = screen.controller.worker
        worker.origin_found.connect(self._origin_found)
        worker.origins_listed.connect(self._origins_listed)
        worker.refund_proposed.connect(self._refund_proposed)
        worker.articles_found.connect(self._articles_found)
        worker.refused.connect(self._refused)
        worker.opened.connect(self._opened)
        worker.receipt_scanned.connect(self._receipt_scanned)
        self.scope = ""  # "unlinked", "offline" or "" (see ReturnDialog.show_scope)

    def open(self) -> None:
        """F1: the return dialog (a scanned receipt code lands in its field)."""
        request = self.screen.controller.request
        dialog = self.dialog = ReturnDialog(self.screen)
        dialog.find_requested.connect(partial(request, "return_find"))
        dialog.search_requested.connect(partial(request, "return_search"))
        dialog.origin_chosen.connect(partial(request, "return_choose"))
        dialog.lines_chosen.connect(partial(request, "return_lines"))
        dialog.articles_requested.connect(partial(request, "return_articles"))
        dialog.article_chosen.connect(partial(request, "return_without_receipt"))
        dialog.finished.connect(self._closed)
        dialog.show_scope(self.scope)
        dialog.open()
        dialog.code_field.setFocus()

    def route(self, code: str) -> None:
        """A scanned code: into the open return dialog; a receipt's QR on an empty basket
        opens the return of that sale; anything else goes to the sale, whose worker sends
        a 58 mm receipt's ticket code back (``receipt_scanned``) once no article and no
        coupon has it."""
        view = self.screen.view
        empty = view is None or not any(not line.voided for line in view.lines)
        if self.dialog is None and empty and names_a_sale(code):
            self.open()
        if self.dialog is None:
            self.screen.scan(code)
            return
        self.dialog.scan(code)

    def refunding(self) -> bool:
        """The ticket gives money back: Pay is the refund choice."""
        view = self.screen.view
        return view is not None and view.total_cents - view.paid_cents < 0

    def pay(self) -> None:
        self.screen.controller.request("propose_refund")

    def sync_changed(self, status) -> None:
        """The sync engine's status: offline, only this till's sales can be returned."""
        if self.scope != "unlinked":
            self._set_scope("offline" if status.state == "offline" else "")

    def _receipt_scanned(self, code: str) -> None:
        """A receipt's ticket code the sale could not take: its return, opened."""
        if self.dialog is None:
            self.open()
        assert self.dialog is not None
        self.dialog.scan(code)

    def _opened(self, summary) -> None:
        self._set_scope("unlinked" if summary.central is None else "")

    def _set_scope(self, scope: str) -> None:
        self.scope = scope
        if self.dialog is not None:
            self.dialog.show_scope(scope)

    def _closed(self, _result: int) -> None:
        self.dialog = None
        self.screen.scan_field.setFocus()

    def _origin_found(self, origin) -> None:
        if self.dialog is not None:
            self.dialog.show_origin(origin)

    def _origins_listed(self, origins) -> None:
        if self.dialog is not None:
            self.dialog.show_found(origins)

    def _articles_found(self, text: str, articles) -> None:
        if self.dialog is not None:
            self.dialog.no_receipt.show_articles(text, articles)

    def _refused(self, code: str, message: str, params: dict | None = None) -> None:
        if code == "offline_unknown_sale" and self.scope != "unlinked":
            self._set_scope("offline")  # the call itself found central away
        if self.dialog is not None:
            self.dialog.show_refusal(user_message(code, message, params))

    def _refund_proposed(self, proposal) -> None:
        dialog = self.refund_dialog = RefundDialog(proposal, self.screen)
        dialog.refund_chosen.connect(self._wait_for_card_refund)
        dialog.refund_chosen.connect(partial(self.screen.controller.request, "refund_and_complete"))
        dialog.open()

    def _wait_for_card_refund(self, tenders) -> None:
        """A refund to the card goes through the linked terminal: the same wait dialog."""
        card = -sum(t.amount_cents for t in tenders if t.kind == "card")
        if card and self.screen.controller.worker.terminal_linked:
            self.card_wait = CardWaitDialog(self.screen, card, refund=True)
            self.card_wait.open()
