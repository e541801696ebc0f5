"""Translations: French by default, English shipped; Qt's own strings follow along.

A language change is live: ``switch_language`` swaps the catalogs and delivers Qt's
``LanguageChange`` to every open window at once; each screen, dialog and widget answers
in ``changeEvent`` with its one ``retranslate_ui()`` (static texts set again, texts built
from data rebuilt, its models told to repaint through ``retranslate_model``).
"""

from __future__ import annotations

from importlib.resources import files

from pos.ui.qt import (
    QAbstractItemModel,
    QApplication,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)

SUPPORTED = ("fr", "en")
_installed: list[QTranslator] = []


def install_translations(app: QApplication, language: str = "fr") -> str:
    """Load the app's and qtbase's catalogs for ``language``; return the language used."""
    if language not in SUPPORTED:
        language = "fr"
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.French if language == "fr" else QLocale.Language.English,
            QLocale.Country.France if language == "fr" else QLocale.Country.UnitedKingdom,
        )
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    app_dir = str(files("resources") / "i18n")
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"comptoir_{language}", app_dir)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def current_language() -> str:
    """The language of the installed catalogs (the default locale follows them)."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def switch_language(app: QApplication, language: str) -> str:
    """Apply ``language`` to the running till now, without a restart (a cashier signing
    in, the settings saved); return the language used. On the GUI thread only.

    Qt posts ``LanguageChange`` to each window; they are delivered here, so the open
    screens speak the new language when this returns (and dates and money, formatted
    with the default ``QLocale``, follow it).
    """
    used = install_translations(app, language)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return used


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


class Retranslating:
    """Mixin for a widget that words itself in ``retranslate_ui()``: it does so again on
    each ``LanguageChange`` (put it before the Qt class: ``class X(Retranslating, QWidget)``)."""

    def retranslate_ui(self) -> None:  # pragma: no cover - each widget's own
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


def retranslate_model(model: QAbstractItemModel) -> None:
    """A model's headers and its cells built from data (states, money, dates) in the new
    language: the views ask for them again."""
    columns, rows = model.columnCount(), model.rowCount()
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))
