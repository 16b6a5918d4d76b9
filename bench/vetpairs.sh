#!/bin/bash
# vetpairs.sh DIR [N [PATTERN]]: N (default 3) interleaved pairs of `go vet -vettool=TOOL PATTERN` (default ./...)
# with the no-op analyzer and spanattrlint in the module at DIR, under /usr/bin/time, offline (GOPROXY=off). Each run
# uses a copy of its binary with a few bytes appended, so that its tool ID (a hash of the executable, which the go
# command keys vet results on) is new and go vet analyses every package and dependency again, as on a change of
# the tool; the build cache still serves the compiled export data. Prints each run (wall s, peak RSS of the largest
# process of the tree, CPU s of the tree), then the medians and the median of the paired ratios. Uses the
# binaries that `go -C bench run ./cmd/compare` builds into .cache/bench/bin. Used for go.temporal.io/server.
set -eu
dir=$1 n=${2:-3} pattern=${3:-./...}
here=$(cd "$(dirname "$0")" && pwd)
bin=$here/../.cache/bench/bin
[ -x "$bin/noop" ] && [ -x "$bin/spanattrlint" ] || { echo "vetpairs.sh: no $bin/noop or $bin/spanattrlint: run go -C bench run ./cmd/compare first" >&2; exit 2; }
cd "$dir"
export GOFLAGS=-mod=mod GOPROXY=off
out=$(mktemp) tools=$(mktemp -d)
trap 'rm -rf "$out" "$out.t" "$tools"' EXIT
for i in $(seq "$n"); do
  for tool in noop spanattrlint; do
    t="$tools/$tool-$i"
    cp "$bin/$tool" "$t"
    printf 'run %s %s\n' "$i" "$RANDOM" >>"$t"
    /usr/bin/time -f "$tool %e %M %U %S" -o "$out.t" go vet -vettool="$t" "$pattern" >/dev/null 2>&1 || true
    grep "^$tool " "$out.t" | tee -a "$out"
  done
done
python3 "$here/pairsummary.py" "$out"
