"""What the Layer graph tab says about a layer or an element, with this batch's numbers.

:class:`DetailWriter` words the core's explanations (:mod:`desktop_nn.graph.layer_explain`,
:mod:`desktop_nn.graph.layer_forward`) as HTML for the detail panel: the layer's rule, the
element's rule with its actual terms (a long sum summarised, its total exact), why a gradient
has its array's shape, and the numerical derivative beside the value backpropagation gave.
The formulas are the core's, in symbols; only the words around them are translated.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject

from desktop_nn.graph import LayerGraph, explain_backward, explain_forward
from desktop_nn.graph.layer_explain import (
    AffineBackward,
    ReluBackward,
    SigmoidBackward,
    SoftmaxWithLossBackward,
    at,
)
from desktop_nn.graph.layer_forward import (
    ActivationForward,
    AffineForward,
    LossForward,
    SoftmaxForward,
)
from desktop_nn.graph.layer_kinds import RULE_CONTEXT
from desktop_nn.graph.terms import ShapeReason, SumOfTerms


def number(value: float) -> str:
    """A number in full enough precision to check a sum by hand (7 significant digits)."""
    text = f"{float(value):.7g}"
    return text.replace("-", "−")


def shape(dims: tuple[int, ...]) -> str:
    return "×".join(str(d) for d in dims) or "1"


def _code(text: str) -> str:
    """Symbols as the core writes them, spaces kept."""
    return f"<code style='white-space:pre-wrap'>{html.escape(text)}</code>"


def _para(text: str) -> str:
    return f"<p>{text}</p>"


def _note(text: str) -> str:
    return f"<p><i>{html.escape(text)}</i></p>"


class DetailWriter(QObject):
    """HTML for the detail panel (``gradient``: the colour gradients are written in)."""

    def __init__(self, gradient: str = "#B54F00", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gradient = gradient

    def _red(self, text: str) -> str:
        return f"<span style='color:{self.gradient}'>{text}</span>"

    # -- a layer -----------------------------------------------------------------------------
    def layer(self, graph: LayerGraph, name: str) -> str:
        """The layer's rule, its arrays' shapes in this batch, and an element as an example."""
        spec = graph.layer(name)
        rule = QCoreApplication.translate(RULE_CONTEXT, spec.kind.rule)
        parts = [f"<h3>{html.escape(name)}</h3>", f"<p>{html.escape(rule)}</p>",
                 f"<p>{_code(spec.kind.formula)}</p>"]
        rows = [(n, graph.array(n)) for n in (*spec.inputs, spec.output, *spec.internals)]
        shapes = ", ".join(f"{html.escape(n)}: {html.escape(a.shape_text or '1')}"
                           for n, a in rows)
        parts.append(_para(self.tr("Arrays in this batch:") + " " + shapes))
        example = self._layer_example(graph, spec)
        if example:
            parts.append("<hr>" + _note(self.tr("For example, its largest element:")))
            parts.append(example)
        else:
            parts.append(_note(self.tr("Step forward to compute this layer.")))
        parts.append(_note(self.tr("Click an element of a picture to see its numbers.")))
        return "".join(parts)

    def _layer_example(self, graph: LayerGraph, spec) -> str:
        """The element of largest magnitude of the layer's gradient (or output) explained."""
        for array in spec.inputs[1:] + spec.inputs[:1]:
            info = graph.array(array)
            grad = graph.grad(array)
            if info.grad_name is not None and grad is not None:
                return self.cell(graph, array, "grad", _largest(grad))
        value = graph.value(spec.output)
        if value is None:
            return ""
        return self.cell(graph, spec.output, "value", _largest(value))

    # -- an element --------------------------------------------------------------------------
    def cell(self, graph: LayerGraph, array: str, part: str, index: tuple[int, ...]) -> str:
        """Element ``index`` of array ``array``'s value or gradient (``part``)."""
        info = graph.array(array)
        if part == "grad":
            if info.role == "loss":
                return _para(_code("dL/dL = 1") + " — "
                             + self.tr("the backward pass starts with 1 at the loss."))
            return self.backward(explain_backward(graph, info.grad_name, index))
        if info.source is not None:
            return self.forward(explain_forward(graph, array, index))
        value = float(np.asarray(graph.value(array))[index])
        text = f"<p>{_code(at(array, index))} = {number(value)}</p>"
        if info.grad_name is not None and graph.grad(array) is not None:
            text += self.backward(explain_backward(graph, info.grad_name, index))
        elif info.grad_name is not None:
            text += _note(self.tr("Its gradient arrives in the backward pass."))
        return text

    # -- backward ----------------------------------------------------------------------------
    def backward(self, e) -> str:
        head = (f"<p><b>{html.escape(e.layer)}</b>: {self._red(_code(e.formula))}</p>"
                f"<p>{self._red(_code(e.element))}</p>")
        if isinstance(e, AffineBackward):
            body = self.terms(e.terms, e.factor_names) + self.shape_reason(e.shape_reason)
        elif isinstance(e, ReluBackward):
            body = self.relu(e)
        elif isinstance(e, SigmoidBackward):
            body = (f"<p>y = {number(e.y)}, y(1 − y) = {number(e.local)}, "
                    f"dout = {number(e.dout)}: dout·y(1 − y) = {number(e.value)}</p>")
        elif isinstance(e, SoftmaxWithLossBackward):
            body = self.softmax_row(e)
        else:
            body = ""
        return head + body + self.compare(e.value, e.numerical)

    def compare(self, value: float, numerical: float) -> str:
        """Backpropagation's value beside the central difference, and how far apart they are."""
        rows = [(self.tr("Backpropagation:"), self._red(number(value))),
                (self.tr("Numerical derivative (central difference, h = 1e-4):"),
                 number(numerical)),
                (self.tr("Difference:"), f"{abs(value - numerical):.1e}")]
        cells = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
        return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"

    def terms(self, terms: SumOfTerms, names: tuple[str, ...] = ()) -> str:
        """A sum term by term, a column per factor (headed by ``names``); the terms not shown
        added up in one line; the exact total."""
        if terms.count == 1 and not terms.variable:
            term = terms.shown[0]
            return (f"<p>= {' · '.join(number(f) for f in term.factors)}"
                    f" = {number(term.value)}</p>")
        width = len(terms.shown[0].factors) if terms.shown else len(names)
        rows = []
        if len(names) == width:
            heads = "".join(f"<th>{html.escape(n)}</th>" for n in names)
            rows.append(f"<tr><th>{terms.variable}</th>{heads}<th></th></tr>")
        for term in terms.shown:
            factors = "".join(f"<td align='right'>{number(f)}</td>" for f in term.factors)
            rows.append(f"<tr><td>{term.index}</td>{factors}"
                        f"<td align='right'>{number(term.value)}</td></tr>")
        span = f" colspan='{width + 1}'"
        if terms.rest_count:
            rest = self.tr("the other {count} terms ({zeros} of them 0)").format(
                count=terms.rest_count, zeros=terms.zero_count
                - sum(1 for t in terms.shown if t.value == 0))
            rows.append(f"<tr><td{span}>+ {rest}</td>"
                        f"<td align='right'>{number(terms.rest)}</td></tr>")
        total = self.tr("Sum of {count} terms").format(count=terms.count)
        rows.append(f"<tr><td{span}><b>{total}</b></td>"
                    f"<td align='right'><b>{number(terms.total)}</b></td></tr>")
        note = ""
        if terms.rest_count:
            note = _note(self.tr("The largest terms are shown; the sum is of all of them."))
        return f"<table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>{note}"

    def shape_reason(self, reason: ShapeReason) -> str:
        operands = " · ".join(f"{html.escape(n)} ({shape(s)})" for n, s in reason.operands)
        if reason.operation == "product":
            text = self.tr("{operands} gives {result}: the shape of {array}, one gradient for "
                           "each of its elements.")
        else:
            text = self.tr("{operands} summed over the batch axis gives {result}: the shape of "
                           "{array}; every sample adds its gradient to the same bias.")
        return "<p>" + text.format(operands=operands, result=shape(reason.result),
                                   array=html.escape(reason.matches)) + "</p>"

    def relu(self, e: ReluBackward) -> str:
        if e.passes:
            text = self.tr("{x} > 0: the mask lets the gradient through, {dout}.")
        else:
            text = self.tr("{x} ≤ 0: the mask stops the gradient; 0 flows back.")
        parts = [f"<p>{text.format(x=number(e.x), dout=number(e.dout))}</p>",
                 "<p>" + self.tr("In this sample {passing} of {size} units pass their "
                                 "gradient.").format(passing=e.row_passing, size=e.row_size)
                 + "</p>"]
        if e.near_kink:
            parts.append("<p><i>" + self.tr("The input is within h of 0, where ReLU bends: the "
                                            "central difference straddles the bend.") + "</i></p>")
        return "".join(parts)

    def softmax_row(self, e: SoftmaxWithLossBackward) -> str:
        header = "<tr><th>k</th><th>y</th><th>t</th><th>(y − t) / N</th></tr>"
        rows = []
        for k, (y, t, g) in enumerate(zip(e.y_row, e.t_row, e.grad_row, strict=True)):
            mark = " style='font-weight:bold'" if g == e.value and y == e.y else ""
            rows.append(f"<tr{mark}><td>{k}</td><td>{number(y)}</td><td>{t:g}</td>"
                        f"<td>{self._red(number(g))}</td></tr>")
        note = self.tr("N = {n}: each sample's share of the mean loss.").format(n=e.batch_size)
        return (f"<table cellspacing='0' cellpadding='2'>{header}{''.join(rows)}</table>"
                f"<p>{note}</p>")

    # -- forward -----------------------------------------------------------------------------
    def forward(self, e) -> str:
        head = (f"<p><b>{html.escape(e.layer)}</b>: {_code(e.formula)}</p>"
                f"<p>{_code(e.element)}</p>")
        if isinstance(e, AffineForward):
            body = self.terms(e.terms, e.factor_names)
            if e.bias is not None:
                bias = e.element.rsplit("+ ", 1)[-1]
                body += f"<p>+ {html.escape(bias)} = {number(e.bias)}</p>"
        elif isinstance(e, ActivationForward):
            body = f"<p>x = {number(e.x)}</p>"
        elif isinstance(e, SoftmaxForward):
            body = (f"<p>m = {number(e.shift)}; exp(a − m): "
                    f"{', '.join(number(v) for v in e.exps)}</p>")
        elif isinstance(e, LossForward):
            body = self.terms(e.terms, ("y[n, tₙ]",))
        else:
            body = ""
        return head + body + f"<p><b>= {number(e.value)}</b></p>"


def _largest(values) -> tuple[int, ...]:
    values = np.asarray(values)
    if values.ndim == 0:
        return ()
    return tuple(int(k) for k in np.unravel_index(np.argmax(np.abs(values)), values.shape))
