"""The composition root: the one module that wires the layers into a running app."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _has_display() -> bool:
    return bool(
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("win32", "darwin")
    )


def run_app(data_dir: Path, *, language: str = "fr") -> int:
    if not _has_display():
        print(
            "comptoir: no display found. Start it from a desktop session, or set "
            "QT_QPA_PLATFORM=offscreen to run without a screen.",
            file=sys.stderr,
        )
        return 2
    from hardware.scanners import ScannerSettings
    from pos.ui.i18n import install_translations
    from pos.ui.main_window import MainWindow
    from pos.ui.qt import QApplication
    from pos.ui.scanner_filter import ScannerFilter
    from pos.ui.till_controller import TillController, TillOptions

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Comptoir")
    install_translations(app, language)
    controller = TillController(TillOptions(data_dir, cashier="Camille"))
    window = MainWindow(controller)
    app.aboutToQuit.connect(controller.shutdown)
    scanner = ScannerFilter(ScannerSettings(), parent=app)
    app.installEventFilter(scanner)  # wedge scanner bursts, wherever the focus is
    scanner.barcode_scanned.connect(window.till_screen.scan)
    app.aboutToQuit.connect(scanner.close)
    window.show()
    if os.environ.get(READY_ENV):
        _quit_when_ready(app, window)
    controller.start()
    return app.exec()


READY_ENV = "COMPTOIR_EXIT_WHEN_READY"


def _quit_when_ready(app, window) -> None:
    """For the start-up benchmark: print READY once the till takes scans, then quit."""

    def ready(_view: object) -> None:
        window.till_screen.table.viewport().repaint()
        print("READY", flush=True)
        app.quit()

    window.till_screen.basket_shown.connect(ready)


def run_screenshots(out: str) -> int:
    """Offscreen unless a display is there: the PNGs are the same either way."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pos.ui.screenshots import take_screenshots

    for path in take_screenshots(Path(out)):
        print(path)
    return 0
