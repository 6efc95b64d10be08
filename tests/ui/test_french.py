"""The app in French: chosen from COVER_DESKTOP_LANGUAGE, the Settings or the system's locale; labels, plural
forms, error messages, Qt's own buttons, dates and sizes in French; and English again afterwards."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QWidget

from cover_desktop import i18n
from cover_desktop.api.models import CoverRequest
from cover_desktop.config import Config
from cover_desktop.i18n import ENV_LANGUAGE, choose
from cover_desktop.jobs.ledger import CreditRange, credit_text
from cover_desktop.jobs.ledger import spent_text as ledger_spent_text
from cover_desktop.jobs.model import Job, JobState
from cover_desktop.jobs.service import BatchResult
from cover_desktop.settings import KeyStore, Settings
from cover_desktop.ui.clip_details import _size
from cover_desktop.ui.drops import read_file
from cover_desktop.ui.form import CoverForm
from cover_desktop.ui.jobs_model import clips_text, cost_text, fmt_when, job_summary, range_text, spent_text
from cover_desktop.ui.settings_dialog import SettingsDialog
from helpers import find, jobs, rows, run, submit, until

NB = "\u00a0"   # French typography: a no-break space before ":" and "?"


def form_labels(layout: QFormLayout) -> list[str]:
    out = []
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel) and widget.text():
            out.append(widget.text())
    return out


def test_the_language_comes_from_the_environment_then_the_settings_then_the_system(monkeypatch):
    monkeypatch.delenv(ENV_LANGUAGE, raising=False)
    assert choose("", QLocale("fr_CA")) == "fr"
    assert choose("", QLocale("de_DE")) == "en"          # a language the app does not have: English
    assert choose("", QLocale("C")) == "en"
    assert choose("en", QLocale("fr_FR")) == "en"        # the Settings' choice over the system's
    assert choose("fr", QLocale("C")) == "fr"
    assert choose("xx", QLocale("fr_BE")) == "fr"        # an unknown setting: the system's
    monkeypatch.setenv(ENV_LANGUAGE, "en")
    assert choose("fr", QLocale("fr_FR")) == "en"        # the environment over both
    assert choose("fr", QLocale("fr_FR"), environment=False) == "fr"


@pytest.mark.log_warnings(r"setting ignored: language")
def test_the_settings_keep_the_language(private_dirs):
    Settings(language="fr").save()
    assert Settings.load().language == "fr"
    Settings.path().write_text('{"language": "French please"}')
    loaded = Settings.load()
    assert loaded.language == "" and any(line.startswith("language:") for line in loaded.ignored)


def test_english_plurals_and_french_ones(french):
    assert [clips_text(n) for n in (0, 1, 2)] == ["0 morceau", "1 morceau", "2 morceaux"]
    assert BatchResult(3, submitted=3).summary() == "3 t\u00e2ches envoy\u00e9es."
    assert BatchResult(1, submitted=1).summary() == "1 t\u00e2che envoy\u00e9e."
    assert cost_text(1) == f"5 \u00e0 12{NB}cr\u00e9dits"


def test_the_words_for_credits_are_the_ledgers_in_english():
    """jobs.ledger writes credit ranges in one place; the window's translatable words must say the same."""
    assert [cost_text(n) for n in (0, 1, 3)] == [credit_text(n) for n in (0, 1, 3)]
    for known, maybe in ((CreditRange(5, 12), CreditRange()), (CreditRange(), CreditRange(0, 24)),
                         (CreditRange(10, 24), CreditRange(0, 12)), (CreditRange(12, 12), CreditRange()),
                         (CreditRange(1, 1), CreditRange()), (CreditRange(), CreditRange())):
        assert spent_text(known, maybe) == ledger_spent_text(known, maybe)
    assert range_text(CreditRange(12, 12)) == CreditRange(12, 12).text()


def test_english_plurals():
    assert i18n.current() == "en"
    assert [clips_text(n) for n in (0, 1, 2)] == ["0 clips", "1 clip", "2 clips"]
    assert BatchResult(1, submitted=1).summary() == "1 job submitted."
    assert BatchResult(3, submitted=2, not_tried=1, stopped_by="cancel").summary() == \
        "2 of 3 jobs submitted. Stopped: 1 not sent."


def test_dates_and_sizes_follow_the_language(french, tmp_path):
    now = time.time()
    three_days_ago = now - 3 * 86400
    day = QLocale(QLocale.Language.French).dayName(
        QLocale().toDateTime(time.strftime("%Y-%m-%d", time.localtime(three_days_ago)), "yyyy-MM-dd")
        .date().dayOfWeek(), QLocale.FormatType.ShortFormat)
    assert fmt_when(three_days_ago, now).startswith(day + " ")
    assert time.strftime("%d/%m/%Y", time.localtime(now - 40 * 86400)) in fmt_when(now - 40 * 86400, now)
    clip = tmp_path / "clip.mp3"
    clip.write_bytes(b"\0" * 1_234_567)
    assert _size(str(clip)) == "1,2 Mo"


def test_the_window_speaks_french(french, keyed, harness, demo, aloop, tmp_path):
    win = harness.window(demo.api_url)
    assert find(win, "jobsEmpty", QLabel).text().startswith("Aucune t\u00e2che pour l\u2019instant.")
    assert find(win, "libraryButton").text() == "Tous les morceaux"
    assert find(win, "nowPlayingLabel", QLabel).text() == "Aucun morceau charg\u00e9"

    # an error message, from a real action
    win.clips_pane.toggle_play()
    assert find(win, "statusMessage", QLabel).text() == \
        f"Rien \u00e0 lire pour l\u2019instant{NB}: s\u00e9lectionnez une t\u00e2che qui a des morceaux."
    picture = tmp_path / "cover.png"
    picture.write_bytes(b"\x89PNG")
    win.take_drop(read_file(picture))
    assert find(win, "statusMessage", QLabel).text() == \
        "cover.png n\u2019est pas un fichier texte d\u2019identifiants audio (.txt ou .csv)."

    # a job that completes: its state in words and its clips, plural
    find(win, "audioIdEdit").setText("aud1")
    submit(win)
    run(aloop, until(lambda: jobs(win) and jobs(win)[0].state is JobState.DONE and len(jobs(win)[0].clips) == 2,
                     what="completion"))
    row = rows(win)[0]
    assert " \u2014 Termin\u00e9e" in row and " \u2014 2 morceaux \u2014 " in row, row
    job = Job(CoverRequest("aud9"), JobState.DONE, clips=jobs(win)[0].clips[:1])
    assert "1 morceau" in job_summary(job)


def test_the_settings_dialog_speaks_french_and_chooses_the_language(french, aloop):
    async def no_test(base: str, key: str) -> str:
        return ""

    dlg = SettingsDialog(Config(Settings(), KeyStore(use_keyring=False)), no_test)
    labels = form_labels(dlg.findChild(QFormLayout))
    assert labels[:2] == ["Cl\u00e9 d\u2019API", "URL de base"] and "Langue" in labels, labels
    assert dlg.windowTitle() == "R\u00e9glages"
    dlg.show()
    demo_box = find(dlg, "useDemoCheck")
    assert demo_box.width() >= demo_box.minimumSizeHint().width(), "the longer French words are cut off"
    buttons = dlg.findChild(QDialogButtonBox)
    assert sorted(b.text() for b in buttons.buttons()) == ["Annuler", "Enregistrer"]   # Qt's own words too
    combo = find(dlg, "languageCombo")
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "fr"]
    assert combo.itemText(0) == "Comme le syst\u00e8me (English)"
    note = find(dlg, "languageNote", QLabel)
    assert note.isHidden()
    combo.setCurrentIndex(combo.findData("en"))
    assert note.text() == "L\u2019application parlera English \u00e0 son prochain d\u00e9marrage."
    changes = []
    dlg.applied.connect(changes.append)
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert changes and changes[0].values["language"] == "en"
    dlg.deleteLater()


def test_the_cover_form_speaks_french(french):
    form = CoverForm()
    try:
        labels = form_labels(form.findChild(QFormLayout))
        assert labels[0] == "Identifiant audio", labels
    finally:
        form.deleteLater()


def test_english_again_after_french(harness, demo):
    assert i18n.current() == "en"
    win = harness.window(demo.api_url)
    assert find(win, "libraryButton").text() == "All clips"
    assert isinstance(win, QWidget)
