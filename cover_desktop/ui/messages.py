"""The one place where what the layers below the window say (``Words``: errors of the service, of downloads,
of exports, a job's kept error) becomes text in the user's language. Everything that shows such words to a
person goes through ``describe``; they stay English in the log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from .. import APP_NAME
from ..api.errors import ApiError
from ..api.words import CONTEXT, Phrase, Value, Words, fill, said_by
from ..i18n import translate, translate_marked
from ..media.playlist import PlaylistReport

if TYPE_CHECKING:
    from ..media.export import ExportReport

__all__ = ["describe", "export_summary", "playlist_summary", "start_failure"]


def describe(said: object) -> str:
    """An error's message, ``Words`` or a job's kept error in the current language; plain text (a server's
    own words, an older version's kept English) as it is; any other exception by what it was raised with."""
    if said is None:
        return ""
    if isinstance(said, ApiError):
        said = said.message
    elif isinstance(said, BaseException):
        said = said_by(said)
    if not isinstance(said, Words) or not said.phrases:
        return str(said)
    return " ".join(_phrase(p) for p in said.phrases)


def _phrase(phrase: Phrase) -> str:
    if phrase.verbatim:
        return phrase.source
    return fill(translate_marked(CONTEXT, phrase.source), {k: _value(v) for k, v in phrase.values})


def _value(value: Value) -> str:
    if isinstance(value, Words):
        return describe(value)
    if isinstance(value, float):
        return QLocale().toString(value, "g", 6)   # 2,5 s in French
    return str(value)


def export_summary(report: ExportReport) -> str:
    if report.problems:
        text = translate("ExportReport", "Saved {saved} of %n.", None, report.total).format(saved=len(report.saved))
        return " ".join([text, *map(describe, report.problems[:2])])
    written = len(report.saved) - len(report.reused)   # a clip already there is not saved again
    text = (translate("ExportReport", "Saved %n clip(s) to {folder}.", None, written) if written else
            translate("ExportReport", "Nothing new to save in {folder}.")).format(folder=report.folder)
    if report.reused:
        text += " " + translate("ExportReport", "%n already there.", None, len(report.reused))
    return " ".join([text, *map(describe, report.notes[:2])])


def playlist_summary(report: PlaylistReport) -> str:
    text = translate("PlaylistReport", "Wrote {name} with %n clip(s).", None, report.written).format(
        name=report.path.name)
    if report.skipped:
        text += " " + translate("PlaylistReport", "%n not saved on this computer yet were left out.", None,
                                report.skipped)
    return text


def start_failure(exc: BaseException) -> str:
    """The words of the box shown when the app cannot start."""
    return translate("App", "{app} could not start: {reason}").format(app=APP_NAME, reason=describe(exc))
