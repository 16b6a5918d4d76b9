#!/usr/bin/env bash
# build.sh builds a golangci-lint that contains the spanattrlint module
# plugin, offline, and prints the binary's path on stdout.
#
# It mirrors "The Manual Way" of golangci-lint's module plugin docs
# (https://golangci-lint.run/docs/plugins/module-plugins/): blank-import the
# plugin in cmd/golangci-lint/plugins.go, "go mod tidy", build. These are
# also the steps "golangci-lint custom" takes (pkg/commands/internal/
# builder.go: clone, update plugins.go, go mod edit -replace, go mod tidy,
# go build ./cmd/golangci-lint), except that the golangci-lint source comes
# from the Go module proxy/cache ("go mod download") instead of a git clone
# of GitHub, which this machine cannot reach.
#
# Environment:
#   GOLANGCI_LINT_VERSION   golangci-lint version to build (default v2.15.0,
#                           the one whose dependencies go.mod is pinned to)
#   SPANATTRLINT_GOLANGCI_CACHE
#                           writable cache dir (default <repo>/.cache/golangci,
#                           git-ignored); holds src/, bin/golangci-lint and
#                           the stamp that skips a rebuild when nothing changed
#   SPANATTRLINT_GOLANGCI_REBUILD=1
#                           rebuild even when the stamp matches
#
# Logs go to stderr; the only stdout line is the binary's path.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
version=${GOLANGCI_LINT_VERSION:-v2.15.0}
cache=${SPANATTRLINT_GOLANGCI_CACHE:-$root/.cache/golangci}
mkdir -p "$cache/bin"
cache=$(cd "$cache" && pwd)
bin=$cache/bin/golangci-lint
stamp=$cache/bin/golangci-lint.stamp
src=$cache/src/golangci-lint-$version

log() { echo "build.sh: $*" >&2; }

# The plugin's module is this checkout: no workspace, no VCS stamping (the
# cache lies inside this repository's work tree).
export GOWORK=off GOFLAGS=-buildvcs=false

# One build at a time per cache dir.
exec 9>"$cache/.lock"
flock 9

# The stamp hashes what goes into the binary: the Go and embedded files of
# every package of this module that the plugin imports, go.mod, go.sum,
# this script, the golangci-lint version and the Go toolchain.
inputs() {
	cd "$root"
	# shellcheck disable=SC2016 # a Go template, not shell
	go list -deps -f '{{if and .Module .Module.Main}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{end}}' ./plugin | sed '/^$/d' | LC_ALL=C sort -u
	echo "$root/go.mod"
	echo "$root/go.sum"
	echo "$root/scripts/golangci/build.sh"
}
files=$(inputs)
hash=$( {
	echo "golangci-lint $version"
	go version
	go env GOOS GOARCH CGO_ENABLED
	while IFS= read -r f; do
		echo "${f#"$root"/}"
		sha256sum <"$f"
	done <<<"$files"
} | sha256sum | cut -c1-16)

if [[ -x $bin && -f $stamp && $(cat "$stamp") == "$hash" && ${SPANATTRLINT_GOLANGCI_REBUILD:-} != 1 ]]; then
	log "up to date: $bin ($version, inputs $hash)"
	echo "$bin"
	exit 0
fi

start=$SECONDS
log "building golangci-lint $version with the spanattrlint plugin (inputs $hash) in $cache"

# 1. The golangci-lint source, from the module cache (the proxy fills it
#    when missing), copied to a writable place.
dir=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [[ -z $dir || ! -f $dir/go.mod ]]; then
	log "go mod download github.com/golangci/golangci-lint/v2@$version gave no source directory"
	exit 1
fi
rm -rf "$src"
mkdir -p "$src"
cp -R "$dir/." "$src/"
chmod -R u+w "$src"

# 2. The plugin's blank import, as "golangci-lint custom" writes it.
cat >"$src/cmd/golangci-lint/plugins.go" <<'GO'
package main

// This file is used to declare module plugins.

import (
	_ "github.com/spanattrlint/spanattrlint/plugin"
)
GO

# 3. This checkout as the plugin's module, then tidy, as the docs say.
cd "$src"
go mod edit \
	-require=github.com/spanattrlint/spanattrlint@v0.0.0 \
	-replace=github.com/spanattrlint/spanattrlint="$root"
log "go mod tidy"
go mod tidy >&2

# 4. Build, with the version string "golangci-lint custom" would give.
log "go build ./cmd/golangci-lint"
go build -trimpath \
	-ldflags "-s -w -X 'main.version=$version-custom-gcl-spanattrlint-$hash' -X 'main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)'" \
	-o "$bin.tmp" ./cmd/golangci-lint
mv "$bin.tmp" "$bin"
echo "$hash" >"$stamp"
log "built $bin in $((SECONDS - start))s"
echo "$bin"
