"""The settings form's fields and their values in the settings file's shape: one place
reads a widget's value and puts one back, whatever kind of field it is."""

from __future__ import annotations

from typing import Any

from pos.domain.errors import PosError
from pos.domain.money import parse_eur
from pos.ui.qt import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget


def lines_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
    return edit


class CentsEdit(QLineEdit):
    """An amount in euros ("25,00") for a key kept in cents."""


def cents_edit() -> CentsEdit:
    return CentsEdit()


def choice_box(items: list[Any]) -> QComboBox:
    """Choices by value; a (text, value) pair is shown as is, a bare value is worded by
    ``_choice_texts`` in ``retranslate_ui``."""
    combo = QComboBox()
    for item in items:
        text, value = item if isinstance(item, tuple) else (str(item), item)
        combo.addItem(text, value)
    return combo


def set_value(widget: QWidget, value: Any, *, hexadecimal: bool = False) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(widget.findData(value), 0))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("\n".join(value))
    elif isinstance(widget, CentsEdit):
        widget.setText(
            f"{value // 100},{value % 100:02d}" if isinstance(value, int) else str(value)
        )
    elif isinstance(widget, QLineEdit):
        widget.setText(_as_text(value, hexadecimal))


def _as_text(value: Any, hexadecimal: bool) -> str:
    if hexadecimal:
        return f"{value:04x}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def value_of(widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QPlainTextEdit):
        return [line for line in widget.toPlainText().splitlines() if line.strip()]
    if isinstance(widget, CentsEdit):
        try:
            return parse_eur(widget.text())
        except PosError:
            return widget.text()  # refused by the settings' validation, with its message
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(f"No value for {type(widget).__name__}")
