"""A refused lesson speaks the window's language: its first line and the tab's reason alike."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import QLocale

from desktop_nn.gui import i18n
from desktop_nn.gui.settings import app_settings
from desktop_nn.lessons import FORMAT
from tests.gui.messages import close_messages, message_boxes

#: A lesson's parts that a tab (or the window) refuses, and the Chinese words of the reason.
REFUSED = {
    "out of range": ({"training": {"learning_rate": 5000.0}},
                     "learning_rate 必须在 1e-06 到 1000 之间"),
    "wrong type": ({"training": {"hidden_size": "fifty"}}, "hidden_size 必须是数值"),
    "not a choice": ({"training": {"activation": "tanh"}}, "activation 必须是以下之一"),
    "numerical in float32": ({"training": {"gradient": "numerical", "dtype": "float32"}},
                             "数值微分求梯度需要 dtype"),
    "unknown input": ({"graph": {"preset": "apple", "inputs": {"orange": 1.0}}},
                      "未知的设置：orange"),
    "expression without its preset": ({"graph": {"preset": "apple", "expression": "x"}},
                                      "只能与预设"),
    "not one-hot": ({"layers": {"net": "simple", "t": [1, 1, 0]}}, "必须是 one-hot 表示"),
    "not a pair": ({"chapter4": {"field": {"point": [1.0]}}}, "point 必须是一对数值"),
    "a second tab refuses": ({"training": {"hidden_size": 20},
                              "graph": {"preset": "sigmoid", "position": 10_000}},
                             "position 必须在 0 到"),
}


@pytest.fixture
def chinese_window(qtbot):
    """A window made in Simplified Chinese, its data loaded; English again afterwards."""
    from desktop_nn.gui import MainWindow

    i18n.choose_language(app_settings(), "zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.state.data is not None, timeout=30_000)
    assert window.language == "zh_CN"
    yield window
    window.close()
    QLocale.setDefault(QLocale("en_US"))
    i18n.install_translators("en")


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_refused_lesson_is_explained_in_the_windows_language(chinese_window, tmp_path, case):
    tabs, reason = REFUSED[case]
    path = tmp_path / "lesson.json"
    path.write_text(json.dumps({"format": FORMAT, "version": 1, "title": {"en": "Refused"},
                                "tabs": tabs}), encoding="utf-8")
    assert not chinese_window.open_lesson_from(path)
    boxes = message_boxes(chinese_window, "lessonMessage")
    assert len(boxes) == 1
    text = boxes[0].text()
    close_messages(chinese_window, "lessonMessage")
    first, detail = text.split("\n\n", 1)
    assert "未打开；窗口保持不变" in first, first
    assert reason in detail, detail
    for english in ("must", "refused", "unknown", "needs", "only", "between"):
        assert english not in detail, detail
    assert not re.search(r"\(&?[A-Z0-9]\)", detail), "the tab's name keeps its mnemonic"


def test_a_lesson_naming_a_control_this_window_lacks_is_explained_too(chinese_window, tmp_path):
    path = tmp_path / "lesson.json"
    path.write_text(json.dumps({"format": FORMAT, "version": 1, "title": {"en": "Refused"},
                                "hide": ["noSuchButton"]}), encoding="utf-8")
    assert not chinese_window.open_lesson_from(path)
    text = message_boxes(chinese_window, "lessonMessage")[0].text()
    close_messages(chinese_window, "lessonMessage")
    assert "没有可以隐藏的名为 noSuchButton 的控件" in text, text


#: Damaged or foreign lesson files, and the Chinese words of the reason the file gives.
DAMAGED = {
    "not JSON": ("{ not json", "不是有效的 JSON"),
    "another format": (json.dumps({"format": "something-else", "version": 1}),
                       "不是 desktop_nn 的课程文件"),
    "newer": (json.dumps({"format": FORMAT, "version": 99, "title": {"en": "Later"}}),
              "请更新 desktop_nn 后再打开"),
    "no title": (json.dumps({"format": FORMAT, "version": 1}), "课程没有标题"),
    "bad zoom": (json.dumps({"format": FORMAT, "version": 1, "title": {"en": "Z"},
                             "zoom": 5000}), "zoom 必须是"),
    "a key twice": ('{"format": "FMT", "version": 1, "version": 1}'.replace("FMT", FORMAT),
                    "出现了两次"),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_damaged_lesson_file_is_explained_in_the_windows_language(chinese_window, tmp_path,
                                                                     case):
    """The lesson file's own checks (Qt-free) mark their messages for translation too."""
    text, reason = DAMAGED[case]
    path = tmp_path / "lesson.json"
    path.write_text(text, encoding="utf-8")
    assert not chinese_window.open_lesson_from(path)
    boxes = message_boxes(chinese_window, "lessonMessage")
    assert len(boxes) == 1
    detail = boxes[0].text().split("\n\n", 1)[1]
    close_messages(chinese_window, "lessonMessage")
    assert reason in detail, detail
    for english in ("not a lesson", "must", "update", "unknown", "appears"):
        assert english not in detail, detail
