"""Plane geometry for drawing a computation graph, in plain floats (no Qt).

Points are ``(x, y)``; boxes ``(left, top, right, bottom)``; rectangles ``(left, top, width,
height)``, as Qt keeps them; all in scene units, y growing downwards as on screen. The scene
asks here whether an arrow crosses a vertex (to bend it around), where an arrow meets a
vertex's outline, and where along an arrow its two labels fit without touching a vertex,
another arrow or another label. Tested without Qt.
"""

from __future__ import annotations

import math

Point = tuple[float, float]
Box = tuple[float, float, float, float]
Rect = tuple[float, float, float, float]
#: An arrow's piece: (edge index, x0, y0, x1, y1, its bounding box).
Segment = tuple[int, float, float, float, float, Box]

#: Space between an arrow and its labels.
LABEL_GAP = 5.0
#: Space kept free around every label, vertex and arrow when labels are placed.
CLEARANCE = 4.0
#: Space kept free between labels.
LABEL_SPACING = 8.0


def grown(box: Box, margin: float) -> Box:
    """``box`` with ``margin`` added on every side."""
    return box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin


def boxes_meet(p: Box, q: Box) -> bool:
    """Whether two boxes overlap (touching edges do not count)."""
    return p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]


def segment_meets_box(x0: float, y0: float, x1: float, y1: float, box: Box) -> bool:
    """Whether the segment from (x0, y0) to (x1, y1) meets ``box`` (Liang-Barsky clipping)."""
    dx, dy = x1 - x0, y1 - y0
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            if t > lo:
                lo = t
        elif t < hi:
            hi = t
        if lo > hi:
            return False
    return True


def segment(index: int, a: Point, b: Point) -> Segment:
    """The piece from ``a`` to ``b`` of arrow ``index``, with its bounding box."""
    (x0, y0), (x1, y1) = a, b
    return index, x0, y0, x1, y1, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def toward(center: Point, point: Point, distance: float) -> Point:
    """The point ``distance`` from ``center`` towards ``point`` (no further than it)."""
    dx, dy = point[0] - center[0], point[1] - center[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return center
    share = min(1.0, distance / length)
    return center[0] + dx * share, center[1] + dy * share


def rect_exit(rect: Rect, point: Point) -> Point:
    """Where the ray from the centre of ``rect`` towards ``point`` leaves it; straight out of
    the right side for a point ahead on the right (as the book's arrows leave their boxes)."""
    left, top, width, height = rect
    cx, cy = left + width / 2, top + height / 2
    dx, dy = point[0] - cx, point[1] - cy
    if dx > 0 and abs(dy) * width <= dx * height * 1.2:
        return left + width, cy
    scale = min((width / 2) / abs(dx) if dx else math.inf,
                (height / 2) / abs(dy) if dy else math.inf)
    if not math.isfinite(scale):
        return left + width, cy
    return cx + dx * scale, cy + dy * scale


def count_hits(boxes: list[Box], own: int, obstacles: list[Box], segments: list[Segment],
               placed: list[Box], limit: float = math.inf) -> int:
    """How many vertices, other arrows and placed labels the label ``boxes`` of arrow ``own``
    touch (counting stops at ``limit``)."""
    hits = 0
    for box in boxes:
        padded = grown(box, CLEARANCE)
        spaced = grown(box, LABEL_SPACING)
        hits += sum(boxes_meet(other, padded) for other in obstacles)
        hits += sum(boxes_meet(other, spaced) for other in placed)
        if hits >= limit:
            return hits
        for index, x0, y0, x1, y1, bounds in segments:
            if (index != own and boxes_meet(bounds, padded)
                    and segment_meets_box(x0, y0, x1, y1, padded)):
                hits += 1
                if hits >= limit:
                    return hits
    return hits


def label_slot(a: Point, b: Point, t: float, widths: tuple[float, float],
               height: float) -> tuple[Point, tuple[str, str, float], Box, Box]:
    """Labels at ``t`` (0..1) along ``a``-``b``: the anchor, the sides of the value and the
    gradient label with the slope they follow, and the two boxes they would take.

    A flat arrow has its value above and its gradient below; a steep one has them left and
    right. ``widths`` are the two labels' widths, ``height`` their height.
    """
    dx, dy = b[0] - a[0], b[1] - a[1]
    x, y = a[0] + dx * t, a[1] + dy * t
    value_width, grad_width = widths
    if abs(dx) >= 0.6 * abs(dy):
        slope = dy / dx if dx else 0.0
        value_box = _box(x - value_width / 2,
                         y - LABEL_GAP - abs(slope) * value_width / 2 - height,
                         value_width, height)
        grad_box = _box(x - grad_width / 2, y + LABEL_GAP + abs(slope) * grad_width / 2,
                        grad_width, height)
        return (x, y), ("above", "below", slope), value_box, grad_box
    slope = dx / dy if dy else 0.0
    run = abs(slope) * height / 2
    value_box = _box(x - LABEL_GAP - run - value_width, y - height / 2, value_width, height)
    grad_box = _box(x + LABEL_GAP + run, y - height / 2, grad_width, height)
    return (x, y), ("left", "right", slope), value_box, grad_box


def _box(left: float, top: float, width: float, height: float) -> Box:
    return left, top, left + width, top + height
