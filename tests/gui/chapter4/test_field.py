"""The Gradient field part: the book's points, clicking a point, the arrows, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from desktop_nn.core.gradient import numerical_gradient
from desktop_nn.gui.chapter4.field import FieldPart, grid_axis


@pytest.fixture
def part(qtbot):
    widget = FieldPart()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.reset_view()
    widget.redraw()
    return widget


@pytest.mark.parametrize(("point", "printed"), [((3.0, 4.0), "[6. 8.]"),
                                                ((0.0, 2.0), "[0. 4.]"),
                                                ((3.0, 0.0), "[6. 0.]")])
def test_the_book_points_show_the_book_gradients(part, point, printed):
    part.set_point(*point)
    text = part.value_label.text()
    assert f"numerical_gradient(f, np.array([{point[0]!r}, {point[1]!r}])) = {printed}" in text
    gradient = numerical_gradient(part.function, np.array(point))
    assert f"∂f/∂x0 = {float(gradient[0])!r}" in text


def test_a_point_off_the_view_widens_the_view(part):
    part.set_point(3.0, 4.0)
    (a, b), (c, d) = part.plot.getPlotItem().getViewBox().viewRange()
    assert a < 3.0 < b and c < 4.0 < d
    assert part.marker.xData[0] == 3.0 and part.marker.yData[0] == 4.0


def test_typing_a_point_into_the_boxes(part, qtbot):
    spin = part.point_spins[1]
    spin.clear()
    qtbot.keyClicks(spin, "-1.5")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert part.point()[1] == -1.5
    assert "[ 6. -3.]" in part.value_label.text()


def test_clicking_a_point_shows_its_partial_derivatives(part, qtbot):
    view = part.plot.getPlotItem().getViewBox()
    scene_pos = view.mapViewToScene(QPointF(1.0, -0.5))
    pixel = part.plot.mapFromScene(scene_pos)
    qtbot.mouseClick(part.plot.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(round(pixel.x()), round(pixel.y())))
    x0, x1 = part.point()
    # One pixel is under 0.02 of the view here; the click is rounded to 0.01.
    assert x0 == pytest.approx(1.0, abs=0.03) and x1 == pytest.approx(-0.5, abs=0.03)
    gradient = numerical_gradient(part.function, np.array([x0, x1]))
    assert f"{float(gradient[0])!r}" in part.value_label.text()


def test_the_arrows_are_minus_the_gradient_on_the_book_grid(part):
    assert list(grid_axis(-2.25, 2.25, 0.25)) == list(np.arange(-8, 9) * 0.25)
    xs, ys = part.arrows.xData, part.arrows.yData
    # Each arrow: a shaft and two barbs, as pairs of points; (0, 0) has none.
    shafts = len(xs) // 6
    (a, b), (c, d) = part.plot.getPlotItem().getViewBox().viewRange()
    step = min(b - a, d - c) / 18
    expected = len(grid_axis(a, b, step)) * len(grid_axis(c, d, step)) - 1
    assert shafts == expected
    start = np.column_stack((xs[0:2 * shafts:2], ys[0:2 * shafts:2]))
    end = np.column_stack((xs[1:2 * shafts:2], ys[1:2 * shafts:2]))
    direction = end - start
    minus_gradient = -2 * start  # f = x0^2 + x1^2
    cosine = np.sum(direction * minus_gradient, axis=1) / (
        np.linalg.norm(direction, axis=1) * np.linalg.norm(minus_gradient, axis=1))
    assert cosine == pytest.approx(np.ones(shafts))


def test_the_contours_are_circles_for_the_book_function(part):
    xs, ys = part.contours.xData, part.contours.yData
    radii = np.hypot(xs, ys)
    finite = radii[np.isfinite(radii)]
    assert finite.size > 100
    # Every contour point lies on a circle of one of the levels (grid interpolation: 1%).
    levels = np.unique(np.round(finite, 1))
    assert len(levels) >= 5


@pytest.mark.parametrize("text", ["x0^2", "x0 +* x1", "x0 + x1 + x2"])
def test_bad_expressions_are_refused_and_the_field_kept(part, text):
    before = part.value_label.text()
    assert not part.expression.set_text(text)
    assert part.expression.error.text().startswith("Not changed:")
    assert part.function.text == "x0^2 + x1^2"
    assert part.value_label.text() == before


def test_a_new_expression_redraws_the_field(part):
    assert part.expression.set_text("x0^2 - x1^2")
    part.set_point(1.0, 1.0)
    assert "[ 2. -2.]" in part.value_label.text()
