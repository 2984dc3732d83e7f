#!/usr/bin/env bash
# Extract the seed, both dev sets and the shared corpus into DIR, one folder
# each, so that two snapshots (before and after a change that must not alter
# output) compare with `diff -r`.  Usage: scripts/snapshot.sh DIR [extract options]
set -euo pipefail
out=${1:?usage: scripts/snapshot.sh DIR [extract options]}
shift
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="$here/../shared"
eventx="$here/.venv/bin/eventx"
run() {  # name, then inputs and options
    local name=$1
    shift
    "$eventx" extract "$@" --out "$out/$name" --quiet "${EXTRA[@]}" || [ $? -eq 1 ]
    rm -f "$out/$name/manifest.jsonl"  # it holds the run's time
}
EXTRA=("$@")
run seed "$here/seeds" --published 2020-11-30
run gold-seed "$shared/gold/seed.jsonl"
run dev "$shared/gold/dev.jsonl"
run dev2 "$shared/gold/dev2.jsonl"
run lee "$shared/corpus/lee.jsonl"
run newspaper4k "$shared/corpus/newspaper4k/html"
run scrapinghub "$shared/corpus/scrapinghub/html"
run dev-dedupe "$shared/gold/dev.jsonl" --dedupe
