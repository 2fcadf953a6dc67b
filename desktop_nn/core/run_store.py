"""The runs kept on disk, one folder each in the user's data folder; the oldest go first.

::

    <data folder>/runs/000001/               run.json, history.npz, model.npz (see run_files)
    <data folder>/runs/.tmpk3j2x9.part/      a run being written, or left by a crash
    <data folder>/runs/.000004-5e6f.trash/   a run being removed

Keeping a run writes its files into a temporary folder, then renames that folder to the next
free number: the rename is the one step that makes a run appear, so it is there complete or
not at all. Two programs keeping runs at once (the window and a terminal) never take the same
number: renaming onto a folder that holds a run fails, and the next number is tried. Removing
renames the folder out of the way before deleting it, so a half-deleted run is never read.

Reading never fails: a folder that cannot be read is skipped with a :class:`RunNote`, a run
whose model is missing is kept without it, a temporary folder older than a day is removed.
The size limit counts the bytes of every run folder and the number of runs; after each run
kept, the oldest runs are dropped until both fit (the run just kept always stays).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from desktop_nn.core.model_io import LoadedModel, ModelFileError
from desktop_nn.core.network import TwoLayerNet
from desktop_nn.core.run_fields import record_to_fields
from desktop_nn.core.run_files import (
    RunFileError,
    read_model,
    read_run,
    read_run_json,
    write_run_data,
    write_run_json,
)
from desktop_nn.core.run_record import ENDED, MAX_NAME_LENGTH, RunRecord, check_name
from desktop_nn.fileio import current_umask, user_data_dir
from desktop_nn.npy_reader import first_line

#: The default size limit: 256 MiB (about 1,000 runs of the book's network with its model).
DEFAULT_MAX_BYTES = 256 * 2**20
#: The default limit on the number of runs kept.
DEFAULT_MAX_RUNS = 200
#: A temporary folder older than this (seconds) was left by an interrupted write.
LEFTOVER_AGE = 24 * 3600
PART_SUFFIX, TRASH_SUFFIX = ".part", ".trash"
_NUMBER = re.compile(r"[0-9]{6,12}")
_TAKEN = (errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR)


def runs_folder() -> Path:
    """Where runs are kept: ``runs`` in the user's data folder (see ``user_data_dir``)."""
    return user_data_dir() / "runs"


class RunStoreError(Exception):
    """The store could not do what was asked; the message says why, on one line."""


@dataclass(frozen=True)
class RunNote:
    """Something wrong with one run folder, found while reading the store."""

    folder: Path
    text: str

    def __str__(self) -> str:
        return f"{self.folder.name}: {self.text}"


@dataclass
class StoredRuns:
    """What :meth:`RunStore.load` found: the runs by number, and notes on what was skipped."""

    runs: list[RunRecord] = field(default_factory=list)
    notes: list[RunNote] = field(default_factory=list)


class RunStore:
    """The kept runs in ``folder``.

    Parameters
    ----------
    folder : path, optional
        Default :func:`runs_folder`; created when the first run is kept.
    max_bytes, max_runs : int
        The size limit (see the module's text).
    keep_models : bool, default True
        False keeps runs without their trained networks.
    clock : callable
        Returns the time in seconds since the epoch (for the age of leftover folders).
    """

    def __init__(
        self,
        folder: str | os.PathLike | None = None,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_runs: int = DEFAULT_MAX_RUNS,
        keep_models: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folder = Path(folder) if folder is not None else runs_folder()
        self.max_bytes, self.max_runs = max_bytes, max_runs
        self.keep_models = keep_models
        self._clock = clock

    def folder_of(self, number: int) -> Path:
        return self.folder / f"{number:06d}"

    def load(self) -> StoredRuns:
        """Read every run, oldest first; what cannot be read is skipped with a note."""
        found = StoredRuns()
        for number, path in self._numbered(found.notes):
            try:
                record, note = read_run(path, number)
            except RunFileError as exc:
                found.notes.append(RunNote(path, f"skipped: {exc}"))
                continue
            except Exception as exc:  # the last resort of this door: never a failed start
                found.notes.append(RunNote(
                    path, f"skipped: cannot be read ({type(exc).__name__}: {first_line(exc)})"))
                continue
            if note is not None:
                found.notes.append(RunNote(path, f"{note}; the run is kept without it"))
            found.runs.append(record)
        return found

    def keep(self, record: RunRecord, network: TwoLayerNet | None = None) -> tuple[
            RunRecord, list[int]]:
        """Keep ``record`` (and ``network``, unless models are switched off).

        A network whose weights are no longer finite (a run that diverged) is left out: no
        model file would take it. One that died quietly (dead ReLUs) is kept, to look at.

        Returns the record as kept (with its number, its name: "run N" unless it had one,
        made unique with " (2)"..., and ``has_model``) and the numbers of the runs the size
        limit dropped.

        Raises
        ------
        ValueError
            The record is of a run still running.
        RunStoreError
            The files could not be written (nothing of the run is left behind).
        """
        if record.status not in ENDED:
            raise ValueError(f"a run that is {record.status} cannot be kept yet")
        if not self.keep_models or (network is not None and not network_is_finite(network)):
            network = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = Path(tempfile.mkdtemp(prefix=".", suffix=PART_SUFFIX, dir=self.folder))
        except OSError as exc:
            raise RunStoreError(f"{self.folder}: cannot keep runs here ({_reason(exc)})") from None
        try:
            files = write_run_data(temporary, record, network)
            kept = self._place(temporary, record, files)
        except OSError as exc:
            raise RunStoreError(f"{self.folder}: could not keep the run ({_reason(exc)})") from None
        finally:
            shutil.rmtree(temporary, ignore_errors=True)  # gone already unless it failed
        _sync_folder(self.folder)
        return kept, self.prune(protect=kept.number)

    def _place(self, temporary: Path, record: RunRecord, files: dict) -> RunRecord:
        """Name the run, write its ``run.json`` and rename its folder to a free number."""
        tried = 0
        for _ in range(1000):
            names = self._names()
            number = tried = max(*names, tried, 0) + 1
            name = unique_name(record.name or f"run {number}", set(names.values()))
            kept = record.replace(name=name, number=number, has_model="model" in files)
            write_run_json(temporary, record_to_fields(kept), files)
            os.chmod(temporary, 0o777 & ~current_umask())  # a folder as any program makes it
            try:
                os.rename(temporary, self.folder_of(number))
            except OSError as exc:
                if isinstance(exc, FileExistsError) or exc.errno in _TAKEN:
                    continue  # another program kept a run under this number meanwhile
                raise
            return kept
        raise OSError(errno.EEXIST, "no free number for the run")

    def rename(self, number: int, name: str) -> None:
        """Give run ``number`` a new name (unique among the runs).

        Raises
        ------
        ValueError
            Not a valid name, or another run has it.
        RunStoreError
            No such run, or it cannot be read or written.
        """
        check_name(name)
        others = {n for k, n in self._names().items() if k != number}
        if name in others:
            raise ValueError(f"a run called {name!r} exists already")
        path = self._existing(number)
        try:
            content = read_run_json(path)
            content["fields"]["name"] = name
            write_run_json(path, content["fields"], content["files"])
        except (RunFileError, OSError) as exc:
            raise RunStoreError(f"run {number}: cannot be renamed ({_reason(exc)})") from None

    def remove(self, number: int) -> None:
        """Delete run ``number`` (its folder disappears in one step, then is emptied)."""
        self._remove_folder(self._existing(number))

    def clear(self) -> int:
        """Delete every run and every leftover; return how many run folders were removed."""
        numbered = self._numbered([])
        for _, path in numbered:
            self._remove_folder(path)
        self._remove_leftovers(every_age=True)
        return len(numbered)

    def load_model(self, record: RunRecord) -> LoadedModel:
        """The trained network of a kept run, read through ``load_model``'s checks.

        Raises
        ------
        ModelFileError
            Kept without a model, or the model is missing or damaged (names the run).
        """
        path = self.folder_of(record.number or 0)
        try:
            content = read_run_json(path)
            return read_model(path, content["files"].get("model"))
        except (RunFileError, ModelFileError) as exc:
            raise ModelFileError(f"{record.name} ({path.name}): {exc}") from None

    def prune(self, protect: int | None = None) -> list[int]:
        """Drop the oldest runs until the size limit holds; return the numbers dropped."""
        numbered = self._numbered([])
        sizes = {number: _folder_bytes(path) for number, path in numbered}
        total, count, dropped = sum(sizes.values()), len(numbered), []
        for number, path in numbered:
            if total <= self.max_bytes and count <= self.max_runs:
                break
            if number == protect:
                continue
            try:
                self._remove_folder(path)
            except RunStoreError:
                continue  # cannot be removed (permissions): leave it, try the next
            total, count = total - sizes[number], count - 1
            dropped.append(number)
        return dropped

    def numbers(self) -> list[int]:
        """The numbers of every run folder, readable or not, oldest first."""
        return [number for number, _ in self._numbered([])]

    def size(self) -> int:
        """Bytes the kept runs take."""
        return sum(_folder_bytes(path) for _, path in self._numbered([]))

    def _numbered(self, notes: list[RunNote]) -> list[tuple[int, Path]]:
        """The run folders by number, oldest first; leftovers of earlier writes removed."""
        try:
            entries = list(os.scandir(self.folder))
        except FileNotFoundError:
            return []
        except OSError as exc:
            notes.append(RunNote(self.folder, f"cannot be read ({_reason(exc)})"))
            return []
        self._remove_leftovers(every_age=False, entries=entries)
        found = []
        for entry in entries:
            if not _NUMBER.fullmatch(entry.name):
                continue
            if entry.is_dir(follow_symlinks=False):
                found.append((int(entry.name), Path(entry.path)))
            else:
                notes.append(RunNote(Path(entry.path), "skipped: not a folder"))
        return sorted(found)

    def _names(self) -> dict[int, str]:
        """Each readable run's name, by number."""
        names = {}
        for number, path in self._numbered([]):
            try:
                name = read_run_json(path)["fields"]["name"]
            except (RunFileError, TypeError, KeyError):
                name = None
            names[number] = name if isinstance(name, str) else ""
        return names

    def _existing(self, number: int) -> Path:
        path = self.folder_of(number)
        if not path.is_dir() or path.is_symlink():
            raise RunStoreError(f"there is no run {number}")
        return path

    def _remove_folder(self, path: Path) -> None:
        trash = path.with_name(f".{path.name}-{uuid.uuid4().hex[:8]}{TRASH_SUFFIX}")
        try:
            os.rename(path, trash)
        except OSError as exc:
            raise RunStoreError(f"{path.name}: cannot be removed ({_reason(exc)})") from None
        shutil.rmtree(trash, ignore_errors=True)

    def _remove_leftovers(self, every_age: bool, entries: list | None = None) -> None:
        if entries is None:
            try:
                entries = list(os.scandir(self.folder))
            except OSError:
                return
        for entry in entries:
            name = entry.name
            if not name.startswith("."):
                continue
            stale = name.endswith(TRASH_SUFFIX) or (name.endswith(PART_SUFFIX) and (
                every_age or self._older_than(entry, LEFTOVER_AGE)))
            if stale and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)

    def _older_than(self, entry: os.DirEntry, seconds: float) -> bool:
        try:
            return self._clock() - entry.stat(follow_symlinks=False).st_mtime > seconds
        except OSError:
            return False


def network_is_finite(network: TwoLayerNet) -> bool:
    """True if every parameter of ``network`` is finite."""
    return all(np.all(np.isfinite(value)) for value in network.params.values())


def unique_name(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``wanted (3)``... whichever is not taken.

    A long name is shortened to leave room for the number within ``MAX_NAME_LENGTH``.
    """
    name, count = wanted, 1
    while name in taken:
        count += 1
        suffix = f" ({count})"
        name = wanted[: MAX_NAME_LENGTH - len(suffix)].rstrip() + suffix
    return name


def _folder_bytes(path: Path) -> int:
    total = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(path):
            with contextlib.suppress(OSError):
                total += entry.stat(follow_symlinks=False).st_size
    return total


def _sync_folder(path: Path) -> None:
    """Flush a folder's entries to disk (where the system allows opening a folder)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return first_line(exc)
