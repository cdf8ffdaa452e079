#!/usr/bin/env bash
# Runs every test of TermSync against a private PostgreSQL on 127.0.0.1:55433 (TERMSYNC_TEST_PG_PORT),
# which it starts under var/postgres-test and stops again if it started it. Installs PostgreSQL, Chromium
# (for the dashboard's browser tests), Node.js with npm (the API build restores Chart.js with npm) and
# the DejaVu fonts of statement PDFs from Debian's packages when missing. Prints "N passed, N failed"
# as its last line.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
port=${TERMSYNC_TEST_PG_PORT:-55433}
data="$root/var/postgres-test"

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK is missing; install it (package dotnet-sdk-10.0) and run again" >&2; exit 1; }

# tests/Browser.Tests launches Debian's Chromium at /usr/bin/chromium instead of a browser that Playwright downloads, so tests fetch nothing outside the package registries.
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v npm >/dev/null || missing+=(nodejs npm)
# Statement PDFs are drawn with DejaVu Sans, which PDFsharp reads from the TrueType files of this package.
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
if [[ ${#missing[@]} -gt 0 ]]; then
  [[ $(id -u) -eq 0 ]] || { echo "test.sh: missing ${missing[*]}; install them with: sudo apt-get install ${missing[*]}" >&2; exit 1; }
  echo "test.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y "${missing[@]}"
fi

was_running=false
[[ -f $data/postmaster.pid ]] && kill -0 "$(head -n 1 "$data/postmaster.pid")" 2>/dev/null && was_running=true
bash "$root/deploy/postgres.sh" start "$data" "$port" >/dev/null
if ! $was_running; then
  trap 'bash "$root/deploy/postgres.sh" stop "$data" >/dev/null 2>&1 || true' EXIT
fi
export TERMSYNC_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=termsync;Password=termsync;Database=postgres"

mkdir -p "$root/var"
output="$root/var/test-output.txt"
status=0
dotnet test "$root/TermSync.sln" -c Release --nologo 2>&1 | tee "$output" || status=$?

passed=$(grep -oE 'Passed: +[0-9]+' "$output" | awk '{ sum += $2 } END { print sum + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$output" | awk '{ sum += $2 } END { print sum + 0 }')
echo "$passed passed, $failed failed"
exit "$status"
