"""A scanner on a serial port (RS-232 or a USB virtual COM port) read on its own thread.

Serial scanners send each code as a line (CR, LF or both), independent of any keyboard layout,
so no timing guesswork is needed. The port is opened and read on a background thread; a read
timeout lets ``stop()`` end it within a second. Both callbacks run ON THAT THREAD: a UI must
hop to its own thread (``pos.ui.serial_bridge`` does it with a queued signal).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable

import serial

log = logging.getLogger(__name__)

#: Bytes without a line end beyond this are noise (wrong baud rate, wrong device), not a code.
_MAX_LINE = 512
_LINE_END = re.compile(rb"[\r\n]")


class SerialScanner:
    """Read codes from ``port`` and call ``on_code(code)`` for each non-empty line.

    ``on_error(message)`` gets a sentence for the cashier when the port cannot be opened, when
    it disappears (cable pulled) or when what arrives is not ASCII; after the first two the
    reader has stopped and ``start()`` may be called again.
    """

    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        *,
        on_code: Callable[[str], None],
        on_error: Callable[[str], None],
        read_timeout: float = 0.1,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self._on_code = on_code
        self._on_error = on_error
        self._read_timeout = read_timeout
        self._stopping = threading.Event()
        self._opened = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Open the port and read it on a new thread; a no-op while already running."""
        if self.running:
            return
        self._stopping.clear()
        self._opened.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"serial-scanner-{self.port}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Ask the reader to finish and wait for it (at most ``timeout`` seconds)."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wait_open(self, timeout: float) -> bool:
        """Wait until the port is open and listening; False if it failed or took too long."""
        return self._opened.wait(timeout)

    def _run(self) -> None:
        try:
            port = serial.Serial(self.port, self.baudrate, timeout=self._read_timeout)
        except (serial.SerialException, OSError, ValueError) as exc:
            self._report(
                f"Cannot open the scanner port {self.port} ({exc}): "
                "check the cable and the port chosen in the settings."
            )
            return
        self._opened.set()  # opening discarded any bytes waiting: from here on nothing is lost
        try:
            self._read_lines(port)
        except (serial.SerialException, OSError) as exc:
            if not self._stopping.is_set():
                self._report(
                    f"The scanner on {self.port} stopped answering ({exc}): "
                    "check the cable, then reconnect the scanner in the settings."
                )
        finally:
            self._opened.clear()
            port.close()

    def _read_lines(self, port: serial.Serial) -> None:
        pending = b""
        while not self._stopping.is_set():
            chunk = port.read(port.in_waiting or 1)
            if not chunk:
                continue
            *lines, pending = _LINE_END.split(pending + chunk)
            for line in lines:
                self._deliver(line)
            if len(pending) > _MAX_LINE:
                self._report(_garbled(self.port))
                pending = b""

    def _deliver(self, line: bytes) -> None:
        try:
            code = line.decode("ascii").strip()
        except UnicodeDecodeError:
            self._report(_garbled(self.port))
            return
        if code:
            self._call(self._on_code, code)

    def _report(self, message: str) -> None:
        self._call(self._on_error, message)

    def _call(self, callback: Callable[[str], None], text: str) -> None:
        try:
            callback(text)
        except Exception:  # a faulty consumer must not kill the reader
            log.exception("serial scanner callback failed")


def _garbled(port: str) -> str:
    return (
        f"The scanner on {port} sent unreadable data: "
        "check its baud rate (usually 9600) and that it sends a line end after each code."
    )
