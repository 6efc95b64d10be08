"""Write THIRD-PARTY-NOTICES.txt for the bundle: every library and Python package it carries, with its version,
its licence and where its source is, then the licence texts. packaging/build runs it with the bundle's Python
(the one that holds the installed app), after PyInstaller:

    python packaging/notices.py APP_INTERNAL BINARIES_TSV OUT

BINARIES_TSV lists each bundled binary and the file it was copied from (cover-desktop.spec writes it); a library
the build machine's system provided is named by its Debian package (dpkg), with the licences that package's
copyright file declares. Prints one line per group and the FFmpeg version it found.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from cover_desktop.installation import packages_table, python_packages

COMMON_LICENCES = Path("/usr/share/common-licenses")


@dataclass
class System:
    package: str
    version: str
    licences: list[str]
    files: list[str] = field(default_factory=list)


def ffmpeg(internal: Path) -> tuple[str, str, str]:
    """(version, licence, configuration) of the bundled FFmpeg, asked of its own libraries."""
    lib = internal / "PySide6" / "Qt" / "lib"
    found = sorted(lib.glob("libavutil.so.*"))
    if not found:
        return "", "", ""
    # Qt's FFmpeg stubs would say on stderr which optional libraries (VA-API, PipeWire) this machine lacks
    os.environ["QT_LOGGING_RULES"] = "qt.multimedia.*=false"
    # libavutil links OpenSSL's libcrypto without naming where: load the bundle's (else the system's) first
    crypto = sorted(internal.glob("libcrypto.so*")) or [Path(ctypes.util.find_library("crypto") or "libcrypto.so.3")]
    ctypes.CDLL(str(crypto[0]), mode=ctypes.RTLD_GLOBAL)
    avutil = ctypes.CDLL(str(found[0]), mode=ctypes.RTLD_GLOBAL)
    avutil.av_version_info.restype = ctypes.c_char_p
    avutil.avutil_license.restype = ctypes.c_char_p
    codec = ctypes.CDLL(str(sorted(lib.glob("libavcodec.so.*"))[0]))
    codec.avcodec_configuration.restype = ctypes.c_char_p
    return (avutil.av_version_info().decode(), avutil.avutil_license().decode(),
            codec.avcodec_configuration().decode())


def dpkg_owner(path: str) -> tuple[str, str] | None:
    for candidate in dict.fromkeys([path, str(Path(path).resolve())]):
        run = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if run.returncode == 0 and ": " in run.stdout:
            package = run.stdout.split(": ", 1)[0].split(",")[0].strip()     # "libssl3:amd64: /usr/lib/..."
            version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True,
                                     text=True, check=False).stdout.strip()
            return package, version
    return None


def copyright_file(package: str) -> Path:
    return Path("/usr/share/doc") / package.split(":")[0] / "copyright"


def declared_licences(package: str) -> list[str]:
    try:
        text = copyright_file(package).read_text("utf-8", "replace")
    except OSError:
        return []
    return sorted({m.strip() for m in re.findall(r"^License:\s*(\S[^\n]*)$", text, re.MULTILINE)})


def classify(internal: Path, manifest: Path) -> tuple[list[str], dict[str, System], list[str]]:
    qt_modules: list[str] = []
    system: dict[str, System] = {}
    in_wheels: list[str] = []
    for line in manifest.read_text().splitlines():
        dest, _, src = line.partition("\t")
        name = Path(dest).name
        if dest.startswith("PySide6/Qt/lib/libQt6"):
            qt_modules.append(name.split(".so")[0].removeprefix("libQt6"))
        elif dest.startswith(("PySide6/", "shiboken6/")) or ".cpython-" in name or name.endswith(".abi3.so") \
                or "/lib-dynload/" in dest or name.startswith("libpython"):
            continue         # Qt's plugins, FFmpeg, ICU, PySide6 itself, Python: named below
        elif "site-packages/" in src:
            in_wheels.append(f"{dest} (from {src.split('site-packages/', 1)[1].split('/', 1)[0]})")
        else:
            owner = dpkg_owner(src)
            key = owner[0] if owner else src
            entry = system.setdefault(key, System(key, owner[1] if owner else "?",
                                                  declared_licences(key) if owner else []))
            entry.files.append(name)
    return sorted(set(qt_modules)), system, sorted(in_wheels)


def licence_texts(packages: list[str]) -> list[str]:
    out = []
    for name in ("LGPL-3", "GPL-3", "LGPL-2.1", "GPL-2"):
        path = COMMON_LICENCES / name
        if path.is_file():
            out += ["", "=" * 78, f"{name} (the licence text, from {path})", "=" * 78, path.read_text("utf-8")]
    import importlib.metadata as md
    for name in packages:
        dist = md.distribution(name)
        for f in dist.files or []:
            if re.search(r"(LICEN[CS]E|COPYING|NOTICE)[^/]*$", f.name, re.IGNORECASE) and ".dist-info" in str(f):
                out += ["", "=" * 78, f"{name} {dist.version}: {f.name}", "=" * 78,
                        Path(str(dist.locate_file(f))).read_text("utf-8", "replace")]
    return out


def write(internal: Path, manifest: Path, out: Path) -> list[str]:
    import PySide6

    packages = python_packages()
    qt_version = PySide6.__version__.split("+")[0]
    qt_series = ".".join(qt_version.split(".")[:2])
    version, licence, configuration = ffmpeg(internal)
    qt_modules, system, in_wheels = classify(internal, manifest)
    icu = sorted({p.name.split(".so.")[1] for p in (internal / "PySide6" / "Qt" / "lib").glob("libicuuc.so.*")})
    text = [
        "Third-party software in this Cover Desktop bundle",
        "",
        "Cover Desktop itself is under the MIT licence (LICENSE, beside this file). The bundle also carries the",
        "software below, each under its own licence. The LGPL libraries (Qt, FFmpeg and others) are separate",
        "shared libraries in app/_internal: you may replace them with compatible builds of your own. Their",
        "sources are where each entry says; Debian packages' sources are at https://sources.debian.org and",
        "with `apt-get source PACKAGE=VERSION`.",
        "",
        f"Python {platform.python_version()} (the interpreter and its standard library)   PSF-2.0",
        "  https://www.python.org/downloads/source/",
        "",
        f"Qt {qt_version} (through PySide6)   LGPL-3.0-only",
        "  modules: " + ", ".join(qt_modules),
        f"  source: https://download.qt.io/official_releases/qt/{qt_series}/{qt_version}/submodules/",
        "",
        f"FFmpeg {version or '?'} (Qt Multimedia's backend, built by the Qt project)   {licence or '?'}",
        f"  configured with: {configuration or '?'}",
        f"  source: https://ffmpeg.org/releases/ffmpeg-{version}.tar.xz",
        "",
    ]
    if icu:
        text += [f"ICU {icu[0]} (Unicode data for Qt, from the PySide6 wheel)   Unicode-3.0",
                 "  source: https://github.com/unicode-org/icu/releases", ""]
    text += ["Python packages:", packages_table(packages), ""]
    if in_wheels:
        text += ["Libraries that came inside those packages' wheels (under the package's licence terms):",
                 *(f"  {w}" for w in in_wheels), ""]
    text += ["Libraries from the build machine's system (Debian packages):"]
    for entry in sorted(system.values(), key=lambda s: s.package):
        if entry.package.startswith("/"):
            text.append(f"  {', '.join(entry.files)}: not from a Debian package ({entry.package})")
            continue
        text.append(f"  {entry.package} {entry.version}   {', '.join(entry.licences) or 'see its copyright file'}")
        text.append(f"    {', '.join(sorted(entry.files))}")
    copyrights = [copyright_file(s.package) for s in system.values() if copyright_file(s.package).is_file()]
    for path in sorted(copyrights):
        text += ["", "=" * 78, f"{path.parent.name}: copyright and licences (from {path})", "=" * 78,
                 path.read_text("utf-8", "replace")]
    text += licence_texts([p.name for p in packages])
    out.write_text("\n".join(text) + "\n", "utf-8")
    return [f"FFmpeg {version or '?'} ({licence or '?'})", f"Qt {qt_version}: {len(qt_modules)} libraries",
            f"{len(packages)} Python packages",
            f"{len(system)} system libraries: " + ", ".join(sorted(s.split("/")[-1] for s in system)),
            f"{len(in_wheels)} libraries from wheels", f"{out.name}: {out.stat().st_size // 1024} KB"]


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python packaging/notices.py APP_INTERNAL BINARIES_TSV OUT")
    for line in write(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])):
        print(line)
