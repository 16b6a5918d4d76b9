#!/usr/bin/env bash
# Proves the pre-commit hooks (.pre-commit-hooks.yaml) with the real
# pre-commit: see scripts/precommit/check.sh.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/../scripts/precommit/check.sh" "$@"
