"""Counting a drawer by denomination, by touch: a count, − and + on each row, the row's
amount and the running total.

The denominations (in cents) come from the caller: the form knows no currency's list.
An absurd entry (letters, a negative count, more than the maximum a row holds) is
refused as it is typed, with a sentence saying why, and the row keeps its last good
count: nothing counted is lost. In ``blind`` mode (the closing count) the form shows
nothing but what was counted, never an expected amount or a difference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from pos.ui.i18n import Retranslating
from pos.ui.money import format_money
from pos.ui.qt import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.zoom import set_font

#: Most pieces one row may hold: a full drawer holds a few hundred coins of a kind.
MAX_PER_ROW = 2000
#: From this value on, a denomination is a note (euro: 5 € and up).
NOTES_FROM = 500
KEY_SIZE = 56
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _Row:
    """One denomination's widgets."""

    def __init__(self, form: CashCountForm, cents: int) -> None:
        self.cents = cents
        self.count = 0
        self.name = QLabel(form)
        self.name.setObjectName(f"denomination_{cents}")
        self.name.setAlignment(_RIGHT)
        self.minus = QPushButton("−", form)
        self.minus.setObjectName(f"minus_{cents}")
        self.plus = QPushButton("+", form)
        self.plus.setObjectName(f"plus_{cents}")
        self.field = QLineEdit("0", form)
        self.field.setObjectName(f"count_{cents}")
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.amount = QLabel(form)
        self.amount.setObjectName(f"amount_{cents}")
        self.amount.setAlignment(_RIGHT)
        for button in (self.minus, self.plus):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRepeat(True)


class CashCountForm(Retranslating, QWidget):
    changed = Signal()  # a count changed (the new counts are in ``counts()``)
    refused = Signal(str)  # the sentence shown for an entry refused

    def __init__(
        self,
        denominations: Sequence[int],
        *,
        max_per_row: int = MAX_PER_ROW,
        blind: bool = False,
        notes_from: int = NOTES_FROM,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not denominations or any(c <= 0 for c in denominations):
            raise ValueError("Denominations must be positive amounts in cents")
        if len(set(denominations)) != len(denominations):
            raise ValueError("Each denomination must be given once")
        self.setObjectName("cashCountForm")
        self.max_per_row = max_per_row
        self.blind = blind
        self._expected: int | None = None
        self.rows = {cents: _Row(self, cents) for cents in sorted(denominations)}
        self.coins_title, self.notes_title = QLabel(self), QLabel(self)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("countedTotal")
        self.total_label.setAlignment(_RIGHT)
        self.expected_label = QLabel(self)
        self.expected_label.setObjectName("expectedTotal")
        self.expected_label.setAlignment(_RIGHT)
        self.expected_label.hide()
        self.message = QLabel(self)
        self.message.setObjectName("countMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self._build(notes_from)
        self.zoom = 0.0
        self.apply_zoom(1.0)
        self.retranslate_ui()

    def _build(self, notes_from: int) -> None:
        coins = [row for cents, row in self.rows.items() if cents < notes_from]
        notes = [row for cents, row in self.rows.items() if cents >= notes_from]
        columns = QHBoxLayout()
        columns.addStretch(1)
        for title, rows in ((self.coins_title, coins), (self.notes_title, notes)):
            if not rows:
                title.hide()
                continue
            if columns.count() > 1:  # coins | notes, clearly apart
                line = QFrame(self)
                line.setFrameShape(QFrame.Shape.VLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                columns.addSpacing(16)
                columns.addWidget(line)
                columns.addSpacing(16)
            columns.addLayout(self._column(title, rows))
        columns.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.expected_label)
        layout.addWidget(self.total_label)

    def _column(self, title: QLabel, rows: list[_Row]) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.addWidget(title, 0, 0, 1, 5)
        for line, row in enumerate(rows, start=1):
            for column, widget in enumerate((row.name, row.minus, row.field, row.plus)):
                grid.addWidget(widget, line, column)
            grid.addWidget(row.amount, line, 4)
            row.minus.clicked.connect(partial(self._step, row, -1))
            row.plus.clicked.connect(partial(self._step, row, 1))
            row.field.textEdited.connect(partial(self._typed, row))
            row.field.editingFinished.connect(partial(self._settle, row))
        grid.setRowStretch(len(rows) + 1, 1)  # rows from the top, whatever the other column
        return grid

    # -- language and size ----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Titles, denominations and amounts in the new language and its money format."""
        self.coins_title.setText(self.tr("Coins"))
        self.notes_title.setText(self.tr("Notes"))
        for row in self.rows.values():
            row.name.setText(format_money(row.cents))
            row.minus.setAccessibleName(self.tr("One less"))
            row.plus.setAccessibleName(self.tr("One more"))
        self._show_amounts()

    def apply_zoom(self, zoom: float) -> None:
        if zoom == self.zoom:
            return
        self.zoom = zoom
        side = round(KEY_SIZE * zoom)
        amount_width = round(110 * zoom)
        for row in self.rows.values():
            for button in (row.minus, row.plus):
                button.setFixedSize(side, side)
                set_font(button, 1.6, zoom, bold=True)
            row.field.setFixedSize(round(88 * zoom), side)
            set_font(row.field, 1.4, zoom)
            set_font(row.name, 1.2, zoom, bold=True)
            set_font(row.amount, 1.2, zoom)
            row.amount.setMinimumWidth(amount_width)
        for title in (self.coins_title, self.notes_title):
            set_font(title, 1.2, zoom, bold=True)
        set_font(self.total_label, 2.0, zoom, bold=True)
        set_font(self.expected_label, 1.2, zoom)
        set_font(self.message, 1.1, zoom, bold=True)

    # -- counts ---------------------------------------------------------------------------

    def counts(self) -> dict[int, int]:
        """Pieces counted, by denomination in cents (every denomination, 0 included)."""
        return {cents: row.count for cents, row in self.rows.items()}

    def total_cents(self) -> int:
        return sum(cents * row.count for cents, row in self.rows.items())

    def set_counts(self, counts: Mapping[int, int]) -> None:
        """Counts by denomination (the others go back to 0); refused whole when one is
        not a denomination of this form or not a count a row can hold."""
        for cents, count in counts.items():
            if cents not in self.rows:
                raise ValueError(f"{cents} cents is not a denomination of this form")
            if isinstance(count, bool) or not isinstance(count, int):
                raise ValueError(f"The count for {cents} cents must be a whole number")
            if not 0 <= count <= self.max_per_row:
                raise ValueError(
                    f"The count for {cents} cents must be between 0 and {self.max_per_row}"
                )
        for cents, row in self.rows.items():
            row.count = counts.get(cents, 0)
            row.field.setText(str(row.count))
        self.message.clear()
        self._show_amounts()
        self.changed.emit()

    def set_expected(self, cents: int | None) -> None:
        """What the drawer should hold, shown beside the count with the difference;
        never in ``blind`` mode, where only what was counted is shown."""
        self._expected = None if self.blind else cents
        self._show_amounts()

    # -- what the cashier does ------------------------------------------------------------

    def _step(self, row: _Row, delta: int) -> None:
        self._apply(row, row.count + delta)

    def _typed(self, row: _Row, text: str) -> None:
        """Checked on each key: a refused entry puts the last good count back."""
        text = text.strip()
        if text == "":
            self._accept(row, 0, keep_text=True)  # emptied to type another number
            return
        if not text.isdigit() or not text.isascii():
            self._refuse(row, self._not_a_count(row))
            return
        self._apply(row, int(text), keep_text=True)

    def _settle(self, row: _Row) -> None:
        """Leaving the field: an emptied field reads 0."""
        row.field.setText(str(row.count))

    def _apply(self, row: _Row, count: int, *, keep_text: bool = False) -> None:
        if count < 0:
            self._refuse(row, self.tr("A count cannot be negative."))
        elif count > self.max_per_row:
            self._refuse(
                row,
                self.tr("%1: at most %2 pieces in one row. Check the count.")
                .replace("%1", format_money(row.cents))
                .replace("%2", str(self.max_per_row)),
            )
        else:
            self._accept(row, count, keep_text=keep_text)

    def _accept(self, row: _Row, count: int, *, keep_text: bool) -> None:
        row.count = count
        if not keep_text:
            row.field.setText(str(count))
        self.message.clear()
        self._show_amounts()
        self.changed.emit()

    def _refuse(self, row: _Row, text: str) -> None:
        row.field.setText(str(row.count))  # the last good count, nothing lost
        row.field.selectAll()  # the next digit starts the count again
        self.message.setText(text)
        QApplication.beep()
        self.refused.emit(text)

    def _not_a_count(self, row: _Row) -> str:
        return self.tr("%1: type a number of pieces (digits only).").replace(
            "%1", format_money(row.cents)
        )

    def _show_amounts(self) -> None:
        for row in self.rows.values():
            row.amount.setText(format_money(row.cents * row.count))
        total = self.total_cents()
        self.total_label.setText(self.tr("Counted: %1").replace("%1", format_money(total)))
        shown = self._expected is not None and not self.blind
        self.expected_label.setVisible(shown)
        if shown and self._expected is not None:
            difference = total - self._expected
            sign = "+" if difference > 0 else ""
            self.expected_label.setText(
                self.tr("Expected: %1 · difference: %2")
                .replace("%1", format_money(self._expected))
                .replace("%2", sign + format_money(difference))
            )
