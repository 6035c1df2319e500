#!/usr/bin/env bash
# The one command that runs every test: ./test.sh [extra dotnet test arguments]
# Installs what the tests need on Debian/Ubuntu when it is missing (needs root or sudo),
# then builds and tests the solution in Release, writing .trx results into TestResults/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# --- system packages the tests need --------------------------------------------------------
missing=()
# PostgreSQL server binaries: the tests start their own throwaway server with initdb + pg_ctl.
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  missing+=(postgresql)
fi
# Browser tests (tests/Todo.E2E): Debian's Chromium, which Playwright drives (never `playwright install`),
# and npm for axe-core, the accessibility checker the tests inject into pages.
command -v chromium >/dev/null || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
# The container image test (deploy/container-test.sh): podman builds and mounts the image, debootstrap makes the
# stand-ins for the official .NET base images, curl and jq talk to the server in it.
command -v podman >/dev/null || missing+=(podman)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
# kubectl (for `kubectl kustomize`, tests/Todo.Tests/Deployment) is not a Debian package: the tests say so when it is missing.

if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null; then
    echo "test.sh: missing ${missing[*]}; install them with your package manager and rerun." >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "test.sh: missing ${missing[*]}; run as root or install sudo: apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
  echo "test.sh: installing ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# --- .NET tools and tests ------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore
# axe-core, pinned by tests/Todo.E2E/package-lock.json.
[ -f tests/Todo.E2E/node_modules/axe-core/axe.min.js ] || npm ci --prefix tests/Todo.E2E --no-audit --no-fund
# The client tooling (Redocly CLI, openapi-typescript, openapi-fetch, TypeScript), pinned by clients/package-lock.json.
[ -x clients/node_modules/.bin/redocly ] && [ -f clients/node_modules/openapi-fetch/package.json ] ||
  npm ci --prefix clients --no-audit --no-fund
dotnet test Todo.slnx -c Release --logger trx --results-directory TestResults "$@"
