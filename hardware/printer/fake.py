"""A ``ReceiptPrinter`` for tests and demos: real ESC/POS bytes, failures on demand.

It renders with the same code as ``PrinterDevice`` into a python-escpos ``Dummy``, so a
test can read what would have been printed (``jobs``, ``last_text()``), and
``fail_next("paper_out")`` makes the next call fail the way the real device reports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hardware.printer.connections import (
    PrinterConfig,
    drawer_job,
    open_printer,
    receipt_job,
    slip_job,
    test_page_job,
)
from hardware.printer.encoding import RASTER, codec_for
from hardware.printer.ports import PrintResult, ResultCode
from hardware.printer.testpage import PageWords
from hardware.receipt.document import ReceiptDocument
from hardware.receipt.slip import SlipDocument

#: The failures the fake can simulate, with the flags the real device uses.
SIMULATED: dict[ResultCode, PrintResult] = {
    "offline": PrintResult.failure(
        "offline", "The printer is unreachable (simulated).", retryable=True
    ),
    "paper_out": PrintResult.failure(
        "paper_out", "The printer is out of paper (simulated).", retryable=True
    ),
    "cover_open": PrintResult.failure(
        "cover_open", "The printer cover is open (simulated).", retryable=True
    ),
    "timeout": PrintResult.failure(
        "timeout", "The printer did not respond in time (simulated).", retryable=True
    ),
    "error": PrintResult.failure("error", "Printing failed (simulated).", retryable=False),
}


class FakePrinter:
    """In-memory receipt printer; each successful job's bytes are appended to ``jobs``."""

    def __init__(self, config: PrinterConfig | None = None) -> None:
        self.config = config or PrinterConfig(kind="dummy")
        self.jobs: list[bytes] = []
        self.drawer_openings = 0
        self._failures: list[ResultCode] = []

    def fail_next(self, code: ResultCode, times: int = 1) -> None:
        """Make the next ``times`` calls fail with ``code`` ("paper_out", "offline"…)."""
        if code not in SIMULATED:
            raise ValueError(f"Cannot simulate {code!r}; choose from {', '.join(SIMULATED)}.")
        self._failures += [code] * times

    def print_receipt(self, doc: ReceiptDocument) -> PrintResult:
        return self._run(receipt_job(self.config, doc), "Receipt printed.")

    def print_slip(self, doc: SlipDocument) -> PrintResult:
        return self._run(slip_job(self.config, doc), "Slip printed.")

    def open_drawer(self) -> PrintResult:
        result = self._run(drawer_job(self.config), "Drawer opened.")
        self.drawer_openings += result.ok
        return result

    def print_test_page(self, words: PageWords | None = None) -> PrintResult:
        return self._run(test_page_job(self.config, words), "Test page printed.")

    def status(self) -> PrintResult:
        if self._failures:
            return SIMULATED[self._failures.pop(0)]
        return PrintResult.success("The printer is ready.")

    def close(self) -> None:
        """Nothing to release."""

    def last_text(self) -> str:
        """The last job decoded with the configured code page (control bytes included;
        a job printed as pictures has no text: decoded as Latin-1, bytes as they are)."""
        page = self.config.codepage
        codec = "latin-1" if page == RASTER else codec_for(page)
        return self.jobs[-1].decode(codec) if self.jobs else ""

    def _run(self, job: Callable[[Any], None], done: str) -> PrintResult:
        if self._failures:
            return SIMULATED[self._failures.pop(0)]
        printer = open_printer(replace(self.config, kind="dummy"))
        job(printer)
        self.jobs.append(printer.output)
        return PrintResult.success(done)
