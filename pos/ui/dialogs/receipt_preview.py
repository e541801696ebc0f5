"""The receipt on screen, laid out by the same code that prints it, drawn as paper.

A store without a printer works from this preview; a store with one checks a ticket
before printing it again. The text is the printer's layout for the configured width, with
the code page's fallbacks applied, and the codes are drawn as the printer draws them (a
QR code, or the Code 128 that fits the paper): what is shown is what paper would show,
down to a code a phone or the returns desk's scanner can read off the screen.

The paper is drawn one screen pixel per printer dot (512 dots on 80 mm, 384 on 58 mm),
the monospace font sized so that the line's columns fill that width.
"""

from __future__ import annotations

from hardware.printer.encoding import fold_text
from hardware.receipt.blocks import Text
from hardware.receipt.code_drawing import BAR_HEIGHT_DOTS, CodeDrawing, PaperRow, paper_rows
from hardware.receipt.document import ReceiptDocument
from hardware.receipt.layout import layout
from hardware.receipt.sale_code import PAPER_DOTS
from hardware.receipt.slip import SlipDocument, layout_slip
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QColor,
    QDialog,
    QFont,
    QFontMetrics,
    QHBoxLayout,
    QPainter,
    QPushButton,
    QRect,
    QScrollArea,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

#: White paper around the printed area, in pixels (the printer's own margins).
MARGIN = 16
#: Blank space above and under a code, as the printer feeds it.
CODE_GAP = 8


class PaperView(QWidget):
    """Paper drawn on screen: monospace lines, and each code as its dark modules."""

    def __init__(self, rows: list[PaperRow], columns: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows = rows
        self.dots = PAPER_DOTS.get(columns, max(PAPER_DOTS.values()))
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPixelSize(24)
        while font.pixelSize() > 6 and QFontMetrics(font).horizontalAdvance("M") * columns > (
            self.dots
        ):
            font.setPixelSize(font.pixelSize() - 1)
        self.setFont(font)
        self.line_height = QFontMetrics(font).lineSpacing()
        self.setMinimumSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        height = sum(self._row_height(row) for row in self.rows)
        return QSize(self.dots + 2 * MARGIN, height + 2 * MARGIN)

    def toPlainText(self) -> str:
        """The paper as text (tests, logs): a code as a marker of what it reads."""
        return "\n".join(_row_text(row) for row in self.rows)

    def _row_height(self, row: PaperRow) -> int:
        if isinstance(row, str):
            return self.line_height
        if isinstance(row, Text):
            return self.line_height * (2 if row.double_height else 1)
        if row.is_qr:
            return len(row.modules) * row.module_dots + 2 * CODE_GAP
        return BAR_HEIGHT_DOTS + 2 * CODE_GAP

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QColor("#111111"))
        ascent = QFontMetrics(self.font()).ascent()
        top = MARGIN
        for row in self.rows:
            if isinstance(row, str):
                painter.drawText(MARGIN, top + ascent, row)
            elif isinstance(row, Text):
                self._draw_text(painter, row, top + ascent)
            else:
                self._draw_code(painter, row, top + CODE_GAP)
            top += self._row_height(row)
        painter.end()

    def _draw_text(self, painter: QPainter, text: Text, baseline: int) -> None:
        """Bold, double height or width as printed: the glyphs scaled, not the font."""
        painter.save()
        font = QFont(self.font())
        font.setBold(text.bold)
        painter.setFont(font)
        tall = 2 if text.double_height else 1
        painter.translate(MARGIN, baseline + (self.line_height if tall == 2 else 0))
        painter.scale(2 if text.double_width else 1, tall)
        painter.drawText(0, 0, text.text)
        painter.restore()

    def _draw_code(self, painter: QPainter, code: CodeDrawing, top: int) -> None:
        size = code.module_dots
        width = len(code.modules[0]) * size
        left = MARGIN + (self.dots - width) // 2  # centred, as printed
        height = size if code.is_qr else BAR_HEIGHT_DOTS
        black = QColor("#000000")
        for y, modules in enumerate(code.modules):
            for x, dark in enumerate(modules):
                if dark:
                    painter.fillRect(QRect(left + x * size, top + y * size, size, height), black)


def _row_text(row: PaperRow) -> str:
    if isinstance(row, CodeDrawing):
        return f"[code: {row.text}]"
    return row.text if isinstance(row, Text) else row


class PaperPreviewDialog(Retranslating, QDialog):
    """Paper on screen: a receipt, a picking list or a handover slip, as laid out.

    ``text`` is the paper as lines; ``rows`` (a receipt's) also carry its codes."""

    print_requested = Signal()

    def __init__(
        self,
        title: str,
        text: str,
        *,
        columns: int = 48,
        can_print: bool = True,
        parent: QWidget | None = None,
        rows: list[PaperRow] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paperPreview")
        self.setWindowTitle(title)
        self.text = PaperView(rows if rows is not None else text.splitlines(), columns, self)
        self.text.setObjectName("receiptText")
        scroll = self.scroll = QScrollArea(self)
        scroll.setWidget(self.text)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
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
        layout_box.addWidget(scroll)
        layout_box.addLayout(buttons)
        scrollbar = scroll.verticalScrollBar().sizeHint().width()
        self.resize(self.text.sizeHint().width() + scrollbar + 40, 720)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The buttons; the paper itself is in the store's language, as printed."""
        self.close_button.setText(self.tr("Close"))
        if self.print_button is not None:
            self.print_button.setText(self.tr("Print"))


class ReceiptPreviewDialog(PaperPreviewDialog):
    """A ticket on screen; ``qr_native`` as the printer's setting: its QR code, else the
    Code 128 that fits the paper."""

    def __init__(
        self,
        document: ReceiptDocument,
        *,
        columns: int = 48,
        codepage: str = "CP858",
        qr_native: bool = True,
        can_print: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        items = layout(document, columns, fold=lambda text: fold_text(text, codepage))
        rows = paper_rows(items, columns=columns, qr_native=qr_native)
        title = self.tr("Receipt %1").replace("%1", str(document.ticket_no))
        super().__init__(title, "", columns=columns, can_print=can_print, parent=parent, rows=rows)
        self.setObjectName("receiptPreview")
        self.document = document
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if hasattr(self, "document"):  # not yet while the base class builds
            self.setWindowTitle(self.tr("Receipt %1").replace("%1", str(self.document.ticket_no)))


def slip_preview(
    doc: SlipDocument,
    *,
    columns: int,
    codepage: str,
    qr_native: bool = True,
    parent: QWidget | None = None,
) -> PaperPreviewDialog:
    """A desk slip on screen (no printer): its text and its code, as paper shows them."""
    items = layout_slip(doc, columns, fold=lambda text: fold_text(text, codepage))
    rows = paper_rows(items, columns=columns, qr_native=qr_native)
    return PaperPreviewDialog(
        doc.title, "", columns=columns, can_print=False, parent=parent, rows=rows
    )
