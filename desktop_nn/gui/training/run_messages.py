"""What the Training tab says when a run ends, and the question before a very slow run.

The texts belong to the tab (translation context ``TrainingTab``); the divergence
explanations are the core's (:mod:`desktop_nn.core.divergence`), translated here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_nn.core import divergence
from desktop_nn.core.events import DivergedEvent, FinishedEvent
from desktop_nn.core.timing import numerical_run_seconds
from desktop_nn.core.training import Dataset, TrainConfig
from desktop_nn.gui.common.durations import about, measured

#: Runs slower than this ask for confirmation before they start (seconds).
CONFIRM_ESTIMATE_SECONDS = 60.0


@dataclass(frozen=True)
class Ending:
    """The status line for a run's end, and a message box for the ends that need one."""

    status: str
    title: str = ""
    text: str = ""
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning


def divergence_explanation(event: DivergedEvent) -> str:
    """Why the run was stopped, in the core's words for its kind of divergence."""
    template, values = divergence.explanation(event)
    return QCoreApplication.translate(divergence.CONTEXT, template).format(**values)


def ending(outcome: str, payload: object, iterations_done: int) -> Ending:
    """What to say when a run ends with ``outcome`` (see ``RunController.ended``)."""
    if outcome == "finished" and isinstance(payload, FinishedEvent):
        return Ending(QCoreApplication.translate(
            "TrainingTab", "Finished {iterations} iterations in {time}: train accuracy {train}, "
            "test accuracy {test}").format(
                iterations=f"{payload.iterations:,}", time=measured(payload.seconds),
                train=f"{payload.final_train_acc:.4f}", test=f"{payload.final_test_acc:.4f}"))
    if outcome == "diverged" and isinstance(payload, DivergedEvent):
        # The core's own message is a detail after the translated lead-in.
        return Ending(QCoreApplication.translate("TrainingTab", "Diverged:") + " "
                      + payload.message,
                      QCoreApplication.translate("TrainingTab", "Training diverged"),
                      divergence_explanation(payload))
    if outcome == "failed":
        failed = QCoreApplication.translate("TrainingTab", "Training failed")
        return Ending(failed, failed, QCoreApplication.translate(
            "TrainingTab", "The run stopped because of an error; the network keeps what it had "
            "learned.") + "\n\n" + str(payload), QMessageBox.Icon.Critical)
    return Ending(QCoreApplication.translate(
        "TrainingTab", "Stopped after {iterations} iterations").format(
            iterations=f"{iterations_done:,}"))


def confirm_numerical_run(parent: QWidget, config: TrainConfig, data: Dataset) -> bool:
    """Ask before a numerical-gradient run that would take long; True to go ahead."""
    per_iteration, total = numerical_run_seconds(config, *data[0])
    if total < CONFIRM_ESTIMATE_SECONDS:
        return True
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("TrainingTab", "Numerical gradient is slow"),
        QCoreApplication.translate(
            "TrainingTab",
            "The numerical gradient computes the loss twice for each of the network's "
            "parameters: {per_iteration} per iteration here, so {iterations} "
            "iterations would take {total}.\n\nBackpropagation gets the same "
            "gradient thousands of times faster. Start anyway?").format(
                per_iteration=about(per_iteration), iterations=f"{config.iters:,}",
                total=about(total)),
    )
    return answer == QMessageBox.StandardButton.Yes
