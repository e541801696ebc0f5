"""Counting a drawer by denomination, offscreen: − / + and typed counts, row amounts and
the running total in euros, absurd entries refused on the spot with nothing lost, and
the blind count showing nothing but what was counted."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from pos.ui.i18n import switch_language
from pos.ui.qt import QApplication, QEvent, QKeyEvent, QLabel, Qt
from pos.ui.widgets.cash_count import CashCountForm

EURO = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)


def _form(qtbot: QtBot, **options) -> CashCountForm:
    form = CashCountForm(EURO, **options)
    qtbot.addWidget(form)
    form.show()
    return form


def _type(qtbot: QtBot, form: CashCountForm, cents: int, text: str) -> None:
    field = form.rows[cents].field
    field.setFocus()
    field.selectAll()
    for char in text:  # keyClicks handles ASCII only (a non-ASCII digit aborts it)
        QApplication.sendEvent(
            field, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        )


def test_counting_by_touch_and_by_typing(qtbot: QtBot) -> None:
    form = _form(qtbot)
    with qtbot.waitSignal(form.changed, timeout=1000):
        for _ in range(3):
            qtbot.mouseClick(form.rows[200].plus, Qt.MouseButton.LeftButton)
    form.rows[200].minus.click()
    _type(qtbot, form, 1000, "12")
    _type(qtbot, form, 5, "7")
    assert form.counts() == {**dict.fromkeys(EURO, 0), 200: 2, 1000: 12, 5: 7}
    assert form.total_cents() == 2 * 200 + 12 * 1000 + 7 * 5 == 12435
    assert form.rows[1000].amount.text() == "120,00\u00a0€"
    assert form.rows[1000].name.text() == "10,00\u00a0€"
    assert form.total_label.text() == "Compté : 124,35\u00a0€"


@pytest.mark.parametrize(
    ("typed", "why", "kept"),
    [
        ("a", "chiffres", 9),
        ("-", "chiffres", 9),
        ("٣", "chiffres", 9),
        ("2001", "au plus 2000", 200),
    ],
)
def test_an_absurd_entry_is_refused_and_nothing_is_lost(
    qtbot: QtBot, typed: str, why: str, kept: int
) -> None:
    form = _form(qtbot)
    form.set_counts({50: 9, 2000: 3})
    with qtbot.waitSignal(form.refused, timeout=1000):
        _type(qtbot, form, 50, typed)
    assert why in form.message.text() and "0,50" in form.message.text()
    field = form.rows[50].field
    assert field.text() == str(kept) and field.hasSelectedText()  # the last good count
    assert form.counts() == {**dict.fromkeys(EURO, 0), 50: kept, 2000: 3}
    assert form.total_cents() == kept * 50 + 3 * 2000
    form.rows[50].plus.click()
    assert form.counts()[50] == kept + 1 and form.message.text() == ""  # a good entry clears it


def test_minus_at_zero_is_refused(qtbot: QtBot) -> None:
    form = _form(qtbot)
    with qtbot.waitSignal(form.refused, timeout=1000):
        form.rows[100].minus.click()
    assert form.counts()[100] == 0 and "négatif" in form.message.text()


def test_the_maximum_per_row_is_configurable(qtbot: QtBot) -> None:
    form = _form(qtbot, max_per_row=50)
    _type(qtbot, form, 100, "51")
    assert form.counts()[100] == 5  # "5" was accepted, "51" refused
    assert "au plus 50" in form.message.text()


def test_set_counts_refuses_what_no_row_can_hold(qtbot: QtBot) -> None:
    form = _form(qtbot)
    form.set_counts({500: 4})
    for bad in ({3: 1}, {500: -1}, {500: 2001}, {500: 1.5}):
        with pytest.raises(ValueError):
            form.set_counts(bad)
    assert form.counts()[500] == 4  # refused whole: nothing changed
    with pytest.raises(ValueError):
        CashCountForm([100, 100])


def test_a_blind_count_shows_only_what_was_counted(qtbot: QtBot) -> None:
    open_form = _form(qtbot)
    open_form.set_counts({1000: 5})
    open_form.set_expected(4000)
    assert open_form.expected_label.isVisible()
    assert (
        "40,00" in open_form.expected_label.text() and "+10,00" in open_form.expected_label.text()
    )

    blind = _form(qtbot, blind=True)
    blind.set_counts({1000: 5})
    blind.set_expected(4000)  # the caller's mistake: still never shown
    shown = [label.text() for label in blind.findChildren(QLabel) if label.isVisible()]
    assert not any("40,00" in text for text in shown)
    assert not blind.expected_label.isVisible()
    amounts = {text for text in shown if "€" in text}
    assert "Compté : 50,00\u00a0€" in amounts


def test_amounts_follow_a_language_switch(qtbot: QtBot, qapp: QApplication) -> None:
    form = _form(qtbot)
    form.set_counts({1000: 12, 5: 7})
    try:
        switch_language(qapp, "en")
        assert form.total_label.text() == "Counted: €120.35"
        assert form.rows[1000].amount.text() == "€120.00" and form.notes_title.text() == "Notes"
    finally:
        switch_language(qapp, "fr")
    assert form.total_label.text() == "Compté : 120,35\u00a0€"
