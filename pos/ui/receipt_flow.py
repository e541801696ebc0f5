"""After a sale: the drawer, the receipt offer, printing, preview, retry and duplicates.

It coordinates the till worker (which records every choice and builds the receipt from
the committed sale) and the printer thread (which prints); neither ever blocks the
screen, and a printer failure never touches the sale, which is already on disk.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardware.printer.ports import PrintResult
from hardware.receipt.document import ReceiptDocument
from pos.domain.sale import CompletedSale
from pos.services.receipts import paid_in_cash
from pos.ui.dialogs.receipt_preview import ReceiptPreviewDialog
from pos.ui.printer_worker import PrinterThread
from pos.ui.qt import QObject, QWidget, Signal
from pos.ui.till_controller import TillController
from pos.ui.widgets.receipt_offer import ReceiptOffer


@dataclass(frozen=True, slots=True)
class ReceiptPolicy:
    default: str = "ask"  # "ask", "print" or "none"
    drawer_on_cash: bool = True
    columns: int = 48
    codepage: str = "CP858"
    qr_native: bool = True  # the preview draws the code the printer would


class ReceiptFlow(QObject):
    message = Signal(str, str, bool)  # code, English text, is it an error
    printer_state = Signal(str)  # for the status bar
    preview_opened = Signal(object)  # ReceiptPreviewDialog
    print_finished = Signal(object)  # PrintResult, on the GUI thread

    def __init__(
        self,
        controller: TillController,
        printer: PrinterThread | None,
        offer: ReceiptOffer,
        policy: ReceiptPolicy,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._printer = printer
        self._offer = offer
        self._policy = policy
        self._parent = parent
        self._pending_sale: str | None = None
        self._failed: ReceiptDocument | None = None
        controller.worker.completed.connect(self.on_completed)
        controller.worker.receipt_ready.connect(self.on_receipt_ready)
        offer.chosen.connect(self.choose)
        offer.retry.connect(self.retry)
        self._connect_printer()

    @property
    def policy(self) -> ReceiptPolicy:
        return self._policy

    @property
    def printer(self) -> PrinterThread | None:
        return self._printer

    def set_printer(self, printer: PrinterThread | None, policy: ReceiptPolicy) -> None:
        """Saved settings: the next receipt goes to ``printer`` under ``policy``. A failed
        receipt waiting for Retry is retried on the new printer."""
        if self._printer is not None:
            self._printer.worker.printed.disconnect(self.on_printed)
            self._printer.worker.drawer_opened.disconnect(self.on_drawer)
        self._printer, self._policy = printer, policy
        self._connect_printer()
        self.printer_state.emit("none" if printer is None else "unknown")

    def _connect_printer(self) -> None:
        if self._printer is not None:
            self._printer.worker.printed.connect(self.on_printed)
            self._printer.worker.drawer_opened.connect(self.on_drawer)

    def on_completed(self, sale: CompletedSale) -> None:
        # A practice sale takes no real cash: the drawer stays shut (and unrecorded).
        if self._policy.drawer_on_cash and paid_in_cash(sale) and not sale.training:
            self.open_drawer("cash_sale", sale.sale_id)
        self._pending_sale = sale.sale_id
        if self._policy.default == "print":
            self.choose("print")
        elif self._policy.default == "none":
            self.choose("decline")
        else:
            self._offer.offer()

    def choose(self, choice: str) -> None:
        if self._pending_sale is None:
            return
        self._controller.request("receipt", self._pending_sale, choice)
        if choice != "preview":
            self._pending_sale = None
            self._offer.hide()

    def decline_pending(self) -> None:
        """The next customer's first scan: no receipt was asked for the last sale."""
        if self._pending_sale is not None:
            self.choose("decline")

    def on_receipt_ready(self, document: ReceiptDocument, mode: str) -> None:
        if mode == "print" and self._printer is not None:
            self._printer.request("print", document)
            return
        dialog = ReceiptPreviewDialog(
            document,
            columns=self._policy.columns,
            codepage=self._policy.codepage,
            qr_native=self._policy.qr_native,
            can_print=self._printer is not None and mode == "preview",
            parent=self._parent,
        )
        dialog.print_requested.connect(lambda: self.choose("print"))
        dialog.open()
        self.preview_opened.emit(dialog)

    def on_printed(self, document: ReceiptDocument, result: PrintResult) -> None:
        self.printer_state.emit(result.code)
        if result.ok:
            self._failed = None
            self._offer.hide()
            self.message.emit("printed", self.tr("Receipt printed."), False)
        else:
            self._failed = document
            if not document.training:  # a practice ticket has no sale to note it on
                self._controller.request("print_failed", document.sale_id, result.code)
            self._offer.offer_retry()
            self.message.emit(result.code, result.message, True)
        self.print_finished.emit(result)

    def retry(self) -> None:
        if self._failed is not None and self._printer is not None:
            self._printer.request("print", self._failed)

    def open_drawer(self, reason: str = "manual", sale_id: str = "") -> None:
        """Every opening is recorded; without a printer the drawer cannot be kicked."""
        self._controller.request("drawer", reason, sale_id)
        if self._printer is not None:
            self._printer.request("drawer")

    def on_drawer(self, result: PrintResult) -> None:
        self.printer_state.emit(result.code)
        if not result.ok:
            self._controller.request("printer_error", result.code, "drawer")
            self.message.emit(result.code, result.message, True)

    def reprint_last(self) -> None:
        self._controller.request("reprint_last")
