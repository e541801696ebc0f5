"""The PIN keypad, offscreen: touch keys and keyboard, dots only, a maximum length, a
refusal message, a locked account's countdown, and keys big enough for a finger."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from pos.ui.i18n import switch_language
from pos.ui.qt import QApplication, QLabel, Qt
from pos.ui.widgets.pin_pad import KEY_SIZE, PinPad


@pytest.fixture
def pad(qtbot: QtBot) -> PinPad:
    pad = PinPad(max_length=6)
    qtbot.addWidget(pad)
    pad.show()
    pad.setFocus()
    return pad


def _shown_texts(pad: PinPad) -> str:
    texts = [label.text() for label in pad.findChildren(QLabel)]
    texts += [button.text() + button.accessibleName() for button in pad.keys.values()]
    return " ".join([*texts, repr(pad), pad.accessibleName()])


def test_touch_keys_show_dots_and_submit_the_pin(
    qtbot: QtBot, pad: PinPad, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for digit in "2580":
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    assert pad.dots.text() == "● ● ● ●" and pad.length == 4
    assert "2580" not in _shown_texts(pad)  # never in clear
    with qtbot.waitSignal(pad.submitted, timeout=1000) as done:
        qtbot.mouseClick(pad.keys["ok"], Qt.MouseButton.LeftButton)
    assert done.args == ["2580"]
    assert pad.length == 0 and pad.dots.text() == ""  # forgotten once submitted
    assert "2580" not in caplog.text  # never logged


def test_erase_clear_and_the_maximum_length(qtbot: QtBot, pad: PinPad) -> None:
    for name in "123456789":  # three more than the maximum
        pad.keys[name].click()
    assert pad.length == 6
    pad.keys["erase"].click()
    assert pad.length == 5
    pad.keys["clear"].click()
    assert pad.length == 0
    assert not pad.keys["ok"].isEnabled() and not pad.keys["erase"].isEnabled()
    with qtbot.assertNotEmitted(pad.submitted):
        pad.press("ok")  # nothing typed: nothing submitted


def test_the_keyboard_works_too(qtbot: QtBot, pad: PinPad) -> None:
    qtbot.keyClicks(pad, "4321")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    qtbot.keyClicks(pad, "x")  # not a digit: ignored
    with qtbot.waitSignal(pad.submitted, timeout=1000) as done:
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert done.args == ["432"]
    qtbot.keyClicks(pad, "99")
    qtbot.keyClick(pad, Qt.Key.Key_Escape)
    assert pad.length == 0


def test_a_refusal_is_shown_and_the_pad_is_ready_again(qtbot: QtBot, pad: PinPad) -> None:
    qtbot.keyClicks(pad, "1111")
    pad.show_refusal("Code erroné, encore 3 essais")
    assert pad.message.text() == "Code erroné, encore 3 essais" and pad.length == 0
    qtbot.keyClicks(pad, "1")
    assert pad.length == 1  # the next try, the refusal still in sight
    assert pad.message.text() == "Code erroné, encore 3 essais"
    pad.clear_message()
    assert pad.message.text() == ""


def test_a_locked_account_takes_no_key_until_unlocked(qtbot: QtBot, pad: PinPad) -> None:
    qtbot.keyClicks(pad, "12")
    pad.lock("Compte bloqué : réessayez dans 4 min 59 s")
    assert pad.locked and pad.length == 0
    assert not any(button.isEnabled() for button in pad.keys.values())
    assert pad.message.text() == "Compte bloqué : réessayez dans 4 min 59 s"
    with qtbot.assertNotEmitted(pad.submitted):
        qtbot.keyClicks(pad, "1234")
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert pad.length == 0
    pad.lock("Compte bloqué : réessayez dans 4 min 58 s")  # the caller's countdown
    assert pad.message.text().endswith("58 s")
    pad.unlock()
    qtbot.keyClicks(pad, "7")
    assert pad.length == 1 and pad.keys["7"].isEnabled() and pad.message.text() == ""


def test_keys_are_big_enough_for_a_finger_and_grow_with_the_screen(pad: PinPad) -> None:
    for button in pad.keys.values():
        assert button.width() >= KEY_SIZE and button.height() >= KEY_SIZE
    pad.apply_zoom(1.5)
    pad.adjustSize()
    assert all(button.height() >= KEY_SIZE * 1.5 for button in pad.keys.values())
    assert pad.keys["0"].font().pointSizeF() > pad.keys["clear"].font().pointSizeF()


def test_the_keys_follow_a_language_switch(qapp: QApplication, pad: PinPad) -> None:
    assert pad.keys["ok"].text() == "Valider"
    try:
        switch_language(qapp, "en")
        assert pad.keys["ok"].text() == "OK" and pad.keys["erase"].text() == "⌫ Erase"
    finally:
        switch_language(qapp, "fr")
    assert pad.keys["erase"].text() == "⌫ Corriger"
