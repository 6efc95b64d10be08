"""Regenerate the README screenshots: the real window on the demo server, driven like a user would.

    xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshots.py docs/

Uses private XDG folders, so it never touches your own settings or history.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path


async def scenario(out: Path) -> None:
    from cover_desktop.app import Runtime, parse_args
    from cover_desktop.settings import KeyStore, Settings
    from cover_desktop.ui.main_window import MainWindow

    rt = Runtime(parse_args(["--demo", "--demo-duration", "25"]), Settings(poll_interval=1.0), KeyStore())
    await rt.start()
    win = MainWindow(rt)
    win.resize(1240, 780)
    win.show()

    async def settle(seconds: float) -> None:
        end = asyncio.get_running_loop().time() + seconds
        while asyncio.get_running_loop().time() < end:
            await asyncio.sleep(0.05)

    async def submit(audio_id: str, custom: bool = False, prompt: str = "", style: str = "", title: str = ""):
        win.form.audio_id.setText(audio_id)
        win.form.custom.setChecked(custom)
        win.form.prompt.setPlainText(prompt)
        win.form.style_edit.setText(style)
        win.form.title_edit.setText(title)
        win.submit()
        await settle(0.6)

    await submit("aud7f3c9e21", True, "Neon rain on an empty street,\nwe keep the rhythm when the lights go down",
                 "synthwave, female vocals", "Neon Rain")
    rt.demo.finish_all()
    await submit("aud51b0d4aa", False)
    rt.demo.finish_all()
    await settle(3.0)
    await submit("aud0c11e9f3", True, "Slow acoustic take, warm and close", "acoustic folk", "Harbour Lights")
    await settle(2.5)
    # show the finished first job's clips, playing
    row = next(i for i, j in enumerate(win.jobs_model.jobs()) if j.request.title == "Neon Rain")
    win.jobs_view.setCurrentIndex(win.jobs_model.index(row))
    await settle(1.5)
    win.play_row(0)
    await settle(1.2)
    out.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(out / "main-window.png"))
    win.library_button.setChecked(True)
    await settle(1.5)
    win.clips_view.parentWidget().grab().save(str(out / "clips-library.png"))
    win.library_button.setChecked(False)
    if os.environ.get("DISPLAY"):
        os.system(f"import -window root {out / 'screen.png'} 2>/dev/null")
    win.close()
    await win.tasks.cancel_all()
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
        app.setQuitOnLastWindowClosed(False)
        qasync.run(scenario(out))
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
