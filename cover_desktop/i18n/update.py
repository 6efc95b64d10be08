"""Bring the catalogues up to date with the code, and say what is left to translate.

    python -m cover_desktop.i18n.update            rewrite every cover_desktop_<code>.ts beside this file
    python -m cover_desktop.i18n.update --check    change nothing; exit 1 when a catalogue is behind the code

The strings are found with Python's own parser: every ``translate(context, text[, disambiguation[, n]])`` and
``QT_TRANSLATE_NOOP(context, text)`` under cover_desktop/, whose context and text must be literals, and every
``N_(text)`` (the marker of ``api.words``, for words translated where they are shown: context ``Messages``). (PySide6
6.11's lupdate skips a translate() whose count is not a literal number and never marks one plural, so it would
lose "%n clip(s)" and its kind.) Each catalogue is rewritten in Qt Linguist's format, which lrelease compiles:
translations are kept, new strings come in unfinished (a plural one with an empty form per plural form of the
language), and strings gone from the code stay as "vanished", so a string that comes back finds its translation.
English's catalogue holds only the plural strings: English is the source, but "%n clip(s)" needs "1 clip" and
"2 clips".
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from ..api.words import CONTEXT as WORDS_CONTEXT

FOLDER = Path(__file__).resolve().parent
PACKAGE = FOLDER.parent
SOURCE_LANGUAGE = "en"
PLURAL_FORMS = {"en": 2, "fr": 2}       # how many numerus forms Qt's rules give each language
PLACEHOLDER = re.compile(r"\{(\w*)\}")

Key = tuple[str, str, str]   # context, source text, disambiguation


@dataclass
class Message:
    context: str
    source: str
    comment: str = ""
    plural: bool = False
    where: str = ""          # file (relative to this folder, as Linguist shows it) of the first use
    line: int = 0

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)


@dataclass
class Entry:
    """A message as a catalogue holds it."""

    message: Message
    forms: list[str] = field(default_factory=list)   # one for a plain message, one per plural form otherwise
    kind: str = ""                                   # "", "unfinished", "vanished" or "obsolete"


# -- reading the code ------------------------------------------------------------------------------------------
def _name(func: ast.expr) -> str:
    """"translate" for translate(...) and QCoreApplication.translate(...) (not QPainter.translate), and so on."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        owner = func.value
        if func.attr == "tr" or isinstance(owner, ast.Name) and owner.id in ("QCoreApplication", "i18n"):
            return func.attr
    return ""


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def extract(package: Path = PACKAGE) -> tuple[list[Message], list[str]]:
    """Every translatable string in the package, in order of first use, and the calls that cannot be read."""
    found: dict[Key, Message] = {}
    problems: list[str] = []
    for path in sorted(package.rglob("*.py")):
        if path.parent == FOLDER:
            continue   # the machinery itself
        rel = path.relative_to(package).as_posix()
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if name == "tr":
                problems.append(f"{rel}:{node.lineno}: use translate(context, text), not tr()")
                continue
            if name not in ("translate", "QT_TRANSLATE_NOOP", "N_"):
                continue
            args = list(node.args) + [None] * 4
            if name == "N_":
                args = [ast.Constant(WORDS_CONTEXT), *args]
            keywords = {k.arg: k.value for k in node.keywords}
            context, text = _literal(args[0]), _literal(args[1])
            disambiguation = args[2] if args[2] is not None else keywords.get("disambiguation")
            count = args[3] if args[3] is not None else keywords.get("n")
            comment = _literal(disambiguation) if disambiguation is not None else ""
            if isinstance(disambiguation, ast.Constant) and disambiguation.value is None:
                comment = ""
            if context is None or text is None or comment is None:
                problems.append(f"{rel}:{node.lineno}: {name}() needs a literal context and text "
                                "(no f-string: put values in with .format())")
                continue
            plural = count is not None and not (isinstance(count, ast.Constant) and count.value in (-1, None))
            message = Message(context, text, comment, plural, f"../{rel}", node.lineno)
            old = found.get(message.key)
            if old is None or (old.where, old.line) > (message.where, message.line):
                found[message.key] = message
            if old is not None and old.plural != plural:
                problems.append(f"{rel}:{node.lineno}: \u201c{text}\u201d is used both with and without a count")
    messages = sorted(found.values(), key=lambda m: (m.where, m.line))
    return messages, problems


# -- catalogues --------------------------------------------------------------------------------------------------
def catalogue_path(language: str) -> Path:
    return FOLDER / f"cover_desktop_{language}.ts"


def languages() -> list[str]:
    return sorted(p.stem.removeprefix("cover_desktop_") for p in FOLDER.glob("cover_desktop_*.ts"))


def read(path: Path) -> dict[Key, Entry]:
    if not path.is_file():
        return {}
    entries: dict[Key, Entry] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        context = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            plural = msg.get("numerus") == "yes"
            if translation is None:
                forms, kind = [], "unfinished"
            else:
                forms = [f.text or "" for f in translation.iter("numerusform")] if plural else [translation.text or ""]
                kind = translation.get("type", "")
            location = msg.find("location")
            message = Message(context, msg.findtext("source") or "", msg.findtext("comment") or "", plural,
                              location.get("filename", "") if location is not None else "")
            entries[message.key] = Entry(message, forms, kind)
    return entries


def merge(messages: list[Message], old: dict[Key, Entry], language: str) -> list[Entry]:
    """The catalogue for ``messages``: old translations kept, new strings unfinished, gone ones vanished."""
    wanted = [m for m in messages if m.plural or language != SOURCE_LANGUAGE]
    n_forms = PLURAL_FORMS.get(language, 2)
    out: list[Entry] = []
    for m in wanted:
        entry = old.get(m.key)
        size = n_forms if m.plural else 1
        if entry is None or entry.message.plural != m.plural:
            out.append(Entry(m, [""] * size, "unfinished"))
            continue
        forms = (entry.forms + [""] * size)[:size]
        kind = "unfinished" if entry.kind == "unfinished" or not all(forms) else ""
        out.append(Entry(m, forms, kind))
    keys = {m.key for m in wanted}
    for key, entry in old.items():
        if key not in keys and any(entry.forms) and entry.kind != "unfinished":
            out.append(Entry(entry.message, entry.forms, "vanished"))
    return out


def write(path: Path, entries: list[Entry], language: str) -> None:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}" sourcelanguage="{SOURCE_LANGUAGE}">']
    for context in sorted({e.message.context for e in entries}):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for e in (e for e in entries if e.message.context == context):
            m = e.message
            lines.append('    <message numerus="yes">' if m.plural else "    <message>")
            if m.where:
                lines.append(f'        <location filename="{escape(m.where)}"/>')
            lines.append(f"        <source>{escape(m.source)}</source>")
            if m.comment:
                lines.append(f"        <comment>{escape(m.comment)}</comment>")
            kind = f' type="{e.kind}"' if e.kind else ""
            if m.plural:
                lines.append(f"        <translation{kind}>")
                lines += [f"            <numerusform>{escape(f)}</numerusform>" for f in e.forms]
                lines.append("        </translation>")
            else:
                lines.append(f"        <translation{kind}>{escape(e.forms[0] if e.forms else '')}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", "utf-8")


def problems(language: str, messages: list[Message] | None = None, path: Path | None = None) -> list[str]:
    """What keeps ``language``'s catalogue (at ``path``, by default its own) from being complete: strings
    missing, unfinished, or whose translation lost a {placeholder} or the %n of a plural."""
    messages = extract()[0] if messages is None else messages
    entries = read(path or catalogue_path(language))
    out: list[str] = []
    for m in messages:
        if not m.plural and language == SOURCE_LANGUAGE:
            continue
        label = f"{language}: [{m.context}] \u201c{m.source[:70]}\u201d ({m.where.removeprefix('../')})"
        entry = entries.get(m.key)
        if entry is None or entry.message.plural != m.plural or entry.kind in ("vanished", "obsolete"):
            out.append(f"{label}: not in the catalogue")
            continue
        if entry.kind == "unfinished" or not entry.forms or not all(entry.forms):
            out.append(f"{label}: not translated")
            continue
        if m.plural and len(entry.forms) != PLURAL_FORMS.get(language, 2):
            out.append(f"{label}: {len(entry.forms)} plural forms, {language} has {PLURAL_FORMS.get(language, 2)}")
        want = sorted(set(PLACEHOLDER.findall(m.source)))
        for form in entry.forms:
            if sorted(set(PLACEHOLDER.findall(form))) != want:
                out.append(f"{label}: the translation \u201c{form[:70]}\u201d must hold exactly {want}")
            if m.plural and "%n" not in form and "%Ln" not in form:
                out.append(f"{label}: the plural form \u201c{form[:70]}\u201d has no %n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cover_desktop.i18n.update", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a catalogue is behind")
    parser.add_argument("--add", metavar="CODE", action="append", default=[],
                        help="start a catalogue for another language (e.g. --add de)")
    args = parser.parse_args(argv)
    messages, unreadable = extract()
    for line in unreadable:
        print(line, file=sys.stderr)
    todo: list[str] = []
    for language in sorted(set(languages()) | set(args.add)):
        path = catalogue_path(language)
        if not args.check:
            write(path, merge(messages, read(path), language), language)
        left = problems(language, messages)
        todo += left
        print(f"{path.name}: {len(left)} to do")
    for line in todo:
        print("  " + line)
    return 1 if todo or unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
