"""Text that grows with the screen: what reads well at 1024×768 is tiny at 1080p.

Every screen (till, pickup desk) zooms the same way, from the same height rule.
"""

from __future__ import annotations

from pos.ui.qt import QApplication, QFont, QWidget


def zoom_for(height: int) -> float:
    """1.0 up to about 720 px high, growing by tenths to 1.6."""
    return min(max(round(height / 72) / 10, 1.0), 1.6)


def set_font(widget: QWidget, factor: float, zoom: float, *, bold: bool = False) -> None:
    """The application's font scaled by ``factor`` × ``zoom``."""
    font = QFont(QApplication.font())
    font.setPointSizeF(QApplication.font().pointSizeF() * factor * zoom)
    font.setBold(bold)
    widget.setFont(font)
