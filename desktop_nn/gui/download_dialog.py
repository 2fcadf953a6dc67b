"""Download a dataset with a progress dialog and Cancel (the verified downloader in a thread)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_nn.data.datasets import DATASET_TITLES
from desktop_nn.data.download import CancelToken, DownloadCancelled, download_dataset
from desktop_nn.gui.thread_registry import ThreadRegistry


class DownloadThread(QThread):
    """Runs ``download_dataset``; reports progress; stops between chunks when cancelled.

    Signals
    -------
    progress(str, int, int)
        File name, bytes done, bytes expected (0 when unknown).
    done(str, str)
        "ok" with the folder, "cancelled" with "", or "failed" with the message.
    """

    progress = Signal(str, int, int)
    done = Signal(str, str)

    def __init__(self, dataset: str, **download_options) -> None:
        super().__init__()
        self.dataset = dataset
        self.options = download_options
        self._cancel = CancelToken()

    def cancel(self) -> None:
        """Stop now: also interrupts a read that waits on a stalled server."""
        self._cancel.cancel()

    def run(self) -> None:
        def report(name: str, done: int, total: int | None) -> None:
            self.progress.emit(name, done, total or 0)

        try:
            folder = download_dataset(
                self.dataset, progress=report, should_stop=self._cancel, **self.options
            )
        except DownloadCancelled:
            self.done.emit("cancelled", "")
        except Exception as exc:  # every failure becomes a message
            self.done.emit("failed", str(exc))
        else:
            self.done.emit("ok", str(folder))


class DownloadDialog(QProgressDialog):
    """A modal progress dialog around a :class:`DownloadThread`.

    Signals
    -------
    finished_download(str, str)
        Same as ``DownloadThread.done``, after the thread has ended.
    """

    finished_download = Signal(str, str)

    def __init__(self, dataset: str, parent: QWidget | None = None, **download_options) -> None:
        title = DATASET_TITLES.get(dataset, dataset)
        super().__init__(parent)
        self.setRange(0, 100)
        self.setLabelText(self.tr("Downloading {dataset}…").format(dataset=title))
        self.setCancelButtonText(self.tr("&Cancel"))
        self.setObjectName("downloadDialog")
        self.setWindowTitle(self.tr("Download {dataset}").format(dataset=title))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.thread = DownloadThread(dataset, **download_options)
        self.thread.progress.connect(self._on_progress)
        self.thread.done.connect(self._on_done)
        self.canceled.connect(self.thread.cancel)

    def start(self, threads: ThreadRegistry) -> None:
        """Show the dialog and start the download in ``threads``, the window's registry."""
        self.show()
        threads.start(self.thread, self.thread.cancel)

    def shutdown(self) -> None:
        """Cancel and wait for the thread (the window is closing)."""
        self.thread.cancel()
        self.thread.wait()

    @Slot(str, int, int)
    def _on_progress(self, name: str, done: int, total: int) -> None:
        if total:
            self.setMaximum(total)
            self.setValue(min(done, total))
            self.setLabelText(self.tr("{file}: {done} of {total} MB").format(
                file=name, done=f"{done / 1e6:.1f}", total=f"{total / 1e6:.1f}"))
        else:
            self.setMaximum(0)
            self.setLabelText(self.tr("{file}: {done} MB").format(
                file=name, done=f"{done / 1e6:.1f}"))

    @Slot(str, str)
    def _on_done(self, outcome: str, detail: str) -> None:
        self.thread.wait()
        self.finished_download.emit(outcome, detail)
        self.close()
