"""Screenshots without a test framework: wait for a signal or a state, save what a widget
shows."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pos.ui.qt import QApplication, QDialog, QEventLoop, QTimer, QWidget


def wait_for(signal: Any, timeout_ms: int = 10_000) -> None:
    """Run the event loop until ``signal`` fires (or the timeout: a screenshot is still
    better than a hang)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def wait_until(done: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Run the event loop until ``done()`` holds. For what the worker thread answers: its
    signal may be emitted before a ``wait_for`` connects (the worker runs in parallel), so
    wait on what the GUI shows instead."""
    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)


def save_grab(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def grab_receipt_preview(screen: Any, path: Path) -> list[Path]:
    """The sale just shown: open its receipt preview from the offer, save the first
    dialog it opens (a credit note slip may follow it), and close them all."""
    previews: list[QDialog] = []
    screen.receipts.preview_opened.connect(previews.append)
    screen.receipt_offer.preview_button.click()
    wait_for(screen.receipts.preview_opened)
    screen.receipts.preview_opened.disconnect(previews.append)
    saved = [save_grab(previews[0], path)] if previews else []
    for preview in previews:
        preview.reject()
    return saved
