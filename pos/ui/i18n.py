"""Translations: French by default, English shipped; Qt's own strings follow along."""

from __future__ import annotations

from importlib.resources import files

from pos.ui.qt import QApplication, QLibraryInfo, QLocale, QTranslator

SUPPORTED = ("fr", "en")
_installed: list[QTranslator] = []


def install_translations(app: QApplication, language: str = "fr") -> str:
    """Load the app's and qtbase's catalogs for ``language``; return the language used."""
    if language not in SUPPORTED:
        language = "fr"
    for translator in _installed:
        app.removeTranslator(translator)
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
