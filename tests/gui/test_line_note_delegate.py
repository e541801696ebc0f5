"""The basket's name column repaints on every scan (issue 18.2): what does not change
between two paints is not worked out again. Structure, not timing."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from pos.ui.qt import QFontMetrics, QStandardItem, QStandardItemModel, QTableView
from pos.ui.widgets import line_note_delegate
from pos.ui.widgets.line_note_delegate import NOTE_KIND_ROLE, NOTE_ROLE, PROMOTION_NOTE

ELIDED: list[str] = []


class CountingMetrics(QFontMetrics):
    def elidedText(self, text, mode, width, flags=0):
        ELIDED.append(text)
        return super().elidedText(text, mode, width, flags)


def noted_table(qtbot: QtBot) -> QTableView:
    model = QStandardItemModel(6, 2)
    for row in range(6):
        item = QStandardItem(f"Yaourt nature bio n°{row} au lait entier de la ferme")
        item.setData(f"3 pour 2 sur les yaourts −1,2{row} €", NOTE_ROLE)
        item.setData(PROMOTION_NOTE, NOTE_KIND_ROLE)
        model.setItem(row, 0, item)
        model.setItem(row, 1, QStandardItem("1,29 €"))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setItemDelegateForColumn(0, line_note_delegate.LineNoteDelegate(table))
    table.setColumnWidth(0, 160)  # the names and notes are elided
    table.verticalHeader().setDefaultSectionSize(44)
    table.resize(400, 400)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_a_repaint_elides_no_name_or_note_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(line_note_delegate, "QFontMetrics", CountingMetrics)
    ELIDED.clear()
    table = noted_table(qtbot)
    qtbot.waitUntil(lambda: len(ELIDED) >= 12, timeout=5_000)  # each name and note
    ELIDED.clear()
    table.viewport().repaint()  # the next scan's paint: the same rows
    assert ELIDED == []
    table.setColumnWidth(0, 120)  # narrower: elided again, to the new width
    qtbot.waitUntil(lambda: len(ELIDED) >= 12, timeout=5_000)
