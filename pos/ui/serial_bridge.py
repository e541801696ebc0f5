"""Bring a serial (COM) scanner to the GUI thread as ``barcode_scanned(str)``.

``SerialScanner`` calls back on its reader thread; Qt widgets may only be touched on the GUI
thread. The bridge re-emits each code through a queued connection, so a serial scan reaches
the till through the same ``barcode_scanned(str)`` path as the keyboard-wedge filter.
"""

from __future__ import annotations

from collections.abc import Callable

from hardware.scanners import SerialScanner
from pos.ui.qt import QObject, Qt, Signal

ScannerFactory = Callable[..., SerialScanner]


class SerialBridge(QObject):
    """Owns one ``SerialScanner``; its signals are delivered on the bridge's (GUI) thread.

    Call ``stop()`` before the bridge is deleted: it joins the reader, so no emission can
    reach a destroyed object. ``error`` carries the scanner's sentence for the cashier.
    """

    barcode_scanned = Signal(str)
    error = Signal(str)
    _code_read = Signal(str)  # emitted on the reader thread, queued to this object's thread
    _error_read = Signal(str)

    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        parent: QObject | None = None,
        scanner_factory: ScannerFactory = SerialScanner,
    ) -> None:
        super().__init__(parent)
        queued = Qt.ConnectionType.QueuedConnection
        self._code_read.connect(self.barcode_scanned, queued)
        self._error_read.connect(self.error, queued)
        self.scanner = scanner_factory(
            port, baudrate, on_code=self._code_read.emit, on_error=self._error_read.emit
        )

    def start(self) -> None:
        self.scanner.start()

    def stop(self) -> None:
        self.scanner.stop()
