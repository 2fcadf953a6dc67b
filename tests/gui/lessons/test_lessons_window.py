"""Lessons in the window: saved and opened back the same, refused whole when anything is wrong,
the shipped ones applied, their hidden controls given back when they close."""

from __future__ import annotations

import json
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop_nn.lessons import FORMAT, read_lesson
from desktop_nn.lessons.shipped import lessons_dir
from tests.gui.messages import close_messages, message_boxes


def states(window) -> dict:
    return {key: tab.lesson_state() for key, tab in window.lessons.tabs.all().items()}


def lesson_file(path, **fields) -> str:
    data = {"format": FORMAT, "version": 1, "title": {"en": "A test lesson"}, **fields}
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_saved_lesson_opens_in_the_same_state(window, tmp_path):
    training, graph = window.training_tab, window.graph_tab
    # A seed above 2**31 - 1 too: the seed's box holds every seed the core takes.
    training.apply_lesson_state({"hidden_size": 30, "learning_rate": 0.5, "batch_size": 50,
                                 "seed": 3_141_592_653, "activation": "sigmoid", "speed": 5,
                                 "pause_each_epoch": True})
    assert training.config().seed == 3_141_592_653
    graph.apply_lesson_state({"preset": "expression", "expression": "x * y + exp(z)",
                              "inputs": {"x": 2.5, "z": -1.0}, "position": 2})
    window.lessons.tabs.show("graph")
    saved = states(window)
    path = tmp_path / "lesson.json"
    assert window.lessons.save_to(path, {"en": "Round trip"}, {"en": "Look."})
    training.apply_lesson_state({"hidden_size": 100, "learning_rate": 0.1, "speed": None,
                                 "pause_each_epoch": False})
    graph.apply_lesson_state({"preset": "apple"})
    window.lessons.tabs.show("training")
    assert states(window) != saved
    assert window.open_lesson_from(path)
    assert states(window) == saved
    assert window.lessons.tabs.current() == "graph"
    assert training.speed_control.slider.value() == 2  # 5 iterations a second
    panel = window.lessons.panel
    assert panel.isVisible() and "Round trip" in panel.title_label.text()
    assert panel.instructions.toPlainText() == "Look."


def refuse_cases(tmp_path) -> dict[str, str]:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    truncated = tmp_path / "truncated.json"
    truncated.write_text(json.dumps({"format": FORMAT, "version": 1,
                                     "title": {"en": "x"}})[:30], encoding="utf-8")
    huge = tmp_path / "huge.json"
    huge.write_bytes(b'{"pad": "' + b"x" * 300_000 + b'"}')
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 50_000 + b"]" * 50_000)
    pickled = tmp_path / "pickle.json"
    pickled.write_bytes(b"\x80\x04K\x01.")
    return {
        "truncated": str(truncated),
        "huge": str(huge),
        "deep": str(deep),
        "not JSON": str(pickled),
        "newer": lesson_file(tmp_path / "newer.json", version=2),
        "wrong types": lesson_file(tmp_path / "types.json", zoom="big", tabs={"graph": []}),
        "unknown tab": lesson_file(tmp_path / "tab.json", tab="spreadsheet"),
        "a folder": str(tmp_path),
        "a FIFO": str(fifo),
        "a tab refuses": lesson_file(
            tmp_path / "refuses.json",
            tabs={"training": {"learning_rate": 0.5, "hidden_size": 20},
                  "graph": {"preset": "apple", "inputs": {"orange": 1.0}}}),
        "a value out of range": lesson_file(tmp_path / "range.json",
                                            tabs={"training": {"learning_rate": 5000.0}}),
        "an unknown control": lesson_file(tmp_path / "hide.json", hide=["noSuchButton"]),
    }


@pytest.mark.parametrize("case", ["truncated", "huge", "deep", "not JSON", "newer",
                                  "wrong types", "unknown tab", "a folder", "a FIFO",
                                  "a tab refuses", "a value out of range",
                                  "an unknown control"])
def test_a_bad_lesson_is_one_message_and_changes_nothing(window, tmp_path, case):
    window.graph_tab.apply_lesson_state({"preset": "sigmoid", "position": 1})
    window.lessons.tabs.show("graph")
    before = states(window)
    path = refuse_cases(tmp_path)[case]
    assert not window.open_lesson_from(path)
    boxes = message_boxes(window, "lessonMessage")
    assert len(boxes) == 1
    assert "was not opened; the window is unchanged" in boxes[0].text()
    if case == "newer":
        assert "newer desktop_nn" in boxes[0].text()
    close_messages(window, "lessonMessage")
    assert states(window) == before
    assert window.lessons.tabs.current() == "graph"
    assert not window.lessons.panel.isVisible()


def test_a_lesson_for_a_tab_this_window_lacks_is_refused(window, tmp_path, monkeypatch):
    tabs = window.lessons.tabs.all()
    del tabs["graph"]
    monkeypatch.setattr(window.lessons.tabs, "all", lambda: tabs)
    before = states(window)
    path = lesson_file(tmp_path / "l.json", tabs={"training": {"hidden_size": 20},
                                                   "graph": {"preset": "apple"}})
    assert not window.open_lesson_from(path)
    assert "no graph tab" in message_boxes(window, "lessonMessage")[0].text()
    close_messages(window, "lessonMessage")
    assert states(window) == before


def test_a_training_lesson_waits_for_the_run_to_stop(window, tmp_path, qtbot):
    window.training_tab.apply_lesson_state({"iters": 1_000_000, "train_size": 300,
                                            "speed": 20})
    before = states(window)
    assert window.training_tab.start()
    path = lesson_file(tmp_path / "l.json", tabs={"training": {"learning_rate": 0.5},
                                                   "graph": {"preset": "apple"}})
    assert not window.open_lesson_from(path)
    assert "stop it first" in message_boxes(window, "lessonMessage")[0].text()
    close_messages(window, "lessonMessage")
    assert states(window) == before
    with qtbot.waitSignal(window.training_tab.run_ended, timeout=30_000):
        window.training_tab.stop()


def test_hidden_controls_come_back_when_the_lesson_closes(window, tmp_path):
    names = ["learningRateSpin", "trainingSpeedSlider", "graphExpressionEdit", "stepButton"]
    path = lesson_file(tmp_path / "l.json", tab="training", hide=names)
    assert window.open_lesson_from(path)
    widgets = [window.findChild(QWidget, name) for name in names]
    assert not any(widget.isVisible() for widget in widgets[:2] + widgets[3:])
    assert all(widget.isHidden() for widget in widgets)
    # A form's row goes with its label; a field elsewhere with the label that names it.
    spin = widgets[0]
    rate_label = spin.parentWidget().layout().labelForField(spin)
    expression_label = window.graph_tab.chooser.expression_label
    assert rate_label.isHidden() and expression_label.isHidden()
    window.lessons.close_lesson()
    assert not any(widget.isHidden() for widget in widgets)
    assert not rate_label.isHidden() and not expression_label.isHidden()
    assert not window.lessons.panel.isVisible()


def shipped() -> list[str]:
    return sorted(path.name for path in lessons_dir().glob("*.json"))


def test_six_lessons_ship_and_the_help_menu_lists_them(window):
    assert len(shipped()) == 6
    menu = window.findChild(QWidget, "lessonsMenu")
    titles = [action.text() for action in menu.actions()]
    assert len(titles) == 6
    assert all(read_lesson(lessons_dir() / name) for name in shipped())
    menu.actions()[2].trigger()  # the sigmoid
    assert window.lessons.panel.isVisible()
    assert window.graph_tab.lesson_state()["preset"] == "sigmoid"


def test_the_save_dialog_keeps_every_language_of_an_unchanged_text(qtbot):
    from desktop_nn.gui.lessons.save_dialog import SaveLessonDialog
    from desktop_nn.lessons import Lesson

    fresh = SaveLessonDialog(None, None, "ja_JP")
    qtbot.addWidget(fresh)
    fresh.title_edit.setText("りんご")
    fresh.instructions_edit.setPlainText("順伝播を進める")
    assert fresh.titles() == {"ja_JP": "りんご", "en": "りんご"}
    assert fresh.instructions() == {"ja_JP": "順伝播を進める", "en": "順伝播を進める"}
    lesson = Lesson(title={"en": "Apples", "zh_CN": "苹果", "ja_JP": "りんご"},
                    instructions={"en": "Step."})
    kept = SaveLessonDialog(None, lesson, "zh_CN")
    qtbot.addWidget(kept)
    assert kept.title_edit.text() == "苹果" and kept.titles() == lesson.title
    assert kept.instructions() == {"en": "Step."}
    kept.title_edit.setText("苹果和税")
    assert kept.titles() == {"en": "Apples", "zh_CN": "苹果和税", "ja_JP": "りんご"}


def restricted(state, like):
    """``state`` with only the keys ``like`` names, at every level of nesting."""
    if not isinstance(like, dict):
        return state
    return {key: restricted(state[key], value) for key, value in like.items()}


@pytest.mark.parametrize("name", shipped())
def test_every_shipped_lesson_opens(window, name):
    path = lessons_dir() / name
    lesson = read_lesson(path)
    assert window.open_lesson_from(path), message_boxes(window, "lessonMessage")[0].text()
    for key, state in lesson.tabs.items():
        now = window.lessons.tabs.all()[key].lesson_state()
        assert restricted(now, state) == state
    assert window.lessons.tabs.current() == lesson.tab
    for language in ("en", "zh_CN", "ja_JP"):
        assert lesson.title[language] and lesson.instructions[language]
    assert lesson.title["en"] in window.lessons.panel.title_label.text()


def test_a_lesson_fits_a_1024_pixel_screen(window, qtbot):
    """Beside the tabs the panel would need 1200 pixels: on a projector it goes below them."""
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=5_000)
    assert window.open_lesson_from(lessons_dir() / "05-chapter5-training.json")
    qtbot.wait(50)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768 - 30
    assert window.width() == 1024


def test_the_panel_follows_the_window_when_it_is_resized(window, qtbot):
    """Beside the tabs in a wide window, below them once it is narrowed, beside again when it is
    widened (a teacher moving the window from a laptop to a 1024-pixel projector and back)."""
    panel, central = window.lessons.panel, window.centralWidget()

    def resize(width: int) -> None:
        # Held wide by the panel beside the tabs, a window narrows in two steps, as under a
        # window manager: to its minimum with the panel beside, then further once it moved.
        for _ in range(2):
            window.resize(width, 768)
            QApplication.processEvents()
        qtbot.waitUntil(lambda: window.width() == width, timeout=5_000)

    def where() -> str:
        QApplication.processEvents()
        box, tabs = panel.geometry(), central.geometry()
        if window.dockWidgetArea(panel) == Qt.DockWidgetArea.RightDockWidgetArea:
            assert box.left() >= tabs.right() and box.top() < tabs.bottom()
            return "beside"
        assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.BottomDockWidgetArea
        assert box.top() >= tabs.bottom() and box.left() < tabs.right()
        return "below"

    resize(1360)
    assert window.open_lesson_from(lessons_dir() / "05-chapter5-training.json")
    assert where() == "beside"
    resize(1024)
    assert where() == "below"
    resize(1360)
    assert where() == "beside"
    resize(1024)
    assert where() == "below"
    window.lessons.close_lesson()
    resize(1360)  # a closed lesson's panel stays where it was, hidden
    assert not panel.isVisible()


def test_the_lessons_zoom_is_applied_and_saved(window, tmp_path):
    assert window.zoom_percent() == 100
    assert window.open_lesson_from(lesson_file(tmp_path / "zoom.json", zoom=150))
    assert window.zoom_percent() == 150
    window.set_zoom_percent(200)
    saved = tmp_path / "saved.json"
    assert window.lessons.save_to(saved, {"en": "At 200%"})
    assert read_lesson(saved).zoom == 200
    window.set_zoom_percent(100)
