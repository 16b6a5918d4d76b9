#!/bin/bash
# genpairs.sh SRC INTO [N]: one untimed warm-up round, then N (default 5) timed rounds, each of three rows:
# `spanattrlint -test=false ./...` (the lint), `spanattrlint gen -dry-run -into=INTO -test=false ./...` and
# `spanattrlint gen -into=INTO -test=false ./...`, each on a fresh copy of the module in SRC (a directory, e.g.
# its module-cache copy) at one fixed path, so that the build cache serves every row alike; the copy is not
# timed. Runs under /usr/bin/time, offline (GOPROXY=off); prints each run, then the medians and the median of
# the paired ratios to the lint of the same round (wall, peak RSS, CPU). It uses the spanattrlint binary that
# `go -C bench run ./cmd/compare` builds into .cache/bench/bin (run that once first). Used for
# go.temporal.io/server v1.32.1, too large for the compare driver's rounds (bench/README.md).
set -eu
src=$1 into=$2 n=${3:-5}
bin=$(cd "$(dirname "$0")/.." && pwd)/.cache/bench/bin/spanattrlint
[ -x "$bin" ] || { echo "genpairs.sh: no $bin: run go -C bench run ./cmd/compare first" >&2; exit 2; }
[ -f "$src/go.mod" ] || { echo "genpairs.sh: $src has no go.mod" >&2; exit 2; }
work=${TMPDIR:-/tmp}/spanattrlint-genpairs/m
export GOFLAGS=-mod=mod GOPROXY=off
out=$(mktemp)
trap 'rm -f "$out" "$out.t"' EXIT
fresh() { rm -rf "$work"; mkdir -p "$work"; cp -r "$src/." "$work/"; chmod -R u+w "$work"; }
row() { # NAME ARGS...: one timed run on a fresh copy
  local name=$1; shift
  fresh
  (cd "$work" && /usr/bin/time -f "$name %e %M %U %S" -o "$out.t" "$bin" "$@" >/dev/null 2>&1) || true
  grep "^$name " "$out.t"
}
rows() {
  row lint -test=false ./...
  row gen-dry-run gen -dry-run -into="$into" -test=false ./...
  row gen gen -into="$into" -test=false ./...
}
rows >/dev/null # warm-up
for i in $(seq "$n"); do rows | tee -a "$out"; done
rm -rf "$work"
python3 - "$out" <<'PY'
import statistics as st, sys
rows = [l.split() for l in open(sys.argv[1])]
lint = [r for r in rows if r[0] == "lint"]
for name in ("lint", "gen-dry-run", "gen"):
    b = [r for r in rows if r[0] == name]
    for label, f in (("wall s", lambda r: float(r[1])), ("peak MiB", lambda r: float(r[2]) / 1024), ("CPU s", lambda r: float(r[3]) + float(r[4]))):
        ratios = [f(y) / f(x) for x, y in zip(lint, b)]
        print(f"{name:12} {label:9} median {st.median(map(f, b)):8.2f}  x lint {st.median(ratios):.3f} ({min(ratios):.2f}-{max(ratios):.2f})")
PY
