#!/usr/bin/env bash
# Installs the native libraries NERE-Stream builds against (Debian/Ubuntu package names).
# Swift 6.3 itself is expected on PATH.
set -euo pipefail
# libcurl4: Foundation's networking library, linked by the HTTP endpoints of `nere serve`.
packages=(librdkafka-dev libopenblas-dev libsqlite3-dev pkg-config libcurl4)
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${packages[@]}"
fi
