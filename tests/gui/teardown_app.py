"""A window with a background thread at work, ended one way or another (run in a subprocess).

    python tests/gui/teardown_app.py SITUATION ENDING [MIRROR_URL]

SITUATION: loading (the window just made, MNIST still loading from a slow disk) or all (once
the data is there: training, a gradient check, a download from MIRROR_URL, a server that never
answers, and another load from the slow disk, all at once). ENDING: close (the close button),
delete (deleteLater), quit (QApplication.quit), exit (the interpreter ends with the window open)
or signal (desktop-nn's own start; the test sends SIGINT or SIGTERM after the line "ready").

Prints "running: <the threads' names>" once the situation is set up, "ready" when the ending can
begin, and "left running: <count>" after the ending (for "exit", from an atexit hook that runs
after desktop_nn's own).
"""

from __future__ import annotations

import atexit
import signal
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def say(text: str) -> None:
    print(text, flush=True)


def wait_for(signal) -> None:
    """Run the event loop until ``signal`` is emitted."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    loop.exec()


def slow_disk() -> None:
    """Make loading take two seconds longer, so that it certainly still runs at the end."""
    import desktop_nn.gui.common.state as state_module

    load = state_module.load_mnist

    def slow_load(*args, **kwargs):
        time.sleep(2)
        return load(*args, **kwargs)

    state_module.load_mnist = slow_load


def set_up(window, situation: str, mirror: str | None) -> None:
    """Start the situation's threads; return once each is at work."""
    if situation == "all":
        if window.state.data is None:
            wait_for(window.state.data_changed)
        training = window.training_tab
        training.confirm_slow_runs = False
        training.panel.set_config(training.panel.config().replace(
            iters=1_000_000, train_size=2000, hidden_size=77))
        training.start()
        wait_for(training.controller.metrics)
        check = window.gradcheck_tab
        check.samples_spin.setValue(3)
        check.hidden_spin.setValue(50)
        check.start()
        wait_for(check.worker.progress)
        window.start_download("fashion-mnist", mirrors=[mirror], timeout=3600)
        slow_disk()
        window.state.load_data("mnist")
    say("running: " + " ".join(sorted(t.objectName() or type(t).__name__
                                      for t in window.state.threads.running())))


#: The window whose threads are reported at exit.
WINDOWS: list = []


def report_at_exit() -> None:
    """Registered before desktop_nn is imported, so that it runs after desktop_nn's own exit
    hook (atexit runs the last registered first)."""
    say(f"left running: {len(WINDOWS[0].state.threads.running())}")


def end(app, window, ending: str) -> None:
    threads = window.state.threads
    if ending == "exit":  # nothing: the interpreter ends with the window open
        return
    if ending == "close":
        window.close()
    elif ending == "delete":
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    elif ending == "quit":
        QTimer.singleShot(0, app.quit)
        app.exec()
    say(f"left running: {len(threads.running())}")


def run_here(situation: str, ending: str, mirror: str | None) -> int:
    from desktop_nn.gui import MainWindow

    app = QApplication(sys.argv[:1])
    window = MainWindow()
    WINDOWS.append(window)
    window.show()
    set_up(window, situation, mirror)
    say("ready")
    end(app, window, ending)
    return 0


def run_desktop_nn(situation: str, mirror: str | None) -> int:
    """desktop-nn as launched from a terminal; the situation is set up once its loop runs."""
    from desktop_nn.cli import main
    from desktop_nn.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    windows = []

    def when_running() -> None:
        windows.append(next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow)))
        set_up(windows[0], situation, mirror)
        say("ready")

    QTimer.singleShot(0, when_running)
    code = main([])
    say(f"left running: {len(windows[0].state.threads.running())}")
    return code


if __name__ == "__main__":
    situation, ending = sys.argv[1], sys.argv[2]
    mirror = sys.argv[3] if len(sys.argv) > 3 else None
    if ending == "exit":
        atexit.register(report_at_exit)
    if situation == "loading":
        slow_disk()
    if ending == "signal":
        # As from a terminal, even when the tests run in the background (where a
        # non-interactive shell starts them with SIGINT ignored).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        sys.exit(run_desktop_nn(situation, mirror))
    sys.exit(run_here(situation, ending, mirror))
