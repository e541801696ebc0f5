"""The till's own figures: scanner burst → row painted, and process start → usable till.

Both run offscreen on the 1,000,000-product store, each beside its floor measured in
the same run: a bare cross-thread signal round trip plus a table repaint, and a bare
PySide6 window shown by a fresh process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hardware.scanners import ScannerSettings
from pos.ui.main_window import MainWindow
from pos.ui.qt import (
    QApplication,
    QEvent,
    QEventLoop,
    QKeyEvent,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from pos.ui.scanner_filter import ScannerFilter
from pos.ui.till_controller import TillController, TillOptions
from tests.benchmarks.installed_bytecode import compile_bytecode, installed_env

BARE_WINDOW = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("Comptoir"))
window.show()
window.repaint()
print("READY", flush=True)
"""


class WaitTimeout(RuntimeError):
    pass


def _wait(signal, trigger: Callable[[], object] = lambda: None, timeout_ms: int = 5000) -> None:
    """Connect first, then trigger: an answer from another thread cannot be missed."""
    loop = QEventLoop()
    fired: list[bool] = []

    def done(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    trigger()
    if not fired:
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
    signal.disconnect(done)
    if not fired:
        raise WaitTimeout(f"no answer within {timeout_ms} ms")


def _burst(widget, code: str) -> None:
    for char in code + "\r":
        key = Qt.Key.Key_Return if char == "\r" else ord(char)
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(widget, event)


class _Echo(QObject):
    """The floor's other thread: answers each ping through a queued signal."""

    pong = Signal()

    @Slot()
    def ping(self) -> None:
        self.pong.emit()


class _Pinger(QObject):
    ping = Signal()


def burst_to_row(data_dir: Path, codes: list[str]) -> tuple[list[float], list[float]]:
    """Microseconds from a burst's first key to the new row painted, and the floor."""
    app = QApplication.instance() or QApplication([])
    controller = TillController(TillOptions(data_dir, cashier="Inès", demo_if_empty=False))
    window = MainWindow(controller)
    window.resize(1024, 768)
    window.show()
    screen = window.till_screen
    wedge = ScannerFilter(ScannerSettings())
    app.installEventFilter(wedge)
    wedge.barcode_scanned.connect(screen.scan)
    _wait(screen.basket_shown, controller.start, 60_000)
    samples = []
    painted: list[float] = []
    screen.basket_shown.connect(
        lambda _v: (screen.table.viewport().repaint(), painted.append(time.perf_counter()))
    )
    for index, code in enumerate(codes):
        if index and index % 40 == 0:  # keep the basket at store size
            _wait(screen.basket_shown, lambda: controller.request("cancel"))
        started = time.perf_counter()
        _wait(screen.basket_shown, lambda c=code: _burst(screen.scan_field, c))
        samples.append((painted[-1] - started) * 1e6)
    floor = _floor_round_trip(app, screen.table.viewport().repaint, len(codes))
    wedge.close()
    controller.shutdown()
    window.close()
    return samples[20:], floor[20:]


def _floor_round_trip(app: QApplication, repaint: Callable[[], None], n: int) -> list[float]:
    thread = QThread()
    echo, pinger = _Echo(), _Pinger()
    echo.moveToThread(thread)
    pinger.ping.connect(echo.ping)
    thread.start()
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        _wait(echo.pong, pinger.ping.emit)
        repaint()
        samples.append((time.perf_counter() - started) * 1e6)
    echo.deleteLater()
    thread.quit()
    thread.wait(2000)
    return samples


def _time_to_ready(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "READY":
            break
    elapsed = time.perf_counter() - started
    proc.wait(timeout=60)
    return elapsed * 1e6


def start_to_till(data_dir: Path, runs: int = 7) -> tuple[list[float], list[float]]:
    """The app as installed: its bytecode compiled, whatever ``PYTHONDONTWRITEBYTECODE``."""
    compile_bytecode()
    env = installed_env(os.environ)
    env |= {"QT_QPA_PLATFORM": "offscreen", "COMPTOIR_EXIT_WHEN_READY": "1"}
    app = [sys.executable, "-m", "pos", "--data-dir", str(data_dir)]
    bare = [sys.executable, "-c", BARE_WINDOW]
    _time_to_ready(app, env)  # first start: schema upgrade, page cache
    till, floor = [], []
    for _ in range(runs):
        till.append(_time_to_ready(app, env))
        floor.append(_time_to_ready(bare, env))
    return till, floor
