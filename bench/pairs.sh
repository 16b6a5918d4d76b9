#!/bin/bash
# pairs.sh DIR [N]: N (default 5) interleaved whole-process pairs of the no-op analyzer and spanattrlint,
# each `TOOL -test=false ./...` in the module at DIR, under /usr/bin/time; prints each run, then the medians
# and the median of the paired ratios (wall, peak RSS, CPU). It uses the binaries that
# `go -C bench run ./cmd/compare` builds into .cache/bench/bin (run that once first), offline
# (GOPROXY=off), after one untimed warm-up run of each. Used for go.temporal.io/server v1.32.1, too large
# for the compare driver's rounds (bench/README.md).
set -eu
dir=$1 n=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
bin=$here/../.cache/bench/bin
[ -x "$bin/noop" ] && [ -x "$bin/spanattrlint" ] || { echo "pairs.sh: no $bin/noop or $bin/spanattrlint: run go -C bench run ./cmd/compare first" >&2; exit 2; }
cd "$dir"
export GOFLAGS=-mod=mod GOPROXY=off
out=$(mktemp)
trap 'rm -f "$out" "$out.t"' EXIT
for tool in noop spanattrlint; do "$bin/$tool" -test=false ./... >/dev/null 2>&1 || true; done
for i in $(seq "$n"); do
  for tool in noop spanattrlint; do
    /usr/bin/time -f "$tool %e %M %U %S" -o "$out.t" "$bin/$tool" -test=false ./... >/dev/null 2>&1 || true
    grep "^$tool " "$out.t" | tee -a "$out"
  done
done
python3 "$here/pairsummary.py" "$out"
