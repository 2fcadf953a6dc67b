"""The Derivative part: the book's numbers on screen, the point, the step slider, bad input."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtCore import QPointF, Qt

from desktop_nn.core.gradient import numerical_diff
from desktop_nn.graph import ExpressionFunction
from desktop_nn.gui.chapter4 import steps
from desktop_nn.gui.chapter4.derivative import DerivativePart


@pytest.fixture
def part(qtbot):
    widget = DerivativePart()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    return widget


@pytest.mark.parametrize(("x", "printed"), [(5.0, "0.1999999999990898"),
                                            (10.0, "0.2999999999986347")])
def test_the_book_values_are_printed_with_every_digit(part, x, printed):
    part.point_spin.setValue(x)
    assert f"numerical_diff(f, {x:g}) = {printed}" in part.value_label.text()
    assert "exact df/dx by backpropagation" in part.value_label.text()


def test_typing_the_point_into_the_box_moves_the_point_and_the_tangent(part, qtbot):
    part.point_spin.clear()
    qtbot.keyClicks(part.point_spin, "10")
    qtbot.keyClick(part.point_spin, Qt.Key.Key_Return)
    assert part.x == 10.0
    x, y, slope = part.curve.point
    assert (x, y) == (10.0, part.function(10.0))
    assert slope == numerical_diff(part.function, 10.0)
    xs, ys = part.curve.tangent.xData, part.curve.tangent.yData
    assert ys == pytest.approx(y + slope * (xs - x))


def test_dragging_the_point_snaps_to_tenths_so_the_book_points_are_reached(part):
    part.curve.target.setPos(QPointF(4.97, 3.0))  # as a mouse drag moves it
    assert part.x == 5.0
    assert "0.1999999999990898" in part.value_label.text()
    # The point stays on the curve, whatever height the drag left it at.
    assert part.curve.target.pos().y() == pytest.approx(part.function(5.0))


def test_the_step_slider_spans_1e_1_to_1e_20_on_a_log_scale(part):
    slider = part.step_slider
    assert slider.objectName() == "derivativeStepSlider"
    assert steps.step_at(slider.value()) == 1e-4  # the book's h to start with
    slider.setValue(slider.minimum())
    assert part.h == 1e-1
    assert part.step_label.text() == "h = 1e-1"
    slider.setValue(slider.maximum())
    assert part.h == 1e-20
    assert part.step_label.text() == "h = 1e-20"
    # Evenly spaced in log10(h): a quarter decade per position.
    hs = [steps.step_at(p) for p in range(slider.minimum(), slider.maximum() + 1)]
    assert len(hs) == 77
    assert all(math.isclose(math.log10(a) - math.log10(b), 0.25)
               for a, b in itertools.pairwise(hs))


def test_the_value_follows_the_step_and_the_method(part):
    f = ExpressionFunction("0.01*x^2 + 0.1*x")
    part.set_method("forward")
    part.step_slider.setValue(steps.position_of(1e-2))
    expected = numerical_diff(f, 5.0, 1e-2, "forward")
    assert repr(expected) in part.value_label.text()
    assert "forward" in part.value_label.text()


def test_an_h_of_1e_minus_20_gives_a_zero_derivative_and_the_plot_marks_its_error(part):
    part.step_slider.setValue(part.step_slider.maximum())
    assert "= 0.0 " in part.value_label.text()
    xs, ys = part.errors.marker.xData, part.errors.marker.yData  # not log10'd
    assert list(xs) == [1e-20]
    assert ys[0] == pytest.approx(0.2)  # all of the exact derivative is lost


def test_the_book_failure_at_h_1e_minus_50_is_said_in_words(part):
    text = part.bad_step_label.text()
    assert "1e-50" in text and "exactly 0" in text and "0.2" in text


def test_the_error_plot_holds_both_methods_over_every_step(part):
    for curve, method in ((part.errors.central, "central"), (part.errors.forward, "forward")):
        hs, errors = curve.xData, curve.yData
        assert len(hs) == 77 and hs[0] == 1e-1 and hs[-1] == 1e-20
        i = list(hs).index(1e-4)
        assert errors[i] == max(abs(numerical_diff(part.function, 5.0, 1e-4, method) - 0.2),
                                1e-20)


def test_truncation_lines_come_from_the_derivatives_of_f():
    f = ExpressionFunction("exp(x)")
    # |f'''|/6 and |f''|/2 at x = 1 are e/6 and e/2; the estimate's own error is O(a^2).
    assert steps.truncation_slope(f, 1.0, "central") == pytest.approx(math.e / 6, rel=1e-3)
    assert steps.truncation_slope(f, 1.0, "forward") == pytest.approx(math.e / 2, rel=1e-3)
    # A quadratic has no third derivative: the central difference has no truncation error.
    book = ExpressionFunction("0.01*x^2 + 0.1*x")
    assert steps.truncation_slope(book, 5.0, "central") == 0.0
    assert steps.truncation_slope(book, 5.0, "forward") == pytest.approx(0.01, rel=1e-6)


def test_a_bad_expression_is_refused_with_a_message_and_the_function_kept(part, qtbot):
    before = part.value_label.text()
    edit = part.expression.edit
    edit.selectAll()
    qtbot.keyClicks(edit, "0.01*x^^2")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert part.expression.error.text().startswith("Not changed:")
    assert part.function.text == "0.01*x^2 + 0.1*x"
    assert part.value_label.text() == before


def test_an_expression_of_two_variables_is_refused(part):
    assert not part.expression.set_text("x0 * x1")
    assert "exactly one variable" in part.expression.error.text()
    assert part.function.text == "0.01*x^2 + 0.1*x"


def test_a_new_expression_is_drawn_and_differentiated(part):
    assert part.expression.set_text("exp(x)")
    part.set_x(1.0)
    assert repr(numerical_diff(part.function, 1.0)) in part.value_label.text()
    assert part.expression.error.text() == ""
    xs, ys = part.curve.curve.xData, part.curve.curve.yData
    assert ys == pytest.approx([math.exp(x) for x in xs])


def test_a_point_where_f_is_undefined_says_so(part):
    assert part.expression.set_text("log(x)")
    part.set_x(-1.0)
    assert "undefined" in part.value_label.text()
    assert not part.curve.target.isVisible()
