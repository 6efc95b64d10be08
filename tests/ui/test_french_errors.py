"""The service's and the downloads' errors in French: what the demo server refuses (400, 401, 402, 404, 429, 5xx)
and what a download runs into, as the status bar, the form, the banner, the job list and the clip list say it in
a French window; a job's error kept in the history reads in the language of whoever reads it later."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from cover_desktop import i18n
from cover_desktop.api.errors import ApiError, NotFound
from cover_desktop.api.words import N_, Words
from cover_desktop.jobs.model import JobState
from cover_desktop.media.fetch import MediaFetcher
from cover_desktop.media.name_template import template_problem
from cover_desktop.ui.about import report
from cover_desktop.ui.clips_model import clip_detail
from cover_desktop.ui.messages import describe, start_failure
from helpers import find, jobs, rows, run, submit, until

NB = "\u00a0"


def status(win) -> str:
    """The status bar's message, whole (the label itself cuts a long one short)."""
    return find(win, "statusMessage").toolTip()


def submitted_in_french(win, aloop, audio_id: str) -> str:
    find(win, "audioIdEdit").setText(audio_id)
    submit(win)
    run(aloop, until(lambda: find(win, "formError").text(), what="the refusal in the form"))
    shown = find(win, "formError").text()
    assert status(win) == shown
    return shown


@pytest.mark.log_warnings(r"generate failed \(try 1/\d\)")
@pytest.mark.parametrize(("fault", "audio_id", "french_text"), [
    (None, "short-take", "Le service a refusé cette demande. Vérifiez l’identifiant audio, et que l’audio envoyé "
                         f"dure entre 6 et 60{NB}secondes. Le service a dit{NB}: «{NB}Uploaded audio length does not "
                         f"meet guidelines (6-60s){NB}»"),
    (None, "nobody-knows-me", f"Le service ne connaît pas l’identifiant audio «{NB}nobody-knows-me{NB}». Vérifiez "
                              "l’identifiant de votre audio envoyé."),
    ("402", "aud1", f"Pas assez de crédits pour cette reprise (chacune coûte 5 à 12{NB}crédits). Rechargez votre "
                    f"compte, puis envoyez de nouveau. Le service a dit{NB}: «{NB}Insufficient credits{NB}»"),
    ("500", "aud1", "Le service a eu un problème (HTTP 500). Réessayez dans un moment. Le service a dit"
                    f"{NB}: «{NB}Internal error{NB}»"),
], ids=["400-six-to-sixty-seconds", "404-unknown-audio-id", "402-credits", "500"])
def test_a_refused_submit_is_said_in_french(french, harness, demo, keyed, aloop, fault, audio_id, french_text):
    win = harness.window(demo.api_url)
    if fault:
        demo.inject(fault, path_contains="generate")
    assert submitted_in_french(win, aloop, audio_id) == french_text


@pytest.mark.log_warnings(r"generate failed \(try 1/\d\): authentication_error")
def test_a_refused_key_is_said_in_french_in_the_form_and_the_banner(french, harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    demo.inject("401", path_contains="generate")
    shown = submitted_in_french(win, aloop, "aud1")
    assert shown.startswith("La clé d’API n’a pas été acceptée. Corrigez votre clé dans les Réglages "
                            "(Fichier → Réglages).")
    assert f"Le service a dit{NB}: «{NB}Invalid API key{NB}»" in shown
    assert find(win, "bannerText").text() == f"<b>Clé refusée.</b> {shown}"


@pytest.mark.log_warnings(r"status failed \(try 1/1\): (rate_limited|server_error)")
@pytest.mark.parametrize(("fault", "french_text"), [
    ("429", "Le service est occupé et nous a demandé de ralentir (HTTP 429)."),
    ("503", "Le service a eu un problème (HTTP 503). Réessayez dans un moment."),
])
def test_a_passing_refusal_while_polling_is_said_in_french(french, harness, demo, keyed, aloop, fault, french_text):
    demo.duration = 60
    win = harness.window(demo.api_url)
    demo.inject(fault, path_contains="status", count=1, retry_after="1")
    find(win, "audioIdEdit").setText("aud1")
    submit(win)
    run(aloop, until(lambda: rows(win) and "La vérification continue." in rows(win)[0],
                     what="the job list's error column"))
    assert f"{french_text} " in rows(win)[0] and "The service" not in rows(win)[0]
    assert status(win).startswith("Le service ")


@pytest.mark.log_warnings(r"media for clip .*: The audio link has expired")
def test_an_expired_download_is_said_in_french_in_the_clip_list_and_the_status_bar(french, harness, demo, keyed,
                                                                                     aloop):
    win = harness.window(demo.api_url)
    demo.inject("404", target="media", path_contains="/audio", count=100)
    find(win, "audioIdEdit").setText("aud1")
    submit(win)
    expired = ("Le lien (audio) a expiré ou n’existe plus (HTTP 404). Le service garde les fichiers environ deux "
               "semaines.")
    run(aloop, until(lambda: expired in status(win), timeout=15, what="the download's failure in the status bar"))
    job = jobs(win)[0]
    run(aloop, until(lambda: all(r.media_error for r in job.clips) and not win.rt.library.busy(), what="both clips"))
    assert status(win).endswith(f"{NB}: {expired}"), status(win)
    assert all(expired in clip_detail(rec) for rec in job.clips)


@pytest.mark.parametrize(("fault", "french_text"), [
    ("404", "Le lien (pochette) a expiré ou n’existe plus (HTTP 404). Le service garde les fichiers environ deux "
            "semaines."),
    ("html", "Le fichier servi comme pochette n’est pas une image (il ressemble à une page web)."),
    ("500", f"Le serveur (pochette) est occupé ou en panne (HTTP 500){NB}; il sera réessayé."),
    ("length-lie", f"Le téléchargement (pochette) a échoué (RemoteProtocolError){NB}; il sera réessayé."),
])
def test_download_errors_are_said_in_french(french, demo, aloop, tmp_path, fault, french_text):
    demo.inject(fault, target="media", path_contains="/image_")

    async def fetch() -> ApiError:
        fetcher = MediaFetcher(stall_timeout=5)
        try:
            await fetcher.fetch(f"{demo.media_url}/image_clip-1.png", tmp_path / "cover", "image")
        except ApiError as err:
            return err
        finally:
            await fetcher.aclose()
        raise AssertionError("the download succeeded")

    err = run(aloop, fetch())
    assert describe(err) == french_text
    assert not any(ch in str(err) for ch in "éèà"), "the log keeps the English"


def test_a_kept_error_reads_in_the_language_of_its_reader(french, harness, demo, keyed, aloop):
    """An old job's error reads in French after a restart; plain text (the service's own words, or what an older
    version kept) stays as it was."""
    win = harness.window(demo.api_url)
    for audio_id in ("fail-1", "fail-2"):
        find(win, "audioIdEdit").setText(audio_id)
        submit(win)
        run(aloop, until(lambda wanted=audio_id: jobs(win) and jobs(win)[0].request.audio_id == wanted
                         and jobs(win)[0].state is JobState.FAILED, what=f"{audio_id} failed"))
    plain, timed_out = jobs(win)
    assert type(plain.error) is str and plain.error
    timed_out.error = Words.of(N_("No result after {minutes} min. Use \u201cRetry polling\u201d to keep waiting."),
                               minutes=30)
    run(aloop, win.rt.service.store.update(timed_out))
    harness.close(win)

    again = harness.window(demo.api_url)
    by_id = {j.id: j for j in jobs(again)}
    said = f"Aucun résultat après 30{NB}min. Utilisez «{NB}Relancer le suivi{NB}» pour attendre encore."
    assert describe(by_id[timed_out.id].error) == said
    assert any(said in row for row in rows(again))
    assert describe(by_id[plain.id].error) == plain.error


def test_about_the_start_up_box_and_naming_speak_french(french, harness, demo, keyed, aloop):
    win = harness.window(demo.api_url)
    lines = report(win.rt).splitlines()
    assert f"Service{NB}: {win.rt.base_url} ({'démo' if win.rt.is_demo else 'réel'})" in lines
    labels = [line.split(NB)[0] for line in lines if NB in line]
    assert {"Historique des tâches", "Morceaux conservés dans", "Réglages", "Cache", "Journal"} <= set(labels)
    assert not [line for line in lines if line.startswith(("Service:", "Job history:", "Log:"))]
    newer = RuntimeError(Words.of(N_("The job history was written by a newer Cover Desktop (schema {version})."),
                                  version=9))
    assert start_failure(newer) == (f"Cover Desktop n’a pas pu démarrer{NB}: L’historique des tâches a été écrit par "
                                    "une version plus récente de Cover Desktop (schéma 9).")
    assert describe(template_problem("{nope}")).startswith(f"Champ inconnu {{nope}}{NB}: utilisez l’un de {{title}}")
    assert describe(template_problem(" ")) == "Le modèle de nom est vide."


def test_errors_stay_english_in_an_english_window():
    assert i18n.current() == "en" and QCoreApplication.instance() is not None
    err = NotFound(N_("The service does not know the audio id \u201c{audio_id}\u201d. Check the id of your "
                      "uploaded audio."), audio_id="x1")
    assert describe(err) == str(err) == err.message == \
        "The service does not know the audio id \u201cx1\u201d. Check the id of your uploaded audio."
