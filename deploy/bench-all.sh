#!/usr/bin/env bash
# Runs every TermSync benchmark one after another and records each in its section of docs/benchmarks.md:
# bulk ingest, digest cycle, receivables metrics reads, the bundled statement read, silo memory growth and
# ingest scale-out to two silos. Each script starts and stops its own PostgreSQL, API and silos; running them in
# turn keeps one from loading the machine while another measures. A failing script stops the run, and the
# sections already written stay.
#
#   bash deploy/bench-all.sh
#
# The README's benchmark section gives each script's options for a quicker run and how long a recorded run of it took,
# with the options of that run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
if (( $# > 0 )); then
  printf 'bench-all.sh: error: it takes no options but got "%s"; run one script of deploy/bench*.sh with its own options instead\n' "$*" >&2
  exit 2
fi

for script in bench.sh bench-digests.sh bench-metrics.sh bench-statement.sh bench-growth.sh bench-scaleout.sh; do
  printf 'bench-all.sh: running deploy/%s\n' "$script" >&2
  bash "$root/deploy/$script"
done
printf 'bench-all.sh: every section of docs/benchmarks.md is rewritten\n' >&2
