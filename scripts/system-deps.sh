#!/bin/sh
# System packages the test suite needs: headless Chromium and its WebDriver for the browser tests,
# Virtuoso for the remote-store tests and the benchmarks, wrk (HTTP load generator) for the benchmarks.
# Idempotent and non-interactive: installs only what is missing; safe to run on every `make install`.
set -eu

PACKAGES="chromium chromium-driver fonts-dejavu-core curl virtuoso-opensource wrk"

missing=""
for pkg in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done

if [ -z "$missing" ]; then
    echo "system-deps: all present ($PACKAGES)"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
else
    SUDO=""
fi

echo "system-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086  # word splitting of the package list is intended
$SUDO apt-get install -y -qq --no-install-recommends $missing
