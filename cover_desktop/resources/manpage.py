"""cover-desktop(1), made from the command line itself: the options of app.build_parser() and the environment
and folders of usage.py, so the man page says what ``--help`` says. share.build_share writes it into
``share/man/man1``, which scripts/install-desktop and the bundle install.

    python -m cover_desktop.resources.manpage [OUT]      (stdout without OUT)
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import BINARY, metainfo_text


def _roff(text: str) -> str:
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in text.splitlines())


def _release_date() -> str:
    """The newest release's date: the page changes with the version, not with the day it is built."""
    found = re.search(r'<release [^>]*date="([0-9-]+)"', metainfo_text())
    return found[1] if found else ""


def _option(action: argparse.Action) -> list[str]:
    if action.option_strings:
        names = ", ".join(f"\\fB{_roff(o)}\\fR" + (f" \\fI{_roff(str(action.metavar))}\\fR" if action.metavar else "")
                          for o in action.option_strings)
    else:
        names = f"\\fI{_roff(str(action.metavar or action.dest))}\\fR ..."
    return [".TP", names, _roff(action.help or "")]


def render() -> str:
    from .. import APP_NAME, __version__
    from ..app import build_parser
    from ..usage import ENVIRONMENT, EXIT_STATUS, folders

    parser = build_parser()
    summary = "make covers of your uploaded audio, follow the jobs live, play and keep the results"
    out = [f'.TH {BINARY.upper()} 1 "{_release_date()}" "{BINARY} {__version__}" "User Commands"',
           ".SH NAME", f"{_roff(BINARY)} \\- {summary}",
           ".SH SYNOPSIS", f".B {_roff(BINARY)}", "[\\fIOPTION\\fR]... [\\fIID_OR_LINK\\fR]...",
           ".SH DESCRIPTION",
           _roff(f"{APP_NAME} takes the audio id of a short piece uploaded to the Upload Cover service, in plain or "
                 "custom mode (your own lyrics, style and title), submits it, and follows the job until its clips "
                 "are ready; they play in the window and are kept on this computer. With no API key it opens on "
                 "a built-in demo server."),
           ".PP", _roff("Qt's own options (-style fusion, -platform ...) are passed to Qt."),
           ".SH OPTIONS"]
    for action in parser._actions:
        if action.help != argparse.SUPPRESS:
            out += _option(action)
    out.append(".SH ENVIRONMENT")
    for name, meaning in ENVIRONMENT:
        out += [".TP", f"\\fB{_roff(name)}\\fR", _roff(meaning)]
    out.append(".SH FILES")
    for what, where in folders(generic=True):
        out += [".TP", f"\\fI{_roff(where)}\\fR", _roff(what)]
    out += [".SH EXIT STATUS", _roff(EXIT_STATUS.removeprefix("Exit status: ")),
            ".SH SEE ALSO", _roff(f"{BINARY} --help; Help > Keyboard shortcuts in the app.")]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if args:
        Path(args[0]).parent.mkdir(parents=True, exist_ok=True)
        Path(args[0]).write_text(text, "utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
