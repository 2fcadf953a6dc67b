"""The window's languages: English (the source), Simplified Chinese and Japanese.

Translations are Qt Linguist files: ``resources/i18n/desktop_nn_<language>.ts`` are the sources
(edited with Qt Linguist, refreshed from the code with ``pyside6-lupdate``), and the compiled
``.qm`` files beside them are what the application loads. The language follows the system
locale unless the Language menu chose one; a choice applies from the next start. The command
line always speaks English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication

from desktop_nn.gui.settings import read_text
from desktop_nn.resources import resource_path

#: Language codes and their names, each written in its own language (for the menu).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文", "ja_JP": "日本語"}
#: Qt's own translations (the buttons of standard dialogs), by our language code.
QT_TRANSLATIONS = {"zh_CN": "qtbase_zh_CN", "ja_JP": "qtbase_ja"}
#: Fonts to prefer for Chinese characters in each language: the same character is drawn
#: differently in Chinese and Japanese typography, so the fallback font must match the language.
CJK_FONTS = {
    "zh_CN": ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
              "PingFang SC"),
    "ja_JP": ("Noto Sans CJK JP", "Source Han Sans JP", "Yu Gothic UI", "Meiryo",
              "Hiragino Sans"),
}
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []


def language_for_locale(locale: QLocale) -> str:
    """The language to show for a locale: Chinese and Japanese get theirs, others English."""
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    if locale.language() == QLocale.Language.Japanese:
        return "ja_JP"
    return "en"


def chosen_language(settings: QSettings) -> str | None:
    """The language picked in the Language menu, or None to follow the system."""
    value = read_text(settings, SETTINGS_KEY)
    return value if value in LANGUAGES else None


def choose_language(settings: QSettings, language: str | None) -> None:
    """Remember ``language`` (None: follow the system) for the next start."""
    if language is None:
        settings.remove(SETTINGS_KEY)
    elif language in LANGUAGES:
        settings.setValue(SETTINGS_KEY, language)
    else:
        raise ValueError(f"unknown language {language!r}: use one of {list(LANGUAGES)}")
    settings.sync()


def preferred_language(settings: QSettings) -> str:
    """The chosen language, or the system locale's."""
    return chosen_language(settings) or language_for_locale(QLocale())


_base_families: list[str] | None = None


def prefer_cjk_font(language: str) -> None:
    """Put the language's CJK font right after the interface font, when one is installed."""
    global _base_families
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        return
    font = QGuiApplication.font()
    if _base_families is None:
        _base_families = list(font.families()) or [font.family()]
    installed = set(QFontDatabase.families())
    extra = [name for name in CJK_FONTS.get(language, ()) if name in installed][:1]
    font.setFamilies(_base_families + extra)
    QGuiApplication.setFont(font)


def translation_file(language: str) -> str:
    """Path of the compiled translation of ``language``."""
    return str(resource_path("i18n", f"desktop_nn_{language}.qm"))


def install_translators(language: str) -> str:
    """Make the application speak ``language``; return the language actually installed.

    Replaces the translators this function installed before. English needs none. If a
    translation cannot be loaded, the window stays in English.
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    prefer_cjk_font(language)
    if language == "en" or language not in LANGUAGES:
        return "en"
    ours = QTranslator(app)
    if not ours.load(translation_file(language)):
        return "en"
    app.installTranslator(ours)
    _installed.append(ours)
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(QT_TRANSLATIONS[language], qt_folder):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    return language
