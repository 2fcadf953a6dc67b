"""Changing the window's language: "Restart now" puts a new window in its place.

Every text of the window is written in its language when the widget is made, so a new language
takes a new window. Restarting is done in the same process: the old window saves its settings
(the hyperparameters, the plot options, its size and place, the tab shown), a new window is made
from them in the language now chosen, and the old one closes as the close button closes it
(stopping a training run and every other thread first). The data is loaded again from the cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_nn.gui.settings import APPLICATION

if TYPE_CHECKING:
    from desktop_nn.gui.main_window import MainWindow

#: What the question says, in the language being chosen (the one the user can read): the
#: question, then the two buttons.
RESTART_TEXTS = {
    "en": ("The window will speak English after a restart. Restart now? A training run in "
           "progress stops; the settings and the tab shown are kept.",
           "&Restart now", "&Later"),
    "zh_CN": ("重新启动后，界面将使用简体中文。现在重新启动吗？正在进行的训练会停止；"
              "设置和当前显示的标签页会保留。",
              "立即重新启动(&R)", "稍后(&L)"),
    "ja_JP": ("再起動すると表示が日本語になります。今すぐ再起動しますか？実行中の学習は停止します。"
              "設定と表示中のタブはそのまま引き継がれます。",
              "今すぐ再起動(&R)", "後で(&L)"),
}

#: The windows made by a restart, kept alive here (a window without a parent needs a
#: Python reference); a window leaves the list when it is destroyed.
_windows: list[MainWindow] = []


def ask_to_restart(window: MainWindow, language: str) -> QMessageBox:
    """Ask, in ``language``, whether to restart now; "Restart now" calls :func:`restart`."""
    question, restart_text, later_text = RESTART_TEXTS.get(language, RESTART_TEXTS["en"])
    box = QMessageBox(QMessageBox.Icon.Question, APPLICATION, question,
                      QMessageBox.StandardButton.NoButton, window)
    box.setObjectName("languageNotice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    restart_button = box.addButton(restart_text, QMessageBox.ButtonRole.AcceptRole)
    restart_button.setObjectName("restartNowButton")
    later_button = box.addButton(later_text, QMessageBox.ButtonRole.RejectRole)
    later_button.setObjectName("restartLaterButton")
    box.setDefaultButton(restart_button)
    restart_button.clicked.connect(lambda: restart(window))
    box.open()
    return box


def restart(window: MainWindow) -> MainWindow:
    """Replace ``window`` by a new one made from the saved settings; return the new one."""
    from desktop_nn.gui.main_window import MainWindow

    window.save_settings()
    successor = MainWindow()
    _windows.append(successor)
    successor.destroyed.connect(lambda: _windows.remove(successor)
                                if successor in _windows else None)
    successor.show()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.close()
    return successor


def current_windows() -> list[MainWindow]:
    """The windows restarts have made that are still open (newest last)."""
    return list(_windows)
