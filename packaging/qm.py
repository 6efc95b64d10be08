"""Compile a Qt Linguist catalogue (.ts) into the binary form QTranslator loads (.qm), in plain Python.

The build hook (packaging/setuptools_hooks.py) uses it so that a wheel, an sdist and the bundle carry compiled
catalogues without needing Qt's lrelease where they are built: an isolated pip build has no PySide6, and a
distribution's PySide6 often has no lrelease. tests/packaging/test_translations_built.py loads what this writes
and what lrelease writes with QTranslator and checks that every message translates the same.

What QTranslator reads (qtbase/src/corelib/kernel/qtranslator.cpp): a 16-byte magic number, then blocks of
(tag byte, big-endian 32-bit length, data). This writes the language, the plural rules, a table of
(hash, offset) pairs sorted by hash, and the messages. Each message record holds its translations (UTF-16BE,
several for a plural message, one per plural form), then its disambiguation, source text and context (UTF-8),
all of which the lookup compares, so two messages whose hashes collide are still told apart. Like lrelease, it
leaves out obsolete and vanished messages and those with no translation; unfinished ones that have a
translation are kept.

    python packaging/qm.py SOURCE.ts OUT.qm
"""

from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

MAGIC = bytes([0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95, 0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD])
BLOCK_HASHES, BLOCK_MESSAGES, BLOCK_NUMERUS_RULES, BLOCK_LANGUAGE = 0x42, 0x69, 0x88, 0xA7
TAG_END, TAG_TRANSLATION, TAG_SOURCE_TEXT, TAG_CONTEXT, TAG_COMMENT = 1, 3, 6, 7, 8
Q_EQ, Q_LEQ = 0x01, 0x03

# Qt's plural rules (qttools' numerus.cpp), per language: which form a count takes. A catalogue in a language
# missing here that has plural messages is refused rather than compiled with the wrong forms.
PLURAL_RULES: dict[str, bytes] = {
    "en": bytes([Q_EQ, 1]),     # 1 | everything else
    "fr": bytes([Q_LEQ, 1]),    # 0 and 1 | everything else
}


@dataclass
class Message:
    context: str
    source: str
    comment: str
    translations: list[str]


def _text(element: ET.Element | None) -> str:
    """An element's text, with lrelease's <byte value="x1b"/> escapes for characters XML cannot hold."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "byte":
            value = child.get("value", "0")
            parts.append(chr(int(value[1:], 16) if value[:1] in "xX" else int(value)))
        parts.append(child.tail or "")
    return "".join(parts)


def read_ts(source: Path) -> tuple[str, list[Message]]:
    """(language, the messages a .qm carries) from a .ts file."""
    root = ET.parse(source).getroot()
    language = (root.get("language") or "").replace("-", "_")
    messages: list[Message] = []
    for context in root.iter("context"):
        name = _text(context.find("name"))
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            if message.get("numerus") == "yes":
                forms = [_text(f) for f in translation.iter("numerusform")]
            else:
                variants = [_text(v) for v in translation.iter("lengthvariant")]
                # Qt joins length variants with U+009C, longest first, as lrelease does
                forms = ["\x9c".join(variants) if variants else _text(translation)]
            if not forms or not forms[0]:
                continue
            messages.append(Message(name, _text(message.find("source")), _text(message.find("comment")), forms))
    return language, messages


def elf_hash(data: bytes) -> int:
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _utf8_field(tag: int, text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack(">BI", tag, len(data)) + data


def _record(message: Message) -> bytes:
    out = bytearray()
    for form in message.translations:
        data = form.encode("utf-16-be")
        out += struct.pack(">BI", TAG_TRANSLATION, len(data)) + data
    out += _utf8_field(TAG_COMMENT, message.comment)
    out += _utf8_field(TAG_SOURCE_TEXT, message.source)
    out += _utf8_field(TAG_CONTEXT, message.context)
    out.append(TAG_END)
    return bytes(out)


def _block(tag: int, data: bytes) -> bytes:
    return struct.pack(">BI", tag, len(data)) + data


def compile_ts(source: Path) -> bytes:
    language, messages = read_ts(source)
    code = language.split("_")[0].lower()
    rules = PLURAL_RULES.get(code)
    if rules is None and any(len(m.translations) > 1 for m in messages):
        raise ValueError(f"{source.name}: no plural rules known for language {language!r} (add them to qm.py)")
    records = bytearray()
    table: list[tuple[int, int]] = []
    for message in messages:
        table.append((elf_hash((message.source + message.comment).encode("utf-8")), len(records)))
        records += _record(message)
    hashes = b"".join(struct.pack(">II", h, offset) for h, offset in sorted(table))
    out = bytearray(MAGIC)
    if language:
        out += _block(BLOCK_LANGUAGE, language.encode("utf-8"))
    if rules:
        out += _block(BLOCK_NUMERUS_RULES, rules)
    if messages:
        out += _block(BLOCK_HASHES, hashes) + _block(BLOCK_MESSAGES, bytes(records))
    return bytes(out)


def write_qm(source: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
    partial.write_bytes(compile_ts(source))
    partial.replace(dest)
    return dest


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python packaging/qm.py SOURCE.ts OUT.qm")
    write_qm(Path(sys.argv[1]), Path(sys.argv[2]))
