"""The runs table: runs kept over a restart, repeats over seeds, exports, damaged folders, clear.

Short real MNIST runs (2,000 training images, tens of iterations), each test in a data folder
of its own (see ``private_data_dir``): a second window on the same folder is a restart.
"""

from __future__ import annotations

import statistics

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton, QTableView

from desktop_nn.cli import main as cli_main
from desktop_nn.core.curve_series import moving_average
from desktop_nn.core.run_record import same_history
from desktop_nn.core.run_store import RunStore
from desktop_nn.core.seeds import seed_band
from desktop_nn.gui.training.runs_table import COLUMNS, mean_std_text
from tests.gui.messages import answer, message_boxes
from tests.run_records import made_up

#: pandas reads a float written with repr to within one ulp (its "high" precision parser).
CSV_RTOL = 2 * np.finfo(np.float64).eps


def configure(tab, *, iters, seed=0, lr=0.1):
    panel = tab.panel
    panel.train_size_spin.setValue(2000)
    panel.iters_spin.setValue(iters)
    panel.learning_rate_spin.setValue(lr)
    panel.seed_spin.setValue(seed)


def train(tab, qtbot, **settings) -> None:
    configure(tab, **settings)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()
    wait_kept(tab, qtbot)


def wait_kept(tab, qtbot) -> None:
    """Until the runs that ended are written to disk (on the store's writer thread)."""
    qtbot.waitUntil(lambda: tab.book.writer.pending == 0, timeout=30_000)


def open_window(qtbot):
    """A new window on the same data folder: the application started again."""
    from desktop_nn.gui import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.state.data is not None, timeout=30_000)
    return main


def table(tab) -> QTableView:
    view = tab.findChild(QTableView, "runsTable")
    assert view is not None
    return view


def table_rows(tab) -> list[dict[str, str]]:
    """The runs table as the user reads it: a dict of column name to text per row."""
    model = table(tab).model()
    return [{name: model.index(row, column).data() for column, name in enumerate(COLUMNS)}
            for row in range(model.rowCount())]


def records(tab):
    return [run.record for run in tab.runs.runs]


def kept_names() -> list[str]:
    return [record.name for record in RunStore().load().runs]


def test_two_runs_come_back_after_a_restart_with_the_same_accuracies(window, qtbot):
    tab = window.training_tab
    train(tab, qtbot, iters=60, seed=1)
    train(tab, qtbot, iters=60, seed=2, lr=0.2)
    before, shown = records(tab), table_rows(tab)
    assert [row["name"] for row in shown] == ["run 1", "run 2"]
    assert [row["status"] for row in shown] == ["finished", "finished"]
    assert shown[1]["changed"] == "learning_rate 0.1 → 0.2, seed 1 → 2"
    assert shown[0]["final_test"] == f"{before[0].final_test_acc:.4f}"
    window.close()

    again = open_window(qtbot)
    after = records(again.training_tab)
    assert table_rows(again.training_tab) == shown
    assert [r.final_accuracies() for r in after] == [r.final_accuracies() for r in before]
    assert all(same_history(a.history, b.history) for a, b in zip(after, before, strict=True))
    # Both come back with their curves, and the next run is numbered after them.
    assert [item.name() for item in again.training_tab.loss_plot.overlays] == [
        "run 1: lr 0.1, hidden 50, SGD", "run 2: lr 0.2, hidden 50, SGD"]
    train(again.training_tab, qtbot, iters=20, seed=3)
    assert [row["name"] for row in table_rows(again.training_tab)] == ["run 1", "run 2", "run 3"]
    again.close()


def test_three_seeds_give_a_band_and_a_mean_std_that_match_the_histories(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=120, seed=7)
    with qtbot.waitSignal(tab.repeats.done, timeout=180_000) as done:
        tab.findChild(QPushButton, "repeatSeedsButton").click()
        dialog = tab.findChild(QInputDialog, "repeatSeedsDialog")
        dialog.setIntValue(3)
        dialog.accept()
    band = done.args[0]
    kept = records(tab)
    assert [r.seed for r in kept] == [7, 8, 9]
    assert {r.group for r in kept} == {"seeds 7–9"} and band.runs == 3

    # Mean and sample std, point by point, from the histories (statistics: an independent
    # reference; the std's rounding is about eps * mean / std relative, far below 1e-12).
    test = np.array([r.history.test_acc_list for r in kept])
    np.testing.assert_allclose(band.test_acc.mean, [statistics.fmean(c) for c in test.T],
                               rtol=1e-15, atol=0)
    np.testing.assert_allclose(band.test_acc.std, [statistics.stdev(c) for c in test.T],
                               rtol=1e-12, atol=0)
    window_size = tab.plot_settings()[0]
    losses = np.array([moving_average(r.history.train_loss_list, window_size) for r in kept])
    np.testing.assert_allclose(band.loss.mean, losses.mean(axis=0), rtol=1e-14, atol=0)
    finals = [r.final_test_acc for r in kept]
    assert np.isclose(band.final_test_acc.mean, statistics.fmean(finals), rtol=1e-15, atol=0)
    assert np.isclose(band.final_test_acc.std, statistics.stdev(finals), rtol=1e-12, atol=0)

    # The band is drawn: a mean line over a filled band from mean - std to mean + std.
    fill = drawn_accuracy_band(tab, band)
    assert fill.isVisible() and fill.path().boundingRect().height() > 0  # it is painted
    assert any(isinstance(i, pg.FillBetweenItem) for i in tab.loss_plot.getPlotItem().items)
    # The table shows mean ± std of the final accuracies on each run of the group.
    expected = (f"{mean_std_text(band.final_train_acc)} / {mean_std_text(band.final_test_acc)}"
                " (3 seeds)")
    assert [row["seeds"] for row in table_rows(tab)] == [expected] * 3
    assert "3 seeds: final test accuracy" in window.statusBar().currentMessage()



def drawn_accuracy_band(tab, band) -> pg.FillBetweenItem:
    """Check that the accuracy plot draws ``band``'s test accuracy (the mean line over a fill
    from mean - std to mean + std); return the fill."""
    items = tab.accuracy_plot.getPlotItem().items
    mean = next(i for i in items if isinstance(i, pg.PlotDataItem)
                and i.name() == "test acc, mean ± std of 3 seeds")
    np.testing.assert_array_equal(mean.yData, band.test_acc.mean)
    fill = next(i for i in items if isinstance(i, pg.FillBetweenItem)
                and np.array_equal(i.curves[1].yData, band.test_acc.upper))
    np.testing.assert_array_equal(fill.curves[0].yData, band.test_acc.lower)
    return fill


def test_a_kept_group_of_seeds_gets_its_band_back_after_a_restart(qtbot):
    store = RunStore()
    store.keep(made_up(5))  # an earlier run outside the group
    group = [store.keep(made_up(seed, group="seeds 0–2"))[0] for seed in (0, 1, 2)]
    main = open_window(qtbot)
    tab = main.training_tab
    window_size = tab.plot_settings()[0]
    band = seed_band(group, lambda y: moving_average(y, window_size))
    assert tab.repeats.bands.group == "seeds 0–2"
    drawn_accuracy_band(tab, band)
    loss_mean = next(i for i in tab.loss_plot.getPlotItem().items
                     if isinstance(i, pg.PlotDataItem) and i.name() == "mean ± std of 3 seeds")
    assert loss_mean.yData[-1] == band.loss.mean[-1]
    # As when the repeats ended: the band stands for the group's own curves.
    assert [run.shown for run in tab.runs.runs] == [True, False, False, False]
    main.close()

def test_all_runs_export_as_csv_that_pandas_reads_and_that_matches(window, qtbot, tmp_path):
    tab = window.training_tab
    train(tab, qtbot, iters=60, seed=1)
    train(tab, qtbot, iters=120, seed=2, lr=0.3)
    assert window.findChild(type(window.export_csv_action), "exportAllRunsAction") is not None
    assert tab.book.export_all_to(tmp_path / "runs.csv")
    epochs = pd.read_csv(tmp_path / "runs.csv")
    summary = pd.read_csv(tmp_path / "runs-summary.csv")
    assert list(summary["run"]) == ["run 1", "run 2"]
    for record in records(tab):
        rows = epochs[epochs["run"] == record.name]
        np.testing.assert_allclose(rows["test_acc"], record.history.test_acc_list,
                                   rtol=CSV_RTOL, atol=0)
        np.testing.assert_allclose(rows["train_acc"], record.history.train_acc_list,
                                   rtol=CSV_RTOL, atol=0)
        assert list(rows["iteration"]) == record.history.epoch_iterations
        assert set(rows["learning_rate"]) == {record.config.learning_rate}
        line = summary[summary["run"] == record.name].iloc[0]
        assert np.isclose(line["final_test_acc"], record.final_test_acc, rtol=CSV_RTOL, atol=0)
        assert line["iterations"] == record.iterations and line["status"] == "finished"
    assert "2 runs written" in window.statusBar().currentMessage()


def test_a_damaged_run_folder_is_skipped_with_a_note(window, qtbot, private_data_dir):
    train(window.training_tab, qtbot, iters=30, seed=1)
    window.close()
    damaged = private_data_dir / "runs" / "000002"
    damaged.mkdir()
    (damaged / "run.json").write_text("{not json", encoding="utf-8")

    again = open_window(qtbot)
    message = again.statusBar().currentMessage()
    assert "Kept run skipped: 000002: skipped" in message
    assert [row["name"] for row in table_rows(again.training_tab)] == ["run 1"]
    again.close()


def test_clear_runs_asks_and_then_clears_the_disk_copy_too(window, qtbot):
    tab = window.training_tab
    train(tab, qtbot, iters=20, seed=1)
    train(tab, qtbot, iters=20, seed=2)
    clear = tab.findChild(QPushButton, "clearRunsButton")
    clear.click()
    answer(tab, "clearRunsQuestion", QMessageBox.StandardButton.No)
    assert len(table_rows(tab)) == 2 and kept_names() == ["run 1", "run 2"]

    clear.click()
    answer(tab, "clearRunsQuestion", QMessageBox.StandardButton.Yes)
    assert [row["name"] for row in table_rows(tab)] == ["run 2"]  # the current run stays
    assert kept_names() == ["run 2"] and tab.loss_plot.overlays == []
    window.close()

    again = open_window(qtbot)
    tab = again.training_tab
    qtbot.mouseClick(tab.findChild(QPushButton, "clearRunsButton"), Qt.MouseButton.LeftButton)
    answer(tab, "clearRunsQuestion", QMessageBox.StandardButton.Yes)
    assert table_rows(tab) == [] and RunStore().numbers() == []
    again.close()


def test_a_run_trained_in_a_terminal_appears_in_the_window(qtbot, capsys):
    assert cli_main(["train", "--iters", "30", "--train-size", "2000", "--seed", "4",
                     "--keep"]) == 0
    capsys.readouterr()
    (kept,) = RunStore().load().runs
    window = open_window(qtbot)
    (row,) = table_rows(window.training_tab)
    assert row["name"] == "run 1" and row["status"] == "finished"
    assert row["final_test"] == f"{kept.final_test_acc:.4f}"
    window.close()


def test_each_row_renames_hides_highlights_saves_exports_and_removes(window, qtbot, tmp_path):
    from desktop_nn.core.model_io import load_model

    tab = window.training_tab
    train(tab, qtbot, iters=30, seed=1)
    train(tab, qtbot, iters=30, seed=2)
    model = table(tab).model()
    first, second = tab.runs.runs
    assert model.setData(model.index(0, 0), "baseline", Qt.ItemDataRole.EditRole)
    assert kept_names() == ["baseline", "run 2"]
    assert tab.loss_plot.overlays[0].name().startswith("baseline: lr 0.1")
    model.setData(model.index(1, 0), "baseline", Qt.ItemDataRole.EditRole)  # taken: refused
    assert kept_names() == ["baseline", "run 2"]
    assert message_boxes(tab, "runsMessage")[-1].windowTitle() == "Cannot rename the run"

    model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert not first.shown and tab.loss_plot.overlays == []
    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    table(tab).selectRow(0)  # a click brings its curves to the front
    assert [item.zValue() for item in first.items] == [-1.0] * 3

    assert tab.book.save_model_to(first, tmp_path / "first.npz")
    saved = load_model(tmp_path / "first.npz")
    assert saved.config.seed == 1
    assert tab.book.export_history_to(first, tmp_path / "first.csv")
    assert len(pd.read_csv(tmp_path / "first.csv")) == 30

    assert tab.book.remove(first)
    assert kept_names() == ["run 2"] and [r.name for r in records(tab)] == ["run 2"]
    assert tab.loss_plot.overlays == [] and second is tab.runs.current


def test_models_can_be_left_out_of_kept_runs(window, qtbot):
    tab = window.training_tab
    tab.runs_panel.keep_models_action.setChecked(False)
    train(tab, qtbot, iters=20, seed=1)
    (record,) = RunStore().load().runs
    assert not record.has_model
    window.close()
    again = open_window(qtbot)
    assert not again.training_tab.book.store.keep_models
    assert not again.training_tab.runs_panel.keep_models_action.isChecked()
    again.close()


def test_a_run_that_cannot_be_kept_is_still_shown_and_said(qtbot, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("DESKTOP_NN_DATA_DIR", str(blocked))
    window = open_window(qtbot)  # starts: the unreadable folder is a note, not a failure
    assert "Kept run skipped: runs: cannot be read" in window.statusBar().currentMessage()
    tab = window.training_tab
    configure(tab, iters=20, seed=1)
    messages = []
    tab.status.connect(messages.append)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        tab.start()
    wait_kept(tab, qtbot)
    assert any(m.startswith("The run is shown but could not be kept: ") for m in messages)
    (row,) = table_rows(tab)
    assert row["name"] == "run 1" and row["status"] == "finished"
    assert blocked.read_text(encoding="utf-8").startswith("a file")
    window.close()


def test_after_reset_weights_the_last_run_can_be_hidden_from_the_table(window, qtbot):
    tab = window.training_tab
    train(tab, qtbot, iters=20, seed=1)
    model = table(tab).model()
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable  # current
    tab.reset_weights()  # its curves fade: now an earlier run, shown or hidden at will
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert tab.loss_plot.overlays == [] and tab.accuracy_plot.overlays == []


def test_the_running_run_has_a_row_that_follows_its_progress(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=1000, seed=2)
    tab.step()  # a paused run that does iteration 0
    qtbot.waitUntil(lambda: tab.progress_bar.value() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: table_rows(tab)[0]["iterations"] == "1", timeout=10_000)
    assert table_rows(tab)[0]["status"] == "running"
    tab.step()
    qtbot.waitUntil(lambda: table_rows(tab)[0]["iterations"] == "2", timeout=10_000)
    with qtbot.waitSignal(tab.run_ended, timeout=30_000):
        tab.stop()
    wait_kept(tab, qtbot)
    (row,) = table_rows(tab)
    assert row["status"] == "stopped" and row["iterations"] == "2"
    assert records(tab)[0].number == 1 and kept_names() == ["run 1"]


def test_a_diverged_run_is_kept_with_its_reason(window, qtbot):
    tab = window.training_tab
    configure(tab, iters=5000, lr=100.0)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        tab.start()
    wait_kept(tab, qtbot)
    (row,) = table_rows(tab)
    assert row["status"] == "diverged"
    (kept,) = RunStore().load().runs
    assert kept.status == "diverged" and "learning rate" in kept.message
    model = table(tab).model()
    assert model.index(0, COLUMNS.index("status")).data(Qt.ItemDataRole.ToolTipRole) == (
        kept.message)
    # Its network is kept only if its weights are still finite (dead ReLUs: kept to look at).
    params = tab.controller.last_trainer.network.params.values()
    assert kept.has_model == all(np.isfinite(v).all() for v in params)


def test_the_rows_and_columns_follow_the_zoom(window, qtbot):
    from PySide6.QtWidgets import QApplication

    tab = window.training_tab
    train(tab, qtbot, iters=20)
    view = table(tab)
    header, model = view.horizontalHeader(), view.model()
    try:
        for percent in (200, 100):
            window.set_zoom_percent(percent)
            for _ in range(5):  # the refit comes after the font change has been handled
                QApplication.processEvents()
            metrics = view.fontMetrics()
            assert view.rowHeight(0) >= metrics.height()
            for column in range(header.count() - 1):  # the last one stretches
                title = model.headerData(column, Qt.Orientation.Horizontal)
                text = model.index(0, column).data()
                assert header.sectionSize(column) >= min(
                    header.sectionSizeHint(column), view.sizeHintForColumn(column)), title
                assert header.sectionSize(column) > metrics.horizontalAdvance(text or ""), title
    finally:
        window.set_zoom_percent(100)
