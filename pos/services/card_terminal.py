"""Card payments and card refunds through the payment terminal linked to the till.

The till asks the terminal only for a tender it will then accept (``check_tender``),
so an approved card is always recorded. Crash safety: before the terminal is asked,
the exchange is written to the store (``payment_terminal.pending``); the terminal's
approval is written there the moment it arrives, before the tender is added to the
basket (whose snapshot ``Checkout.recover`` reads after a kill). A till killed between
the approval and the tender finds the approval at the next start: resuming the open
basket adds the missing card tender (``settle_after_resume``); an exchange killed
before any answer is reported (``interrupted``) so the cashier checks the terminal.

Runs on the till's worker thread; ``cancel`` may be set from any thread.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass, replace

from hardware.payment_terminal import (
    PaymentTerminal,
    TerminalAnswer,
    TerminalConfig,
    TerminalError,
    open_terminal,
)
from pos.domain.errors import PosError
from pos.domain.tenders import TenderKind
from pos.services.checkout import Checkout, utc_now

PENDING_KEY = "payment_terminal.pending"


@dataclass(frozen=True, slots=True)
class TerminalExchange:
    """One exchange with the terminal as kept on disk until its tender is recorded."""

    sale_id: str
    operation: str  # "debit" or "credit"
    amount_cents: int  # > 0
    at: str
    approved: bool = False  # the terminal approved: the tender must follow
    reference: str = ""  # the card tender's reference (a debit's; a credit keeps the origin's)

    @property
    def tender_cents(self) -> int:
        return self.amount_cents if self.operation == "debit" else -self.amount_cents


class CardTerminal:
    def __init__(self, checkout: Checkout, terminal: PaymentTerminal) -> None:
        self.checkout = checkout
        self.terminal = terminal
        self.cancel = threading.Event()

    # -- paying and refunding ------------------------------------------------------------

    def pay(self, amount_cents: int) -> TerminalAnswer:
        """Debit ``amount_cents`` on the customer's card; approved, the card tender is
        added with the terminal's reference. Declined or failed: ``PosError``, nothing
        added."""
        self.checkout.check_tender(TenderKind.CARD, amount_cents)
        answer = self._exchange("debit", amount_cents)
        self.checkout.add_tender(TenderKind.CARD, amount_cents, answer.tender_reference)
        self._clear()
        return answer

    def refund(self, amount_cents: int, reference: str = "") -> TerminalAnswer:
        """Credit ``amount_cents`` (> 0) to the card; the caller adds the (negative) card
        tender, named ``reference`` (the original payment's), then calls ``recorded``."""
        return self._exchange("credit", amount_cents, reference)

    def recorded(self) -> None:
        """The tender of the last approved exchange is in the basket."""
        self._clear()

    def _exchange(self, operation: str, amount_cents: int, reference: str = "") -> TerminalAnswer:
        exchange = TerminalExchange(self.checkout.sale_id, operation, amount_cents, utc_now())
        self._write(exchange)
        try:
            answer = self.terminal.transact(operation, amount_cents, self.cancel)  # type: ignore[arg-type]
        except TerminalError as exc:
            self._clear()
            raise PosError(exc.message, code=f"terminal_{exc.code}") from None
        finally:
            self.cancel.clear()
        if not answer.approved:
            self._clear()
            raise PosError(
                f"The card was declined by the terminal (status {answer.status}).",
                code="card_declined",
                status=answer.status,
            )
        approved = replace(exchange, approved=True, reference=reference or answer.tender_reference)
        self._write(approved)  # before the tender: a kill now leaves it to the resume
        return answer

    # -- after a restart -----------------------------------------------------------------

    def pending(self) -> TerminalExchange | None:
        raw = self.checkout.store.setting(PENDING_KEY)
        if not raw:
            return None
        try:
            return TerminalExchange(**json.loads(raw))
        except (ValueError, TypeError):
            return None

    def holds_approval_for(self, sale_id: str) -> bool:
        found = self.pending()
        return found is not None and found.approved and found.sale_id == sale_id

    def settle_after_resume(self) -> TerminalExchange | None:
        """The open basket was resumed: a card the terminal approved but the till never
        recorded joins it now. Returns that exchange, or None."""
        found = self.pending()
        if found is None or not found.approved or found.sale_id != self.checkout.sale_id:
            return None
        tender = (TenderKind.CARD.value, found.tender_cents, found.reference)
        taken = [(t.kind, t.amount_cents, t.reference) for t in self.checkout.payment.tenders]
        if tender not in taken:
            self.checkout.add_tender(*tender)
        self._clear()
        return found

    def interrupted(self, open_sale_id: str | None) -> TerminalExchange | None:
        """At start: an exchange cut before the terminal answered (the till was killed),
        or approved for a sale no longer open: the cashier must look at the terminal.
        Forgotten once reported; an approval for ``open_sale_id`` waits for the resume."""
        found = self.pending()
        if found is None or (found.approved and found.sale_id == open_sale_id):
            return None
        self._clear()
        return found

    def _write(self, exchange: TerminalExchange) -> None:
        self.checkout.store.set_setting(PENDING_KEY, json.dumps(asdict(exchange)))

    def _clear(self) -> None:
        self.checkout.store.set_setting(PENDING_KEY, "")


def card_terminal_for(checkout: Checkout, config: TerminalConfig) -> CardTerminal | None:
    """The card path ``config`` names: None for "none" (the card is keyed on a
    standalone terminal and only its amount recorded)."""
    terminal = open_terminal(config)
    return CardTerminal(checkout, terminal) if terminal is not None else None
