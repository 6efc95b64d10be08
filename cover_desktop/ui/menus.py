"""The window's menus: every command with its shortcut and an objectName, each handled by the pane it
belongs to. Single-letter keys (X, R, 1-5, F, [ ]) never fire inside a text field: a field takes them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..i18n import translate
from ..runtime import Runtime
from .appearance import AppearanceMenu
from .clips_pane import ClipsPane
from .help import show_audio_id_help, show_shortcuts
from .jobs_pane import JobsPane
from .submit_pane import SubmitPane
from .widgets import widget_shortcut


class MenuHost(Protocol):
    """What the menus need of the window (the window, not imported here: no import circle)."""

    rt: Runtime
    submit_pane: SubmitPane
    jobs_pane: JobsPane
    clips_pane: ClipsPane

    def open_settings(self) -> None: ...
    def toggle_pause(self) -> None: ...
    def poll_now(self) -> None: ...
    def open_media_folder(self) -> None: ...
    def open_log_folder(self) -> None: ...
    def about(self) -> None: ...
    def show_error(self, text: str) -> None: ...


def build_menus(win: MenuHost, window: QMainWindow) -> dict[str, QAction]:
    made: dict[str, QAction] = {}

    def add(menu: QMenu, text: str, slot: Callable[[], object], keys: str | QKeySequence.StandardKey = "",
            name: str = "") -> QAction:
        act = QAction(text, window)
        if keys:
            act.setShortcut(QKeySequence(keys))
        if name:
            act.setObjectName(name)
            made[name] = act
        act.triggered.connect(lambda _checked=False: slot())
        menu.addAction(act)
        return act

    m = window.menuBar()
    file = m.addMenu(translate("Menus", "&File"))
    settings = add(file, translate("Menus", "&Settings\u2026"), win.open_settings, "Ctrl+,", "settingsAction")
    settings.setShortcuts([QKeySequence("Ctrl+,"), QKeySequence(QKeySequence.StandardKey.Preferences)])
    add(file, translate("Menus", "&Import ids from file\u2026"), win.submit_pane.import_ids,
        QKeySequence.StandardKey.Open, "importAction")
    file.addSeparator()
    add(file, translate("Menus", "&Quit"), window.close, QKeySequence.StandardKey.Quit, "quitAction")

    jobs, jobs_pane = m.addMenu(translate("Menus", "&Jobs")), win.jobs_pane
    add(jobs, translate("Menus", "&Pause polling"), win.toggle_pause, "Ctrl+Shift+P", "pauseAction").setCheckable(True)
    add(jobs, translate("Menus", "Check all &now"), win.poll_now, "F5", "pollNowAction")
    jobs.addSeparator()
    add(jobs, translate("Menus", "&Retry polling"), jobs_pane.retry_selected, "Ctrl+R", "retryAction")
    add(jobs, translate("Menus", "Re&submit with same settings\u2026"), jobs_pane.resubmit_selected, "Ctrl+Shift+R",
        "resubmitAction")
    add(jobs, translate("Menus", "&Edit in form"), jobs_pane.edit_selected, "Ctrl+E", "editAction")
    add(jobs, translate("Menus", "&Copy task id"), jobs_pane.copy_task_id, "Ctrl+Shift+C", "copyTaskIdAction")
    add(jobs, translate("Menus", "Re&move from history\u2026"), jobs_pane.remove_selected, name="removeAction")

    clips, clips_pane = m.addMenu(translate("Menus", "&Clips")), win.clips_pane
    clip_actions, audition_rules = clips_pane.clip_actions, clips_pane.audition
    add(clips, translate("Menus", "&Play / pause"), clips_pane.toggle_play, "Space", "playAction")
    add(clips, translate("Menus", "&Next clip"), lambda: clips_pane.step_clip(1), "Ctrl+Right", "nextAction")
    add(clips, translate("Menus", "P&revious clip"), lambda: clips_pane.step_clip(-1), "Ctrl+Left", "previousAction")
    audition = clips.addMenu(translate("Menus", "&Audition"))
    add(audition, translate("Menus", "S&wap with the previous clip"), clips_pane.swap_clip, "X", "swapAction")
    keep = add(audition, translate("Menus", "Keep the &position between clips of a job (A/B)"),
               lambda: audition_rules.set_keep_position(not audition_rules.keep_position), "Shift+X", "keepAction")
    advance = add(audition, translate("Menus", "&Play the next clip at the end"),
                  lambda: audition_rules.set_auto_advance(not audition_rules.auto_advance), name="autoAdvanceAction")
    add(audition, translate("Menus", "&Repeat: off, all, one"), audition_rules.cycle_repeat, "R", "repeatAction")
    audition.addSeparator()
    add(audition, translate("Menus", "Loop &start here"), audition_rules.mark_a, "[", "loopStartAction")
    add(audition, translate("Menus", "Loop &end here"), audition_rules.mark_b, "]", "loopEndAction")
    add(audition, translate("Menus", "&Clear the loop"), audition_rules.clear_loop, "\\", "clearLoopAction")
    for act in (keep, advance):
        act.setCheckable(True)

    def modes() -> None:
        keep.setChecked(audition_rules.keep_position)
        advance.setChecked(audition_rules.auto_advance)

    audition_rules.modeChanged.connect(modes)
    modes()

    marks = clips.addMenu(translate("Menus", "&Rate"))
    for n in range(6):
        add(marks, translate("Menus", "No stars") if n == 0 else translate("Menus", "%n star(s)", None, n),
            partial(clip_actions.rate, n), str(n), f"rate{n}Action")
    marks.addSeparator()
    for n in range(1, 6):
        add(marks, translate("Menus", "%n star(s), then the next clip", None, n),
            partial(clip_actions.rate, n, then_next=True), f"Alt+{n}", f"rateNext{n}Action")
    marks.addSeparator()
    add(marks, translate("Menus", "&Favourite on / off"), clip_actions.toggle_favourite, "F", "favouriteAction")
    clips.addSeparator()
    add(clips, translate("Menus", "&Copy files"), clip_actions.copy_files, QKeySequence.StandardKey.Copy,
        "copyFilesAction")
    add(clips, translate("Menus", "Show in &folder"), clip_actions.show_in_folder, name="showInFolderAction")
    add(clips, translate("Menus", "&Save clips\u2026"), clip_actions.save_clip, QKeySequence.StandardKey.Save,
        "saveClipAction")
    add(clips, translate("Menus", "&Export job\u2026"), clip_actions.export_job, "Ctrl+Shift+S", "exportJobAction")
    add(clips, translate("Menus", "Save a &playlist of the list\u2026"), clip_actions.save_playlist,
        name="playlistAction")
    add(clips, translate("Menus", "Copy &audio URL"), clip_actions.copy_audio_url, name="copyAudioUrlAction")
    add(clips, translate("Menus", "Re&try download"), clip_actions.retry_download, name="retryDownloadAction")
    clips.addSeparator()
    trash = partial(clip_actions.trash_moving_on, clips_pane.view)
    add(clips, translate("Menus", "Move to the &trash"), trash, name="trashAction")
    # Delete in the clip list trashes the selected clips (in the job list it removes the job): each list its own
    widget_shortcut(QKeySequence.StandardKey.Delete, clips_pane.view, trash)
    for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):   # as a double-click: play the current row
        widget_shortcut(QKeySequence(enter), clips_pane.view,
                        lambda: clips_pane.play_row(clips_pane.view.currentIndex().row()))
    add(clips, translate("Menus", "Restore from the trash"), clip_actions.restore, name="restoreAction")
    clips.addSeparator()
    add(clips, translate("Menus", "Show &all clips"), clips_pane.library_button.toggle, "Ctrl+L", "libraryAction")
    add(clips, translate("Menus", "Clip &details"), clips_pane.details_button.toggle, "Ctrl+I", "detailsAction")

    view = m.addMenu(translate("Menus", "&View"))
    appearance = AppearanceMenu(view.addMenu(translate("Menus", "&Appearance")), win.rt.config, win.show_error,
                                window)
    made.update((act.objectName(), act) for act in appearance.actions.values())

    help_ = m.addMenu(translate("Menus", "&Help"))
    add(help_, translate("Menus", "&Keyboard shortcuts"), lambda: show_shortcuts(window, window.findChildren(QAction)),
        "F1", "shortcutsAction")
    add(help_, translate("Menus", "How to get an &audio id"), lambda: show_audio_id_help(window),
        name="audioIdHelpAction")
    help_.addSeparator()
    add(help_, translate("Menus", "Open the &clips folder"), win.open_media_folder, name="openMediaAction")
    add(help_, translate("Menus", "Open &log folder"), win.open_log_folder, name="openLogAction")
    add(help_, translate("Menus", "&About Cover Desktop"), win.about, name="aboutAction")
    return made
