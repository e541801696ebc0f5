"""Printer settings, building the python-escpos object, and the device that never raises.

``open_printer`` imports python-escpos lazily: the import parses a printer database
(~0.5 s unless ``ESCPOS_CAPABILITIES_PICKLE_DIR`` points at a cache, which we set) and
calls ``logging.basicConfig()``, which we neutralise so it cannot hijack the app's logs.
Every transport gets an explicit timeout (the library's network default is 60 s, USB
and serial writes have none).

``PrinterDevice`` is meant to be owned by the device worker thread; its lock only guards
against accidental concurrent use.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from hardware.printer import escpos_receipt
from hardware.printer.encoding import RASTER, is_known_page
from hardware.printer.failures import PrinterSetupError, result_for
from hardware.printer.ports import PrintResult
from hardware.printer.status import read_status
from hardware.printer.testpage import PageWords, print_test_page
from hardware.receipt.document import ReceiptDocument
from hardware.receipt.layout import SUPPORTED_COLUMNS
from hardware.receipt.slip import SlipDocument

PrinterKind = Literal["network", "usb", "serial", "file", "dummy"]

#: Kinds whose connection is kept between jobs: opening USB resets the printer, and a
#: serial port is ours alone. Network and file connections are opened per job, so a
#: rebooted printer or another till sharing it is never stuck behind a stale socket.
_KEPT_OPEN: frozenset[str] = frozenset({"usb", "serial", "dummy"})


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    """One receipt printer as configured in the till settings.

    ``check_status`` asks paper and cover state before each receipt; enable it only for
    printers that answer ``DLE EOT`` (Epson TM series do), or every job waits for the
    timeout and fails.
    """

    kind: PrinterKind = "dummy"
    host: str = ""
    port: int = 9100
    timeout_s: float = 5.0
    usb_vendor_id: int = 0
    usb_product_id: int = 0
    serial_device: str = ""
    baudrate: int = 9600
    file_path: str = ""
    profile: str = "TM-T88V"
    codepage: str = "CP1252"  # the TM-T88V's best page for French: €, œ, « », ’ …
    columns: int = 48
    drawer_pin: int = 2
    qr_native: bool = True
    check_status: bool = False

    def __post_init__(self) -> None:
        if not is_known_page(self.codepage):
            raise ValueError(
                f"Code page {self.codepage!r} cannot be printed: choose a code page of the "
                f"printer model, or {RASTER} to print the text as a picture."
            )
        if self.columns not in SUPPORTED_COLUMNS:
            raise ValueError(f"Receipts have 48 or 32 columns, not {self.columns}.")
        if self.drawer_pin not in escpos_receipt.DRAWER_PINS:
            raise ValueError(f"The cash drawer pin must be 2 or 5, not {self.drawer_pin}.")
        if self.timeout_s <= 0:
            raise ValueError("The printer timeout must be positive.")

    def where(self) -> str:
        """Where the printer is, for messages: "192.168.1.50:9100", "/dev/ttyS0"…"""
        places = {
            "network": f"{self.host}:{self.port}",
            "usb": f"USB {self.usb_vendor_id:04x}:{self.usb_product_id:04x}",
            "serial": self.serial_device,
            "file": self.file_path,
            "dummy": "dummy",
        }
        return places[self.kind]


def open_printer(config: PrinterConfig) -> Any:
    """Build (not connect) the python-escpos printer for ``config``."""
    printers = _import_escpos()
    _check_profile(config.profile)
    timeout = config.timeout_s
    common = {"profile": config.profile}
    if config.kind == "network":
        return printers.Network(config.host, port=config.port, timeout=timeout, **common)
    if config.kind == "usb":
        if not printers.Usb.is_usable():
            raise PrinterSetupError(
                "USB printing needs the pyusb package (python-escpos[usb]): ask for it to be "
                "installed, or connect the printer by network."
            )
        timeout_ms = int(timeout * 1000)  # pyusb counts milliseconds
        return printers.Usb(
            config.usb_vendor_id, config.usb_product_id, timeout=timeout_ms, **common
        )
    if config.kind == "serial":
        return printers.Serial(
            config.serial_device, baudrate=config.baudrate, timeout=timeout, **common
        )
    if config.kind == "file":
        return _appending_file(printers)(config.file_path, **common)
    return printers.Dummy(**common)


def _appending_file(printers: Any) -> type:
    """python-escpos's ``File`` opens with "wb": each job would wipe the one before (the
    drawer kick, then the receipt). Appending suits a plain file and a device node alike."""

    class AppendingFile(printers.File):  # type: ignore[misc,name-defined]
        def open(self, raise_not_found: bool = True) -> None:
            if self._device:
                self.close()
            try:
                self.device = open(self.devfile, "ab")  # noqa: SIM115 (closed by close())
            except OSError as exc:
                self.device = None
                exceptions = sys.modules["escpos.exceptions"]
                raise exceptions.DeviceNotFoundError(
                    f"Could not open the specified file {self.devfile}:\n{exc}"
                ) from exc

    return AppendingFile


def _check_profile(profile: str) -> None:
    """An unknown profile name is a settings mistake, said in words (escpos: ``KeyError``)."""
    capabilities = sys.modules["escpos.capabilities"].CAPABILITIES
    if profile not in capabilities["profiles"]:
        raise PrinterSetupError(
            f"Unknown printer model {profile!r}: choose the model (e.g. TM-T88V) in the "
            "printer settings."
        )


def _import_escpos() -> Any:
    """``escpos.printer``, imported on first use with a capabilities cache and quiet logging."""
    if "escpos.printer" not in sys.modules:
        cache = Path(os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", _cache_dir()))
        cache.mkdir(parents=True, exist_ok=True)
        root = logging.getLogger()
        guard = None if root.handlers else logging.NullHandler()
        if guard:
            root.addHandler(guard)  # makes escpos's logging.basicConfig() a no-op
        try:
            importlib.import_module("escpos.printer")
        finally:
            if guard:
                root.removeHandler(guard)
    return sys.modules["escpos.printer"]


def _cache_dir() -> str:
    import platformdirs

    return str(Path(platformdirs.user_cache_dir("comptoir")) / "escpos")


Job = Callable[[Any], None]


def receipt_job(config: PrinterConfig, doc: ReceiptDocument) -> Job:
    """What printing ``doc`` does to an open escpos printer, per this configuration."""
    return lambda printer: escpos_receipt.print_receipt(
        printer,
        doc,
        columns=config.columns,
        codepage=config.codepage,
        qr_native=config.qr_native,
    )


def slip_job(config: PrinterConfig, doc: SlipDocument) -> Job:
    """What printing the desk slip ``doc`` does: same width, code page and code as receipts."""
    return lambda printer: escpos_receipt.print_slip(
        printer,
        doc,
        columns=config.columns,
        codepage=config.codepage,
        qr_native=config.qr_native,
    )


def drawer_job(config: PrinterConfig) -> Job:
    return lambda printer: escpos_receipt.open_drawer(printer, config.drawer_pin)


def test_page_job(config: PrinterConfig, words: PageWords | None = None) -> Job:
    return lambda printer: print_test_page(printer, config.columns, config.codepage, words)


class PrinterDevice:
    """A ``ReceiptPrinter`` over python-escpos: every call returns a ``PrintResult``."""

    def __init__(
        self, config: PrinterConfig, *, factory: Callable[[PrinterConfig], Any] = open_printer
    ) -> None:
        self._config = config
        self._factory = factory
        self._printer: Any = None
        self._lock = threading.Lock()

    def print_receipt(self, doc: ReceiptDocument) -> PrintResult:
        job = receipt_job(self._config, doc)
        return self._run(job, "Receipt printed.", check_first=self._config.check_status)

    def print_slip(self, doc: SlipDocument) -> PrintResult:
        job = slip_job(self._config, doc)
        return self._run(job, "Slip printed.", check_first=self._config.check_status)

    def open_drawer(self) -> PrintResult:
        return self._run(drawer_job(self._config), "Drawer opened.")

    def print_test_page(self, words: PageWords | None = None) -> PrintResult:
        return self._run(test_page_job(self._config, words), "Test page printed.")

    def status(self) -> PrintResult:
        return self._run(_status_or_unknown, "The printer is ready.")

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _run(
        self, job: Callable[[Any], object], done: str, *, check_first: bool = False
    ) -> PrintResult:
        with self._lock:
            try:
                printer = self._connect()
                if check_first and not (ready := _status_or_unknown(printer)).ok:
                    return ready
                outcome = job(printer)
                return outcome if isinstance(outcome, PrintResult) else PrintResult.success(done)
            except Exception as exc:
                self._drop()
                return result_for(exc, self._config.where())
            finally:
                if self._config.kind not in _KEPT_OPEN:
                    self._drop()

    def _connect(self) -> Any:
        if self._printer is None:
            printer = self._factory(self._config)
            printer.open()
            if self._config.kind == "serial":
                printer.device.write_timeout = self._config.timeout_s  # pyserial: none
            self._printer = printer
        return self._printer

    def _drop(self) -> None:
        printer, self._printer = self._printer, None
        if printer is None:
            return
        try:
            printer.close()
        except Exception:  # a dead connection may fail to close; it is gone either way
            logging.getLogger(__name__).debug("Closing the printer failed", exc_info=True)


def _status_or_unknown(printer: Any) -> PrintResult:
    """``read_status``, or "ready" for transports that cannot read (file, dummy)."""
    try:
        return read_status(printer)
    except NotImplementedError:
        return PrintResult.success("This connection cannot report the printer's status.")
