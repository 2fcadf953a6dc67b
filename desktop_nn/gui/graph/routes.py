"""Where a computation graph's arrows go: straight from vertex to vertex, bowed apart when two
join the same vertices (``x * x``), bent around a vertex they would cross, and fanned out
where several leave one box."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF

from desktop_nn.graph import ComputationGraph
from desktop_nn.gui.graph.geometry import Box, segment_meets_box
from desktop_nn.gui.graph.items import VertexItem

#: Distance between columns of the layout, in scene units (pixels at zoom 1).
COLUMN_SPACING = 250.0
#: An edge passing closer than this to a vertex bends around it (room for a label).
ROUTE_CLEARANCE = 30.0
#: How far a bent edge passes from the vertex it avoids.
DETOUR = 50.0
#: Length of the arrow that leaves the result.
OUTPUT_LENGTH = 0.62 * COLUMN_SPACING


def box_of(rect: QRectF) -> Box:
    """A Qt rectangle as a box (left, top, right, bottom)."""
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def arrow_routes(graph: ComputationGraph, vertices: dict[str, VertexItem]) -> list[list[QPointF]]:
    """The polyline of every edge, bent around vertices it would cross."""
    routes: list[list[QPointF]] = []
    parallel: dict[tuple[str, str | None], list[int]] = {}
    for index, edge in enumerate(graph.edges):
        parallel.setdefault((edge.source, edge.target), []).append(index)
    for index, edge in enumerate(graph.edges):
        source = vertices[edge.source]
        start = source.center
        if edge.target is None:
            anchor = source.anchor_toward(QPointF(start.x() + 1000, start.y()))
            routes.append([anchor, QPointF(anchor.x() + OUTPUT_LENGTH, anchor.y())])
            continue
        target = vertices[edge.target]
        points = [start, target.center]
        twins = parallel[(edge.source, edge.target)]
        if len(twins) > 1:  # x * x: two arrows between the same vertices, bowed apart
            offset = (twins.index(index) - (len(twins) - 1) / 2) * 2 * DETOUR
            middle = QLineF(start, target.center)
            normal = middle.normalVector().unitVector()
            mid = middle.pointAt(0.5)
            points.insert(1, QPointF(mid.x() + normal.dx() * offset,
                                     mid.y() + normal.dy() * offset))
        _bend_around_vertices(vertices, points, {edge.source, edge.target})
        points[0] = source.anchor_toward(points[1])
        points[-1] = target.anchor_toward(points[-2])
        routes.append(points)
    _spread_fan_out(graph, vertices, routes)
    return routes


def _spread_fan_out(graph: ComputationGraph, vertices: dict[str, VertexItem],
                    routes: list[list[QPointF]]) -> None:
    """Arrows leaving one box start at different heights of its right side, in the order
    of their directions, so that they neither share a start nor cross there."""
    leaving: dict[str, list[int]] = {}
    for index, edge in enumerate(graph.edges):
        if edge.target is not None and graph.role(edge.source) != "node":
            leaving.setdefault(edge.source, []).append(index)
    for source, indices in leaving.items():
        item = vertices[source]
        rightward = [i for i in indices if routes[i][1].x() > item.rect.right()]
        if len(rightward) < 2:
            continue
        start = QPointF(item.rect.right(), item.center.y())

        def angle(i: int, start=start) -> float:
            ahead = routes[i][1]
            return math.atan2(ahead.y() - start.y(), ahead.x() - start.x())

        half = item.rect.height() * 0.3
        ordered = sorted(rightward, key=angle)
        for rank, index in enumerate(ordered):
            offset = -half + 2 * half * rank / (len(ordered) - 1)
            routes[index][0] = QPointF(start.x(), start.y() + offset)
            if len(routes[index]) == 2:  # re-aim the tip at the new start
                target = vertices[graph.edges[index].target]
                routes[index][-1] = target.anchor_toward(routes[index][0])


def _bend_around_vertices(vertices: dict[str, VertexItem], points: list[QPointF],
                          ends: set[str]) -> None:
    """Insert a corner into ``points`` wherever the polyline would cross a vertex other than
    its ``ends`` (a few times at most)."""
    for _ in range(4):
        hit = None
        for i in range(len(points) - 1):
            for vertex_id, item in vertices.items():
                if vertex_id in ends:
                    continue
                rect = item.rect.adjusted(-ROUTE_CLEARANCE, -ROUTE_CLEARANCE,
                                          ROUTE_CLEARANCE, ROUTE_CLEARANCE)
                a, b = points[i], points[i + 1]
                if segment_meets_box(a.x(), a.y(), b.x(), b.y(), box_of(rect)):
                    hit = (i, item)
                    break
            if hit:
                break
        if hit is None:
            return
        i, item = hit
        a, b = points[i], points[i + 1]
        center = item.center
        dx = b.x() - a.x()
        y_there = a.y() + (b.y() - a.y()) * ((center.x() - a.x()) / dx) if dx else a.y()
        half = item.rect.height() / 2 + DETOUR
        y = center.y() - half if y_there <= center.y() else center.y() + half
        points.insert(i + 1, QPointF(center.x(), y))
