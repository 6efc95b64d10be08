"""The translation catalogues keep up with the code: every string the code translates is in every catalogue,
translated, with its {placeholders} and plural forms; lrelease compiles them with nothing unfinished or
invalid (the wheel's compiled copies: tests/packaging/test_distributions.py)."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

from cover_desktop.api.models import CoverRequest
from cover_desktop.i18n import FOLDER, LANGUAGES, QT_TRANSLATE_NOOP, lrelease
from cover_desktop.i18n import update as catalogues
from cover_desktop.jobs.model import Job, JobState

ROOT = Path(__file__).resolve().parents[1]
UPDATE = "python -m cover_desktop.i18n.update"


def test_every_translated_string_is_translated_in_every_language():
    messages, unreadable = catalogues.extract()
    assert not unreadable, "\n".join(unreadable)
    assert len(messages) > 150 and any(m.plural for m in messages)
    assert sorted(catalogues.languages()) == sorted(LANGUAGES)
    todo = [line for language in LANGUAGES for line in catalogues.problems(language, messages)]
    assert not todo, f"run `{UPDATE}`, then translate:\n" + "\n".join(todo)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_catalogues_compile_with_nothing_unfinished_or_invalid(language, tmp_path):
    source = FOLDER / f"cover_desktop_{language}.ts"
    tool = lrelease()
    assert tool, "PySide6 ships lrelease"
    run = subprocess.run([tool, "-fail-on-unfinished", "-fail-on-invalid", str(source), "-qm", str(tmp_path / "x.qm")],
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (tmp_path / "x.qm").stat().st_size > 100


def test_the_check_fails_on_a_new_string_an_unfinished_one_or_a_lost_placeholder(tmp_path):
    package = tmp_path / "cover_desktop"
    (package / "ui").mkdir(parents=True)
    (package / "ui" / "new.py").write_text(textwrap.dedent('''
        from ..i18n import translate
        a = translate("JobsPane", "Remove")
        b = translate("JobsPane", "A string nobody translated yet")
        c = translate("JobsModel", "%n clip(s)", None, len(a))
    '''))
    messages, unreadable = catalogues.extract(package)
    assert not unreadable and [m.source for m in messages if m.plural] == ["%n clip(s)"]
    todo = catalogues.problems("fr", messages)
    assert len(todo) == 1 and "A string nobody translated yet" in todo[0] and "not in the catalogue" in todo[0]

    # the same catalogue with one entry unfinished and another missing its {placeholder}
    entries = catalogues.read(catalogues.catalogue_path("fr"))
    remove = entries[("JobsPane", "Remove", "")]
    remove.kind = "unfinished"
    copied = entries[("JobsPane", "Copied task id {task_id}.", "")]
    copied.forms = ["Identifiant copié."]
    damaged = tmp_path / "fr.ts"
    catalogues.write(damaged, list(entries.values()), "fr")
    todo = catalogues.problems("fr", path=damaged)
    assert any("\u201cRemove\u201d" in line and "not translated" in line for line in todo), todo
    assert any("Copied task id" in line and "['task_id']" in line for line in todo), todo


def test_strings_the_update_cannot_read_are_reported(tmp_path):
    package = tmp_path / "cover_desktop"
    package.mkdir()
    (package / "bad.py").write_text(textwrap.dedent('''
        from ..i18n import translate
        x = 3
        a = translate("JobsPane", f"Removed {x} jobs")
        b = self.tr("Remove")
        painter.translate(x, x)
    '''))
    messages, unreadable = catalogues.extract(package)
    assert messages == [] and len(unreadable) == 2
    assert "bad.py:4" in unreadable[0] and "f-string" in unreadable[0] and "tr()" in unreadable[1]


def test_the_update_keeps_translations_and_keeps_a_removed_string_for_later(tmp_path):
    old = catalogues.read(catalogues.catalogue_path("fr"))
    messages = [m for m in catalogues.extract()[0] if m.source != "Remove"]
    merged = catalogues.merge(messages, old, "fr")
    by_source = {(e.message.context, e.message.source): e for e in merged}
    assert by_source[("JobsPane", "Remove")].kind == "vanished"
    assert by_source[("JobsModel", "%n clip(s)")].forms == old[("JobsModel", "%n clip(s)", "")].forms
    path = tmp_path / "fr.ts"
    catalogues.write(path, merged, "fr")
    again = catalogues.merge(catalogues.extract()[0], catalogues.read(path), "fr")
    back = next(e for e in again if e.message.source == "Remove" and e.message.context == "JobsPane")
    assert back.kind == "" and back.forms == ["Retirer"]


def test_english_keeps_only_plural_strings():
    entries = catalogues.read(catalogues.catalogue_path("en")).values()
    assert entries and all(e.message.plural for e in entries if e.kind != "vanished")


def test_every_job_status_word_is_in_the_catalogues():
    """jobs.model words a job's status without Qt; the job list translates those words, which must be marked."""
    marked = {m.source for m in catalogues.extract()[0] if m.context == "JobState"}
    request = CoverRequest("aud1")
    words = {Job(request, state=state).label for state in JobState}
    words |= {Job(request, state=JobState.RUNNING, raw_status=raw).label
              for raw in ("queued", "pending", "processing", "streaming", "anything else")}
    assert words <= marked, words - marked
    assert QT_TRANSLATE_NOOP("JobState", "Running") == "Running"


# The wheel ships compiled catalogues and an installed copy speaks French without lrelease:
# tests/packaging/test_distributions.py.
