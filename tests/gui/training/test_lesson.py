"""The Training tab honours the tab contract: its main view and the controls a lesson hides
(its lesson state is tested with the lessons, in tests/gui/lessons)."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView


def test_the_main_view_holds_the_curves_and_the_runs_table(window):
    tab = window.training_tab
    view = tab.main_view()
    assert view.isAncestorOf(tab.loss_plot) and view.isAncestorOf(tab.accuracy_plot)
    assert view.isAncestorOf(view.findChild(QTableView, "runsTable"))
    hideable = tab.hideable_controls()
    for name in ("runsTable", "repeatSeedsButton", "clearRunsButton", "learningRateSpin"):
        assert hideable[name].objectName() == name
