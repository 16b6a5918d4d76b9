#!/usr/bin/env bash
# check.sh proves this checkout's .pre-commit-hooks.yaml with the real
# pre-commit, on a throw-away git repository holding a small Go module that
# uses go.opentelemetry.io/otel v1.47.0: a copy of testmod/ (go.mod, go.sum
# and the constants package), plus the files the steps write. To move the
# pins, run the check with KEEP=1, go mod tidy in the kept app directory, and
# copy its go.mod and go.sum back to testmod/.
#
#   A. pre-commit try-repo CHECKOUT HOOK, as a hook author tries a repository
#      (no args, so the constants package is found with no configuration):
#      spanattrlint fails on a staged literal key; spanattrlint-fix rewrites
#      it and fails because it changed a file; spanattrlint then passes.
#   B. a .pre-commit-config.yaml as docs/integrations.md shows it (rev, args:
#      [-constants=...]), pre-commit install, and git commit: the hooks pass
#      on clean code, the report fails on a staged literal, the commit is
#      stopped and the file fixed, the next commit passes, and a commit that
#      touches no Go file skips them.
#
# Every step prints PASS or FAIL; the script ends with "N passed, N failed"
# and exits 1 if anything failed (2 if it could not start).
#
# Needs go and git. Installs pre-commit with apt-get when it is missing (as
# root). The network it needs is the Go module proxy, for modules missing
# from the module cache, and Debian's mirror when it installs pre-commit.
#
# Environment:
#   PRE_COMMIT_HOME  pre-commit's store for part B (default ~/.cache/pre-commit);
#                    try-repo always builds in a temporary store of its own.
#   GOPROXY          default https://proxy.golang.org, with no direct fallback;
#                    GOPROXY=off proves a run needs no network at all.
#   KEEP=1           keep the temporary directory and print its path.
set -uo pipefail

# A caller inside a git hook would point these at its own repository.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY \
	GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_PREFIX

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null) || {
	echo "check.sh: $here is not inside a git checkout" >&2
	exit 2
}

t_start=$EPOCHREALTIME
passed=0
failed=0
timings=()

say() { printf '%s\n' "$*"; }
pass() { passed=$((passed + 1)); say "PASS: $*"; }
fail() { failed=$((failed + 1)); say "FAIL: $*"; }

# fixed_builds STEP shows what the fix hook changed and checks that the
# fixed module still builds.
fixed_builds() {
	say "   git diff after the fix:"
	git diff | sed 's/^/    | /'
	if go build ./... >/dev/null 2>&1; then
		pass "$1 the fixed module builds"
	else
		fail "$1 the fixed module does not build"
	fi
}
die() { say "FAIL: $*"; say "precommit check: $passed passed, $((failed + 1)) failed"; exit 1; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
timed() { timings+=("$(printf '%-62s %6ss' "$1" "$2")"); }

# ---------------------------------------------------------------- tools
command -v go >/dev/null || { say "FAIL: go is not on PATH"; exit 2; }
command -v git >/dev/null || { say "FAIL: git is not on PATH"; exit 2; }
if ! command -v pre-commit >/dev/null; then
	if [ "$(id -u)" != 0 ]; then
		say "FAIL: pre-commit is missing; install it (apt-get install pre-commit, or pipx install pre-commit) or run as root"
		exit 2
	fi
	s=$EPOCHREALTIME
	say "== installing pre-commit with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	out=$(apt-get update -q 2>&1) || { say "$out"; say "FAIL: apt-get update"; exit 2; }
	out=$(apt-get install -y -q pre-commit 2>&1) || { say "$out"; say "FAIL: apt-get install -y pre-commit"; exit 2; }
	command -v pre-commit >/dev/null || { say "FAIL: pre-commit is still missing after apt-get install"; exit 2; }
	timed "apt-get update && apt-get install -y pre-commit" "$(since "$s")"
fi

# ---------------------------------------------------------------- environment
# Nothing but the module proxy: no direct VCS fetches.
export GOPROXY="${GOPROXY:-https://proxy.golang.org}"
# pre-commit's golang language runs go install with GOPATH set to the hook's
# environment, which moves the module cache there (and then deletes it) unless
# GOMODCACHE is set: keep the caller's module cache, so that a filled cache is
# used and nothing is fetched twice. GOCACHE does not depend on GOPATH.
GOMODCACHE="$(go env GOMODCACHE)" && export GOMODCACHE
export GOCACHE="${GOCACHE:-$(go env GOCACHE)}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spanattrlint-precommit.XXXXXX")
cleanup() {
	if [ "${KEEP:-}" = 1 ]; then
		say "kept $tmp"
	else
		# The module cache may have been written into the hook environments
		# read-only; make it removable.
		chmod -R u+w "$tmp" 2>/dev/null
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT

# Git as a fresh CI machine has it: no user or system configuration
# (hooksPath, signing, templates), an identity for the commits.
cat >"$tmp/gitconfig" <<'EOF'
[user]
	name = spanattrlint check
	email = check@example.com
[init]
	defaultBranch = main
[commit]
	gpgsign = false
[advice]
	detachedHead = false
[safe]
	directory = *
EOF
export GIT_CONFIG_GLOBAL="$tmp/gitconfig" GIT_CONFIG_NOSYSTEM=1

say "== checkout:    $root ($(git -C "$root" rev-parse --short HEAD))"
say "== pre-commit:  $(pre-commit --version) ($(command -v pre-commit))"
say "== go:          $(go version)"
say "== git:         $(git --version)"
say "== go env:      GOPROXY=$(go env GOPROXY) GOFLAGS=$(go env GOFLAGS) GOTOOLCHAIN=$(go env GOTOOLCHAIN)"
say "==              GOMODCACHE=$GOMODCACHE GOCACHE=$GOCACHE"
say "== PRE_COMMIT_HOME=${PRE_COMMIT_HOME:-(default, ~/.cache/pre-commit)}"
say "== work dir:    $tmp"

if [ ! -f "$root/.pre-commit-hooks.yaml" ]; then
	die "$root/.pre-commit-hooks.yaml is missing"
fi
if out=$(pre-commit validate-manifest "$root/.pre-commit-hooks.yaml" 2>&1); then
	pass "pre-commit validate-manifest .pre-commit-hooks.yaml"
else
	say "$out"
	fail "pre-commit validate-manifest .pre-commit-hooks.yaml"
fi

# ---------------------------------------------------------------- the module
# testmod/ is the module's fixed part: go.mod and go.sum as go mod tidy wrote
# them (pinned, so that go resolves nothing and only downloads what the module
# cache lacks) and internal/tracing, the package of constants. The files the
# steps change are written here.
testmod="$here/testmod"
for f in go.mod go.sum internal/tracing/tracing.go; do
	[ -f "$testmod/$f" ] || die "$testmod/$f is missing"
done
repo="$tmp/app"
mkdir -p "$repo" || die "mkdir $repo"
cp -R "$testmod/." "$repo/" || die "copying $testmod to $repo"
mkdir -p "$repo/internal/worker" "$repo/cmd/app" || die "mkdir in $repo"
cd "$repo" || die "cd $repo"

write_main() { # $1: extra attributes
	cat >cmd/app/main.go <<EOF
package main

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"

	"example.com/app/internal/tracing"
)

func main() {
	_, span := otel.Tracer("app").Start(context.Background(), "run")
	defer span.End()
	span.SetAttributes(attribute.Int(tracing.Step, 1)$1)
}
EOF
}
write_main ""
printf 'notes\n' >NOTES.txt

s=$EPOCHREALTIME
if out=$(go build ./... 2>&1); then
	pass "the test module builds (go.opentelemetry.io/otel v1.47.0)"
else
	say "$out"
	die "the test module does not build"
fi
if ! { git init -q && git add -A && git commit -q -m "app"; }; then
	die "git commit of the test module"
fi
timed "set up the test module (go build ./...)" "$(since "$s")"

# pc LABEL CMD...: run a pre-commit (or git) command in the test repository,
# show what it printed, and leave its exit status in rc and output in out.
pc() {
	local label=$1
	shift
	say ""
	say "== $label"
	say "\$ $*"
	local s=$EPOCHREALTIME
	out=$("$@" 2>&1)
	rc=$?
	local took
	took=$(since "$s")
	printf '%s\n' "$out" | sed 's/^/    | /'
	say "   (exit status $rc, ${took}s)"
	timed "$label" "$took"
}
has() { grep -qF -- "$1" <<<"$out"; }
file_has() { grep -qF -- "$2" "$1"; }

# ---------------------------------------------------------------- A: try-repo
say ""
say "=== A. pre-commit try-repo $root"

write_main ', attribute.String("event.type", "QUEUED")'
git add cmd/app/main.go

pc "A1 try-repo spanattrlint, a literal key staged (must fail)" \
	pre-commit try-repo "$root" spanattrlint --color=never
if [ "$rc" -ne 0 ] && has 'hard-coded attribute key "event.type": use tracing.EventType' && has 'Failed'; then
	pass "A1 spanattrlint fails on the staged literal and names tracing.EventType"
else
	fail "A1 spanattrlint: want a failure naming tracing.EventType (exit status $rc)"
fi

pc "A2 try-repo spanattrlint-fix (must fix the file and fail)" \
	pre-commit try-repo "$root" spanattrlint-fix --color=never
if [ "$rc" -ne 0 ] && has 'files were modified by this hook' &&
	file_has cmd/app/main.go 'attribute.String(tracing.EventType, "QUEUED")' &&
	! file_has cmd/app/main.go '"event.type"'; then
	pass "A2 spanattrlint-fix rewrote the literal to tracing.EventType and failed because it modified a file"
else
	fail "A2 spanattrlint-fix: want the file rewritten and 'files were modified by this hook' (exit status $rc)"
fi
fixed_builds A2

git add cmd/app/main.go
pc "A3 try-repo spanattrlint after the fix (must pass)" \
	pre-commit try-repo "$root" spanattrlint --color=never
if [ "$rc" -eq 0 ] && has 'Passed'; then
	pass "A3 spanattrlint passes on the fixed file"
else
	fail "A3 spanattrlint: want Passed (exit status $rc)"
fi

# ---------------------------------------------------------------- B: a user's config
say ""
say "=== B. .pre-commit-config.yaml, pre-commit install, git commit"

# pre-commit installs a repository at a rev. The checkout's HEAD is it, when
# the checkout has no uncommitted changes; otherwise, as try-repo does, test a
# snapshot of HEAD plus those changes, in a store of its own unless
# PRE_COMMIT_HOME is set (its path changes every run, so caching it is moot).
hookrepo=$root
if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then
	say "== $root has uncommitted changes: testing a snapshot of them"
	hookrepo="$tmp/snapshot"
	git clone -q "$root" "$hookrepo" || die "git clone $root"
	git -C "$root" diff HEAD --binary | git -C "$hookrepo" apply --index ||
		die "copying the uncommitted changes to the snapshot"
	git -C "$hookrepo" commit -q -m "uncommitted changes of $root" || die "snapshot commit"
	export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$tmp/pre-commit-home}"
fi
rev=$(git -C "$hookrepo" rev-parse HEAD)

cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hookrepo
    rev: $rev
    hooks:
      - id: spanattrlint-fix
        args: [-constants=example.com/app/internal/tracing]
      - id: spanattrlint
        args: [-constants=example.com/app/internal/tracing]
EOF
say "   .pre-commit-config.yaml:"
sed 's/^/    | /' .pre-commit-config.yaml
if out=$(pre-commit validate-config .pre-commit-config.yaml 2>&1) && out=$(pre-commit install 2>&1); then
	pass "B0 pre-commit validate-config and pre-commit install"
else
	say "$out"
	fail "B0 pre-commit validate-config or install"
fi

git add -A
pc "B1 git commit of clean code (must pass)" \
	git commit -m "use pre-commit"
if [ "$rc" -eq 0 ] && [ "$(grep -c 'Passed' <<<"$out")" -eq 2 ]; then
	pass "B1 both hooks pass and the commit is made"
else
	fail "B1 want both hooks Passed and the commit made (exit status $rc)"
fi

# worker does not import tracing: only -constants, passed as args, makes
# tracing's constants candidates there (without it: "no constant defines it").
cat >internal/worker/worker.go <<'EOF'
// Package worker runs jobs.
package worker

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// Queue records that a job was queued.
func Queue(span trace.Span, step int) {
	span.AddEvent("job.queued", trace.WithAttributes(attribute.Int("scheduler.step", step)))
}
EOF
git add internal/worker/worker.go

pc "B2 pre-commit run spanattrlint, literals staged (must fail)" \
	pre-commit run spanattrlint --color=never
if [ "$rc" -ne 0 ] && has 'hard-coded event name "job.queued": use tracing.Queued' &&
	has 'hard-coded attribute key "scheduler.step": use tracing.Step'; then
	pass "B2 spanattrlint with -constants fails and names tracing.Queued and tracing.Step"
else
	fail "B2 spanattrlint: want a failure naming tracing.Queued and tracing.Step (exit status $rc)"
fi

head_before=$(git rev-parse HEAD)
pc "B3 git commit of the literals (must be fixed and stopped)" \
	git commit -m "add worker"
if [ "$rc" -ne 0 ] && [ "$(git rev-parse HEAD)" = "$head_before" ] &&
	has 'files were modified by this hook' &&
	file_has internal/worker/worker.go 'span.AddEvent(tracing.Queued' &&
	file_has internal/worker/worker.go 'attribute.Int(tracing.Step, step)' &&
	file_has internal/worker/worker.go '"example.com/app/internal/tracing"'; then
	pass "B3 the commit is stopped and worker.go now uses tracing.Queued and tracing.Step"
else
	fail "B3 want the commit stopped and worker.go fixed (exit status $rc)"
fi
fixed_builds B3

git add -A
pc "B4 git commit of the fixed file (must pass)" \
	git commit -m "add worker"
if [ "$rc" -eq 0 ] && [ "$(git rev-parse HEAD)" != "$head_before" ] &&
	[ "$(grep -c 'Passed' <<<"$out")" -eq 2 ]; then
	pass "B4 both hooks pass and the commit is made"
else
	fail "B4 want both hooks Passed and the commit made (exit status $rc)"
fi

printf 'more notes\n' >>NOTES.txt
git add NOTES.txt
pc "B5 git commit of no Go file (hooks must be skipped)" \
	git commit -m "notes"
if [ "$rc" -eq 0 ] && [ "$(grep -c 'no files to check' <<<"$out")" -eq 2 ]; then
	pass "B5 both hooks are skipped when no .go, go.mod or go.work file is committed"
else
	fail "B5 want both hooks skipped (exit status $rc)"
fi

# ---------------------------------------------------------------- summary
say ""
say "== timings"
printf '   %s\n' "${timings[@]}"
printf '   %-62s %6ss\n' "total" "$(since "$t_start")"
say ""
say "precommit check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
