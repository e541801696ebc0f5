"""Screenshots without a test framework: wait for a signal, save what a widget shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pos.ui.qt import QApplication, QEventLoop, QTimer, QWidget


def wait_for(signal: Any, timeout_ms: int = 10_000) -> None:
    """Run the event loop until ``signal`` fires (or the timeout: a screenshot is still
    better than a hang)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def save_grab(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path
