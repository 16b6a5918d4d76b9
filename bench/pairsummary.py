"""pairsummary.py FILE: the summary that bench/pairs.sh and bench/vetpairs.sh print of their runs.

FILE has a line per run, "TOOL WALL_S PEAK_KIB USER_S SYS_S", the no-op's and spanattrlint's runs alternating
(or any two names, the first the baseline: bench/regvetpairs.sh's): prints, for wall time, peak RSS and CPU,
both medians and the median of the paired ratios (with their range).
"""
import statistics as st
import sys

rows = [l.split() for l in open(sys.argv[1])]
names = list(dict.fromkeys(r[0] for r in rows))
base, other = ("noop", "spanattrlint") if names == ["noop", "spanattrlint"] else (names[0], names[1])
a = [r for r in rows if r[0] == base]
b = [r for r in rows if r[0] == other]
for name, f in (("wall s", lambda r: float(r[1])), ("peak MiB", lambda r: float(r[2]) / 1024), ("CPU s", lambda r: float(r[3]) + float(r[4]))):
    ratios = [f(y) / f(x) for x, y in zip(a, b)]
    la = "no-op" if base == "noop" else base
    print(f"{name:9} {la} {st.median(map(f, a)):8.2f}  {other} {st.median(map(f, b)):8.2f}  paired ratio {st.median(ratios):.3f} ({min(ratios):.2f}-{max(ratios):.2f})")
