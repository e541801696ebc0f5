"""Turn whatever a printer transport raised into a ``PrintResult`` for the cashier.

Transports raise very different things: python-escpos wraps socket, serial and USB open
errors in ``DeviceNotFoundError`` (keeping the original as ``__context__``), writes raise
``OSError`` subclasses, pyserial and pyusb raise their own timeouts. The optional
backends are recognised by class name so that this module imports none of them.
"""

from __future__ import annotations

import logging

from hardware.printer.ports import PrintResult

log = logging.getLogger(__name__)

_TIMEOUT_CLASSES = {"SerialTimeoutException", "USBTimeoutError"}
_NO_USB_BACKEND = "NoBackendError"


class PrinterSetupError(Exception):
    """The printer cannot work with this installation; the message says what to do."""


def result_for(exc: BaseException, where: str) -> PrintResult:
    """The cashier-facing result for ``exc`` raised while talking to the printer at ``where``."""
    if isinstance(exc, PrinterSetupError):
        return PrintResult.failure("error", str(exc), retryable=False)
    cause = _root_cause(exc)
    if _is_timeout(cause):
        return PrintResult.failure(
            "timeout",
            f"The printer at {where} did not respond in time: check it, then retry.",
            retryable=True,
        )
    if type(cause).__name__ == _NO_USB_BACKEND:
        return PrintResult.failure(
            "error",
            "USB printing needs the libusb-1.0 system library: ask for it to be installed.",
            retryable=False,
        )
    if isinstance(cause, PermissionError):
        return PrintResult.failure(
            "error",
            f"No permission to use the printer at {where}: ask for access to it.",
            retryable=False,
        )
    if isinstance(cause, OSError) or type(exc).__name__ == "DeviceNotFoundError":
        return PrintResult.failure(
            "offline",
            f"The printer at {where} is unreachable: check that it is on and "
            "connected, then retry.",
            retryable=True,
        )
    log.error("Printer call failed at %s", where, exc_info=exc)
    return PrintResult.failure("error", f"Printing failed: {exc}", retryable=False)


def _root_cause(exc: BaseException) -> BaseException:
    """The innermost error; escpos re-raises open failures from inside ``except``."""
    seen = exc
    while (inner := seen.__cause__ or seen.__context__) is not None and inner is not seen:
        seen = inner
    return seen


def _is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or type(exc).__name__ in _TIMEOUT_CLASSES
