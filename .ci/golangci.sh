#!/usr/bin/env bash
# golangci.sh: CI step for the golangci-lint module plugin (.ci/run calls it).
# Builds golangci-lint v2.15.0 with the plugin from the Go module cache/proxy
# (no git, no GitHub), cached in
# .cache/golangci (SPANATTRLINT_GOLANGCI_CACHE), and checks it against the
# spanattrlint command on the testdata module: see scripts/golangci/check.sh.
# A cold build (empty Go build cache) takes minutes; a warm one seconds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
start=$SECONDS
scripts/golangci/check.sh
echo "== golangci-lint module plugin: ok in $((SECONDS - start))s"
