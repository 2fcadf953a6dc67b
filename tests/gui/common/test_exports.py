"""The curves' hover readout, and the plots as PNG and SVG files."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_nn.gui.common.palette import plot_background


def train(tab, qtbot, iters=40) -> None:
    tab.panel.train_size_spin.setValue(2000)
    tab.panel.iters_spin.setValue(iters)
    with qtbot.waitSignal(tab.run_ended, timeout=60_000):
        assert tab.start()


def hover(plot) -> None:
    """Move the pointer onto the plot's centre.

    It goes to a neighbouring point first: Qt sends no move event when the pointer is already
    where it is sent, as it is when an earlier test (another window of the same geometry) left
    it on the same spot.
    """
    centre = plot.viewport().rect().center()
    QTest.mouseMove(plot.viewport(), centre - QPoint(3, 3))
    QTest.mouseMove(plot.viewport(), centre)
    QApplication.processEvents()


def pixels(path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].copy()


def ink_height(image: np.ndarray, rect: QRect) -> int:
    """Rows of ``rect`` (in the image's pixels) holding anything but the plot's background."""
    background = plot_background()
    bgra = np.array([background.blue(), background.green(), background.red()])
    crop = image[rect.top(): rect.bottom() + 1, rect.left() * 4: (rect.right() + 1) * 4]
    crop = crop.reshape(crop.shape[0], -1, 4)[..., :3].astype(int)
    inked = (np.abs(crop - bgra).max(axis=2) > 96).any(axis=1)
    rows = np.flatnonzero(inked)
    return int(rows[-1] - rows[0] + 1) if rows.size else 0


def test_the_readout_goes_when_the_pointer_leaves(window, qtbot):
    tab = window.training_tab
    train(tab, qtbot)
    for plot in (tab.loss_plot, tab.accuracy_plot):
        assert not plot.readout.label.isVisible()  # empty: hidden, skipped in every frame
        hover(plot)
        assert plot.readout.text().startswith(("iteration", "epoch"))
        assert plot.readout.label.isVisible()
        QApplication.sendEvent(plot.viewport(), QEvent(QEvent.Type.Leave))
        assert plot.readout.text() == ""
        assert not plot.readout.label.isVisible()


def test_the_readout_is_never_in_an_exported_picture(window, qtbot, tmp_path):
    tab = window.training_tab
    train(tab, qtbot)
    QApplication.sendEvent(tab.loss_plot.viewport(), QEvent(QEvent.Type.Leave))
    QApplication.sendEvent(tab.accuracy_plot.viewport(), QEvent(QEvent.Type.Leave))
    plain = window.export_plots_to(tmp_path / "plain.png")
    for index, plot in enumerate((tab.loss_plot, tab.accuracy_plot)):
        hover(plot)  # the readout of the plot under the pointer shows a value
        assert plot.readout.text()
        hovered = window.export_plots_to(tmp_path / f"hovered{index}.png")
        np.testing.assert_array_equal(pixels(plain[index]), pixels(hovered[index]))
        assert plot.readout.label.isVisible() and plot.readout.text()  # still on screen


def test_the_exported_legend_is_enlarged_like_the_axis_text(window, qtbot, tmp_path):
    tab = window.training_tab
    train(tab, qtbot)
    plot = tab.loss_plot
    QApplication.sendEvent(plot.viewport(), QEvent(QEvent.Type.Leave))
    png = window.export_plots_to(tmp_path / "curves.png")[0]
    exported = pixels(png)
    screen_path = tmp_path / "screen.png"
    plot.grab().save(str(screen_path))
    screen = pixels(screen_path)
    scale = exported.shape[0] / screen.shape[0]
    assert scale == 2
    legend = plot.mapFromScene(plot.legend.sceneBoundingRect()).boundingRect()
    axis = plot.getPlotItem().getAxis("bottom")
    label = plot.mapFromScene(axis.label.sceneBoundingRect()).boundingRect()
    for rect in (legend, label):
        on_screen = ink_height(screen, rect)
        enlarged = QRect(QPoint(rect.left() * 2, rect.top() * 2), rect.size() * 2)
        assert on_screen >= 6
        # Text and lines drawn twice as large: within a pixel of rounding on each edge.
        assert abs(ink_height(exported, enlarged) - 2 * on_screen) <= 3, rect


def test_plots_export_from_another_tab(window, qtbot, tmp_path):
    tab = window.training_tab
    train(tab, qtbot)
    window.tabs.setCurrentWidget(window.graph_tab)
    written = window.export_plots_to(tmp_path / "curves.svg")
    assert [path.name for path in written] == ["curves-loss.svg", "curves-accuracy.svg"]
    assert all("<svg" in path.read_text() for path in written)


def test_an_svg_holds_every_curve_as_vector_graphics(window, qtbot, tmp_path):
    """Curves kept as cached pictures on screen (earlier runs, the raw loss, the legend) are
    drawn as paths into an SVG, not as pictures of pixels."""
    tab = window.training_tab
    train(tab, qtbot)
    train(tab, qtbot)  # run 1 is now an earlier run's faded curve
    assert tab.loss_plot.overlays
    loss, _accuracy = window.export_plots_to(tmp_path / "curves.svg")
    # (The accuracy plot's point symbols are pyqtgraph's small pictures, in an SVG too.)
    assert "<image" not in loss.read_text()
    cached = [item for item in tab.loss_plot.scene().items()
              if item.cacheMode() != item.CacheMode.NoCache]
    assert cached  # the screen keeps its cached pictures
