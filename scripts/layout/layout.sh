#!/usr/bin/env bash
# layout.sh prints the module's packages (run from the module root): each
# package's lines of Go (not tests; generated files counted apart) and the
# module's packages it imports, the evidence CONTRIBUTING.md's layout
# rests on.
set -euo pipefail
mod=$(go list -m)
go list -f '{{.ImportPath}}|{{.Dir}}|{{join .GoFiles " "}}|{{join .Imports " "}}' ./... |
while IFS='|' read -r path dir files imports; do
	own=0 gen=0
	for f in $files; do
		n=$(wc -l <"$dir/$f")
		if head -5 "$dir/$f" | grep -q '^// Code generated .* DO NOT EDIT\.$'; then
			gen=$((gen + n))
		else
			own=$((own + n))
		fi
	done
	deps=$(tr ' ' '\n' <<<"$imports" | grep "^$mod/" | sed "s#^$mod/##" | tr '\n' ' ' || true)
	rel=${path#"$mod"}
	rel=${rel#/}
	printf '%-34s %6d' "${rel:-.}" "$own"
	if [ "$gen" -gt 0 ]; then printf ' (+%d generated)' "$gen"; fi
	printf '  -> %s\n' "${deps:-none}"
done
