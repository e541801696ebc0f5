"""The house's small form dialog, laid out one way: heading lines, the form, the message
line, then the buttons bottom right (cancel before the act)."""

from __future__ import annotations

from collections.abc import Sequence

from pos.ui.qt import QFormLayout, QHBoxLayout, QVBoxLayout, QWidget


def lay_out_form(
    dialog: QWidget,
    heading: Sequence[QWidget],
    rows: Sequence[tuple[QWidget, QWidget]],
    message: QWidget,
    buttons: Sequence[QWidget],
) -> None:
    form = QFormLayout()
    for label, field in rows:
        form.addRow(label, field)
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    layout = QVBoxLayout(dialog)
    for widget in heading:
        layout.addWidget(widget)
    layout.addLayout(form)
    layout.addWidget(message)
    layout.addStretch(1)
    layout.addLayout(row)
