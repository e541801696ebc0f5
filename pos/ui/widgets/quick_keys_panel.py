"""The quick-key grid on the till: a tab per page, big keys, touch first.

The screen decides what a press does (a quantity or a weight typed first); this widget
only draws the manager's grid and says which key was pressed.
"""

from __future__ import annotations

from pos.domain.product import SoldBy
from pos.services.quick_keys import KEYS_PER_PAGE, QuickKey, QuickPage
from pos.ui.money import format_money
from pos.ui.qt import (
    QEvent,
    QFrame,
    QGridLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    Qt,
    QTabBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from pos.ui.zoom import set_font

COLUMNS = 4
#: A quick key's least height at zoom 1.0: a finger's press (the panel scrolls rather
#: than squeeze them).
QUICK_KEY_HEIGHT = 48


class QuickKeysPanel(QWidget):
    key_pressed = Signal(object)  # QuickKey

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickKeys")
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("quickKeyPages")
        self.tabs.setExpanding(False)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.currentChanged.connect(self._show_page)
        # The keys scroll when the column is short (1024×768 after a sale, the change and
        # the receipt offer shown): the panel gives way, the screen never outgrows 768 px.
        keys = QWidget(self)
        self._grid = QGridLayout(keys)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(6)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(keys)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.scroll, 1)
        self.keys: list[QPushButton] = []
        self._pages: list[QuickPage] = []
        self._zoom = 1.0

    def set_pages(self, pages: list[QuickPage]) -> None:
        """The manager's grid; with none, the panel is an empty space."""
        self._pages = pages
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for page in pages:
            self.tabs.addTab(page.name)
        self.tabs.blockSignals(False)
        self.tabs.setVisible(bool(pages))
        self._show_page(0)

    def apply_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        set_font(self.tabs, 1.1, zoom, bold=True)
        for button in self.keys:
            set_font(button, 0.95, zoom)
            button.setMinimumHeight(round(QUICK_KEY_HEIGHT * zoom))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_page(self.tabs.currentIndex())
        super().changeEvent(event)

    def _show_page(self, index: int) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.keys = []
        if not 0 <= index < len(self._pages):
            return
        for key in self._pages[index].keys:
            button = QPushButton(self._text(key), self.scroll.widget())
            button.setObjectName(f"quickKey{key.position}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
            # Ignored: the grid shares what the screen has, never pushes the basket aside.
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            button.setEnabled(key.product is not None)
            button.setToolTip(key.product.name if key.product is not None else "")
            button.clicked.connect(lambda _checked=False, k=key: self.key_pressed.emit(k))
            row, column = divmod(key.position, COLUMNS)
            self._grid.addWidget(button, row, column)
            self.keys.append(button)
        rows = max((key.position // COLUMNS for key in self._pages[index].keys), default=0) + 1
        for row in range(KEYS_PER_PAGE // COLUMNS):
            self._grid.setRowStretch(row, 1 if row < rows else 0)
        self.apply_zoom(self._zoom)

    def _text(self, key: QuickKey) -> str:
        label = _wrapped(key.label)
        if key.product is None:
            withdrawn = self.tr("(withdrawn)")
            return f"{label}\n{withdrawn}"
        price = format_money(key.product.price_cents)
        if key.product.sold_by is SoldBy.WEIGHT:
            price = self.tr("%1/kg").replace("%1", price)
        return f"{label}\n{price}"


def _wrapped(label: str, width: int = 13) -> str:
    """At most two lines of about ``width`` characters, cut with an ellipsis beyond."""
    words, lines, current = label.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    if len(lines) > 2:
        lines = [lines[0], lines[1][: width - 1].rstrip() + "…"]
    return "\n".join(lines)
