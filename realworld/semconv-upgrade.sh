#!/usr/bin/env bash
# Semconv upgrade figures for the proving ground (issue 13): per module, the
# semconv versions its packages import, and what one
# "spanattrlint -semconv-version=NEWEST -fix ./..." run does on a copy (NEWEST:
# the newest semconv package of the otel version the module requires): files
# changed, imports left with the reason, and whether go build and go vet pass.
# Not part of CI; needs the modules in the module cache (or the proxy).
#
# Usage: realworld/semconv-upgrade.sh SCRATCH PATH@VERSION...
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch=$1; shift
mkdir -p "$scratch"
bin="$scratch/spanattrlint"
go -C "$repo" build -o "$bin" ./cmd/spanattrlint
for mv in "$@"; do
	label=$(basename "${mv%@*}")
	dir=$(go mod download -json "$mv" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
	dst="$scratch/$label"
	rm -rf "$dst" && cp -R "$dir" "$dst" && chmod -R u+w "$dst"
	cd "$dst"
	otel=$(go list -m -f '{{.Version}}' go.opentelemetry.io/otel)
	oteldir=$(go list -m -f '{{.Dir}}' go.opentelemetry.io/otel)
	target=$(ls "$oteldir/semconv" | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sort -V | tail -1)
	echo "== $label ($mv), go.opentelemetry.io/otel $otel, target $target"
	echo "-- semconv imports (files per version):"
	grep -rhoE --include='*.go' '"go.opentelemetry.io/otel/semconv/v[0-9.]+(/[a-z]+)?"' . | sort | uniq -c | sort -rn || true
	git init -q . && git add -A && git -c user.email=x@y -c user.name=x commit -qm base
	set +e
	"$bin" -semconv-version="$target" -deprecated=false -misspelled=false -naming=false ./... 2> "$scratch/$label.before"
	"$bin" -semconv-version="$target" -fix ./... 2> "$scratch/$label.fix"; fixcode=$?
	"$bin" -semconv-version="$target" -deprecated=false -misspelled=false -naming=false ./... 2> "$scratch/$label.after"
	set -e
	echo "-- reports before: $(grep -c 'semconv-version)' "$scratch/$label.before" || true), after: $(grep -c 'semconv-version)' "$scratch/$label.after" || true); -fix exit $fixcode"
	moved=$(git diff -U0 | grep -E '^(\+\+\+|[-+].*"go.opentelemetry.io/otel/semconv/v)' | grep -B1 -E '^[-+][^-+]' | grep -c '^+++' || true)
	echo "-- files changed: $(git diff --name-only | wc -l), of which $moved had a semconv import moved"
	echo "-- left (reason):"
	grep 'semconv-version)' "$scratch/$label.after" | sed -E 's/.*\(-semconv-version\)//; s/; no fix: //' | sed -E 's/ \([^)]*\)//g' | cut -c1-160 | sort | uniq -c | sort -rn | head -12 || true
	echo "-- go build: $(go build ./... > "$scratch/$label.build" 2>&1 && echo ok || echo FAIL), go vet: $(go vet ./... > "$scratch/$label.vet" 2>&1 && echo ok || echo FAIL)"
	cd - > /dev/null
done
