"""The lesson file: written atomically, read back the same, and every hostile file refused with
one message (a LessonError), whatever it holds."""

from __future__ import annotations

import json
import os

import pytest

from desktop_nn.lessons import (
    FORMAT,
    VERSION,
    Lesson,
    LessonError,
    NewerLessonError,
    parse_lesson,
    read_lesson,
    write_lesson,
)
from desktop_nn.lessons.format import MAX_BYTES, MAX_DEPTH, loads


def good() -> dict:
    return {
        "format": FORMAT, "version": VERSION,
        "title": {"en": "The apples", "zh_CN": "苹果", "ja_JP": "りんご"},
        "instructions": {"en": "Step forward.", "ja_JP": "順伝播を一歩ずつ。"},
        "tab": "graph", "zoom": 150, "hide": ["graphExpressionEdit"],
        "tabs": {"graph": {"preset": "apple", "inputs": {"apple": 100.0}, "position": 0},
                 "training": {"learning_rate": 0.1, "speed": None}},
    }


def write(path, data) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_lesson_round_trips(tmp_path):
    lesson = parse_lesson(good())
    path = tmp_path / "lesson.json"
    write_lesson(path, lesson)
    assert read_lesson(path) == lesson
    assert json.loads(path.read_text(encoding="utf-8")) == good()
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.json"]  # no temporary file left


def test_texts_fall_back_to_english():
    lesson = parse_lesson(good())
    assert lesson.title_in("ja_JP") == "りんご"
    assert lesson.instructions_in("zh_CN") == "Step forward."
    minimal = parse_lesson({"format": FORMAT, "version": 1, "title": {"en": "Only English"}})
    assert minimal.title_in("zh_CN") == "Only English" and minimal.instructions_in("en") == ""
    assert minimal.tab is None and minimal.zoom is None and minimal.hide == () \
        and minimal.tabs == {}


def test_a_failed_write_keeps_the_existing_file(tmp_path):
    path = tmp_path / "lesson.json"
    path.write_text("the old lesson", encoding="utf-8")
    bad = Lesson(title={"en": "x"}, tabs={"graph": {"value": float("nan")}})
    with pytest.raises(LessonError):
        write_lesson(path, bad)
    assert path.read_text(encoding="utf-8") == "the old lesson"
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.json"]


def changed(**changes) -> dict:
    data = good()
    for key, value in changes.items():
        if value is KeyError:
            del data[key]
        else:
            data[key] = value
    return data


WRONG = {
    "not an object": [good()],
    "other format": changed(format="something-else"),
    "no format": changed(format=KeyError),
    "version as text": changed(version="1"),
    "version zero": changed(version=0),
    "version true": changed(version=True),
    "no title": changed(title=KeyError),
    "title as text": changed(title="The apples"),
    "no English title": changed(title={"zh_CN": "苹果"}),
    "empty English title": changed(title={"en": "  "}),
    "title in an unknown language": changed(title={"en": "x", "fr": "pommes"}),
    "title too long": changed(title={"en": "x" * 201}),
    "instructions as a list": changed(instructions=["Step forward."]),
    "instructions as a number": changed(instructions={"en": 5}),
    "unknown tab": changed(tab="spreadsheet"),
    "tab as a number": changed(tab=3),
    "zoom too small": changed(zoom=20),
    "zoom too large": changed(zoom=1000),
    "zoom as a float": changed(zoom=150.5),
    "zoom as text": changed(zoom="150"),
    "hide as text": changed(hide="graphExpressionEdit"),
    "hide with a number": changed(hide=[5]),
    "hide with a path": changed(hide=["../etc/passwd"]),
    "hide too many": changed(hide=["a"] * 201),
    "tabs as a list": changed(tabs=[{"preset": "apple"}]),
    "tabs with an unknown tab": changed(tabs={"spreadsheet": {}}),
    "tab state as a list": changed(tabs={"graph": ["apple"]}),
    "unknown entry": changed(script="import os"),
}


@pytest.mark.parametrize("data", WRONG.values(), ids=WRONG.keys())
def test_wrong_contents_are_refused_with_one_message(tmp_path, data):
    with pytest.raises(LessonError) as refused:
        read_lesson(write(tmp_path / "lesson.json", data))
    assert str(refused.value) and "\n" not in str(refused.value)
    assert not isinstance(refused.value, NewerLessonError)


def test_a_newer_version_has_its_own_message(tmp_path):
    with pytest.raises(NewerLessonError, match=r"newer desktop_nn.*update desktop_nn"):
        read_lesson(write(tmp_path / "lesson.json", changed(version=VERSION + 1)))


def hostile_bytes(tmp_path, name: str) -> str:
    path = tmp_path / "lesson.json"
    text = json.dumps(good())
    contents = {
        "truncated": text[: len(text) // 2].encode(),
        "empty": b"",
        "not JSON": b"\x80\x02cos\nsystem\n(S'echo pwned'\ntR.",  # a pickle
        "not UTF-8": text.encode("utf-16"),
        "huge": b'{"format": "desktop-nn-lesson", "pad": "' + b"x" * (MAX_BYTES + 10) + b'"}',
        "deep": b"[" * 100_000 + b"]" * 100_000,
        "just too deep": (b'{"format": "desktop-nn-lesson", "version": 1, "title": {"en": "x"},'
                          b' "tabs": {"graph": {"a": ' + b"[" * MAX_DEPTH + b"]" * MAX_DEPTH
                          + b"}}}"),
        "NaN": text.replace('"zoom": 150', '"zoom": NaN').encode(),
        "Infinity": text.replace('100.0', 'Infinity').encode(),
        "repeated key": text.replace('"zoom": 150', '"zoom": 150, "zoom": 300').encode(),
    }[name]
    path.write_bytes(contents)
    return str(path)


@pytest.mark.parametrize("name", ["truncated", "empty", "not JSON", "not UTF-8", "huge", "deep",
                                  "just too deep", "NaN", "Infinity", "repeated key"])
def test_hostile_files_are_refused_with_one_message(tmp_path, name):
    with pytest.raises(LessonError) as refused:
        read_lesson(hostile_bytes(tmp_path, name))
    assert str(refused.value) and "\n" not in str(refused.value)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(LessonError, match="folder"):
        read_lesson(tmp_path)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(LessonError, match="not found"):
        read_lesson(tmp_path / "missing.json")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "lesson.json"
    os.mkfifo(fifo)
    with pytest.raises(LessonError, match="not a regular file"):
        read_lesson(fifo)


def test_depth_within_the_limit_is_read(tmp_path):
    nested = "[" * (MAX_DEPTH - 3) + "]" * (MAX_DEPTH - 3)
    text = json.dumps(good()).replace('"position": 0', f'"position": 0, "deep": {nested}')
    path = tmp_path / "lesson.json"
    path.write_text(text, encoding="utf-8")
    assert read_lesson(path).tabs["graph"]["deep"] == json.loads(nested)


def test_reading_never_unpickles(tmp_path, monkeypatch):
    import pickle

    monkeypatch.setattr(pickle, "loads", lambda *a, **k: pytest.fail("pickle.loads called"))
    monkeypatch.setattr(pickle, "load", lambda *a, **k: pytest.fail("pickle.load called"))
    with pytest.raises(LessonError):
        read_lesson(hostile_bytes(tmp_path, "not JSON"))


@pytest.mark.parametrize("text", [text.replace("FMT", FORMAT) for text in (
    "{ not json", '{"format": "other"}', '{"format": "FMT", "version": 0}',
    '{"format": "FMT", "version": 7}', '{"format": "FMT", "version": 1}',
    '{"format": "FMT", "version": 1, "title": {"xx": "?"}}',
    '{"format": "FMT", "version": 1, "title": {"en": "T"}, "tab": "nowhere"}',
    '{"format": "FMT", "version": 1, "title": {"en": "T"}, "hide": ["1bad"]}',
)])
def test_each_refusal_carries_its_message_before_the_values_for_translation(text):
    """The window shows these in its language: the English message is the marked template
    with the values put in."""
    with pytest.raises(LessonError) as refused:
        parse_lesson(loads(text))
    error = refused.value
    assert error.template is not None
    assert str(error) == error.template.format(**error.params)
