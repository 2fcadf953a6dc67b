"""``desktop-nn`` started as from a terminal, watched at its first paint (run in a subprocess).

    python tests/gui/startup_app.py ENDING

At the main window's first paint it prints one JSON line: ``{"pyqtgraph": bool, "numpy": bool,
"built": [tab keys], "loading": bool}`` (pyqtgraph and NumPy imported yet, the tabs built, the
data loading). ENDING ``finish`` lets every tab be built and the data load, then prints
``{"built": [...], "data": bool, "size": [w, h], "blas_threads": [...]}`` and closes the
window; ``close`` closes the window as soon as the first tab is built, while the others wait
and MNIST loads from a slow disk. Both print ``left running: <count>`` once desktop-nn has
returned.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from teardown_app import slow_disk  # this script's folder comes first on sys.path


def say(values) -> None:
    print(values if isinstance(values, str) else json.dumps(values), flush=True)


def built_keys(window) -> list[str]:
    return [page.tab_key for page in window.tabs.pages() if page.is_built()]


class FirstPaint(QObject):
    """Reports the first paint of a main window and starts the ending."""

    def __init__(self, ending: str) -> None:
        super().__init__()
        self.ending = ending
        self.windows: list = []

    def eventFilter(self, watched, event) -> bool:
        from desktop_nn.gui.main_window import MainWindow

        if (event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow)
                and not self.windows):
            self.windows.append(watched)
            say({"pyqtgraph": "pyqtgraph" in sys.modules, "numpy": "numpy" in sys.modules,
                 "built": built_keys(watched), "loading": watched.state.is_loading})
            QTimer.singleShot(0, self.end)
        return False

    def end(self) -> None:
        window = self.windows[0]
        if self.ending == "close":
            when_first_built(window, lambda: QTimer.singleShot(0, window.close))
            return
        deadline = time.monotonic() + 60

        def poll() -> None:
            if (window.tabs.pending() or window.state.data is None) and \
                    time.monotonic() < deadline:
                QTimer.singleShot(20, poll)
                return
            say({"built": built_keys(window), "data": window.state.data is not None,
                 "size": [window.width(), window.height()], "blas_threads": blas_threads()})
            window.close()

        poll()


def blas_threads() -> list[int]:
    """The thread counts of the BLAS libraries loaded."""
    from threadpoolctl import threadpool_info

    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def when_first_built(window, action) -> None:
    """Call ``action`` once some tab is built, with data loading started and tabs pending."""
    def check() -> None:
        if built_keys(window) and window.state.is_loading:
            say({"closing with pending": [p.tab_key for p in window.tabs.pending()],
                 "loading": window.state.is_loading})
            action()
        else:
            QTimer.singleShot(1, check)

    check()


def main(ending: str) -> int:
    from desktop_nn.cli import main as desktop_nn

    app = QApplication(sys.argv[:1])
    watcher = FirstPaint(ending)
    app.installEventFilter(watcher)
    if ending == "close":
        slow_disk()
    code = desktop_nn([])
    app.removeEventFilter(watcher)
    say(f"left running: {len(watcher.windows[0].state.threads.running())}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
