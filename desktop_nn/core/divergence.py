"""When a training run has gone off the rails, and every word said about it.

A run diverges in one of three ways (:attr:`DivergedEvent.reason`): the loss becomes inf or NaN
("non-finite"); every hidden ReLU outputs zero for every image of many batches in a row
("dead-relu": no gradient reaches the first layer, the network can only guess); or the loss
stays far above chance level without improving ("stuck"). The last two are the quiet kind the
book's code shows at a learning rate of 100: no NaN, a loss near 14 that never moves.

Two texts describe a divergence, both written here once: :attr:`DivergedEvent.message`, one
English sentence (the command line prints it, the window's status bar shows it), and
:func:`explanation`, the longer text of the window's dialog: a template marked for Qt's
translation tools (context ``TrainingTab``) and the run's numbers to fill it with.
"""

from __future__ import annotations

import math

import numpy as np

from desktop_nn.core.events import DivergedEvent
from desktop_nn.translatable import QT_TRANSLATE_NOOP

#: A ReLU network whose hidden units are all silent for this many batches in a row is dead.
DEAD_RELU_STREAK = 50
#: The loss is "stuck" when its mean over a window of this many iterations stays above
#: STUCK_FACTOR times the chance-level loss ln(classes) and no lower than the window before.
STUCK_WINDOW = 100
STUCK_FACTOR = 2.0
#: The translation context of :data:`EXPLANATIONS` (the Training tab shows them).
CONTEXT = "TrainingTab"

#: The dialog's explanation of each kind of divergence; placeholders: {iteration}, {loss},
#: {rate} (the learning rate) and {smaller} (a tenth of it).
EXPLANATIONS = {
    "dead-relu": QT_TRANSLATE_NOOP(
        "TrainingTab",
        "At iteration {iteration} every ReLU in the hidden layer had output 0 for every "
        "image of many batches in a row: no gradient reaches the first layer any more, "
        "so the network can only guess (loss {loss}). The run was stopped.\n\n"
        "The learning rate ({rate}) is too large: one big update pushed the hidden "
        "units where they never switch on again. Lower it (try {smaller}) and start "
        "again."),
    "stuck": QT_TRANSLATE_NOOP(
        "TrainingTab",
        "At iteration {iteration} the loss had stayed near {loss} for hundreds of "
        "iterations, far above what random guessing gives, so the run was stopped.\n\n"
        "The learning rate ({rate}) is too large: the updates overshoot and the network "
        "saturates. Lower it (try {smaller}) and start again."),
    "non-finite": QT_TRANSLATE_NOOP(
        "TrainingTab",
        "The loss became {loss} at iteration {iteration}, so the run was stopped.\n\n"
        "The learning rate ({rate}) is too large for this network: the updates "
        "overshoot and the weights blow up. Lower it (try {smaller}) and start again."),
}


def non_finite(iteration: int, loss: float, lr: float) -> DivergedEvent:
    """The loss of ``iteration`` is inf or NaN."""
    message = (
        f"training diverged at iteration {iteration}: the loss became {loss} "
        f"(learning rate {lr:g}); try a smaller learning rate, e.g. {lr / 10:g}"
    )
    return DivergedEvent(iteration, loss, message, "non-finite", lr)


def divergence_message(iteration: int, loss: float, lr: float) -> str:
    """Explain a non-finite loss in one sentence that points at the learning rate."""
    return non_finite(iteration, loss, lr).message


class DivergenceWatch:
    """Watches a run for the quiet kinds of divergence, one iteration at a time."""

    def __init__(self) -> None:
        #: Batches in a row on which every hidden ReLU output zero for every image.
        self.dead_streak = 0

    def observe_hidden(self, all_silent: bool) -> None:
        """Record whether the last batch left every hidden ReLU at zero."""
        self.dead_streak = self.dead_streak + 1 if all_silent else 0

    def check(self, iteration: int, losses: np.ndarray, lr: float,
              classes: int) -> DivergedEvent | None:
        """The DivergedEvent if the run has died without a NaN after ``iteration``, else None.

        Parameters
        ----------
        iteration : int
            The iteration just done (its loss is ``losses[-1]``).
        losses : ndarray, shape (iterations done,)
        lr : float
            The learning rate in use.
        classes : int
            The network's outputs; random guessing has the loss ln(classes).
        """
        if self.dead_streak >= DEAD_RELU_STREAK:
            loss = float(losses[-1])
            message = (
                f"training diverged at iteration {iteration}: every ReLU in the hidden layer "
                f"has output 0 for every image of the last {DEAD_RELU_STREAK} batches, so the "
                f"network can only guess (loss {loss:.2f}). The learning rate {lr:g} is too "
                f"large; try {lr / 10:g}"
            )
            return DivergedEvent(iteration, loss, message, "dead-relu", lr)
        n = len(losses)
        if n < 2 * STUCK_WINDOW or n % 10:
            return None
        recent = float(np.mean(losses[-STUCK_WINDOW:]))
        before = float(np.mean(losses[-2 * STUCK_WINDOW : -STUCK_WINDOW]))
        chance = math.log(classes)
        if recent > STUCK_FACTOR * chance and recent >= before - 1e-3:
            message = (
                f"training diverged at iteration {iteration}: the loss has stayed near "
                f"{recent:.2f} for {2 * STUCK_WINDOW} iterations, far above the {chance:.2f} "
                f"of random guessing. The learning rate {lr:g} is too large; try {lr / 10:g}"
            )
            return DivergedEvent(iteration, float(losses[-1]), message, "stuck", lr)
        return None


def explanation(event: DivergedEvent) -> tuple[str, dict[str, str]]:
    """The dialog's text for ``event``: its English template (see :data:`EXPLANATIONS`, to be
    translated in context :data:`CONTEXT`) and the values of its placeholders."""
    template = EXPLANATIONS.get(event.reason, EXPLANATIONS["non-finite"])
    lr = event.learning_rate
    values = {"loss": f"{event.loss:.4g}", "iteration": f"{event.iteration:,}",
              "rate": f"{lr:g}", "smaller": f"{lr / 10:g}"}
    return template, values
