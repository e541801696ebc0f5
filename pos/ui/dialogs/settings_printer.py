"""The settings dialog's printer tab: the model picker, its code pages, the test page.

Models come from python-escpos's printer database (``hardware.printer.models``). Picking
a model offers only the code pages that model has, each saying which characters it
lacks, plus printing as an image; the best page for French is chosen when the current
one is not offered. A line under them tells what the model can do (QR code, cutter,
columns), and why a model without a French page prints pictures.
"""

from __future__ import annotations

from collections.abc import Callable

from hardware.printer.encoding import RASTER, REQUIRED, fold_text, missing_characters
from hardware.printer.models import GENERIC, PrinterModel, printer_model, printer_models
from hardware.printer.testpage import PageWords, page_lines
from hardware.receipt.blocks import Text
from pos.config.model import BAUDRATES, PRINTER_KINDS
from pos.ui.dialogs.settings_fields import choice_box
from pos.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFont,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: The database's two generic profiles, named in words rather than "Generic Default".
_GENERIC_KEYS = (GENERIC, "simple")


class PrinterTab:
    """Mixed into ``SettingsDialog``: builds the printer tab and keeps it consistent."""

    _form: QFormLayout
    _fields: dict[str, QWidget]
    test_label: QLabel
    print_test_page: Callable[[], None]
    tr: Callable[[str], str]
    _tab: Callable[[str], None]
    _add: Callable[..., QWidget]
    _button: Callable[[str, Callable[[], None]], QPushButton]
    _enable_kind_fields: Callable[[], None]

    def _build_printer(self) -> None:
        self._tab("printer")
        self.kind_combo = self._add("kind", choice_box(list(PRINTER_KINDS)))
        self._add("host", QLineEdit())
        self._add("port", QLineEdit())
        self._add("timeout_s", QLineEdit())
        self._add("usb_vendor_id", QLineEdit())
        self._add("usb_product_id", QLineEdit())
        self._add("serial_device", QLineEdit())
        self._add("baudrate", choice_box([(str(r), r) for r in BAUDRATES]))
        self._add("file_path", QLineEdit())
        models = [(model.label, model.key) for model in printer_models()]
        self.model_combo: QComboBox = self._add("profile", choice_box(models))
        self.codepage_combo: QComboBox = self._add("codepage", QComboBox())
        self.model_info = QLabel()
        self.model_info.setObjectName("printerModelInfo")
        self.model_info.setWordWrap(True)
        self._form.addRow("", self.model_info)
        self._add("columns", choice_box([48, 32]))
        self._add("drawer_pin", choice_box([2, 5]))
        self._add("check_status", QCheckBox())
        self._build_test_row()
        self.kind_combo.currentIndexChanged.connect(self._enable_kind_fields)
        self.model_combo.currentIndexChanged.connect(self._offer_codepages)
        self.codepage_combo.currentIndexChanged.connect(self._describe_model)
        self._offer_codepages()

    def _build_test_row(self) -> None:
        self.test_button = self._button("printTestPage", self.print_test_page)
        self.preview_button = self._button("previewTestPage", self.preview_test_page)
        self.test_label = QLabel()
        self.test_label.setObjectName("testPageResult")
        self.test_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        self._form.addRow(buttons)
        self._form.addRow(self.test_label)

    # -- model and code pages -------------------------------------------------------------

    def chosen_model(self) -> PrinterModel:
        return printer_model(str(self.model_combo.currentData()))

    def _offer_codepages(self) -> None:
        """The chosen model's pages; the current page kept if offered, else the best."""
        model = self.chosen_model()
        current = self.codepage_combo.currentData()
        self.codepage_combo.blockSignals(True)
        self.codepage_combo.clear()
        for page in model.offered_codepages():
            self.codepage_combo.addItem(self._codepage_text(page), page)
        keep = current if current in model.offered_codepages() else model.best_codepage()
        self.codepage_combo.setCurrentIndex(max(self.codepage_combo.findData(keep), 0))
        self.codepage_combo.blockSignals(False)
        width = self._fields["printer.columns"]
        most = model.widest()
        if most is not None and width.currentData() > most:  # type: ignore[attr-defined]
            width.setCurrentIndex(width.findData(32))  # type: ignore[attr-defined]
        self._describe_model()

    def _codepage_text(self, page: str) -> str:
        if page == RASTER:
            return self.tr("Print as an image (always right, slower)")
        missing = missing_characters(page)
        if not missing:
            return self.tr("%1 — every character").replace("%1", page)
        if missing_characters(page, REQUIRED):
            return (
                self.tr("%1 — not for French: lacks %2")
                .replace("%1", page)
                .replace("%2", " ".join(missing))
            )
        return self.tr("%1 — lacks %2").replace("%1", page).replace("%2", " ".join(missing))

    def _describe_model(self) -> None:
        model = self.chosen_model()
        yes, no = self.tr("yes"), self.tr("no")
        qr = self.tr("drawn by the printer") if model.qr else self.tr("sent as an image")
        facts = (
            self.tr("QR code: %1 · Cutter: %2 · Columns per font: %3")
            .replace("%1", qr)
            .replace("%2", yes if model.cut else no)
            .replace("%3", " / ".join(map(str, model.font_columns)) or "?")
        )
        if model.best_codepage() == RASTER:
            facts += "\n" + self.tr("No code page for French (é, à, €): printed as images.")
        elif self.codepage_combo.currentData() == RASTER:
            facts += "\n" + self.tr("Text is printed as images: slower, always right.")
        self.model_info.setText(facts)

    def _retranslate_printer(self) -> None:
        """The generic models and the code pages in the new language."""
        generic = {
            GENERIC: self.tr("Generic ESC/POS printer"),
            "simple": self.tr("Basic ESC/POS printer (CP437 only)"),
        }
        for key in _GENERIC_KEYS:
            index = self.model_combo.findData(key)
            if index >= 0:
                self.model_combo.setItemText(index, generic[key])
        for index in range(self.codepage_combo.count()):
            page = str(self.codepage_combo.itemData(index))
            self.codepage_combo.setItemText(index, self._codepage_text(page))
        self.preview_button.setText(self.tr("Preview the test page"))
        self._describe_model()

    # -- test page ---------------------------------------------------------------------------

    def test_page_words(self) -> PageWords:
        return PageWords(
            title=self.tr("Comptoir — test page"),
            setup=self.tr("%1 · %2 · %3 columns"),
            picture=self.tr("text printed as an image"),
            lower=self.tr("Lower case:"),
            upper=self.tr("Upper case:"),
            signs=self.tr("Ligatures and signs:"),
            digits=self.tr("Digits and punctuation:"),
            samples=self.tr("VAT table and prices:"),
            missing=self.tr("%1 characters are not on this code page; printed as:"),
            complete=self.tr("Every character is on this code page."),
        )

    def preview_test_page(self) -> QDialog:
        """The test page as the chosen page prints it, and what that page lacks."""
        model, page = self.chosen_model(), str(self.codepage_combo.currentData())
        columns = int(self._fields["printer.columns"].currentData())  # type: ignore[attr-defined]
        lines = page_lines(columns, page, model.label, self.test_page_words())
        text = "\n".join(fold_text(_text_of(line), page) for line in lines)
        missing = missing_characters(page)
        note = (
            self.tr("Not on %1, printed with a replacement: %2")
            .replace("%1", page)
            .replace("%2", " ".join(missing))
            if missing
            else self.tr("Everything on this page prints as shown.")
        )
        self.test_preview = TestPagePreview(text, note, columns, self)  # type: ignore[arg-type]
        self.test_preview.setWindowTitle(self.tr("Test page"))
        self.test_preview.show()
        return self.test_preview


def _text_of(line: Text | str) -> str:
    return line.text if isinstance(line, Text) else line


class TestPagePreview(QDialog):
    """The page in a fixed-width font, as wide as the paper's columns."""

    __test__ = False  # not a pytest class

    def __init__(self, text: str, note: str, columns: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("testPagePreview")
        self.page = QPlainTextEdit(self)
        self.page.setObjectName("testPageText")
        self.page.setReadOnly(True)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.page.setFont(font)
        self.page.setPlainText(text)
        self.note = QLabel(note, self)
        self.note.setObjectName("testPageMissing")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(self.note)
        metrics = self.page.fontMetrics()
        width = metrics.horizontalAdvance("M") * (columns + 4) + 40
        height = metrics.lineSpacing() * (text.count("\n") + 3) + 90
        self.resize(max(width, 360), min(max(height, 240), 720))
