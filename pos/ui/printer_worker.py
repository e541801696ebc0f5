"""The receipt printer and the cash drawer, owned by their own thread.

A network printer that is switched off takes seconds to time out: on this thread it
delays nothing but the next print. Every job answers with a ``PrintResult`` (the device
never raises), carrying what the screen shows and whether Retry makes sense.
"""

from __future__ import annotations

from collections.abc import Callable

from hardware.printer.ports import ReceiptPrinter
from hardware.receipt.document import ReceiptDocument
from hardware.receipt.slip import SlipDocument
from pos.ui.qt import QObject, Signal
from pos.ui.worker_thread import RequestWorker, WorkerThread


class PrinterWorker(RequestWorker):
    printed = Signal(object, object)  # ReceiptDocument, PrintResult
    slip_printed = Signal(object, object)  # SlipDocument, PrintResult
    drawer_opened = Signal(object)  # PrintResult
    test_printed = Signal(object)  # PrintResult

    def __init__(self, make_printer: Callable[[], ReceiptPrinter]) -> None:
        super().__init__()
        self._make_printer = make_printer
        self._printer: ReceiptPrinter | None = None

    @property
    def printer(self) -> ReceiptPrinter:
        if self._printer is None:
            self._printer = self._make_printer()  # escpos is imported here, off start-up
        return self._printer

    def _do_print(self, doc: ReceiptDocument) -> None:
        self.printed.emit(doc, self.printer.print_receipt(doc))

    def _do_print_slip(self, doc: SlipDocument) -> None:
        self.slip_printed.emit(doc, self.printer.print_slip(doc))

    def _do_drawer(self) -> None:
        self.drawer_opened.emit(self.printer.open_drawer())

    def _do_test_page(self) -> None:
        self.test_printed.emit(self.printer.print_test_page())

    def _do_close(self) -> None:
        if self._printer is not None:
            self._printer.close()


class PrinterThread(WorkerThread):
    worker: PrinterWorker

    def __init__(
        self, make_printer: Callable[[], ReceiptPrinter], parent: QObject | None = None
    ) -> None:
        super().__init__(PrinterWorker(make_printer), "printer-worker", parent)
