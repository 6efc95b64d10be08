#!/usr/bin/env bash
# Debian packages Qt needs here: QtMultimedia links libpulse; the xcb platform (a real window) needs the
# xcb and xkb libraries; offscreen tests need EGL/GL and fontconfig; the packaging tests run the validators
# (appstream, desktop-file-utils) and groff on the man page. Skips apt when all are present.
set -euo pipefail
packages=(libpulse0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
          libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
          libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libglib2.0-0 appstream desktop-file-utils groff-base xvfb xauth
          "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Please install these system libraries with your package manager: ${missing[*]}" >&2
  exit 1
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
