"""The main window: menus, tabs and the status bar around the shared :class:`AppState`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from desktop_nn.data.datasets import dataset_available, dataset_title
from desktop_nn.gui.about import about_text
from desktop_nn.gui.common.lazy_page import LazyTabs
from desktop_nn.gui.common.shortcuts import ShortcutGuard
from desktop_nn.gui.common.state import AppState
from desktop_nn.gui.file_commands import FileCommands
from desktop_nn.gui.i18n import (
    LANGUAGES,
    choose_language,
    chosen_language,
    install_translators,
    language_for_locale,
    preferred_language,
)
from desktop_nn.gui.icon import app_icon
from desktop_nn.gui.language_switch import ask_to_restart
from desktop_nn.gui.lessons.controller import LessonController
from desktop_nn.gui.presentation.pictures import ViewPictures
from desktop_nn.gui.presentation.view_menu import Presentation
from desktop_nn.gui.settings import (
    APPLICATION,
    app_settings,
    read_bytes,
    read_window_settings,
    save_config,
)
from desktop_nn.gui.tab_pages import TAB_KEYS, DeferredBuild, TabAttribute, TabFactories

if TYPE_CHECKING:
    from desktop_nn.gui.download_dialog import DownloadDialog
    from desktop_nn.gui.training.tab import TrainingTab


class MainWindow(QMainWindow):
    """desktop_nn's window. Constructible with no arguments; data loads in the background."""

    training_tab = TabAttribute("training")
    graph_tab = TabAttribute("graph")
    layers_tab = TabAttribute("layers")
    gradcheck_tab = TabAttribute("gradcheck")
    evaluate_tab = TabAttribute("evaluate")
    inside_tab = TabAttribute("inside")
    draw_tab = TabAttribute("draw")
    chapter4_tab = TabAttribute("chapter4")

    def __init__(self, parent: QWidget | None = None, *, defer_tabs: bool = False) -> None:
        """``defer_tabs``: build the tabs (and start loading the data) after the first paint
        instead of now; :meth:`finish_building` builds what is left at once."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = app_settings()
        # Before any widget is made, so that every text is created in the chosen language.
        self.language = install_translators(preferred_language(self.settings))
        # The system adds the application's display name to every window title ("… —
        # desktop_nn"), so the title itself does not repeat it.
        QGuiApplication.setApplicationDisplayName(APPLICATION)
        self.setWindowTitle(self.tr("Deep Learning from Scratch, chapters 4–5"))
        self.setWindowIcon(app_icon())
        self.state = AppState(self)
        # Deleted without being closed: its threads must still end before their objects go.
        threads = self.state.threads
        self.destroyed.connect(lambda *_: threads.stop_all())
        self.download_dialog: DownloadDialog | None = None
        self._status_owner: QWidget | None = None  # the tab whose message the bar shows
        self._settings_timer = QTimer(self)
        self._settings_timer.setSingleShot(True)
        self._settings_timer.setInterval(500)
        self._settings_timer.timeout.connect(self.save_settings)

        self.tabs = LazyTabs()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._add_tabs()
        self.build = DeferredBuild(self, self.tabs, self._load_initial_data) if defer_tabs else None
        if not defer_tabs:
            for page in self.tabs.pages():
                page.content()
        self.state.data_failed.connect(
            lambda message: self.show_status(self.tr("Could not load the data:") + " " + message)
        )

        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.data_notices: list[str] = []
        self.state.data_notice.connect(self.data_notices.append)
        # Connected after the tabs: the notice replaces their "data ready" message.
        self.state.data_changed.connect(self._show_data_notices)

        self.files = FileCommands(self, self.state)
        self.lessons = LessonController(self, self.tabs)
        self._build_menus()
        self.shortcut_guard = ShortcutGuard(self)
        self.statusBar().setObjectName("statusBar")
        self.restore_settings()
        self.show_status(self.tr("Loading MNIST in the background…"))
        if not defer_tabs:
            self._load_initial_data()

    # -- construction ------------------------------------------------------------------------
    def _add_tabs(self) -> None:
        """Every tab's page at once; each tab is built when first needed (tab_pages)."""
        titles = (self.tr("&Training"), self.tr("&Computation graph"),
                  self.tr("Layer graph (ch. &5)"), self.tr("&Gradient check"),
                  self.tr("Eva&luate"), self.tr("&Inside"), self.tr("&Draw"),
                  self.tr("Chapter &4"))
        factories = TabFactories(self)
        for key, title in zip(TAB_KEYS, titles, strict=True):
            self.tabs.add_page(key, title, factories.maker(key))

    def finish_building(self) -> None:
        """Build every tab not built yet (and start loading the data if it waited for it)."""
        if self.build is not None:
            self.build.finish()

    @Slot(object, object)
    def open_in_layers(self, x, t) -> None:
        """Show a training batch in the Layer graph tab, and the tab."""
        if self.layers_tab.open_batch(x, t):
            self.tabs.setCurrentWidget(self.layers_tab)

    def add_tab(self, widget: QWidget, title: str) -> None:
        """Add a tab (the graph and insight views call this)."""
        self.tabs.addTab(widget, title)

    def open_lesson_from(self, path: str | os.PathLike) -> bool:
        """Open the lesson in ``path`` (File → Open lesson…, ``desktop-nn open FILE``)."""
        return self.lessons.open_path(path)

    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.load_action = self._action(self.tr("&Load model…"), self.files.load_model_dialog,
                                        QKeySequence.StandardKey.Open, "loadModelAction")
        self.save_action = self._action(self.tr("&Save model…"), self.files.save_model_dialog,
                                        QKeySequence.StandardKey.Save, "saveModelAction")
        self.export_csv_action = self._action(self.tr("Export &history as CSV…"),
                                              self.files.export_history_dialog, "Ctrl+E",
                                              "exportHistoryAction")
        self.export_plots_action = self._action(self.tr("Export &plots as PNG/SVG…"),
                                                self.files.export_plots_dialog, "Ctrl+Shift+E",
                                                "exportPlotsAction")
        self.export_all_runs_action = self._action(self.tr("Export &all runs as CSV…"),
                                                   lambda: self.training_tab
                                                   .export_all_runs_dialog(),
                                                   name="exportAllRunsAction")
        self.quit_action = self._action(self.tr("&Quit"), self.close,
                                        QKeySequence.StandardKey.Quit, "quitAction")
        for action in (self.load_action, self.save_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addActions([self.lessons.open_action, self.lessons.save_action])
        file_menu.addSeparator()
        file_menu.addAction(self.export_csv_action)
        file_menu.addAction(self.export_plots_action)
        file_menu.addAction(self.export_all_runs_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("editMenu")
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        self.pictures = ViewPictures(self, file_menu, edit_menu)
        self.presentation = Presentation(self, view_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu.addSeparator()
        self._build_language_menu(view_menu)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.about_action = self._action(self.tr("&About desktop_nn"), self.show_about, "F1",
                                         "aboutAction")
        self.lessons.shipped_menu(help_menu)
        help_menu.addAction(self.about_action)

    def _build_language_menu(self, parent: QMenu) -> None:
        menu = parent.addMenu(self.tr("&Language"))
        menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        chosen = chosen_language(self.settings)
        # The languages' names are written in their own languages and never translated.
        choices = [(None, self.tr("&Follow the system"))] + [
            (code, f"{name} (&{index})") for index, (code, name) in enumerate(LANGUAGES.items(), 1)
        ]
        self.language_actions: dict[str | None, QAction] = {}
        for code, text in choices:
            action = QAction(text, self, checkable=True)
            action.setObjectName(f"languageAction_{code or 'system'}")
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _checked, c=code: self.choose_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action

    def choose_language(self, language: str | None) -> None:
        """Remember the language (None: follow the system) and offer to restart in it."""
        choose_language(self.settings, language)
        target = language or language_for_locale(QLocale())
        if target == self.language:
            self.show_status(self.tr("The window already speaks this language."))
            return
        self.language_question = ask_to_restart(self, target)

    def zoom_percent(self) -> int:
        """The zoom of the window's texts, in percent (100 is actual size)."""
        return self.presentation.percent()

    def set_zoom_percent(self, percent: int) -> int:
        """Zoom the window's texts to ``percent`` (50–300); return the level set."""
        return self.presentation.set_zoom_percent(percent)

    # -- status and settings -----------------------------------------------------------------
    def show_status(self, message: str, owner: QWidget | None = None) -> None:
        """Show ``message`` in the status bar; a tab's message (``owner``) goes with its tab.

        The window's own messages (loading, saving, exports) stay until the next one; a tab's
        message leaves when another tab is shown, where it would describe what is not there.
        """
        self._status_owner = owner
        self.statusBar().showMessage(message)

    @Slot(int)
    def _on_tab_changed(self, _index: int) -> None:
        owner = self._status_owner
        if owner is not None and owner is not self.tabs.currentWidget():
            self._status_owner = None
            self.statusBar().clearMessage()

    @Slot()
    def _show_data_notices(self) -> None:
        if self.data_notices:
            self.show_status(self.tr("Data loaded; note:") + " " + "; ".join(self.data_notices))
            self.data_notices.clear()

    def restore_settings(self) -> None:
        """Restore what was saved; a value of the wrong type or out of range is ignored.

        The Training tab's settings are restored when the tab is built
        (:meth:`restore_training_settings`).
        """
        geometry = read_bytes(self.settings, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1360, 820)
        tab = self.settings.value("window/tab")
        if tab is not None and str(tab).isdigit() and int(tab) < self.tabs.count():
            self.tabs.setCurrentIndex(int(tab))

    def restore_training_settings(self, tab: TrainingTab) -> None:
        """Give the Training tab, just built, its saved configuration and plot options."""
        saved = read_window_settings(self.settings, tab.smoothing_range)
        if saved.config is not None:
            tab.show_config(saved.config)
        tab.restore_plot_settings(saved.smoothing, saved.log_scale)

    @Slot()
    def schedule_settings_save(self) -> None:
        self._settings_timer.start()

    @Slot()
    def save_settings(self) -> None:
        """Save the window's settings (a Training tab not built yet has changed nothing)."""
        training = self.tabs.page_for_key("training").built_content()
        if training is not None:
            save_config(self.settings, training.config())
            smoothing, log_scale = training.plot_settings()
            self.settings.setValue("plots/smoothing", smoothing)
            self.settings.setValue("plots/log_scale", log_scale)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

    # -- data --------------------------------------------------------------------------------
    def _load_initial_data(self) -> None:
        dataset = self.training_tab.config().dataset
        if not dataset_available(dataset):
            dataset = "mnist"
            self.training_tab.choose_bundled_dataset()
        self.state.load_data(dataset)

    @Slot(str)
    def on_dataset_chosen(self, dataset: str) -> None:
        if not dataset_available(dataset):
            self._offer_download(dataset)
            return
        if dataset != self.state.dataset_name:
            self.show_status(self.tr("Loading {dataset}…").format(
                dataset=dataset_title(dataset)))
            self.state.load_data(dataset)

    def _offer_download(self, dataset: str) -> None:
        title = dataset_title(dataset)
        answer = QMessageBox.question(
            self,
            self.tr("Download {dataset}?").format(dataset=title),
            self.tr("{dataset} is not on this computer yet. Download it now (about 30 MB, "
                    "checked against its published checksums)?").format(dataset=title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.training_tab.choose_bundled_dataset()
            return
        self.start_download(dataset)

    def start_download(self, dataset: str, **download_options) -> DownloadDialog:
        from desktop_nn.gui.download_dialog import DownloadDialog  # urllib, ssl: when used

        dialog = DownloadDialog(dataset, self, **download_options)
        dialog.finished_download.connect(lambda outcome, detail: self._on_downloaded(
            dataset, outcome, detail))
        self.download_dialog = dialog
        dialog.start(self.state.threads)
        return dialog

    def _on_downloaded(self, dataset: str, outcome: str, detail: str) -> None:
        self.download_dialog = None
        title = dataset_title(dataset)
        if outcome == "finished":
            self.show_status(self.tr("{dataset} downloaded; loading…").format(dataset=title))
            self.state.load_data(dataset)
            return
        self.training_tab.choose_bundled_dataset()
        if outcome == "failed":
            QMessageBox.warning(
                self,
                self.tr("Could not download {dataset}").format(dataset=title),
                self.tr("The download failed; the window goes on with MNIST.") + "\n\n" + detail,
            )
        else:
            self.show_status(self.tr("Download of {dataset} cancelled").format(dataset=title))

    # -- model files and exports (the File menu's commands) ---------------------------------
    def save_model_to(self, path: str | os.PathLike) -> bool:
        """Save the current model to ``path``; False (after a message) if it was not saved."""
        return self.files.save_model_to(path)

    def load_model_from(self, path: str | os.PathLike) -> bool:
        """Make the model in ``path`` current everywhere; False (after a message) on failure."""
        return self.files.load_model_from(path)

    def export_history_to(self, path: str | os.PathLike) -> bool:
        """Write every ended run on screen to one CSV (a column says which run a row is)."""
        return self.files.export_history_to(path)

    def export_plots_to(self, path: str | os.PathLike) -> list[Path]:
        """Write the loss and accuracy plots as ``<name>-loss.<ext>`` and ``<name>-accuracy``."""
        return self.files.export_plots_to(path)

    # -- help --------------------------------------------------------------------------------
    def about_text(self) -> str:
        return about_text()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About"), self.about_text())

    # -- closing -----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if self.build is not None:
            self.build.stop()
        for widget in self.tabs.built_tabs():  # the Training tab first, as the first tab
            if hasattr(widget, "shutdown"):
                widget.shutdown()
        if self.download_dialog is not None:
            self.download_dialog.shutdown()
        self.state.threads.stop_all()  # whatever else still runs (a dataset being loaded)
        self._settings_timer.stop()
        self.save_settings()
        super().closeEvent(event)

