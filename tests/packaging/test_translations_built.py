"""The build compiles the catalogues itself (packaging/qm.py, no Qt needed): what it writes must translate every
message exactly as what Qt's lrelease writes, under the name the app looks for."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

from cover_desktop import i18n

ROOT = Path(__file__).resolve().parents[2]


def load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


qm = load("cover_desktop_qm", ROOT / "packaging" / "qm.py")
hooks = load("cover_desktop_build_hooks", ROOT / "packaging" / "setuptools_hooks.py")
CATALOGUES = sorted((ROOT / "cover_desktop" / "i18n").glob("*.ts"))


def translator(path: Path) -> QTranslator:
    t = QTranslator()
    assert t.load(str(path)), path
    return t


@pytest.mark.parametrize("source", CATALOGUES, ids=lambda p: p.stem)
def test_every_message_translates_as_with_lrelease(source, tmp_path, qapp):
    tool = i18n.lrelease()
    if tool is None:
        pytest.skip("no lrelease to compare with")
    ours = qm.write_qm(source, tmp_path / "ours.qm")
    subprocess.run([tool, "-silent", str(source), "-qm", str(tmp_path / "qt.qm")], check=True, timeout=60)
    a, b = translator(ours), translator(tmp_path / "qt.qm")
    assert a.language() == b.language()
    _language, messages = qm.read_ts(source)
    assert len(messages) > 10
    for m in messages:
        counts = range(0, 25) if len(m.translations) > 1 else [-1]
        for n in counts:
            got = a.translate(m.context, m.source, m.comment or None, n)
            assert got and got == b.translate(m.context, m.source, m.comment or None, n), (m, n)
    # what neither holds stays untranslated
    assert a.translate("About", "no such text") == ""


def test_disambiguation_plural_forms_and_escapes(tmp_path, qapp):
    source = tmp_path / "x_fr.ts"
    source.write_text('''<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context><name>C</name>
  <message><source>Open</source><comment>a file</comment><translation>Ouvrir</translation></message>
  <message><source>Open</source><comment>state</comment><translation>Ouvert</translation></message>
  <message numerus="yes"><source>%n clip(s)</source>
    <translation><numerusform>%n morceau</numerusform><numerusform>%n morceaux</numerusform></translation></message>
  <message><source>Tab</source><translation>A<byte value="x9"/>B \u00e9\U0001f3b5</translation></message>
  <message><source>Gone</source><translation type="vanished">Parti</translation></message>
  <message><source>Empty</source><translation type="unfinished"></translation></message>
</context>
</TS>
''', "utf-8")
    t = translator(qm.write_qm(source, tmp_path / "x.qm"))
    assert t.translate("C", "Open", "a file") == "Ouvrir" and t.translate("C", "Open", "state") == "Ouvert"
    assert [t.translate("C", "%n clip(s)", None, n) for n in (0, 1, 2)] == ["%n morceau", "%n morceau", "%n morceaux"]
    assert t.translate("C", "Tab") == "A\tB \u00e9\U0001f3b5"
    assert t.translate("C", "Gone") == "" and t.translate("C", "Empty") == ""


def test_a_language_without_known_plural_rules_is_refused_when_it_has_plurals(tmp_path):
    source = tmp_path / "x_pl.ts"
    source.write_text('<TS language="pl"><context><name>C</name><message numerus="yes"><source>%n</source>'
                      '<translation><numerusform>a</numerusform><numerusform>b</numerusform>'
                      '<numerusform>c</numerusform></translation></message></context></TS>', "utf-8")
    with pytest.raises(ValueError, match="plural rules"):
        qm.compile_ts(source)


@pytest.mark.parametrize("source", CATALOGUES, ids=lambda p: p.stem)
def test_the_build_names_catalogues_as_the_app_looks_for_them(source):
    assert hooks.compiled_name(source) == i18n.compiled_name(source)
