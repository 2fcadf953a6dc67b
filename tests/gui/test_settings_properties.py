"""Property tests of the settings door: any text in the settings file, for every key.

Whatever the INI file holds, reading it gives, for each setting, a value of the right type
within its range or None (the default is used); the language is a known one or None.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QSettings

from desktop_nn.core.training import TrainConfig
from desktop_nn.gui.i18n import LANGUAGES, chosen_language
from desktop_nn.gui.settings import read_window_settings
from tests.contract import quick

SMOOTHING = (1, 500)
KEYS = ("window\\geometry", "plots\\smoothing", "plots\\log_scale", "training\\config",
        "ui\\language")

#: INI values: numbers, booleans, lists (commas), QVariant and byte-array forms, JSON configs
#: (deep ones too), quoting and escapes, and any line of text.
INI_VALUES = st.one_of(
    st.integers(-(10**25), 10**25).map(str),
    st.sampled_from(["true", "false", "True", "1", "0", "", "abc", "50", "500", "501", "-1",
                     " 7", "zh_CN", "ja_JP", "en", "de", "zh_CN, ja_JP", "@Invalid()",
                     "@ByteArray(x)", "@ByteArray()", "@Variant(\\0\\0\\0\\x7f\\0\\0)",
                     "@Rect(0 0 10 10)", "@Size(1 2)", "@Point(1 2)", "\"a,b\"", "\\",
                     "\"\"", "１２", "1e3", "nan", "@Variant(\\0\\0\\0\\n\\0\\0\\0\\x6)"]),
    st.builds(lambda d: '"' + "[" * d + '"', st.integers(1, 100_000)),
    st.builds(lambda v: '"{\\"hidden_size\\": ' + v + '}"',
              st.sampled_from(["5", "100000", "\\\"x\\\"", "[1]", "1e999", "9" * 5000])),
    st.text(st.characters(blacklist_characters="\n\r", blacklist_categories=("Cs",)),
            max_size=30),
)


@quick(200)
@given(values=st.dictionaries(st.sampled_from(KEYS), INI_VALUES, max_size=len(KEYS)))
def test_any_settings_file_reads_as_valid_values_or_defaults(tmp_path_factory, values):
    path = tmp_path_factory.mktemp("settings") / "settings.ini"
    sections: dict[str, list[str]] = {}
    for key, value in values.items():
        section, name = key.split("\\")
        sections.setdefault(section, []).append(f"{name}={value}")
    path.write_text("".join(f"[{section}]\n" + "\n".join(lines) + "\n"
                            for section, lines in sections.items()), encoding="utf-8")
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    saved = read_window_settings(settings, SMOOTHING)
    assert saved.geometry is None or (isinstance(saved.geometry, QByteArray)
                                      and not saved.geometry.isEmpty())
    assert saved.config is None or isinstance(saved.config, TrainConfig)
    assert saved.smoothing is None or (type(saved.smoothing) is int
                                       and SMOOTHING[0] <= saved.smoothing <= SMOOTHING[1])
    assert saved.log_scale in (None, True, False)
    assert chosen_language(settings) in (None, *LANGUAGES)
