#!/usr/bin/env bash
# Shows each problem that realworld/run.sh's reading of real findings found,
# on a minimal package (see each package's doc comment for what is expected
# and what happens). Works on a scratch copy; changes nothing here.
#
# Usage: realworld/repros/show.sh        (SPANATTRLINT=/path/to/binary to skip the build)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOWORK=off GOFLAGS=-buildvcs=false

sal="${SPANATTRLINT:-}"
if [ -z "$sal" ]; then
	sal="$work/spanattrlint"
	(cd "$repo" && go build -o "$sal" ./cmd/spanattrlint) || exit 1
fi

fresh() { rm -rf "$work/m" && cp -r "$here" "$work/m" && cd "$work/m" || exit 1; }
show() { echo; echo "== $*"; }

fresh
show "A. testonlyconst: -fix writes a test-only constant into a.go, then go build"
"$sal" -fix ./testonlyconst/; echo "-fix exit $?"
go build ./testonlyconst/ && echo "builds"

fresh
show "A'. variantconflict: the package and its test variant disagree"
"$sal" ./variantconflict/ 2>&1
"$sal" -fix ./variantconflict/; echo "-fix exit $?"

fresh
for p in semconvversion importgroup pinningtest hintingraph deprecatedcurrent; do
	show "$p"
	"$sal" ./"$p"/ 2>&1
	"$sal" -fix -diff ./"$p"/
done
show "unrelatedlocal (-span-names)"
"$sal" -span-names -fix -diff ./unrelatedlocal/

show "B. derivedconst with -constants and the default -test=true"
"$sal" -constants=example.com/repros/derivedconst/keys ./derivedconst/user/; echo "exit $?"
show "C. derivedconst with -constants -test=false"
"$sal" -test=false -constants=example.com/repros/derivedconst/keys ./derivedconst/user/; echo "exit $?"
