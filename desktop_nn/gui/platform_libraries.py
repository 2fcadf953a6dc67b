"""Before Qt starts: can its xcb platform plugin load, and if not, which packages are missing?

On X11, Qt loads ``libqxcb.so``, which needs a dozen xcb libraries that a stock Linux desktop
may lack (since Qt 6.5: libxcb-cursor0, and also libxcb-icccm4, libxcb-keysyms1...). Qt then
aborts with a message that names the wrong package or none. This module reads the libraries
the plugin needs from its ELF header (DT_NEEDED, following the Qt libraries shipped with
PySide6), tries to load each of the others, and words one line naming what is missing and the
Debian packages that bring it. It never imports Qt.
"""

from __future__ import annotations

import ctypes
import importlib.util
import struct
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

#: The Debian (and Ubuntu) package of each system library the xcb plugin and Qt need.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}

Loader = Callable[[str], object]


def uses_xcb(argv: Sequence[str], environ: Mapping[str, str], system: str) -> bool:
    """Will Qt pick its xcb platform plugin?

    A ``-platform NAME`` argument wins, then ``QT_QPA_PLATFORM`` (its first choice when it
    lists several, separated by ';'); without either, Qt picks xcb on Linux when an X display
    is set and no Wayland one.
    """
    chosen = None
    for index, arg in enumerate(argv[1:], start=1):
        name, _, value = arg.lstrip("-").partition("=")
        if arg.startswith("-") and name == "platform":
            chosen = value or (argv[index + 1] if index + 1 < len(argv) else "")
    if chosen is None:
        chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0]
    if chosen:
        return chosen.split(":")[0].strip() == "xcb"
    return (system.startswith("linux") and bool(environ.get("DISPLAY"))
            and not environ.get("WAYLAND_DISPLAY"))


def xcb_plugin() -> Path | None:
    """PySide6's xcb plugin, found without importing Qt (None if it is not there)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations))) / "Qt/plugins/platforms/libqxcb.so"
    return plugin if plugin.is_file() else None


def needed_libraries(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file ([] for anything else)."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads, dynamic = [], None
    for index in range(phnum):
        p_type, _, offset, vaddr, _, filesz = struct.unpack_from("<IIQQQQ", data,
                                                               phoff + index * phentsize)
        if p_type == 1:  # PT_LOAD
            loads.append((vaddr, offset, filesz))
        elif p_type == 2:  # PT_DYNAMIC
            dynamic = (offset, filesz)
    if dynamic is None:
        return []
    entries = [struct.unpack_from("<qQ", data, dynamic[0] + at)
               for at in range(0, dynamic[1], 16)]
    strtab = next((value for tag, value in entries if tag == 5), None)  # DT_STRTAB
    base = next((offset + strtab - vaddr for vaddr, offset, size in loads
                 if strtab is not None and vaddr <= strtab < vaddr + size), None)
    if base is None:
        return []
    names = []
    for tag, value in entries:
        if tag == 0:  # DT_NULL
            break
        if tag == 1:  # DT_NEEDED
            end = data.index(b"\0", base + value)
            names.append(data[base + value:end].decode())
    return names


def system_libraries(plugin: Path) -> list[str]:
    """The libraries outside PySide6 that the plugin needs, directly or through the Qt
    libraries PySide6 ships (which sit beside each other in Qt/lib)."""
    bundled = plugin.parents[2] / "lib"
    seen, system, queue = set(), [], [plugin]
    while queue:
        for name in needed_libraries(queue.pop()):
            if name in seen:
                continue
            seen.add(name)
            if (bundled / name).is_file():
                queue.append(bundled / name)
            else:
                system.append(name)
    return system


def missing_libraries(names: Sequence[str], load: Loader = ctypes.CDLL) -> list[str]:
    """The libraries among ``names`` (or their own dependencies) that cannot be loaded."""
    missing = []
    for name in names:
        try:
            load(name)
        except OSError as exc:
            # "libxcb-icccm.so.4: cannot open shared object file: ..." names the culprit,
            # which may be a dependency of ``name``.
            culprit = str(exc).split(":", 1)[0].strip()
            culprit = culprit if culprit.startswith("lib") and ".so" in culprit else name
            if culprit not in missing:
                missing.append(culprit)
    return missing


def explain(missing: Sequence[str]) -> str:
    """One line for the terminal: what is missing and how to install it."""
    packages = sorted({DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES})
    line = (f"desktop-nn: cannot open a window: Qt's X11 (xcb) platform needs "
            f"{', '.join(missing)}, missing here")
    if packages:
        line += f"; on Debian or Ubuntu: sudo apt-get install {' '.join(packages)}"
    return line + " (README: Run it)"


def xcb_problem(argv: Sequence[str], environ: Mapping[str, str], system: str,
                plugin: Path | None = None, load: Loader = ctypes.CDLL) -> str | None:
    """The line to print when Qt would fail to load its xcb plugin, else None."""
    if not uses_xcb(argv, environ, system):
        return None
    plugin = plugin if plugin is not None else xcb_plugin()
    if plugin is None:
        return None  # not PySide6's wheel: Qt's own message will have to do
    missing = missing_libraries(system_libraries(plugin), load)
    return explain(missing) if missing else None
