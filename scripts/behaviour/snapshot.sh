#!/usr/bin/env bash
# snapshot.sh BIN OUT writes what the spanattrlint binary BIN reports and
# fixes on the testdata module and the bundled example into the directory
# OUT: per run, the -json output and the -fix -diff output, with the
# checkout's path replaced by ROOT. Two snapshots of the same tree taken with
# two binaries compare with "diff -r OUT1 OUT2": a refactor that changes no
# behaviour leaves them byte-identical.
set -uo pipefail

bin=$(realpath "$1")
out=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mkdir -p "$out"

# label dir flags...
runs=(
	"testdata|testdata/src|"
	"testdata-constants|testdata/src|-constants=example.com/app/internal/tracing"
	"testdata-spannames|testdata/src|-span-names"
	"testdata-migrate|testdata/src|-migrate-deprecated"
	"testdata-rules|testdata/src|-key-prefix=journey,gen_ai -forbidden-keys=user.email -event-style=upper"
	"testdata-semconv-version|testdata/src|-semconv-version=v1.26.0"
	"testdata-stability|testdata/src|-stability=stable"
	"example|examples/journey|"
)
for r in "${runs[@]}"; do
	IFS='|' read -r label dir flags <<<"$r"
	# shellcheck disable=SC2086 # flags are words
	(cd "$root/$dir" && GOFLAGS=-mod=mod GOPROXY=off "$bin" -json $flags ./... 2>&1) | sed "s#$root#ROOT#g" >"$out/$label.json"
	# shellcheck disable=SC2086
	(cd "$root/$dir" && GOFLAGS=-mod=mod GOPROXY=off "$bin" -fix -diff $flags ./... 2>&1) | sed "s#$root#ROOT#g" >"$out/$label.diff"
done
echo "snapshot.sh: wrote $(ls "$out" | wc -l) files to $out"
