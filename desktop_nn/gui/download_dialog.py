"""Download a dataset with a progress dialog and Cancel (the verified downloader in a worker)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_nn.data.cancel import CancelToken
from desktop_nn.data.datasets import dataset_title
from desktop_nn.data.download import download_dataset
from desktop_nn.gui.workers import GeneratorWorker, Task, ThreadRegistry


def download_job(dataset: str, **download_options):
    """The worker's job: download ``dataset``, reporting (file, bytes done, bytes expected or
    0); a cancel also interrupts a read that waits on a stalled server."""

    def job(task: Task):
        token = CancelToken()
        task.on_cancel(token.cancel)

        def report(name: str, done: int, total: int | None) -> None:
            task.report((name, done, total or 0))

        return download_dataset(dataset, progress=report, should_stop=token,
                                **download_options)

    return job


class DownloadDialog(QProgressDialog):
    """A modal progress dialog around the download's worker.

    Signals
    -------
    finished_download(str, str)
        "finished" with the folder, "cancelled" with "", or "failed" with the message, after
        the worker's thread has ended.
    """

    finished_download = Signal(str, str)

    def __init__(self, dataset: str, parent: QWidget | None = None, **download_options) -> None:
        title = dataset_title(dataset)
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
        self.worker = GeneratorWorker("download", download_job(dataset, **download_options))
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(lambda folder: self._on_done("finished", str(folder)))
        self.worker.failed.connect(lambda error: self._on_done("failed", str(error)))
        self.worker.cancelled.connect(lambda: self._on_done("cancelled", ""))
        self.canceled.connect(self.worker.cancel)

    def start(self, threads: ThreadRegistry) -> None:
        """Show the dialog and start the download in ``threads``, the window's registry."""
        self.show()
        self.worker.start(threads)

    def shutdown(self) -> None:
        """Cancel and wait for the worker (the window is closing)."""
        self.worker.cancel()
        self.worker.wait()

    @Slot(object)
    def _on_progress(self, report: tuple[str, int, int]) -> None:
        name, done, total = report
        if total:
            self.setMaximum(total)
            self.setValue(min(done, total))
            self.setLabelText(self.tr("{file}: {done} of {total} MB").format(
                file=name, done=f"{done / 1e6:.1f}", total=f"{total / 1e6:.1f}"))
        else:
            self.setMaximum(0)
            self.setLabelText(self.tr("{file}: {done} MB").format(
                file=name, done=f"{done / 1e6:.1f}"))

    def _on_done(self, outcome: str, detail: str) -> None:
        self.worker.wait()
        self.finished_download.emit(outcome, detail)
        self.close()
