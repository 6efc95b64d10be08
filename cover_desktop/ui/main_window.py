"""The window: a shell that assembles the panes (form, jobs, clips with the player), the menus and the
status bar, and connects their signals. The panes never call each other; what they do lives in them.

Owners it connects, and never copies: the job service (jobs and clips, and their events), the library (media
and marks), the config (settings, key, demo or live), the player (what is playing). ``bind_runtime`` runs at the
start and after every rebuild; the connections it made before are undone first."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..config import DemoReason
from ..i18n import translate
from ..jobs.ledger import spend
from ..jobs.model import Job, JobState
from ..jobs.scheduler import PauseReason
from ..runtime import Runtime, SettingsChange
from ..settings import KeyStatus
from ..tasks import TaskSet, settle_savers
from .about import show_about
from .banner import Banner
from .bindings import Bindings
from .clips_pane import ClipsPane
from .contrast import keep_application_readable
from .dialogs import open_folder
from .drops import Dropped, IdDropTarget, from_arguments
from .jobs_model import clips_text, cost_text, spent_text
from .jobs_pane import JobsPane
from .keys import PlayerKeys
from .library_view import LibraryView
from .menus import build_menus
from .messages import describe
from .speech import announce, install_dialog_states, named_scroll_area
from .status import StatusBar
from .submit_pane import SubmitPane
from .widgets import section_label

if TYPE_CHECKING:
    from .settings_dialog import SettingsDialog

log = logging.getLogger(__name__)


class MainWindow(IdDropTarget, QMainWindow):
    closed = Signal()

    def __init__(self, runtime: Runtime, icon: QIcon):
        super().__init__()
        self.rt = runtime
        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_NAME)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon)
        self.setAcceptDrops(True)
        keep_application_readable()
        install_dialog_states()
        self.tasks = TaskSet(self.show_error, "window", saves=True)
        self.tray: QSystemTrayIcon | None = None
        self.notified_job: int | None = None
        self.settings_dialog: SettingsDialog | None = None
        self._bindings = Bindings()

        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.banner = Banner()
        self.submit_pane = SubmitPane()
        self.jobs_pane = JobsPane()
        self.clips_pane = ClipsPane(runtime.player, runtime.thumbs, runtime.peaks,
                                    lambda: self.rt.service.newest_first() if self.rt.started else [],
                                    runtime.config)
        self._layout()
        self._wire()
        self.menu_actions = build_menus(self, self)
        # one-key shortcuts act in the lists and the player; a focused check box or button keeps its keys
        self.player_keys = PlayerKeys(self, lambda: [self.jobs_pane.view, self.clips_pane.view,
                                                     self.clips_pane.player_bar])
        self.pause_action = self.menu_actions["pauseAction"]
        # the app shows the window while the runtime still reads the history: the panes bind once it is there
        if runtime.started:
            self.bind_runtime()
        else:
            self.status.show_message(translate("MainWindow", "Reading the job history\u2026"))
            runtime.ready.connect(self.bind_runtime)
        runtime.unbinding.connect(self.unbind_runtime)
        runtime.rebound.connect(self.bind_runtime)
        geometry = runtime.settings.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        else:
            self.resize(1180, 760)
        self.submit_pane.form.audio_id.setFocus()

    def _layout(self) -> None:
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(12, 10, 6, 6)
        lv.addWidget(self.banner)
        lv.addWidget(section_label(translate("MainWindow", "New cover")))
        lv.addWidget(self.submit_pane)
        lv.addSpacing(6)
        lv.addWidget(section_label(translate("MainWindow", "Jobs")))
        lv.addWidget(self.jobs_pane, 1)
        # on a small or scaled screen the left column scrolls instead of pushing the window off-screen
        scroll = QScrollArea()
        scroll.setObjectName("leftScroll")
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        named_scroll_area(scroll, translate("MainWindow", "New cover and jobs"))
        # never narrower than the form needs: it scrolls up and down, not sideways
        bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        scroll.setMinimumWidth(left.minimumSizeHint().width() + bar + 2)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(6, 10, 12, 6)
        rv.addWidget(self.clips_pane)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("mainSplitter")
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)
        self.setMinimumSize(720, 480)

    def _wire(self) -> None:
        for pane in (self.submit_pane, self.jobs_pane, self.clips_pane):
            pane.message.connect(self.show_message)
            pane.error.connect(self.show_error)
        self.banner.enterKeyClicked.connect(self.open_settings)
        self.submit_pane.keyRefused.connect(self.banner.key_refused)
        self.submit_pane.errorResolved.connect(self.status.clear_error)
        self.submit_pane.submitted.connect(lambda job: self.jobs_pane.select(job.id))
        self.jobs_pane.jobSelected.connect(self.clips_pane.show_job)
        self.submit_pane.budget = lambda: int(self.rt.settings.monthly_budget)
        self.submit_pane.costs_nothing = lambda: self.rt.is_demo
        self.clips_pane.set_view(LibraryView.from_dict(self.rt.settings.library_view))
        self.clips_pane.viewChanged.connect(self._keep_view)
        self.jobs_pane.media_folder = lambda job: self.rt.library.folder(job)
        self.jobs_pane.editRequested.connect(self.submit_pane.fill)
        # a resubmit asks what every send asks (the same request lately, the budget)
        self.jobs_pane.resubmitRequested.connect(self.submit_pane.resubmit)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit_pane.submit)

    # -- the runtime's current service and library ------------------------------------------------------
    def bind_runtime(self) -> None:
        rt = self.rt
        service = rt.service
        self._bindings.clear()
        bind = self._bindings.connect
        bind(service.notice, self.status.notice)
        bind(service.pausedChanged, self._paused)
        bind(service.connectionChanged, self._connection)
        bind(service.jobAdded, self.clips_pane.jobs_changed)
        bind(service.jobChanged, self.clips_pane.job_changed)
        bind(service.jobRemoved, self.clips_pane.jobs_changed)
        bind(service.jobRemoved, self.clips_pane.job_removed)
        for changed in (service.jobAdded, service.jobChanged, service.jobRemoved):
            bind(changed, self._update_credits)
        bind(service.jobFinished, self._job_finished)
        self.submit_pane.bind(service)
        self.clips_pane.bind(rt.library)
        self.jobs_pane.bind(service)
        self.banner.show_server(rt.is_demo, bool(rt.key), rt.demo_reason is DemoReason.NO_KEY,
                                rt.config.key_status is KeyStatus.UNREADABLE)
        self._connection(service.reachable, "")
        self._update_credits()
        self._paused(service.paused, service.pause_reason)

    def unbind_runtime(self) -> None:
        """The service and library are about to go: nothing here may hear or reach them any more."""
        self._bindings.clear()
        for pane in (self.submit_pane, self.jobs_pane, self.clips_pane):
            pane.unbind()

    def _keep_view(self, view: LibraryView) -> None:
        self.rt.config.remember(library_view=view.to_dict())

    def toggle_pause(self) -> None:
        if not self.rt.started:
            self.pause_action.setChecked(False)
            return
        self.rt.service.set_paused(not self.rt.service.paused)

    def poll_now(self) -> None:
        if self.rt.started:
            self.rt.service.poll_now()

    def _paused(self, paused: bool, reason: PauseReason) -> None:
        self.pause_action.setChecked(paused)
        self.status.set_paused(paused, reason)
        if paused and reason is PauseReason.KEY_REFUSED:
            self.banner.key_refused(translate("MainWindow", "Checking jobs is paused until you fix your key."))

    def _connection(self, ok: bool | None, words: str) -> None:
        from ..api.client import insecure_base  # bound after the runtime's start, which has imported it

        rt = self.rt
        where = (translate("MainWindow", "Demo server ({host})") if rt.is_demo
                 else translate("MainWindow", "Live: {host}")).format(host=rt.host)
        warning = (translate("MainWindow", "plain http, key sent unencrypted")
                   if not rt.is_demo and insecure_base(rt.base_url) else "")
        self.status.set_connection(where, ok, words or rt.base_url, warning)

    def _job_finished(self, job: Job) -> None:
        what = job.request.title or job.request.audio_id
        if job.state is JobState.DONE:
            text = translate("MainWindow", "Cover ready: {what} ({clips}).").format(
                what=what, clips=clips_text(len(job.clips)))
            self.show_message(text)
        else:
            text = translate("MainWindow", "Job failed: {what}. {error}").format(what=what, error=describe(job.error))
            self.show_error(text)
        # the status bar changes silently: said once, politely, after whatever the reader is saying
        announce(self.jobs_pane.view, text)
        if not self.isActiveWindow():
            self._notify(job, text)

    # -- drops anywhere on the window (IdDropTarget) ----------------------------------------------------
    def take_drop(self, dropped: Dropped) -> None:
        self.submit_pane.take_drop(dropped)

    def take_arguments(self, args: list[str]) -> None:
        """From the command line, or handed over by a second launch: ids or links, and a wish to be seen."""
        ids = [a for a in args if a != "--raise"]
        log.info("took %d id(s) from the command line or another launch", len(ids))
        if "--raise" in args:
            self.showNormal()
            self.raise_()
            self.activateWindow()
        if ids:
            self.take_drop(from_arguments(ids))

    # -- settings ---------------------------------------------------------------------------------------
    def open_settings(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return
        from .settings_dialog import SettingsDialog  # with the HTTP client's code: not before the first paint

        rt = self.rt
        dlg = SettingsDialog(rt.config, rt.test_key, self, demo_url=rt.demo.api_url if rt.demo else "")
        dlg.applied.connect(lambda change: self.tasks.spawn(self._apply_settings(change), "applying settings"))
        dlg.finished.connect(dlg.deleteLater)
        # forget the dialog as soon as it closes: it is deleted then, and must not be reached again
        dlg.finished.connect(self._settings_closed)
        self.settings_dialog = dlg
        dlg.open()

    def _settings_closed(self) -> None:
        self.settings_dialog = None

    async def _apply_settings(self, change: SettingsChange) -> None:
        try:
            await self.rt.apply(change)
        except OSError as exc:
            self.show_error(translate("MainWindow", "Settings could not be saved: {reason}").format(reason=exc))
            return
        self._update_credits()
        self.show_message(translate("MainWindow", "Settings saved."))
        if self.rt.keystore.warning:
            self.show_error(self.rt.keystore.warning)

    # -- status, notifications, help --------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.status.show_message(text)

    def show_error(self, text: str) -> None:
        self.status.show_error(text)

    def _notify(self, job: Job, text: str) -> None:
        """A desktop notification; clicking it brings the window up with that job selected."""
        self.notified_job = job.id
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(self.windowIcon(), self)
                self.tray.setToolTip(APP_NAME)
                self.tray.activated.connect(lambda *_: self.take_arguments(["--raise"]))
                self.tray.messageClicked.connect(self.notification_clicked)
                self.tray.show()
            self.tray.showMessage(APP_NAME, text, QIcon(self.windowIcon()), 8000)
        QApplication.alert(self, 0)

    def notification_clicked(self) -> None:
        if self.notified_job is not None:
            self.jobs_pane.select(self.notified_job)
        self.take_arguments(["--raise"])

    # -- credits ----------------------------------------------------------------------------------------
    def _update_credits(self, *_: object) -> None:
        if self.rt.is_demo:
            self.status.set_credits(translate("MainWindow", "Demo: no credits spent"), "")
            return
        ledger = spend(self.rt.service.jobs.values(), time.time())
        budget = int(self.rt.settings.monthly_budget)
        today = spent_text(ledger.today, ledger.today_maybe)
        month = spent_text(ledger.month, ledger.month_maybe)
        tip = translate("MainWindow", "An estimate: the service does not report spend. Each job that may have been "
                                      "charged counts {credits}.\nToday: {today}\nThis month: {month}").format(
            credits=cost_text(1), today=today, month=month)
        if budget:
            tip += "\n" + translate("MainWindow", "Monthly budget: %n credit(s)", None, budget)
        self.status.set_credits(translate("MainWindow", "This month: {spent}").format(spent=month), tip)

    def open_log_folder(self) -> None:
        self._open_or_say(self.rt.log_dir, translate("MainWindow", "The log: {folder}"),
                          translate("MainWindow", "The log is in {folder} (no file manager could be started)."))

    def open_media_folder(self) -> None:
        if not self.rt.started:
            return
        self._open_or_say(self.rt.library.root, translate("MainWindow", "The clips the app keeps: {folder}"),
                          translate("MainWindow", "The clips the app keeps are in {folder} (no file manager could "
                                                  "be started)."))

    def _open_or_say(self, folder: Path, opened: str, not_opened: str) -> None:
        """Open ``folder``; where no file manager can be started, at least say where it is."""
        self.show_message((opened if open_folder(folder) else not_opened).format(folder=folder))

    def about(self) -> None:
        show_about(self, self.rt)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.rt.config.remember(window_geometry=bytes(self.saveGeometry().toBase64().data()).decode(),
                                volume=self.rt.player.volume())
        self.rt.config.flush()
        super().closeEvent(event)
        self.closed.emit()

    async def aclose(self) -> None:
        # a star, a note or a trash move written just before quitting lands before the store closes: every
        # task set that saves registered itself (tasks.settle_savers), Settings' included
        await settle_savers(timeout=2)
