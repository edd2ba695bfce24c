"""Fonts and translations for Qt (paths come from desktop.paths, the one locator)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import fonts_dir, translations_dir

log = logging.getLogger(__name__)
FONT_FAMILY = "Sarabun"
_translators: list[QTranslator] = []


def register_fonts(app: QApplication, point_size: int = 11) -> str:
    """Register the bundled Sarabun and make it the application font; returns the family."""
    family = ""
    for path in sorted(fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("cannot load font %s", path)
            continue
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        font = QFont(family, point_size)
        app.setFont(font)
    return family


def install_translation(app: QCoreApplication, lang: str) -> bool:
    """Thai is the language of the source strings; English comes from samoe_en.qm."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Thai if lang == "th" else QLocale.Language.English,
                               QLocale.Country.Thailand))
    if lang == "th":
        # Qt ships no Thai for its own dialogs: OK/Cancel/Yes/No, the file dialog and
        # the text context menus come from our qt_th.ts (a Qt qtbase_th, should one ever
        # ship, is loaded first and ours overrides it)
        for name, folder in (
            ("qtbase_th", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            ("qt_th", str(translations_dir())),
        ):
            qt = QTranslator(app)
            if qt.load(name, folder):
                app.installTranslator(qt)
                _translators.append(qt)
        return True
    translator = QTranslator(app)
    if translator.load(str(translations_dir() / f"samoe_{lang}.qm")):
        app.installTranslator(translator)
        _translators.append(translator)
        return True
    log.warning("no translation for %s in %s", lang, translations_dir())
    return False
