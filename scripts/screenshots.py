"""Regenerate the README screenshots: the real window on the demo server, driven like a user would.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py docs/

Uses private XDG folders, so it never touches your own settings or history. Writes main-window.png,
listening.png (loudness on the rows, the match toggle, a loop), clips-library.png and main-window-dark.png (the
same window after View -> Appearance -> Dark).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path


async def scenario(out: Path) -> None:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    from cover_desktop.app import parse_args
    from cover_desktop.resources import icon_svg
    from cover_desktop.runtime import Runtime
    from cover_desktop.settings import KeyStore, Settings
    from cover_desktop.ui.main_window import MainWindow

    rt = Runtime(parse_args(["--demo", "--demo-duration", "25"]), Settings(poll_interval=1.0), KeyStore())
    await rt.start()
    win = MainWindow(rt, QIcon(str(icon_svg())))
    win.resize(1240, 780)
    win.show()

    def part(name, kind=object):
        return win.findChild(kind, name)

    def listed_jobs():
        from cover_desktop.ui.jobs_model import JobRole
        model = part("jobsView").model()
        return [model.index(i).data(JobRole) for i in range(model.rowCount())]

    async def settle(seconds: float) -> None:
        end = asyncio.get_running_loop().time() + seconds
        while asyncio.get_running_loop().time() < end:
            await asyncio.sleep(0.05)

    async def submit(audio_id: str, custom: bool = False, prompt: str = "", style: str = "", title: str = ""):
        part("audioIdEdit", QLineEdit).setText(audio_id)
        part("customModeCheck").setChecked(custom)
        part("promptEdit", QPlainTextEdit).setPlainText(prompt)
        part("styleEdit", QLineEdit).setText(style)
        part("titleEdit", QLineEdit).setText(title)
        part("submitButton").click()
        await settle(0.6)

    await submit("aud7f3c9e21", True, "Neon rain on an empty street,\nwe keep the rhythm when the lights go down",
                 "synthwave, female vocals", "Neon Rain")
    rt.demo.finish_all()
    await submit("aud51b0d4aa", False)
    rt.demo.finish_all()
    await settle(2.0)
    # a style matrix: one id, three styles, one job each
    part("audioIdEdit", QLineEdit).setText("aud0c11e9f3")
    part("customModeCheck").setChecked(True)
    part("promptEdit", QPlainTextEdit).setPlainText("Slow acoustic take, warm and close")
    part("titleEdit", QLineEdit).setText("Harbour Lights")
    part("matrixCheck").setChecked(True)
    part("stylesEdit", QPlainTextEdit).setPlainText("acoustic folk\nlo-fi jazz\nbossa nova")
    part("submitButton").click()
    await settle(0.8)
    box = part("batchConfirm")
    out.mkdir(parents=True, exist_ok=True)
    if box is not None:
        box.grab().save(str(out / "matrix-confirm.png"))
        box.button(box.StandardButton.Ok).click()
    await settle(3.0)
    # the finished first job's clips, playing, with the waveform
    jobs = listed_jobs()
    win.jobs_pane.select(next(j.id for j in jobs if j.request.title == "Neon Rain"))
    await settle(1.5)
    win.clips_pane.play_row(0)
    await settle(2.0)
    if "audio output" in part("statusMessage").text():
        win.status.show_message("")   # Xvfb has no sound card; a musician's machine has one and never sees this
    win.grab().save(str(out / "main-window.png"))
    # listening: each clip's loudness on its row, loudness matching on with its gain, a loop to export
    part("matchLoudnessButton").setChecked(True)
    win.clips_pane.player_bar.seek.set_loop(800, 2200)
    await settle(1.5)
    win.clips_pane.grab().save(str(out / "listening.png"))
    part("matchLoudnessButton").setChecked(False)
    # the library: a search, stars, a favourite and the details panel
    rt.demo.finish_all()
    await settle(3.0)
    for job in listed_jobs():
        for n, rec in enumerate(job.clips):
            await rt.library.set_meta(job, rec, rating=5 - n * 2 if job.request.title else 3, favourite=n == 0)
    part("libraryButton").setChecked(True)
    part("librarySearchEdit", QLineEdit).setText("harbour")
    part("detailsButton").setChecked(True)
    view = part("clipsView")
    view.setCurrentIndex(view.model().index(0))
    await settle(1.5)
    win.grab().save(str(out / "clips-library.png"))
    part("librarySearchEdit", QLineEdit).setText("")
    part("detailsButton").setChecked(False)
    part("libraryButton").setChecked(False)
    win.jobs_pane.select(next(j.id for j in jobs if j.request.title == "Neon Rain"))
    await settle(1.0)
    view.setCurrentIndex(view.model().index(0))   # as in the light one: the playing clip selected
    # the dark one as a musician gets it: View -> Appearance -> Dark (saved in the private settings)
    part("appearanceDarkAction").trigger()
    await settle(1.0)
    win.grab().save(str(out / "main-window-dark.png"))
    part("appearanceSystemAction").trigger()
    win.close()
    await win.aclose()
    await rt.aclose()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs").resolve()
    with tempfile.TemporaryDirectory() as tmp:
        for var in ("CONFIG", "DATA", "CACHE", "STATE"):
            os.environ[f"XDG_{var}_HOME"] = os.path.join(tmp, var.lower())
        os.environ["COVER_DESKTOP_NO_KEYRING"] = "1"
        os.environ.pop("COVER_DESKTOP_API_KEY", None)
        import qasync
        from PySide6.QtWidgets import QApplication
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("Cover Desktop")
        app.setStyle("Fusion")
        app.setQuitOnLastWindowClosed(False)
        qasync.run(scenario(out))
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
