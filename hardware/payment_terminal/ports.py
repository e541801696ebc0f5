"""What a payment terminal (TPE) answers the till, and how it fails.

A declined card is an answer (``approved`` false), not an error: the customer may try
another card. A terminal that cannot be reached, does not answer in time, or answers
something the till cannot read is a ``TerminalError`` with a stable ``code``, so the
till says what happened in the cashier's language and adds nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, Protocol

Operation = Literal["debit", "credit"]


class TerminalErrorCode(StrEnum):
    UNREACHABLE = "unreachable"  # no connection (address wrong, terminal off)
    NOT_READY = "not_ready"  # connected, but it refused or ignored our enquiry
    TIMEOUT = "timeout"  # no answer within the overall time (no card presented)
    GARBLED = "garbled"  # an answer that is not a Concert frame of a known length
    BAD_LRC = "bad_lrc"  # frames whose checksum stayed wrong after every retry
    CLOSED = "closed"  # the connection dropped mid-exchange
    MISMATCH = "mismatch"  # approved, but for another amount or currency
    CANCELLED = "cancelled"  # the cashier stopped waiting


class TerminalError(Exception):
    """The exchange with the terminal failed; ``str()`` is an English sentence."""

    def __init__(self, code: TerminalErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class TerminalAnswer:
    """The terminal's verdict on one debit or credit, amounts in cents.

    ``reference`` is what the terminal gave to name the transaction (its private
    field); ``masked_pan`` is at most the card's last four digits ("****1234"): the
    till never keeps a full card number.
    """

    approved: bool
    operation: Operation
    amount_cents: int
    status: str  # the terminal's status character: "0" approved, "7" declined…
    reference: str = ""
    masked_pan: str = ""

    @property
    def tender_reference(self) -> str:
        """What the card tender records, so a refund can name this payment."""
        return " ".join(part for part in (self.reference, self.masked_pan) if part)


class PaymentTerminal(Protocol):
    """A terminal driven by the till. Calls block (on a worker thread, never the GUI's)
    for at most the configured overall timeout; ``cancel`` set by another thread stops
    the wait within a fraction of a second."""

    def transact(
        self, operation: Operation, amount_cents: int, cancel: threading.Event | None = None
    ) -> TerminalAnswer: ...
