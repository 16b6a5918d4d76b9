#!/bin/bash
# regvetpairs.sh DIR REGISTRY [N [PATTERN]]: what -registry costs under go vet, whose processes (one per package)
# each decide the configuration and so read the registry. N (default 5) interleaved pairs of
# `go vet -vettool=TOOL PATTERN` (default ./...) in the module at DIR, without and with -registry=REGISTRY (a path
# as the flag takes it: relative to the module root, or absolute), under /usr/bin/time, offline. Each run uses a
# copy of the spanattrlint binary with a few bytes appended, so that its tool ID is new and go vet analyses every
# package again (as bench/vetpairs.sh does). Prints each run (wall s, peak RSS of the largest process, CPU s of
# the tree), then the medians and the paired ratios. The binary is $SPANATTRLINT, else
# .cache/bench/bin/spanattrlint. Findings are discarded; go vet's exit status is ignored.
set -eu
dir=$1 reg=$2 n=${3:-5} pattern=${4:-./...}
here=$(cd "$(dirname "$0")" && pwd)
bin=${SPANATTRLINT:-$here/../.cache/bench/bin/spanattrlint}
[ -x "$bin" ] || { echo "regvetpairs.sh: no $bin: set SPANATTRLINT or run go -C bench run ./cmd/compare first" >&2; exit 2; }
cd "$dir"
export GOFLAGS=-mod=mod GOPROXY=off
out=$(mktemp) tools=$(mktemp -d)
trap 'rm -rf "$out" "$out.t" "$tools"' EXIT
for i in $(seq "$n"); do
  for row in plain registry; do
    t="$tools/$row-$i"
    cp "$bin" "$t"
    printf 'run %s %s\n' "$i" "$RANDOM" >>"$t"
    flags=()
    [ "$row" = registry ] && flags=(-registry="$reg")
    /usr/bin/time -f "$row %e %M %U %S" -o "$out.t" go vet -vettool="$t" "${flags[@]}" "$pattern" >/dev/null 2>&1 || true
    grep "^$row " "$out.t" | tee -a "$out"
  done
done
python3 "$here/pairsummary.py" "$out"
