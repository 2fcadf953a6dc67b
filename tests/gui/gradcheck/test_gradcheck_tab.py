"""The Gradient check tab, driven as a user would: real MNIST samples, a real thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
)

from desktop_nn.core.gradient import gradient_check
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.gradcheck import job as job_module
from desktop_nn.gui.gradcheck.tab import GradientCheckTab
from desktop_nn.gui.gradcheck.texts import format_sci

PARAMS = ("W1", "b1", "W2", "b2")


def configure(tab, *, samples=2, hidden=5, activation="relu", seed=0, book_delta=True):
    tab.samples_spin.setValue(samples)
    tab.hidden_spin.setValue(hidden)
    tab.activation_combo.setCurrentIndex(tab.activation_combo.findData(activation))
    tab.seed_spin.setValue(seed)
    tab.delta_check.setChecked(book_delta)


def run_check(tab, qtbot, timeout=60_000) -> str:
    with qtbot.waitSignal(tab.check_ended, timeout=timeout) as ended:
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    return ended.args[0]


def table_column(tab, column: int) -> list[str]:
    return [tab.table.item(row, column).text() for row in range(tab.table.rowCount())]


def test_named_widgets_and_tooltips(window):
    tab = window.gradcheck_tab
    assert window.findChild(QPushButton, "gradcheckRunButton") is tab.run_button
    assert window.findChild(QTableWidget, "gradcheckTable") is tab.table
    controls = [*tab.findChildren(QSpinBox), *tab.findChildren(QComboBox),
                *tab.findChildren(QCheckBox), *tab.findChildren(QPushButton)]
    assert len(controls) >= 7
    for widget in controls:
        assert widget.toolTip().strip(), f"{widget.objectName()} has no tooltip"
    assert "&" in tab.run_button.text() and "&" in tab.delta_check.text()
    # The book's defaults.
    assert tab.samples_spin.value() == 3 and tab.hidden_spin.value() == 50
    assert tab.delta_check.isChecked()
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "&Gradient check"


def mnemonic(text: str) -> str | None:
    position = text.replace("&&", "").find("&")
    return text.replace("&&", "")[position + 1].lower() if position >= 0 else None


def test_mnemonics_do_not_clash_with_the_tabs_and_menus(window):
    tab = window.gradcheck_tab
    window.tabs.setCurrentWidget(tab)
    always_active = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    always_active += [action.text() for action in window.menuBar().actions()]
    own = [w.text() for w in (*tab.findChildren(QPushButton), *tab.findChildren(QCheckBox),
                              *tab.findChildren(QLabel)) if w.isVisible()]
    keys = [k for k in map(mnemonic, always_active + own) if k]
    assert len(keys) == len(set(keys)), sorted(keys)


def test_a_small_check_matches_the_core(window, qtbot):
    tab = window.gradcheck_tab
    configure(tab, samples=2, hidden=5, activation="sigmoid", seed=7)
    assert run_check(tab, qtbot) == "finished"

    (x_train, t_train), _ = window.state.data
    net = TwoLayerNet(784, 5, 10, activation="sigmoid", seed=7)
    expected = gradient_check(net, x_train[:2], t_train[:2])

    assert tab.table.rowCount() == 4
    assert table_column(tab, 0) == list(PARAMS)
    assert table_column(tab, 1) == ["784 × 5", "5", "5 × 10", "10"]
    for column, attribute in ((2, "mean_abs_diff"), (3, "max_abs_diff"), (4, "max_rel_error")):
        want = [format_sci(getattr(expected.params[key], attribute)) for key in PARAMS]
        assert table_column(tab, column) == want, attribute
    for key in PARAMS:
        assert tab.result.params[key].mean_abs_diff == pytest.approx(
            expected.params[key].mean_abs_diff, rel=1e-6)
    assert "times faster" in tab.timing_label.text()
    assert tab.result.numerical_seconds > 0 and tab.result.backprop_seconds > 0
    assert tab.progress_bar.value() == tab.progress_bar.maximum() == 784 * 5 + 5 + 50 + 10
    assert "first 2 MNIST training images" in tab.settings_label.text()
    assert tab.history_table.rowCount() == 1
    assert tab.run_button.isEnabled() and not tab.cancel_button.isEnabled()


def test_the_delta_switch_reproduces_the_books_orders_of_magnitude(window, qtbot):
    tab = window.gradcheck_tab
    configure(tab, book_delta=False)
    assert run_check(tab, qtbot) == "finished"
    exact = tab.result
    configure(tab, book_delta=True)
    assert run_check(tab, qtbot) == "finished"
    book = tab.result

    for key in PARAMS:
        assert exact.params[key].mean_abs_diff < 1e-9, key
    assert book.params["b2"].mean_abs_diff >= 100 * exact.params["b2"].mean_abs_diff
    assert 1e-8 < book.params["b2"].mean_abs_diff < 1e-6
    # Both runs are listed, newest first.
    assert tab.history_table.rowCount() == 2
    assert tab.history_table.item(0, 0).text() == "yes"
    assert tab.history_table.item(1, 0).text().startswith("no")
    assert tab.history_table.item(1, 8).text() == format_sci(exact.params["b2"].mean_abs_diff)


@pytest.fixture
def elements_after_cancel(monkeypatch) -> list[int]:
    """Parameter elements the check finished after Cancel was asked for."""
    seen: list[int] = []
    reporter = job_module.element_reporter

    def counting_reporter(task):
        report = reporter(task)

        def counting(done, total):
            if task.cancel_requested():
                seen.append(done)
            return report(done, total)

        return counting

    monkeypatch.setattr(job_module, "element_reporter", counting_reporter)
    return seen


def test_cancelling_a_long_check(window, qtbot, elements_after_cancel):
    tab = window.gradcheck_tab
    configure(tab, samples=3, hidden=50)
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert tab.is_running and not tab.run_button.isEnabled()
    qtbot.waitUntil(lambda: tab.progress_bar.value() > 0, timeout=30_000)
    assert tab.progress_bar.value() < tab.progress_bar.maximum()
    worker = tab.worker
    with qtbot.waitSignal(tab.check_ended, timeout=30_000) as ended:
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    assert not worker.is_running()
    # Prompt, counted in work rather than seconds: the element being computed when Cancel came
    # is the last one (of 39,760).
    assert len(elements_after_cancel) == 1
    assert ended.args == ["cancelled"]
    assert "cancelled" in tab.status_label.text()
    assert not tab.is_running
    assert tab.run_button.isEnabled() and not tab.cancel_button.isEnabled()
    assert tab.hidden_spin.isEnabled()
    assert table_column(tab, 2) == ["–"] * 4  # no half result
    assert tab.history_table.rowCount() == 0


def test_closing_the_window_during_a_check_stops_it(window, qtbot, elements_after_cancel):
    tab = window.gradcheck_tab
    configure(tab, samples=3, hidden=50)
    tab.start()
    qtbot.waitUntil(lambda: tab.progress_bar.value() > 0, timeout=30_000)
    worker = tab.worker
    window.close()
    assert not tab.is_running
    assert not worker.is_running()
    assert len(elements_after_cancel) == 1  # closing cancels at once, as the button does


def test_without_data_the_check_cannot_start(qtbot):
    tab = GradientCheckTab(AppState())
    qtbot.addWidget(tab)
    assert not tab.run_button.isEnabled()
    assert tab.start() is False
    assert "Waiting" in tab.status_label.text()
