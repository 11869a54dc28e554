#!/usr/bin/env bash
# Installs what Finch needs on a fresh Debian machine: the C libraries (libzmq, OpenBLAS,
# libcrypto, zlib), a C compiler for finch-launch (gcc), the tools that build the pip wheel
# (binutils, patchelf), Chromium and its driver for the browser test, and a Python venv (.venv)
# with Jupyter's clients and the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pc in libzmq openblas libcrypto zlib; do
  pkg-config --exists "$pc" 2>/dev/null || missing+=("$pc")
done
for tool in pkg-config cc objdump strip patchelf chromium chromedriver; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages (missing: ${missing[*]})"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq pkg-config gcc libzmq3-dev libopenblas-dev libssl-dev zlib1g-dev binutils patchelf chromium chromium-driver >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
stamp=.venv/.requirements-installed
if [ ! -f "$stamp" ] || ! cmp -s Tests/integration/requirements.txt "$stamp"; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/pip install -q --disable-pip-version-check -r Tests/integration/requirements.txt
  cp Tests/integration/requirements.txt "$stamp"
fi
