#!/usr/bin/env bash
# Real-world proving ground for spanattrlint (issue 3). Not part of CI.
#
# Downloads pinned OpenTelemetry-instrumented modules through the Go module
# proxy, lints them with spanattrlint built from this checkout, applies -fix
# to a copy, and checks that the result builds, vets, is gofmt-clean and
# leaves no fixable finding. See realworld/README.md.
#
# Usage, from anywhere:  realworld/run.sh [flags]     (realworld/run.sh -help)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec go -C "$here" run . -repo "$(dirname "$here")" "$@"
