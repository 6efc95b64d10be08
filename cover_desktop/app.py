"""The command line, and the app's life: one copy per profile, settings, the runtime, the window, and a
clean quit.

Paint first, then load: the window shows with the form and empty lists before the runtime starts; the job
history is read (and the HTTP clients made) after its first paint, and the panes fill when it is there;
fetching what earlier sessions left unfinished and making the player wait until then. The runtime (and with it
the window's code) is imported only once this is the copy that runs: a second launch that hands its ids over
and exits never loads them."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QMessageLogContext, QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from . import APP_ID, APP_NAME, __version__, desktop_env, startup
from .gcguard import MainThreadGC
from .logsetup import setup_logging
from .resources import DESKTOP_ID
from .resources import icon as app_icon
from .settings import ENV_BASE_URL, Dirs, KeyStore, Settings
from .single import InstanceGuard
from .startup import EXIT_CANNOT_START
from .tasks import TaskSet

if TYPE_CHECKING:
    from .runtime import Runtime

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

# Qt's own options (see QApplication and QGuiApplication), passed through to Qt
QT_VALUE_OPTIONS = {"-style", "-stylesheet", "-platform", "-platformpluginpath", "-platformtheme", "-plugin",
                    "-qmljsdebugger", "-session", "-display", "-geometry", "-qwindowgeometry", "-qwindowicon",
                    "-qwindowtitle", "-name", "-title", "-visual", "-font", "-fn", "-bg", "-fg", "-btn",
                    "-scaling"}
QT_FLAG_OPTIONS = {"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync", "-nocrashhandler"}


def split_qt_options(argv: list[str]) -> tuple[list[str], list[str]]:
    """(ours, Qt's): ``-style fusion`` and its kind go to Qt, everything else to our parser."""
    ours: list[str] = []
    qt: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        name = arg.split("=", 1)[0]
        if name in QT_VALUE_OPTIONS:
            qt.append(arg)
            if "=" not in arg and i + 1 < len(argv):
                qt.append(argv[i + 1])
                i += 1
        elif name in QT_FLAG_OPTIONS:
            qt.append(arg)
        else:
            ours.append(arg)
        i += 1
    return ours, qt


def build_parser() -> argparse.ArgumentParser:
    """The command line; also the source of the man page (resources/manpage.py)."""
    from .usage import epilog

    p = argparse.ArgumentParser(prog="cover-desktop", formatter_class=argparse.RawDescriptionHelpFormatter,
                                description=f"{APP_NAME}: make covers of your uploaded audio, follow the jobs\n"
                                            "live, play and keep the results. Qt's own options (-style fusion,\n"
                                            "-platform \u2026) are passed to Qt.",
                                epilog=epilog())
    p.add_argument("ids", nargs="*", metavar="ID_OR_LINK",
                   help="audio ids or song links to fill in (several: offered as a batch); with the app already "
                        "running, they go to its window")
    p.add_argument("--demo", action="store_true",
                   help="use the built-in demo server on loopback (no key, no network, no credits)")
    p.add_argument("--base-url", metavar="URL", help=f"API base URL (default from settings; env {ENV_BASE_URL})")
    p.add_argument("--demo-duration", type=float, default=12.0, metavar="SECONDS",
                   help="how long a demo job takes (default 12)")
    p.add_argument("--smoke-test", action="store_true",
                   help="check an installation: on the demo server, submit one demo job and quit when it "
                        "completes (exit 0) or fails or takes over 60 s (exit 1)")
    p.add_argument("--version", action="version", version=f"cover-desktop {__version__}")
    return p


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ours, qt = split_qt_options(list(sys.argv[1:] if argv is None else argv))
    args = build_parser().parse_args(ours)
    args.demo = args.demo or args.smoke_test
    args.qt_args = qt
    return args


def quiet_native_stderr(log_dir: Path) -> None:
    """FFmpeg prints a stream dump on every clip it opens, straight to the process's stderr, past Qt's logging.
    Native writes to stderr go to native.log in the log folder instead; Python's own stderr stays the
    terminal (set COVER_DESKTOP_VERBOSE=1 to keep everything there)."""
    if os.environ.get("COVER_DESKTOP_VERBOSE"):
        return
    try:
        native = open(log_dir / "native.log", "ab", buffering=0)  # noqa: SIM115 (open for the life of the app)
        terminal = os.dup(2)
        os.dup2(native.fileno(), 2)
    except OSError as exc:
        log.warning("native messages stay on the terminal: %s", exc)
        return
    sys.stderr = os.fdopen(terminal, "w", buffering=1, encoding="utf-8", errors="replace")


def route_qt_messages() -> None:
    """Qt's messages go to the log file, not the terminal: the multimedia backend's chatter (no sound device,
    PulseAudio, FFmpeg) at debug level, anything else at its own level. A fatal one (no display) is said on the
    terminal in plain words, with what the platform layer warned before it, and the app exits 1."""
    platform_notes: list[str] = []
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.DEBUG,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or "default"
        noise = category.startswith("qt.multimedia") or message.startswith(
            ("PulseAudioService", "No audio device", "This plugin does not support"))
        qt_log.log(logging.DEBUG if noise else levels.get(kind, logging.WARNING), "%s: %s", category, message)
        if category.startswith("qt.qpa"):
            platform_notes.append(message)
        if kind == QtMsgType.QtFatalMsg:
            from .usage import home_relative
            startup.fail(startup.why_qt_stopped(message, platform_notes), home_relative(Dirs.logs()))

    qInstallMessageHandler(handler)


def say(message: str, *args: object, level: int = logging.INFO) -> None:
    """A --smoke-test step: in the log, and on the terminal for whoever checks the installation."""
    log.log(level, message, *args)
    print(message % args if args else message, file=sys.stdout if level < logging.ERROR else sys.stderr,
          flush=True)


async def smoke_test(rt: Runtime, quitting: asyncio.Event, timeout: float = 60) -> bool:
    from .api.models import CoverRequest
    from .jobs.model import Job, JobState
    finished: asyncio.Future[Job] = asyncio.get_running_loop().create_future()

    def on_finished(job: Job) -> None:
        if not finished.done():
            finished.set_result(job)

    rt.service.jobFinished.connect(on_finished)
    try:
        say("smoke test: submitting demo job for audio id demo-smoke-test to %s", rt.base_url)
        submitted = await rt.service.submit(CoverRequest(audio_id="demo-smoke-test"))
        say("smoke test: submitted as job %s; waiting up to %d s for it to complete", submitted.task_id, timeout)
        job = await asyncio.wait_for(finished, timeout)
        if job.state is JobState.DONE and job.clips:
            say("smoke test: job %s complete with %d clips", job.task_id, len(job.clips))
            return True
        say("smoke test failed: job %s ended %s: %s", job.task_id, job.state.value, job.error or "no clips",
            level=logging.ERROR)
        return False
    except TimeoutError:
        say("smoke test failed: the job did not finish within %d s", timeout, level=logging.ERROR)
        return False
    except Exception as exc:
        say("smoke test failed: %s", f"{type(exc).__name__}: {exc}", level=logging.ERROR)
        return False
    finally:
        quitting.set()


class AfterFirstPaint(QObject):
    """Runs ``then`` once, on the event loop's next turn after ``widget`` first paints (or after
    ``fallback_ms`` if it never does, say when it starts minimised)."""

    def __init__(self, widget: QWidget, then: Callable[[], None], fallback_ms: int = 3000):
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._then is not None and obj is self._widget and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._widget.removeEventFilter(self)
            then()


PREPARE_PLAYER_MS = 300   # after the first paint: the player's backend costs the GUI thread ~20 ms


def after_first_paint(rt: Runtime) -> None:
    rt.window_shown()
    QTimer.singleShot(PREPARE_PLAYER_MS, rt.player, rt.player.prepare)


START_AFTER_PAINT_MS = 200   # a window that does not paint (started minimised) waits no longer for the runtime


async def run_app(app: QApplication, args: argparse.Namespace, guard: InstanceGuard) -> int:
    from .i18n import install as install_language
    from .runtime import Runtime
    from .ui.main_window import MainWindow

    settings = Settings.load()
    install_language(settings.language)   # before any window: what is on screen keeps its words
    keystore = KeyStore()
    rt = Runtime(args, settings, keystore, freeze_history=True)
    quitting = asyncio.Event()
    # The window's close, Ctrl+C and SIGTERM end the app through this event, not app.quit(): the loop must
    # keep running while the poller is cancelled and the clients close. aboutToQuit covers a session logout.
    app.setQuitOnLastWindowClosed(False)
    app.aboutToQuit.connect(quitting.set)
    signal.signal(signal.SIGINT, lambda *_: quitting.set())
    signal.signal(signal.SIGTERM, lambda *_: quitting.set())
    # Paint first: the window shows with the form and empty lists, and the runtime starts (the HTTP clients'
    # code, the history read) only once it has painted; the panes bind when it is ready (Runtime.ready).
    window = MainWindow(rt, app_icon())
    window.closed.connect(quitting.set)
    guard.received.connect(window.take_arguments)
    painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    AfterFirstPaint(window, lambda: None if painted.done() else painted.set_result(None), START_AFTER_PAINT_MS)
    window.show()
    await painted
    try:
        await rt.start(defer=True)
    except Exception as exc:
        log.exception("start-up failed")
        print(f"cover-desktop: could not start: {exc}", file=sys.stderr, flush=True)
        from PySide6.QtWidgets import QMessageBox

        from .ui.messages import start_failure
        window.hide()
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, start_failure(exc))
        box.finished.connect(app.quit)
        box.open()
        await quitting.wait()
        return 1
    after_first_paint(rt)
    for warning in (keystore.warning, *rt.startup_notes):
        if warning:
            window.show_error(warning)
    if args.ids:
        window.take_arguments(args.ids)
    smoke = None
    checks = TaskSet(name="smoke test")
    if args.smoke_test:
        say("smoke test: window shown (%s platform)", app.platformName())
        smoke = checks.spawn(smoke_test(rt, quitting), "the smoke test")
    await quitting.wait()
    window.hide()
    await window.aclose()
    await rt.aclose()
    log.info("quit cleanly")
    return 0 if smoke is None or (smoke.done() and not smoke.cancelled() and smoke.result()) else 1


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        setup_logging(Dirs.logs())
    except OSError as exc:
        print(f"cover-desktop: cannot write its log in {Dirs.logs()}: {exc.strerror or exc}.\n"
              "Make that folder writable, or point XDG_STATE_HOME at one that is.", file=sys.stderr)
        return EXIT_CANNOT_START
    quiet_native_stderr(Dirs.logs())
    import qasync

    route_qt_messages()
    app: Any = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "cover-desktop", *args.qt_args])
    guard = InstanceGuard(Dirs.data(), parent=app)
    if not guard.acquire():
        if InstanceGuard.hand_over(Dirs.data(), [*args.ids, "--raise"]):
            log.info("handed %d argument(s) to the running copy", len(args.ids))
            return 0
        print(f"{APP_NAME} is already running on this profile but does not answer; "
              f"close it (or end its process) and try again.", file=sys.stderr)
        return 1
    collector = MainThreadGC(parent=app)  # noqa: F841 (kept alive by its parent)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    desktop_env.install(app)   # in the bundle: what it opens gets the user's environment, not the bundle's
    app.setOrganizationName(APP_ID)
    # Python only sees Ctrl+C / SIGTERM while it runs, hence the idle timer
    tick = QTimer()
    tick.start(250)
    tick.timeout.connect(lambda: None)

    def excepthook(kind: Any, value: Any, tb: Any) -> None:
        log.error("uncaught", exc_info=(kind, value, tb))

    sys.excepthook = excepthook
    try:
        return qasync.run(run_app(app, args, guard)) or 0
    except (asyncio.CancelledError, RuntimeError) as exc:  # Qt quit under us (session logout)
        log.warning("event loop ended early: %s", exc)
        return 0
    finally:
        guard.release()
