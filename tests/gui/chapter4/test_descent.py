"""The Gradient descent part: the book's three runs, stepping, animation, diverging axes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop_nn.core.descent import gradient_descent
from desktop_nn.graph import ExpressionFunction
from desktop_nn.gui.chapter4.descent import DescentPart
from desktop_nn.gui.chapter4.descent_presets import PRESETS


@pytest.fixture
def part(qtbot):
    widget = DescentPart()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.timer.stop()


def choose(part, key: str) -> None:
    """Pick a run in the box as a user does."""
    combo = part.preset_combo
    index = combo.findData(key)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.key)
def test_each_book_run_ends_where_the_book_says(part, qtbot, preset):
    with qtbot.waitSignal(part.run_finished, timeout=20_000):
        choose(part, preset.key)
    assert part.learning_rate() == preset.learning_rate
    assert part.init() == (-3.0, 4.0) and part.steps() == 100
    assert len(part.path) == 101
    assert f"x = {preset.book_result}" in part.result_label.text()
    assert f"The book prints {preset.book_result}" in part.result_label.text()
    assert part.lesson_label.text()  # one sentence on what the run shows
    final, _ = gradient_descent(ExpressionFunction("x0^2 + x1^2"), np.array([-3.0, 4.0]),
                                preset.learning_rate, 100)
    assert np.array_equal(part.path[-1], final)


def test_the_box_follows_the_settings(part, qtbot):
    assert part.preset_combo.currentData() == "book-0.1"  # the defaults are the book's
    part.learning_rate_spin.setValue(0.05)
    assert part.preset_combo.currentData() is None
    assert part.lesson_label.text() == ""
    part.learning_rate_spin.setValue(10.0)
    assert part.preset_combo.currentData() == "book-10"


def test_the_learning_rate_box_takes_1e_minus_10_as_typed(part, qtbot):
    spin = part.learning_rate_spin
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "1e-10")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == 1e-10
    assert spin.text() == "1e-10"
    assert part.preset_combo.currentData() == "book-1e-10"


def test_stepping_one_step_at_a_time(part, qtbot):
    assert len(part.path) == 1
    qtbot.mouseClick(part.step_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(part.step_button, Qt.MouseButton.LeftButton)
    assert len(part.path) == 3
    assert np.allclose(part.path[1], [-3.0 * 0.8, 4.0 * 0.8])
    assert part.result_label.text().startswith("Step 2 of 100")
    qtbot.mouseClick(part.reset_button, Qt.MouseButton.LeftButton)
    assert len(part.path) == 1


def test_run_animates_over_several_ticks(part, qtbot):
    shown: list[int] = []
    part.timer.timeout.connect(lambda: shown.append(len(part.path)))
    with qtbot.waitSignal(part.run_finished, timeout=20_000):
        qtbot.mouseClick(part.run_button, Qt.MouseButton.LeftButton)
        assert part.is_animating() and len(part.path) == 1
    assert len(shown) > 10
    assert shown == sorted(shown) and shown[-1] == 101
    assert not part.is_animating()


def test_the_axes_follow_a_diverging_path_and_the_contours_follow_the_axes(part, qtbot):
    with qtbot.waitSignal(part.run_finished, timeout=20_000):
        choose(part, "book-10")
    view = part.plot.getPlotItem().getViewBox()
    qtbot.waitUntil(lambda: not part._redraw_timer.isActive())
    (a, b), (c, d) = view.viewRange()
    path = np.array(part.path)
    assert a <= path[:, 0].min() and path[:, 0].max() <= b
    assert c <= path[:, 1].min() and path[:, 1].max() <= d
    xs = part.contours.xData
    assert np.nanmax(np.abs(xs)) > 1e12  # drawn for the new range
    # A new run starts from the book's view again.
    with qtbot.waitSignal(part.run_finished, timeout=20_000):
        choose(part, "book-0.1")
    (a, b), _ = view.viewRange()
    assert b - a < 20


def test_a_step_that_overflows_stops_with_a_message(part, qtbot):
    # exp(700) is near the top of the float range: one step of lr 1e6 goes past it.
    assert part.expression.set_text("exp(-x0) + x1^2")
    part.init_spins[0].setValue(-700.0)
    part.learning_rate_spin.setValue(1e6)
    part.run_to_end()
    assert part.is_done()
    assert len(part.path) == 1
    assert "Stopped after step 0:" in part.result_label.text()
    assert "far too large" in part.result_label.text()
    assert np.all(np.isfinite(part.path))


def test_a_bad_expression_is_refused_and_the_settings_kept(part):
    assert not part.expression.set_text("x0 ** ")
    assert part.expression.error.text().startswith("Not changed:")
    assert part.function.text == "x0^2 + x1^2"
    assert part.preset_combo.currentData() == "book-0.1"
