"""The record of a run keeps what it recorded, and gives back what it reserved and never used."""

from __future__ import annotations

import numpy as np

from desktop_nn.core.history import History


def test_compact_keeps_the_losses_and_releases_the_reserve():
    history = History(1_000_000, learning_rate=0.1)
    for loss in (2.3, 1.9, 1.7):
        history.add_loss(loss)
    assert history.nbytes < 8 * 1_000_000  # room is reserved as the run goes
    history.compact()
    assert history.train_loss_list.tolist() == [2.3, 1.9, 1.7]
    assert history.nbytes == 8 * 3
    history.compact()
    assert history.count == 3 and history.nbytes == 8 * 3


def test_a_run_that_used_every_iteration_keeps_its_array():
    history = History(2)
    history.add_loss(1.0)
    history.add_loss(0.5)
    before = history.train_loss_list
    history.compact()
    assert history.train_loss_list.tolist() == [1.0, 0.5]
    assert history.train_loss_list.base is before.base


def test_the_losses_grow_past_every_reservation_in_order():
    history = History(5000)
    losses = [1.0 / (i + 1) for i in range(5000)]
    for loss in losses:
        history.add_loss(loss)
    assert history.train_loss_list.tolist() == losses
    assert history.nbytes == 8 * 5000  # never beyond the run's length


def test_a_history_made_from_losses_holds_them_all():
    losses = np.linspace(2.3, 0.1, 50_000)  # more than the first reservation
    history = History.from_losses(losses)
    assert history.count == 50_000
    np.testing.assert_array_equal(history.train_loss_list, losses)
    history_copy = History.from_losses(history.train_loss_list)
    losses[0] = 99.0
    assert history_copy.train_loss_list[0] == 2.3  # a copy, not a view
