#!/usr/bin/env bash
# modules.sh BIN OUT DIR... writes what the spanattrlint binary BIN reports
# and fixes in each module at DIR (the real-world copies that
# realworld/run.sh makes, say) into OUT: per module, the -json output and
# the -fix -diff output (which edits nothing), with the module's path
# replaced by ROOT. Two snapshots taken with two binaries compare with
# "diff -r OUT1 OUT2", as snapshot.sh's do for testdata.
set -uo pipefail

bin=$(realpath "$1")
out=$2
shift 2
mkdir -p "$out"
for dir in "$@"; do
	dir=$(realpath "$dir")
	label=$(basename "$dir")
	(cd "$dir" && GOFLAGS=-mod=mod GOPROXY=off "$bin" -json ./... 2>&1) | sed "s#$dir#ROOT#g" >"$out/$label.json"
	(cd "$dir" && GOFLAGS=-mod=mod GOPROXY=off "$bin" -fix -diff ./... 2>&1) | sed "s#$dir#ROOT#g" >"$out/$label.diff"
done
echo "modules.sh: wrote $(ls "$out" | wc -l) files to $out"
