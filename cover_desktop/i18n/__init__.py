"""The app's words in the user's language.

English is the source language: the strings in the code are the English text, each wrapped in
``translate(context, text)`` (plural ones with ``n``: ``translate(ctx, "%n clip(s)", None, n)``). Each language
has a catalogue in this folder, ``cover_desktop_<code>.ts`` (Qt Linguist's XML, brought up to date with the code
by ``python -m cover_desktop.i18n.update``; English's holds only the plural forms, "1 clip" / "2 clips").
Qt reads compiled catalogues (.qm), which are never committed: the wheel, the sdist and so the bundle carry
them beside their sources, compiled when they are built (packaging/setuptools_hooks.py), so an installed app
needs no lrelease; a checkout compiles them with the lrelease PySide6 ships, at the first start and after each
change of a catalogue, into the cache folder (a fraction of a second, once).

The language comes from COVER_DESKTOP_LANGUAGE, else the Settings, else the system's locale; English when none
of these is a language the app has. Dates and numbers follow the system's locale, or the chosen language's
when that differs from the system's.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..settings import Dirs

__all__ = ["ENV_LANGUAGE", "LANGUAGES", "QT_TRANSLATE_NOOP", "choose", "current", "install", "translate",
           "translate_marked"]

log = logging.getLogger(__name__)

ENV_LANGUAGE = "COVER_DESKTOP_LANGUAGE"
FOLDER = Path(__file__).resolve().parent
# each in its own language, as a language menu shows them
LANGUAGES = {"en": "English", "fr": "Fran\u00e7ais"}
SOURCE = "en"


class _State:
    language = ""                         # "" until install() ran
    installed: list[QTranslator] = []
    loaded: dict[str, QTranslator] = {}   # one per catalogue file, kept for the next switch


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language; with ``n`` (a count), the plural form for it, "%n" replaced by it.
    The catalogues' update finds the calls by this name: context and text must be string literals. Before
    anyone chose a language (a test building a window, a tool), the environment's and the system's is used."""
    if not _State.language and QCoreApplication.instance() is not None:
        install()
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for the catalogues where it is written, for ``translate_marked`` to translate where it
    is shown (Qt's own spelling; PySide6's returns ``object``)."""
    return text


def translate_marked(context: str, text: str) -> str:
    """``text`` looked up at run time: words marked elsewhere with ``QT_TRANSLATE_NOOP(context, text)``, which
    is how the catalogues learn them (a status from a layer without Qt, an entry of a table of names)."""
    return translate(context, text)


def current() -> str:
    return _State.language or choose()


def _code(name: str) -> str:
    """"fr_CA", "fr-CA", "fr" -> "fr"; "C" and "POSIX" are English."""
    code = name.replace("-", "_").split("_")[0].split(".")[0].lower()
    return SOURCE if code in ("c", "posix") else code


def choose(setting: str = "", system: QLocale | None = None, *, environment: bool = True) -> str:
    """The language to show: the environment's, else the setting's, else the first of the system's preferred
    languages that the app has, else English."""
    for wanted in (os.environ.get(ENV_LANGUAGE, "") if environment else "", setting):
        if wanted and _code(wanted) in LANGUAGES:
            return _code(wanted)
    for name in (system or QLocale.system()).uiLanguages():
        if _code(name) in LANGUAGES:
            return _code(name)
    return SOURCE


def install(setting: str = "") -> str:
    """Use the language ``choose(setting)`` picks, for Qt's own words (standard buttons, dialogs) and the app's;
    returns its code. Call before building windows: what is on screen already keeps its words."""
    app = QCoreApplication.instance()
    language = choose(setting)
    if app is None:
        return language
    for old in _State.installed:
        QCoreApplication.removeTranslator(old)
    _State.installed = []
    files = [] if language == SOURCE else [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm"]
    ours = catalogue(language)
    files += [ours] if ours is not None else []
    for path in files:
        translator = _load(path)
        if translator is not None and QCoreApplication.installTranslator(translator):
            _State.installed.append(translator)
    system = QLocale.system()
    # the system's own formats when it speaks this language (fr_CA keeps its dates); else the language's
    QLocale.setDefault(system if _code(system.name()) == language else QLocale(language))
    _State.language = language
    log.info("language: %s (%s)", language, "catalogue " + ours.name if ours else "no catalogue")
    return language


def _load(path: Path) -> QTranslator | None:
    key = str(path)
    if key not in _State.loaded:
        translator = QTranslator()
        if not path.is_file() or not translator.load(key):
            log.info("no translations loaded from %s", path)
            return None
        _State.loaded[key] = translator
    return _State.loaded[key]


def source_file(language: str) -> Path:
    return FOLDER / f"cover_desktop_{language}.ts"


def compiled_name(source: Path) -> str:
    """The compiled catalogue's name carries its source's digest: a catalogue compiled from another version of
    the source is never taken for this one's."""
    return f"{source.stem}-{hashlib.sha256(source.read_bytes()).hexdigest()[:16]}.qm"


def catalogue(language: str) -> Path | None:
    """The compiled catalogue for ``language``: the one beside its source (the bundle's), else one compiled
    from the source into the cache folder. None when there is neither source nor a way to compile it."""
    source = source_file(language)
    if not source.is_file():
        return None
    name = compiled_name(source)
    cache = Dirs.cache() / "translations"
    for folder in (FOLDER, cache):
        if (folder / name).is_file():
            return folder / name
    return compile_catalogue(source, cache)


def compile_catalogue(source: Path, folder: Path) -> Path | None:
    """Compile ``source`` with lrelease into ``folder`` (under its compiled_name); None if that fails."""
    tool = lrelease()
    if tool is None:
        log.warning("cannot compile %s: PySide6's lrelease was not found", source.name)
        return None
    compiled = folder / compiled_name(source)
    partial = compiled.with_name(compiled.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        run = subprocess.run([tool, "-silent", str(source), "-qm", str(partial)], capture_output=True,
                             text=True, timeout=60, check=False)
        if run.returncode != 0 or not partial.is_file():
            log.warning("lrelease failed on %s: %s", source.name, (run.stderr or run.stdout).strip()[:300])
            return None
        os.replace(partial, compiled)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot compile %s: %s", source.name, exc)
        return None
    return compiled


def lrelease() -> str | None:
    """Qt's catalogue compiler as PySide6 ships it (beside the package), else one on PATH."""
    beside = Path(PySide6.__file__).resolve().parent / "lrelease"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")
