"""The till worker's card requests: a card payment through the linked terminal (or the
amount alone without one), the cancel of its wait, and what a restart finds of an
exchange the till could not finish (see ``pos.services.card_terminal``).

Mixed into ``TillWorker``: the terminal is asked on the worker's thread, never the
GUI's; ``cancel_card`` is the one method called from the GUI thread (it only sets an
event the exchange watches).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from hardware.payment_terminal import TerminalConfig
from pos.domain.errors import PosError
from pos.domain.tenders import TenderKind
from pos.services.card_terminal import CardTerminal, card_terminal_for
from pos.services.checkout import Checkout
from pos.services.errors import StoreError
from pos.ui.qt import Signal

log = logging.getLogger(__name__)


class CardRequests:
    # ("interrupted" | "settled", TerminalExchange): told to the cashier at start/resume
    terminal_notice = Signal(str, object)

    checkout: Checkout
    _options: Any  # TillOptions
    _card: CardTerminal | None = None

    def _changed(self, last_line_id: int | None = None) -> None:  # TillWorker's
        raise NotImplementedError

    @property
    def terminal_linked(self) -> bool:
        """Read from the GUI thread too: the options are replaced whole, never mutated."""
        return self._options.payment_terminal.driver != "none"

    def _card_terminal(self) -> CardTerminal | None:
        if not self.terminal_linked:
            return None
        if self._card is None or self._card.checkout is not self.checkout:
            try:
                self._card = card_terminal_for(self.checkout, self._options.payment_terminal)
            except ValueError as exc:
                raise PosError(str(exc), code="terminal_unreachable") from None
        return self._card

    def cancel_card(self) -> None:
        """The cashier stops waiting for the card (GUI thread)."""
        card = self._card
        if card is not None:
            card.cancel.set()

    def _do_card_payment(self, amount_cents: int) -> None:
        card = self._card_terminal()
        if card is None:
            self.checkout.add_tender(TenderKind.CARD, amount_cents, "")
        else:
            card.pay(amount_cents)
        self._changed()

    def _do_set_payment_terminal(self, config: TerminalConfig) -> None:
        self._options = replace(self._options, payment_terminal=config)
        self._card = None

    def _card_at_start(self) -> None:
        """After ``Checkout.recover``: an exchange a kill cut short is told at once."""
        try:
            card = self._card_terminal()
            basket = self.checkout.recovery.basket
            found = card.interrupted(basket.sale_id if basket else None) if card else None
        except (PosError, StoreError):  # the till opens all the same
            log.warning("the payment terminal's last exchange could not be read", exc_info=True)
            return
        if found is not None:
            self.terminal_notice.emit("interrupted", found)

    def _card_after_resume(self) -> None:
        card = self._card_terminal()
        found = card.settle_after_resume() if card is not None else None
        if found is not None:
            self.terminal_notice.emit("settled", found)

    def _card_holds_approval(self) -> bool:
        card = self._card_terminal()
        basket = self.checkout.recovery.basket
        return card is not None and basket is not None and card.holds_approval_for(basket.sale_id)
