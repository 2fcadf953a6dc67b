"""TrainConfig, the Trainer's events, the book's epoch rule, determinism, divergence."""

from __future__ import annotations

import dataclasses
import json
import math

import numpy as np
import pytest

from desktop_nn.core import network as network_module
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.optimizers import SGD
from desktop_nn.core.training import (
    DivergedEvent,
    EpochEvent,
    FinishedEvent,
    IterationEvent,
    TrainConfig,
    Trainer,
    expected_epochs,
)
from tests.fake_clock import FakeClock

# --- TrainConfig ---------------------------------------------------------------------------


def test_defaults_are_the_books():
    config = TrainConfig()
    assert config.hidden_size == 50
    assert config.learning_rate == 0.1
    assert config.batch_size == 100
    assert config.iters == 10_000
    assert config.weight_init_std == 0.01
    assert config.activation == "relu"
    assert config.optimizer == "sgd"
    assert config.gradient == "backprop"
    assert config.sampling == "replacement"
    assert config.train_size is None
    assert config.seed == 0  # reproducible, in the window and on the command line
    assert config.loss_after_update is False


NUMERIC_RANGES = {
    "hidden_size": ("1", "4096"),
    "learning_rate": ("1e-06", "1000.0"),
    "batch_size": ("1", "60000"),
    "iters": ("1", "10000000"),
    "weight_init_std": ("1e-06", "10.0"),
    "seed": ("0", "4294967295"),
    "train_size": ("1", "60000"),
}
NAN, INF = float("nan"), float("inf")
INVALID_NUMBERS = [
    ("hidden_size", 0),
    ("hidden_size", 4097),
    ("hidden_size", -5),
    ("hidden_size", 2.5),
    ("hidden_size", 50.0),
    ("hidden_size", "50"),
    ("hidden_size", True),
    ("hidden_size", None),
    ("learning_rate", 0),
    ("learning_rate", -0.1),
    ("learning_rate", 1000.5),
    ("learning_rate", NAN),
    ("learning_rate", INF),
    ("learning_rate", -INF),
    ("learning_rate", "0.1"),
    ("learning_rate", True),
    ("learning_rate", None),
    ("batch_size", 0),
    ("batch_size", 60_001),
    ("batch_size", 100.0),
    ("batch_size", False),
    ("iters", 0),
    ("iters", 10_000_001),
    ("iters", "10"),
    ("iters", NAN),
    ("weight_init_std", 0),
    ("weight_init_std", -0.01),
    ("weight_init_std", 10.5),
    ("weight_init_std", NAN),
    ("weight_init_std", INF),
    ("weight_init_std", True),
    ("seed", -1),
    ("seed", 2**32),
    ("seed", 1.5),
    ("seed", True),
    ("seed", "1"),
    ("train_size", 0),
    ("train_size", 60_001),
    ("train_size", True),
]


@pytest.mark.parametrize(("field", "value"), INVALID_NUMBERS)
def test_invalid_numbers_name_field_value_and_range(field, value):
    with pytest.raises(ValueError) as info:
        TrainConfig(**{field: value})
    message = str(info.value)
    assert f"{field}={value!r}" in message
    low, high = NUMERIC_RANGES[field]
    assert low in message and high in message, message


INVALID_CHOICES = [
    ("weight_init_std", "glorot", ("he", "xavier")),
    ("weight_init_std", "HE", ("he", "xavier")),
    ("activation", "tanh", ("relu", "sigmoid")),
    ("activation", None, ("relu", "sigmoid")),
    ("optimizer", "rmsprop", ("sgd", "momentum", "adagrad", "adam")),
    ("gradient", "analytic", ("backprop", "numerical")),
    ("sampling", "random", ("replacement", "shuffle")),
    ("dtype", "float16", ("float32", "float64")),
    ("dataset", "cifar10", ("mnist", "fashion-mnist")),
    ("loss_after_update", 1, ("true", "false")),
    ("loss_after_update", "yes", ("true", "false")),
    ("loss_after_update", None, ("true", "false")),
]


@pytest.mark.parametrize(("field", "value", "allowed"), INVALID_CHOICES)
def test_invalid_choices_name_field_value_and_choices(field, value, allowed):
    with pytest.raises(ValueError) as info:
        TrainConfig(**{field: value})
    message = str(info.value)
    assert f"{field}={value!r}" in message
    for choice in allowed:
        assert choice in message, message


@pytest.mark.parametrize("value", [1e-6, 10.0, "he", "xavier", 0.01, 1])
def test_valid_weight_init(value):
    assert TrainConfig(weight_init_std=value).weight_init_std == value


def test_valid_extremes_are_accepted():
    TrainConfig(hidden_size=1, learning_rate=1e-6, batch_size=1, iters=1, seed=0, train_size=1)
    TrainConfig(hidden_size=4096, learning_rate=1000.0, batch_size=60_000, iters=10_000_000,
                seed=2**32 - 1, train_size=60_000)
    TrainConfig(hidden_size=np.int64(10), seed=np.uint32(3), learning_rate=np.float32(0.5))


def test_numerical_gradient_needs_float64():
    with pytest.raises(ValueError, match="float32") as info:
        TrainConfig(gradient="numerical", dtype="float32")
    assert "float64" in str(info.value)
    assert TrainConfig(gradient="numerical", dtype="float64").gradient == "numerical"


def test_config_is_frozen_and_replace_validates():
    config = TrainConfig()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.hidden_size = 10  # type: ignore[misc]
    assert config.replace(hidden_size=10).hidden_size == 10
    assert config.hidden_size == 50
    with pytest.raises(ValueError, match="hidden_size=0"):
        config.replace(hidden_size=0)


def test_to_dict_from_dict_round_trip():
    config = TrainConfig(hidden_size=100, learning_rate=0.5, weight_init_std="he", seed=7,
                         train_size=1000, sampling="shuffle", dtype="float64",
                         optimizer="adam", activation="sigmoid", loss_after_update=True,
                         dataset="fashion-mnist")
    values = config.to_dict()
    assert values["hidden_size"] == 100 and values["weight_init_std"] == "he"
    assert TrainConfig.from_dict(values) == config
    assert TrainConfig.from_dict(json.loads(json.dumps(values))) == config
    assert TrainConfig.from_dict({}) == TrainConfig()


def test_from_dict_unknown_key():
    values = {**TrainConfig().to_dict(), "momentum": 0.9, "dropout": 0.5}
    with pytest.raises(ValueError, match="unknown") as info:
        TrainConfig.from_dict(values)
    assert "momentum" in str(info.value) and "dropout" in str(info.value)


def test_from_dict_invalid_value():
    with pytest.raises(ValueError, match="batch_size=0"):
        TrainConfig.from_dict({"batch_size": 0})


# --- the book's epoch rule -----------------------------------------------------------------


@pytest.mark.parametrize(("train_size", "batch_size", "iters"),
                         [(2000, 100, 100), (2000, 300, 41), (2000, 100, 1), (50, 100, 7),
                          (2000, 100, 21), (600, 7, 200)])
def test_expected_epochs_counts_the_evaluations_the_run_makes(mnist_small, train_size,
                                                             batch_size, iters):
    trainer = Trainer(TrainConfig(iters=iters, train_size=train_size, batch_size=batch_size,
                                  seed=0), mnist_small)
    evaluations = sum(isinstance(e, EpochEvent) for e in trainer.run())
    assert trainer.expected_epochs == evaluations
    # The same count from the settings alone (the window plans its axes before a run).
    assert expected_epochs(iters, min(train_size, 2000), batch_size) == evaluations


def test_book_epoch_rule_on_full_mnist(mnist):
    trainer = Trainer(TrainConfig(seed=0), mnist)
    assert trainer.train_size == 60_000
    assert trainer.iter_per_epoch == 600
    boundaries = [i for i in range(10_000) if trainer.is_epoch_boundary(i)]
    assert len(boundaries) == 17
    assert boundaries == list(range(0, 10_000, 600))
    assert boundaries[-1] == 9600


def test_epoch_rule_when_the_ratio_is_not_whole(mnist_small):
    # 2000 images in batches of 300: an epoch is 6 2/3 iterations. The book's i % 6.67 == 0
    # would only hold at 0; the first iteration of each new epoch counts instead.
    trainer = Trainer(TrainConfig(batch_size=300, seed=0), mnist_small)
    assert trainer.iter_per_epoch == pytest.approx(2000 / 300)
    boundaries = [i for i in range(41) if trainer.is_epoch_boundary(i)]
    assert boundaries == [0, 7, 14, 20, 27, 34, 40]
    # The same rule in exact integer arithmetic, over a long run.
    for i in range(1, 5000):
        exact = (i * 300) // 2000 > ((i - 1) * 300) // 2000
        assert trainer.is_epoch_boundary(i) == exact, i


def test_batch_larger_than_train_set_with_replacement(mnist_small):
    trainer = Trainer(TrainConfig(batch_size=5000, seed=0), mnist_small)
    assert trainer.iter_per_epoch == 1
    assert all(trainer.is_epoch_boundary(i) for i in range(10))
    indices = trainer.next_batch_indices()
    assert indices.shape == (5000,)
    assert indices.min() >= 0 and indices.max() < 2000


# --- short runs ----------------------------------------------------------------------------


def small_config(**changes):
    values = {"iters": 45, "seed": 1}
    values.update(changes)
    return TrainConfig(**values)


@pytest.mark.parametrize("sampling", ["replacement", "shuffle"])
def test_last_batch_is_the_one_the_last_iteration_trained_on(mnist_small, sampling):
    config = small_config(batch_size=7, sampling=sampling)
    trainer = Trainer(config, mnist_small)
    assert trainer.last_batch() is None
    twin = Trainer(config, mnist_small)  # draws the same batches
    (x_train, t_train), _ = mnist_small
    for _ in range(3):
        before = trainer.network.copy_params()
        trainer.train_step()
        indices = twin.next_batch_indices()
        x, t = trainer.last_batch()
        np.testing.assert_array_equal(x, x_train[indices])
        np.testing.assert_array_equal(t, t_train[indices])
    # It is the batch whose gradient made the last update (float32: the same operations, so
    # at most a rounding or two apart, 1.2e-7 relative each).
    probe = TwoLayerNet(784, 50, 10, dtype=np.float32)
    probe.set_params(before)
    grads = probe.gradient(x, t)
    expected = {key: before[key] - 0.1 * grads[key] for key in before}
    for key, value in trainer.network.params.items():
        np.testing.assert_allclose(value, expected[key], rtol=1e-6, atol=1e-7)


def test_event_order_and_history(mnist_small):
    trainer = Trainer(small_config(), mnist_small)
    events = list(trainer.run())
    kinds = [type(e) for e in events]
    expected_kinds = []
    for i in range(45):
        expected_kinds.append(IterationEvent)
        if i in (0, 20, 40):
            expected_kinds.append(EpochEvent)
    expected_kinds.append(FinishedEvent)
    assert kinds == expected_kinds

    iterations = [e for e in events if isinstance(e, IterationEvent)]
    assert [e.iteration for e in iterations] == list(range(45))
    epochs = [e for e in events if isinstance(e, EpochEvent)]
    assert [(e.epoch, e.iteration) for e in epochs] == [(0, 0), (1, 20), (2, 40)]
    for e in epochs:
        assert 0.0 <= e.train_acc <= 1.0 and 0.0 <= e.test_acc <= 1.0

    history = trainer.history
    assert len(history.train_loss_list) == 45
    np.testing.assert_array_equal(history.train_loss_list, [e.loss for e in iterations])
    assert history.train_acc_list == [e.train_acc for e in epochs]
    assert history.test_acc_list == [e.test_acc for e in epochs]
    assert history.epoch_iterations == [0, 20, 40]
    assert trainer.iteration == 45

    finished = events[-1]
    assert finished.iterations == 45
    assert finished.seconds > 0
    # The last evaluation (after iteration 40) is stale: the final accuracies are measured anew.
    assert finished.final_train_acc == trainer.network.accuracy(trainer.x_train, trainer.t_train)
    assert finished.final_test_acc == trainer.network.accuracy(trainer.x_test, trainer.t_test)


@pytest.mark.parametrize(("iters", "evaluations"), [(41, 3), (45, 4), (1, 1), (20, 2)])
def test_final_accuracies_reused_only_when_the_last_iteration_is_a_boundary(
    mnist_small, iters, evaluations
):
    trainer = Trainer(small_config(iters=iters), mnist_small)
    calls = []
    original = trainer.evaluate

    def counting_evaluate():
        calls.append(trainer.iteration)
        return original()

    trainer.evaluate = counting_evaluate
    events = list(trainer.run())
    assert len(calls) == evaluations
    finished = events[-1]
    assert isinstance(finished, FinishedEvent)
    last_epoch = [e for e in events if isinstance(e, EpochEvent)][-1]
    if last_epoch.iteration == iters - 1:
        assert (finished.final_train_acc, finished.final_test_acc) == (
            last_epoch.train_acc,
            last_epoch.test_acc,
        )
    assert finished.final_test_acc == trainer.network.accuracy(trainer.x_test, trainer.t_test)


def losses_of(config, data, **kwargs):
    trainer = Trainer(config, data, **kwargs)
    events = list(trainer.run())
    assert isinstance(events[-1], FinishedEvent)
    return trainer, events


def test_same_seed_same_run_bit_for_bit(mnist_small):
    a, events_a = losses_of(small_config(iters=30, seed=42), mnist_small)
    b, events_b = losses_of(small_config(iters=30, seed=42), mnist_small)
    c, _ = losses_of(small_config(iters=30, seed=43), mnist_small)
    assert np.array_equal(a.history.train_loss_list, b.history.train_loss_list)
    assert a.history.train_acc_list == b.history.train_acc_list
    assert a.history.test_acc_list == b.history.test_acc_list
    for key in a.network.params:
        assert np.array_equal(a.network.params[key], b.network.params[key])
    assert events_a[-1].final_test_acc == events_b[-1].final_test_acc
    assert not np.array_equal(a.history.train_loss_list, c.history.train_loss_list)
    assert not np.array_equal(a.network.params["W1"], c.network.params["W1"])


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_same_seed_same_run_whatever_the_worker_threads(mnist_small, monkeypatch, activation):
    # Evaluations score blocks of rows on worker threads; which thread scores a block must
    # change nothing. Blocks of 300 rows: the 2,000 + 500 images make 9 blocks.
    monkeypatch.setattr(network_module, "ACCURACY_BLOCK_ROWS", 300)
    runs = []
    for workers in (1, 2):
        monkeypatch.setattr(network_module, "SCORING_WORKERS", workers)
        runs.append(losses_of(small_config(iters=45, seed=6, activation=activation),
                              mnist_small))
    (one, events_one), (two, events_two) = runs
    assert events_one[:-1] == events_two[:-1]  # bit for bit
    assert events_one[-1]._replace(seconds=0) == events_two[-1]._replace(seconds=0)
    assert len(one.history.test_acc_list) == 3
    np.testing.assert_array_equal(one.history.train_loss_list, two.history.train_loss_list)
    assert one.history.train_acc_list == two.history.train_acc_list
    assert one.history.test_acc_list == two.history.test_acc_list
    for key, value in one.network.params.items():
        np.testing.assert_array_equal(value, two.network.params[key])


def test_no_seed_draws_one_and_records_it(mnist_small):
    trainer = Trainer(small_config(seed=None, iters=1), mnist_small)
    assert isinstance(trainer.config.seed, int)
    assert 0 <= trainer.config.seed < 2**32
    again = Trainer(trainer.config, mnist_small)
    for key in trainer.network.params:
        np.testing.assert_array_equal(trainer.network.params[key], again.network.params[key])


def test_one_hot_labels_train_identically(mnist_small):
    (x_train, t_train), (x_test, t_test) = mnist_small
    one_hot = (x_train, np.eye(10)[t_train]), (x_test, np.eye(10)[t_test])
    a, _ = losses_of(small_config(iters=25), mnist_small)
    b, _ = losses_of(small_config(iters=25), one_hot)
    assert np.array_equal(a.history.train_loss_list, b.history.train_loss_list)
    assert a.history.test_acc_list == b.history.test_acc_list


def test_loss_decreases_and_accuracy_rises(mnist_small):
    trainer, events = losses_of(small_config(iters=300, seed=0), mnist_small)
    losses = trainer.history.train_loss_list
    assert losses[:50].mean() > losses[-50:].mean()
    assert losses[0] == pytest.approx(math.log(10), rel=0.01)  # untrained: uniform guesses
    assert trainer.history.test_acc_list[-1] > trainer.history.test_acc_list[0]
    assert events[-1].final_test_acc > 0.7


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_dtype_of_the_trained_network(mnist_small, dtype):
    trainer, _ = losses_of(small_config(iters=3, dtype=dtype), mnist_small)
    assert all(p.dtype == np.dtype(dtype) for p in trainer.network.params.values())


def test_numerical_gradient_training_matches_backprop(mnist_small):
    (x_train, t_train), (x_test, t_test) = mnist_small
    tiny = (x_train[:200], t_train[:200]), (x_test[:50], t_test[:50])
    common = {"iters": 3, "seed": 2, "hidden_size": 2, "batch_size": 2, "dtype": "float64"}
    numerical, _ = losses_of(TrainConfig(gradient="numerical", **common), tiny)
    backprop, _ = losses_of(TrainConfig(loss_after_update=True, **common), tiny)
    # Both record the loss after the update; the gradients agree to about 1e-7.
    np.testing.assert_allclose(
        numerical.history.train_loss_list, backprop.history.train_loss_list, rtol=1e-6
    )
    for key in numerical.network.params:
        np.testing.assert_allclose(
            numerical.network.params[key], backprop.network.params[key], atol=1e-7
        )


# --- divergence ----------------------------------------------------------------------------


def test_overflowing_weights_end_the_run_with_a_diverged_event(mnist_small):
    trainer = Trainer(small_config(iters=100, dtype="float64", learning_rate=0.25), mnist_small)
    run = trainer.run()
    events = []
    for event in run:
        events.append(event)
        if isinstance(event, IterationEvent) and event.iteration == 4:
            for value in trainer.network.params.values():
                value *= 1e200  # in place: the scores overflow to inf, softmax gives nan
    diverged = events[-1]
    assert isinstance(diverged, DivergedEvent)
    assert not any(isinstance(e, FinishedEvent) for e in events)
    assert diverged.iteration == 5
    assert not math.isfinite(diverged.loss)
    assert "iteration 5" in diverged.message
    assert "learning rate 0.25" in diverged.message
    assert diverged.reason == "non-finite"
    assert len(trainer.history.train_loss_list) == 5


@pytest.mark.parametrize(("activation", "reason"), [("relu", "dead-relu"), ("sigmoid", "stuck")])
def test_huge_learning_rate_diverges_quietly(mnist_small, activation, reason):
    # The loss is capped near -log(1e-7) = 16 and softmax is stable, so no NaN ever comes:
    # the ReLUs all die, or the loss sits far above chance (ln 10) without improving.
    trainer = Trainer(
        small_config(iters=300, learning_rate=1000.0, weight_init_std=10.0,
                     activation=activation),
        mnist_small,
    )
    events = list(trainer.run())
    diverged = events[-1]
    assert isinstance(diverged, DivergedEvent)
    assert diverged.reason == reason
    assert not any(isinstance(e, FinishedEvent) for e in events)
    assert f"iteration {diverged.iteration}" in diverged.message
    assert "learning rate 1000" in diverged.message
    iterations = [e.iteration for e in events if isinstance(e, IterationEvent)]
    assert iterations == list(range(diverged.iteration))
    assert diverged.iteration < 299
    assert diverged.loss > 2 * math.log(10)


# --- sampling and subsets ------------------------------------------------------------------


def test_shuffle_visits_every_index_once_per_epoch(mnist_small):
    trainer = Trainer(small_config(sampling="shuffle"), mnist_small)
    epochs = []
    for _ in range(3):
        batches = [trainer.next_batch_indices() for _ in range(20)]
        assert all(b.shape == (100,) for b in batches)
        epoch = np.concatenate(batches)
        np.testing.assert_array_equal(np.sort(epoch), np.arange(2000))
        epochs.append(epoch)
    assert not np.array_equal(epochs[0], epochs[1])  # a fresh permutation each epoch


def test_shuffle_with_a_remainder_never_repeats_within_a_pass(mnist_small):
    trainer = Trainer(small_config(sampling="shuffle", train_size=250), mnist_small)
    for _ in range(4):
        first, second = trainer.next_batch_indices(), trainer.next_batch_indices()
        both = np.concatenate([first, second])
        assert len(np.unique(both)) == 200
        assert both.min() >= 0 and both.max() < 250


def test_replacement_sampling_draws_from_the_whole_set(mnist_small):
    trainer = Trainer(small_config(), mnist_small)
    drawn = np.concatenate([trainer.next_batch_indices() for _ in range(100)])
    assert drawn.min() >= 0 and drawn.max() < 2000
    assert len(np.unique(drawn)) > 1500  # 10,000 draws cover most of the 2,000 images


def test_train_size_subset(mnist_small):
    (x_train, t_train), _ = mnist_small
    trainer, events = losses_of(small_config(train_size=500, iters=21), mnist_small)
    assert trainer.train_size == 500
    assert trainer.x_train.shape == (500, 784) and trainer.t_train.shape == (500,)
    assert trainer.iter_per_epoch == 5
    # Each kept row is an original row with its own label, none twice.
    position = {row.tobytes(): i for i, row in enumerate(x_train)}
    kept = [position[row.tobytes()] for row in trainer.x_train]
    assert len(set(kept)) == 500
    np.testing.assert_array_equal(trainer.t_train, t_train[kept])
    assert events[-1].final_train_acc == trainer.network.accuracy(trainer.x_train,
                                                                  trainer.t_train)
    same = Trainer(small_config(train_size=500), mnist_small)
    np.testing.assert_array_equal(same.x_train, trainer.x_train)
    other = Trainer(small_config(train_size=500, seed=2), mnist_small)
    assert not np.array_equal(other.t_train, trainer.t_train)


def test_train_size_larger_than_the_data(mnist_small):
    with pytest.raises(ValueError, match="train_size=2001"):
        Trainer(small_config(train_size=2001), mnist_small)


def test_shuffle_batch_larger_than_train_size(mnist_small):
    with pytest.raises(ValueError, match="batch_size=300"):
        Trainer(small_config(sampling="shuffle", batch_size=300, train_size=200), mnist_small)


def test_images_and_labels_must_agree(mnist_small):
    (x_train, t_train), test = mnist_small
    with pytest.raises(ValueError, match="differ"):
        Trainer(small_config(), ((x_train, t_train[:-1]), test))


def test_continue_training_a_given_network(mnist_small):
    net = TwoLayerNet(784, 50, 10, seed=9, dtype=np.float32)
    before = net.copy_params()
    trainer, _ = losses_of(small_config(iters=5), mnist_small, network=net)
    assert trainer.network is net
    assert not np.array_equal(net.params["W2"], before["W2"])


# --- loss_after_update, learning rate, pausing ---------------------------------------------


def test_loss_after_update_changes_only_the_recorded_loss(mnist_small):
    before, _ = losses_of(small_config(iters=30, seed=5), mnist_small)
    after, _ = losses_of(small_config(iters=30, seed=5, loss_after_update=True), mnist_small)
    losses_before = before.history.train_loss_list
    losses_after = after.history.train_loss_list
    assert not np.array_equal(losses_before, losses_after)
    # An SGD step lowers the loss on its own batch: the post-update losses are smaller.
    assert np.mean(losses_after - losses_before) < 0
    assert before.history.train_acc_list == after.history.train_acc_list
    assert before.history.test_acc_list == after.history.test_acc_list
    for key in before.network.params:
        assert np.array_equal(before.network.params[key], after.network.params[key])


def test_set_learning_rate(mnist_small):
    trainer = Trainer(small_config(iters=20), mnist_small)
    assert isinstance(trainer.optimizer, SGD)
    assert trainer.optimizer.lr == 0.1
    trainer.set_learning_rate(0.5)
    assert trainer.optimizer.lr == 0.5
    for bad in (0, -1.0, float("nan"), float("inf"), 2000.0, "0.1", True):
        with pytest.raises(ValueError, match="learning_rate"):
            trainer.set_learning_rate(bad)
        assert trainer.optimizer.lr == 0.5

    run = trainer.run()
    for event in run:
        if isinstance(event, IterationEvent) and event.iteration == 9:
            break
    trainer.set_learning_rate(1e-6)
    params = trainer.network.copy_params()
    for _ in run:
        pass
    for key, value in params.items():
        # Ten more steps at 1e-6: nearly nothing moves (at 0.5 W2 moves by about 0.1).
        assert np.abs(trainer.network.params[key] - value).max() < 1e-4


class TickingClock(FakeClock):
    """Moves one second each time the trainer reads it: its work takes time, a pause none."""

    def __call__(self) -> float:
        self.now += 1.0
        return super().__call__()


def test_pause_by_not_pulling(mnist_small):
    clock = TickingClock()
    reference = Trainer(small_config(iters=30, seed=8), mnist_small, clock=clock)
    unpaused = list(reference.run())[-1]
    clock = TickingClock()
    trainer = Trainer(small_config(iters=30, seed=8), mnist_small, clock=clock)
    run = trainer.run()
    events = [next(run) for _ in range(12)]
    assert trainer.iteration == 11  # nothing runs ahead of the consumer
    clock.advance(3600)  # an hour without pulling
    events.extend(run)
    finished = events[-1]
    assert isinstance(finished, FinishedEvent)
    assert np.array_equal(trainer.history.train_loss_list, reference.history.train_loss_list)
    assert finished.seconds > 0
    assert finished.seconds == unpaused.seconds  # the pause is not counted


def test_close_early_and_resume(mnist_small):
    reference, _ = losses_of(small_config(iters=30, seed=8), mnist_small)
    trainer = Trainer(small_config(iters=30, seed=8), mnist_small)
    run = trainer.run()
    for event in run:
        if isinstance(event, IterationEvent) and event.iteration == 7:
            break
    run.close()  # closing is fine
    run.close()
    assert trainer.iteration == 8
    assert len(trainer.history.train_loss_list) == 8
    events = list(trainer.run())
    assert events[0] == IterationEvent(8, events[0].loss)
    assert isinstance(events[-1], FinishedEvent)
    assert events[-1].iterations == 30
    assert np.array_equal(trainer.history.train_loss_list, reference.history.train_loss_list)
    assert trainer.history.epoch_iterations == reference.history.epoch_iterations
    # Once finished, running again yields only the finish.
    again = list(trainer.run())
    assert len(again) == 1 and isinstance(again[0], FinishedEvent)


def test_resume_after_closing_at_an_epoch_boundary(mnist_small):
    trainer = Trainer(small_config(iters=30, seed=8), mnist_small)
    run = trainer.run()
    for event in run:
        if isinstance(event, IterationEvent) and event.iteration == 20:
            break
    run.close()
    events = list(trainer.run())
    assert [e.iteration for e in events if isinstance(e, EpochEvent)] == [20]
    assert trainer.history.epoch_iterations == [0, 20]


# --- the book's full run -------------------------------------------------------------------


@pytest.mark.slow
def test_book_configuration_reaches_the_books_accuracy(mnist):
    trainer = Trainer(TrainConfig(seed=0), mnist)
    events = list(trainer.run())
    finished = events[-1]
    assert isinstance(finished, FinishedEvent)
    assert finished.iterations == 10_000
    assert len(trainer.history.test_acc_list) == 17
    # The book: about 0.97 after 10,000 iterations.
    assert finished.final_test_acc >= 0.965
    assert finished.final_train_acc >= 0.965
