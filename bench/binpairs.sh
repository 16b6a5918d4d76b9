#!/bin/bash
# binpairs.sh DIR N BIN...: N interleaved rounds of whole-process runs of each BIN (BIN -test=false ./... in the
# module at DIR, under /usr/bin/time, offline), after one untimed warm-up run of each; prints each run with the
# 1-minute load average, then per BIN the medians and the median of the paired ratios to the first BIN (wall,
# peak RSS, CPU). bench/pairs.sh is the same for the two binaries the compare driver builds; this one takes any,
# so that two builds of spanattrlint and the no-op twice (the noise floor) run in one sitting.
set -eu
dir=$1 n=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
cd "$dir"
export GOFLAGS=-mod=mod GOPROXY=off
out=$(mktemp)
trap 'rm -f "$out" "$out.t"' EXIT
for b in "$@"; do "$b" -test=false ./... >/dev/null 2>&1 || true; done
for i in $(seq "$n"); do
  for b in "$@"; do
    /usr/bin/time -f "$(basename "$b") %e %M %U %S" -o "$out.t" "$b" -test=false ./... >/dev/null 2>&1 || true
    echo "$(grep -v '^Command' "$out.t") $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
  done
done
python3 - "$out" <<'PY'
import statistics as st, sys
rows = [l.split() for l in open(sys.argv[1])]
by = {}
for r in rows:
    by.setdefault(r[0], []).append(r)
names = list(by)
base = by[names[0]]
loads = [float(r[5]) for r in rows]
print(f"{len(base)} rounds, 1-minute load average {min(loads)}-{max(loads)}")
for name in names:
    for lab, f in (("wall s", lambda r: float(r[1])), ("peak MiB", lambda r: float(r[2]) / 1024), ("CPU s", lambda r: float(r[3]) + float(r[4]))):
        ratios = [f(y) / f(x) for x, y in zip(base, by[name])]
        print(f"{name:20} {lab:9} median {st.median(map(f, by[name])):8.2f}  x{names[0]} {st.median(ratios):.3f} ({min(ratios):.2f}-{max(ratios):.2f})")
PY
