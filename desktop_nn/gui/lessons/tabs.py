"""The window's tabs by their lesson keys ("training", "graph"...): the tabs that honour the
tab contract, found in the window's tab widget."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QTabWidget

from desktop_nn.gui.common.tab_contract import TabContract

#: The mnemonic a Chinese or Japanese text puts after its words: "(&T)".
MNEMONIC_SUFFIX = re.compile(r"\s*\(&[^&]\)")


class TabsByKey:
    """Finds, names and shows the tabs of ``tabs`` by their ``tab_key``."""

    def __init__(self, tabs: QTabWidget) -> None:
        self.tabs = tabs

    def all(self) -> dict[str, TabContract]:
        """The tabs that honour the tab contract, by their keys."""
        widgets = (self.tabs.widget(index) for index in range(self.tabs.count()))
        return {w.tab_key: w for w in widgets if isinstance(w, TabContract) and w.tab_key}

    def title(self, key: str) -> str:
        """The tab's title as its tab shows it (without the mnemonic), or ``key``."""
        tab = self.all().get(key)
        return without_mnemonic(self.tabs.tabText(self.tabs.indexOf(tab))) if tab else key

    def show(self, key: str) -> None:
        tab = self.all().get(key)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)

    def current(self) -> str | None:
        """The key of the tab shown (None: a tab without one)."""
        return getattr(self.tabs.currentWidget(), "tab_key", None) or None


def without_mnemonic(text: str) -> str:
    """``text`` without its mnemonic: "&Training" and "训练(&T)" read "Training" and "训练"."""
    return MNEMONIC_SUFFIX.sub("", text).replace("&", "")
