"""The sign-in screen and the manager's approval as staff see them, for
``comptoir screenshots``: the staff list, the PIN step after a wrong PIN, and the
approval dialog over a sale being cancelled; the real window and worker, at 1024×768.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pos.ui.grab import save_grab, wait_for, wait_until
from pos.ui.main_window import MainWindow


def staff_speak(db: Path, language: str) -> None:
    """The throwaway demo store's staff sign in in the language being shot."""
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute("UPDATE staff SET language = ?", (language,))
    finally:
        conn.close()


def sign_in_screenshots(window: MainWindow, out: Path, language: str) -> list[Path]:
    """Call once the window is open (on its sign-in screen); leaves Camille signed in."""
    screen = window.staff.screen
    if not screen.name_buttons:
        wait_for(screen.staff_shown)
    saved = [save_grab(window, out / f"sign_in_{language}.png")]
    screen.name_buttons["camille"].click()
    for digit in "1234":
        screen.pad.press(digit)
    screen.pad.press("ok")
    wait_for(screen.refusal_shown)
    for digit in "11":  # the next try, being typed
        screen.pad.press(digit)
    saved.append(save_grab(window, out / f"sign_in_pin_{language}.png"))
    for digit in "11":
        screen.pad.press(digit)
    screen.pad.press("ok")
    wait_for(window.staff.signed_in)
    return saved


def approval_screenshot(window: MainWindow, out: Path, language: str, code: str) -> list[Path]:
    """F9 on a one-line basket as Camille: the confirmation, then the approval dialog, shot,
    then approved (the next language's run starts on an empty basket)."""
    till = window.till_screen
    till.scan(code)
    wait_for(till.basket_shown)
    till.cancel_sale()
    assert till.cancel_dialog is not None
    shots = [save_grab(till.cancel_dialog, out / f"cancel_sale_{language}.png")]
    till.cancel_dialog.cancel_button.click()  # yes, cancel the sale: then a manager must
    wait_until(lambda: window.staff.approval_dialog is not None)
    dialog = window.staff.approval_dialog
    assert dialog is not None
    dialog.choose("ines", "Inès")
    for digit in "33":
        dialog.pad.press(digit)
    shots.append(save_grab(dialog, out / f"approval_{language}.png"))
    for digit in "33":
        dialog.pad.press(digit)
    dialog.pad.press("ok")
    wait_until(lambda: window.staff.approval_dialog is None and not till.view.lines)
    return shots
