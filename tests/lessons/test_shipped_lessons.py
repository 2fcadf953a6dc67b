"""The six lessons shipped in resources/lessons/: valid, in three languages, and saying true
things about the runs they set up."""

from __future__ import annotations

import pytest

from desktop_nn.core.events import DivergedEvent
from desktop_nn.core.training import TrainConfig, Trainer
from desktop_nn.lessons import LANGUAGES, shipped_lessons

FIGURES = {"01-apples": "5-16", "02-apples-and-oranges": "5-17", "03-sigmoid": "5-20",
           "04-gradient-descent": "4-10", "05-chapter5-training": "5-31"}


def lessons() -> dict:
    return {path.stem: lesson for path, lesson in shipped_lessons()}


def test_six_lessons_in_three_languages():
    found = lessons()
    assert list(found) == [*FIGURES, "06-learning-rate-too-large"]
    for name, lesson in found.items():
        for language in LANGUAGES:
            assert lesson.title[language].strip(), (name, language)
            assert len(lesson.instructions[language]) > 100, (name, language)
        if name in FIGURES:
            for language in LANGUAGES:
                assert FIGURES[name] in lesson.title[language], (name, language)
        assert lesson.tab in lesson.tabs


def test_the_chapter5_lesson_is_the_books_training():
    state = lessons()["05-chapter5-training"].tabs["training"]
    config = TrainConfig(**{k: v for k, v in state.items()
                            if k not in ("speed", "pause_each_epoch")})
    book = TrainConfig()
    assert (config.hidden_size, config.learning_rate, config.batch_size, config.iters,
            config.weight_init_std, config.sampling) == (50, 0.1, 100, 10_000, 0.01,
                                                         "replacement")
    assert config.replace(dtype=book.dtype) == book


def test_the_large_learning_rate_lesson_diverges_as_it_says(mnist):
    state = lessons()["06-learning-rate-too-large"].tabs["training"]
    assert state["learning_rate"] == 10.0 and state["speed"] == 20
    config = TrainConfig(**{k: v for k, v in state.items()
                            if k not in ("speed", "pause_each_epoch")})
    trainer = Trainer(config, mnist)
    ending = None
    for event in trainer.run():
        ending = event
    assert isinstance(ending, DivergedEvent)
    # The instructions speak of "some 230 iterations" (seed 0; float32 and float64 alike).
    assert ending.iteration == pytest.approx(230, abs=30)
    assert "learning rate 10 is too large" in ending.message
