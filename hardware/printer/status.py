"""Real-time status (``DLE EOT n``) of an ESC/POS printer, read with a timeout.

python-escpos's ``paper_status()`` reports "paper OK" when the printer answers nothing
(an empty read) and raises a bare ``TimeoutError`` on a socket that never answers; neither
is "ready". So the status is queried here with ``query_status`` and each byte parsed:

- ``DLE EOT 2`` (offline cause): bit 2 (0x04) cover open, bit 5 (0x20) stopped on paper end.
- ``DLE EOT 4`` (roll paper sensor): bits 5-6 (0x60) paper end, bits 2-3 (0x0C) near end.

Every answer byte has bit 4 set and bit 7 clear (0x12 fixed bits); anything else is noise.
"""

from __future__ import annotations

from typing import Any

from hardware.printer.ports import PrintResult

OFFLINE_CAUSE = b"\x10\x04\x02"
PAPER_SENSOR = b"\x10\x04\x04"

_COVER_OPEN = 0x04
_STOPPED_PAPER_END = 0x20
_PAPER_END = 0x60
_PAPER_NEAR_END = 0x0C


def is_status_byte(value: int) -> bool:
    """ESC/POS status bytes have bit 4 set and bits 0 and 7 clear."""
    return value & 0x93 == 0x12


def read_status(printer: Any) -> PrintResult:
    """Ask the cover and paper state; raises the transport's errors (mapped by the caller)."""
    cause = _query(printer, OFFLINE_CAUSE)
    if isinstance(cause, PrintResult):
        return cause
    if cause & _COVER_OPEN:
        return PrintResult.failure(
            "cover_open", "The printer cover is open: close it, then try again.", retryable=True
        )
    paper = _query(printer, PAPER_SENSOR)
    if isinstance(paper, PrintResult):
        return paper
    return paper_result(paper | (_PAPER_END if cause & _STOPPED_PAPER_END else 0))


def paper_result(sensor: int) -> PrintResult:
    """Result for a ``DLE EOT 4`` answer byte."""
    if sensor & _PAPER_END:
        return PrintResult.failure(
            "paper_out",
            "The printer is out of paper: load a new roll, then try again.",
            retryable=True,
        )
    if sensor & _PAPER_NEAR_END:
        return PrintResult.success("The paper roll is nearly finished: keep a new one ready.")
    return PrintResult.success("The printer is ready.")


def _query(printer: Any, request: bytes) -> int | PrintResult:
    """The answer byte, or a result when the printer answers nothing usable."""
    answer = printer.query_status(request)
    if not answer:
        return PrintResult.failure(
            "offline",
            "The printer did not answer: check that it is on and connected.",
            retryable=True,
        )
    value = answer[-1]
    if not is_status_byte(value):
        return PrintResult.failure(
            "error", f"The printer sent an unexpected status (0x{value:02X}).", retryable=True
        )
    return value
