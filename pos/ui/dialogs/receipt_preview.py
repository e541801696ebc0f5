"""The receipt on screen, laid out by the same code that prints it.

A store without a printer works from this preview; a store with one checks a ticket
before printing it again. The text is the printer's layout for the configured width, with
the code page's fallbacks applied, so what is shown is what paper would show.
"""

from __future__ import annotations

from hardware.printer.encoding import fold_text
from hardware.receipt.document import ReceiptDocument
from hardware.receipt.layout import layout, plain_text
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QDialog,
    QFont,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)


class PaperPreviewDialog(Retranslating, QDialog):
    """Paper on screen: a receipt, a picking list or a handover slip, as laid out."""

    print_requested = Signal()

    def __init__(
        self,
        title: str,
        text: str,
        *,
        columns: int = 48,
        can_print: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paperPreview")
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(text, self)
        self.text.setObjectName("receiptText")
        self.text.setReadOnly(True)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(font)
        self.print_button: QPushButton | None = None
        close = self.close_button = QPushButton(self)
        close.setMinimumHeight(48)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        if can_print:
            print_button = self.print_button = QPushButton(self)
            print_button.setObjectName("printButton")
            print_button.setMinimumHeight(48)
            print_button.clicked.connect(self.print_requested)
            print_button.clicked.connect(self.accept)
            buttons.addWidget(print_button)
        layout_box = QVBoxLayout(self)
        layout_box.addWidget(self.text)
        layout_box.addLayout(buttons)
        width = self.text.fontMetrics().horizontalAdvance("M" * (columns + 4))
        self.resize(width + 40, 720)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The buttons; the paper itself is in the store's language, as printed."""
        self.close_button.setText(self.tr("Close"))
        if self.print_button is not None:
            self.print_button.setText(self.tr("Print"))


class ReceiptPreviewDialog(PaperPreviewDialog):
    def __init__(
        self,
        document: ReceiptDocument,
        *,
        columns: int = 48,
        codepage: str = "CP858",
        can_print: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        items = layout(document, columns, fold=lambda text: fold_text(text, codepage))
        title = self.tr("Receipt %1").replace("%1", str(document.ticket_no))
        super().__init__(
            title, plain_text(items), columns=columns, can_print=can_print, parent=parent
        )
        self.setObjectName("receiptPreview")
        self.document = document
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if hasattr(self, "document"):  # not yet while the base class builds
            self.setWindowTitle(self.tr("Receipt %1").replace("%1", str(self.document.ticket_no)))
