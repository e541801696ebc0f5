"""The customer's side of the counter: the lines, the total and the change, big.

Shown on a second screen when one is plugged in (or as a window, for a store that turns
its own monitor): it follows the till's basket signals and never talks to the store.
After a sale the change stays on it until the next article is scanned, as on the
cashier's screen, so the customer can check what they are given back.
"""

from __future__ import annotations

from html import escape
from typing import Any

from pos.domain.sale import CompletedSale
from pos.services.basket_view import BasketView, LineView
from pos.ui.money import format_money
from pos.ui.qt import (
    QEvent,
    QFrame,
    QGuiApplication,
    QLabel,
    QScreen,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)
from pos.ui.sale_outcome import paid_by_text

#: Lines the customer sees: the newest at the bottom, as they come off the belt.
SHOWN_LINES = 8


class CustomerDisplay(QWidget):
    def __init__(self, store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerDisplay")
        self.store_name = store_name
        self.setStyleSheet(
            "#customerDisplay { background: #10243e; }"
            " QLabel { color: #ffffff; }"
            " #customerLines { color: #dfe8f3; }"
            " #customerChange { color: #7ee787; }"
        )
        self.greeting = QLabel(self)
        self.greeting.setObjectName("customerGreeting")
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.greeting.setWordWrap(True)
        self.lines = QLabel(self)
        self.lines.setObjectName("customerLines")
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft)
        self.lines.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        self.total = QLabel(self)
        self.total.setObjectName("customerTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.change = QLabel(self)
        self.change.setObjectName("customerChange")
        self.change.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.greeting)
        layout.addWidget(self.lines, 1)
        layout.addWidget(rule)
        layout.addWidget(self.total)
        layout.addWidget(self.change)
        self._view: BasketView | None = None
        self._sold: CompletedSale | None = None
        self.resize(800, 600)
        self._render()

    # -- what the till tells it --------------------------------------------------------

    def show_basket(self, view: BasketView) -> None:
        """A basket changed. The empty basket that follows a sale keeps the sale's change
        on screen; the first line of the next sale replaces it."""
        if self._sold is not None and not view.lines:
            return
        self._sold = None
        self._view = view
        self._render()

    def show_completed(self, sale: CompletedSale) -> None:
        self._sold = sale
        self._render()

    # -- drawing -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fonts()

    def _fonts(self) -> None:
        """Sized from the screen's height, so the total reads from across the counter."""
        unit = max(self.height() / 600, 0.6)
        for label, size, bold in (
            (self.greeting, 26, True),
            (self.lines, 20, False),
            (self.total, 44, True),
            (self.change, 34, True),
        ):
            font = label.font()
            font.setPixelSize(round(size * unit))
            font.setBold(bold)
            label.setFont(font)

    def _render(self) -> None:
        sold, view = self._sold, self._view
        if sold is not None:
            draft = sold.draft
            self.greeting.setText(self.tr("Thank you, see you soon!"))
            self.lines.setText("")
            self.total.setText(self._total_text(draft.total_cents))
            self.change.setText(
                self.tr("Your change: %1").replace("%1", format_money(draft.change_cents))
                if draft.change_cents
                else paid_by_text(sold)  # "Paid by card": the customer sees it went through
            )
            return
        if view is None or not view.lines:
            self.greeting.setText(self.tr("Welcome to %1").replace("%1", self.store_name))
            self.lines.setText("")
            self.total.setText("")
            self.change.setText("")
            return
        self.greeting.setText(self.store_name)
        shown = [line for line in view.lines if not line.voided][-SHOWN_LINES:]
        self.lines.setText("<br>".join(self._line_html(line) for line in shown))
        self.total.setText(self._total_text(view.total_cents))
        if view.paid_cents:
            self.change.setText(
                self.tr("Paid %1 · to pay %2")
                .replace("%1", format_money(view.paid_cents))
                .replace("%2", format_money(view.remaining_cents))
            )
        elif view.discount_cents > 0:  # promotions and discounts: the customer sees them
            saved = format_money(view.discount_cents)
            self.change.setText(self.tr("You save %1").replace("%1", saved))
        else:
            self.change.setText("")

    def _total_text(self, cents: int) -> str:
        return self.tr("Total %1").replace("%1", format_money(cents))

    @staticmethod
    def _line_html(line: LineView) -> str:
        quantity = "" if line.quantity_text in ("", "1") else f"{escape(line.quantity_text)} × "
        name = escape(line.name)
        amount = escape(format_money(line.total_cents))
        return (
            "<table width='100%'><tr>"
            f"<td>{quantity}{name}</td><td align='right'>{amount}</td>"
            "</tr></table>"
        )


def customer_screen(mode: str) -> QScreen | None:
    """Where to show the display: the first screen other than the primary one ("auto"),
    none when there is only one screen or the store turned it off."""
    if mode != "auto":
        return None
    primary = QGuiApplication.primaryScreen()
    others = [screen for screen in QGuiApplication.screens() if screen is not primary]
    return others[0] if others else None


def replace_display(
    current: CustomerDisplay | None, mode: str, store_name: str, worker: Any
) -> CustomerDisplay | None:
    """The display for ``mode``: on the second screen ("auto", when there is one) or as a
    window; None when off. ``current`` is closed first; ``worker`` is the till's."""
    screen = customer_screen(mode)
    wanted = mode == "window" or screen is not None
    if current is not None:
        current.close()
        current.deleteLater()
    if not wanted:
        return None
    display = CustomerDisplay(store_name)
    worker.changed.connect(display.show_basket)
    worker.completed.connect(display.show_completed)
    if screen is not None:
        display.setScreen(screen)
        display.setGeometry(screen.geometry())
        display.showFullScreen()
    else:
        display.show()
    return display
