"""What the rest of the app may ask of a receipt printer, and what it gets back.

Devices return a ``PrintResult`` and never raise into the UI (the Odoo POS lesson): the
caller shows ``message`` and offers "retry" only when ``retryable``. Calls block for up to
the configured timeout, so they belong on the device worker thread, never the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from hardware.receipt.document import ReceiptDocument
from hardware.receipt.slip import SlipDocument

if TYPE_CHECKING:
    from hardware.printer.testpage import PageWords

ResultCode = Literal["ok", "offline", "paper_out", "cover_open", "timeout", "error"]


@dataclass(frozen=True, slots=True)
class PrintResult:
    """Outcome of one printer call; ``message`` is a sentence for the cashier (English)."""

    ok: bool
    retryable: bool
    message: str
    code: ResultCode

    @classmethod
    def success(cls, message: str = "Done.") -> PrintResult:
        return cls(ok=True, retryable=False, message=message, code="ok")

    @classmethod
    def failure(cls, code: ResultCode, message: str, *, retryable: bool) -> PrintResult:
        return cls(ok=False, retryable=retryable, message=message, code=code)


class ReceiptPrinter(Protocol):
    """A receipt printer with its cash drawer (the drawer is wired to the printer)."""

    def print_receipt(self, doc: ReceiptDocument) -> PrintResult:
        """Print one ticket and cut it."""
        ...

    def print_slip(self, doc: SlipDocument) -> PrintResult:
        """Print one desk slip (picking list, handover slip) and cut it."""
        ...

    def open_drawer(self) -> PrintResult:
        """Pulse the drawer kick pin configured for this printer."""
        ...

    def print_test_page(self, words: PageWords | None = None) -> PrintResult:
        """Print the code-page and width check page (settings screen), in ``words``."""
        ...

    def status(self) -> PrintResult:
        """Ask the printer whether it can print now (paper, cover, reachable)."""
        ...

    def close(self) -> None:
        """Release the connection; the next call reopens it."""
        ...
