"""The one place Qt names are imported from, so a Qt upgrade touches one file."""

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QApplication",
    "QCoreApplication",
    "QEvent",
    "QFont",
    "QLabel",
    "QLibraryInfo",
    "QLocale",
    "QMainWindow",
    "QMessageBox",
    "QObject",
    "QRunnable",
    "QThreadPool",
    "QTimer",
    "QTranslator",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
    "Slot",
]
