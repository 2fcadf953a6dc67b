"""The Chapter 4 tab: numerical differentiation, the gradient field, gradient descent, and why a
network learns from its loss rather than its accuracy.

A thin view over the core: :mod:`desktop_nn.graph.function` (an expression as a function with
its exact gradient), :mod:`desktop_nn.core.gradient`, :mod:`desktop_nn.core.step_size`,
:mod:`desktop_nn.core.descent` and :mod:`desktop_nn.core.weight_sweep`. Each part is a widget of
its own module; :mod:`~desktop_nn.gui.chapter4.tab` puts them side by side as sub-tabs.
"""
