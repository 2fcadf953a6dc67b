"""The graph drawing's geometry in plain floats: tested without Qt, in a process of its own
that proves the module needs none."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from desktop_nn.gui.graph.geometry import (
    CLEARANCE,
    LABEL_GAP,
    boxes_meet,
    count_hits,
    grown,
    label_slot,
    rect_exit,
    segment,
    segment_meets_box,
    toward,
)
from desktop_nn.gui.graph.stepping import (
    can_step_backward,
    can_step_forward,
    next_position,
    previous_position,
)

BOX = (0.0, 0.0, 10.0, 10.0)


def test_the_pure_modules_need_no_qt():
    code = ("import sys; import desktop_nn.gui.graph.geometry, desktop_nn.gui.graph.stepping; "
            "print(any(name.startswith('PySide6') for name in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize(("segment_", "meets"), [
    ((-5, 5, 15, 5), True),     # straight through
    ((-5, -5, 15, 15), True),   # the diagonal
    ((-5, 12, 15, 12), False),  # passes below
    ((2, 2, 3, 3), True),       # inside
    ((11, -5, 11, 15), False),  # vertical, beside it
    ((5, -5, 5, -1), False),    # stops short
    ((-5, 30, 30, -5), False),  # passes the corner
    ((-5, 24, 24, -5), True),   # cuts the corner
])
def test_a_segment_meets_a_box_when_it_crosses_it(segment_, meets):
    assert segment_meets_box(*segment_, BOX) is meets


def test_boxes_meet_only_when_they_overlap():
    assert boxes_meet(BOX, (5, 5, 15, 15))
    assert not boxes_meet(BOX, (10, 0, 20, 10))  # touching edges
    assert grown(BOX, 2) == (-2, -2, 12, 12)


def test_toward_and_the_exit_of_a_rectangle():
    assert toward((0, 0), (3, 4), 2.5) == (1.5, 2.0)
    assert toward((0, 0), (3, 4), 99) == (3, 4)
    assert toward((1, 1), (1, 1), 5) == (1, 1)
    rect = (0.0, 0.0, 40.0, 20.0)  # left, top, width, height
    assert rect_exit(rect, (100, 12)) == (40.0, 10.0)  # ahead on the right: out of the side
    assert rect_exit(rect, (20, 100)) == (20.0, 20.0)  # straight down: the bottom edge
    x, y = rect_exit(rect, (-100, 10))
    assert (x, y) == (0.0, 10.0)


def test_a_flat_arrow_puts_its_value_above_and_its_gradient_below():
    anchor, sides, value, grad = label_slot((0, 0), (100, 0), 0.5, (20, 30), 10)
    assert anchor == (50, 0) and sides == ("above", "below", 0.0)
    assert value == (40, -LABEL_GAP - 10, 60, -LABEL_GAP)
    assert grad == (35, LABEL_GAP, 65, LABEL_GAP + 10)


def test_a_steep_arrow_puts_them_left_and_right():
    anchor, sides, value, grad = label_slot((0, 0), (0, 100), 0.25, (20, 30), 10)
    assert anchor == (0, 25) and sides[:2] == ("left", "right")
    assert value[2] == -LABEL_GAP and grad[0] == LABEL_GAP


def test_hits_count_vertices_other_arrows_and_placed_labels():
    label = (0.0, 0.0, 10.0, 10.0)
    vertex = (10.0 + CLEARANCE / 2, 0.0, 30.0, 10.0)  # within the clearance
    crossing = segment(1, (5, -20), (5, 20))
    own = segment(0, (5, -20), (5, 20))
    placed = [(-30.0, -30.0, -25.0, -25.0)]  # far away
    assert count_hits([label], 0, [vertex], [crossing, own], placed) == 2
    assert count_hits([label], 0, [], [own], placed) == 0
    assert count_hits([label], 0, [vertex], [crossing], placed, limit=1) == 1
    assert count_hits([label], 0, [], [], [(12.0, 0.0, 20.0, 10.0)]) == 1  # label spacing


def test_stepping_rules_on_the_apples_graph():
    from desktop_nn.graph import apple_graph

    graph = apple_graph()  # 2 nodes: forward 1, 2; backward 3, 4; done 5
    assert can_step_forward(graph) and not can_step_backward(graph)
    graph.seek(2)
    assert not can_step_forward(graph) and can_step_backward(graph)
    assert next_position(graph) == 3
    graph.seek(3)
    assert next_position(graph) == 5  # the last backward step also finishes
    graph.seek(5)
    assert previous_position(graph) == 3  # back from the end: before the last backward step
    assert not can_step_backward(graph)
    assert math.isclose(graph.grads()["apple"], 2.2)
