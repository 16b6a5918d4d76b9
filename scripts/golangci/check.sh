#!/usr/bin/env bash
# check.sh proves the golangci-lint module plugin end to end, offline: it
# builds golangci-lint with the plugin (build.sh, cached), then on copies of
# the testdata module (testdata/src, module example.com/app, which requires
# the real go.opentelemetry.io/otel) checks that
#
#   a. "golangci-lint run" reports the same findings (path:line:col, message,
#      whether a fix is offered) as the spanattrlint command run with the
#      same options;
#   b. //nolint directives suppress: in nolint/, findings are exactly on the
#      lines that carry a "// want" comment; generated/ has none;
#   c. "golangci-lint run --fix" leaves code that builds and vets, that is
#      byte for byte what "spanattrlint -fix" leaves, and on which a second
#      run reports no finding that carries a fix;
#   d. a constants entry naming no package, an unknown key, a wrongly
#      typed value and a registry that cannot be read stop golangci-lint at
#      start-up, and a value the analyzer rejects when it runs stops it
#      then, each with a non-zero exit and a clear message;
#   f. with the registry setting, golangci-lint reports what the command
#      reports with -registry.
#
# Any difference fails the script (exit 1) with a diff. Environment: see
# build.sh (SPANATTRLINT_GOLANGCI_CACHE, GOLANGCI_LINT_VERSION);
# SPANATTRLINT_GOLANGCI_KEEP=1 keeps the work dir.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache=${SPANATTRLINT_GOLANGCI_CACHE:-$root/.cache/golangci}
constants=example.com/app/internal/tracing

say() { echo "check.sh: $*" >&2; }
die() { echo "check.sh: FAIL: $*" >&2; exit 1; }

gcl=$("$root/scripts/golangci/build.sh")
(cd "$root" && GOWORK=off go build -o "$cache/bin/spanattrlint" ./cmd/spanattrlint)
(cd "$root/scripts/golangci" && GOWORK=off go build -o "$cache/bin/findings" findings.go)
sal=$cache/bin/spanattrlint
findings=$cache/bin/findings

work=$(mktemp -d "${TMPDIR:-/tmp}/spanattrlint-golangci.XXXXXX")
if [[ ${SPANATTRLINT_GOLANGCI_KEEP:-} == 1 ]]; then
	say "work dir: $work"
else
	trap 'rm -rf "$work"' EXIT
fi
app=$work/app
mkdir -p "$app"
cp -R "$root/testdata/src/." "$app/"
find "$app" -name '*.golden' -delete
# Findings under //line directives have no one position both front ends
# report: the command reports the directive's file and line (as go vet
# does, without a column when the directive gives none); golangci-lint
# drops a finding whose directive names a file that is not .go, and maps
# one back to the file itself when the directive precedes the package
# clause. The analyzer tests cover those packages
# (analyzer/robustness_lines_test.go); they are left out here.
rm -rf "$app"/linedirective*

# The module's dependencies come from the module cache (filled from the
# proxy when missing); after that everything runs offline. golangci-lint
# gets a fresh result cache so that no result of an older plugin is reused.
(cd "$app" && GOWORK=off GOFLAGS=-mod=mod go mod download)
export GOWORK=off GOFLAGS=-mod=mod GOPROXY=off GOLANGCI_LINT_CACHE=$work/golangci-cache

# write_config DIR SETTINGS... writes DIR/.golangci.yml with the plugin's
# settings lines (indented under settings:).
write_config() {
	local dir=$1
	shift
	{
		cat <<'YML'
version: "2"
linters:
  default: none
  enable:
    - spanattrlint
  settings:
    custom:
      spanattrlint:
        type: module
        description: hard-coded OpenTelemetry attribute keys and event names
        settings:
YML
		for s in "$@"; do echo "          $s"; done
		cat <<'YML'
  # Generated files: golangci-lint's default (lax) also hides files that
  # only look generated; the analyzer skips files with the standard header.
issues:
  # Show every finding: no per-linter or same-text limits, none hidden for
  # sharing a line with another.
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
YML
	} >"$dir/.golangci.yml"
}
# golangci-lint sees one package at a time: the wrappers the command finds
# across the module's packages reach it as the command prints them
# (-print-key-funcs), the round trip docs/wrappers.md shows.
keyfuncs=$(cd "$app" && "$sal" -constants="$constants" -span-names -print-key-funcs ./...) ||
	die "spanattrlint -print-key-funcs in $app exited $?"
kf=
if [[ -n $keyfuncs ]]; then
	IFS=, read -ra entries <<<"$keyfuncs"
	for e in "${entries[@]}"; do kf+="${kf:+, }'$e'"; done
fi
good=("constants: [$constants]" "span-names: true" "key-funcs: [$kf]")
write_config "$app" "${good[@]}"

# gcl_json DIR OUT [ARGS...]: golangci-lint run with a JSON report in OUT;
# exit 0 (no issues) or 1 (issues) only.
gcl_json() {
	local dir=$1 out=$2 rc=0
	shift 2
	(cd "$dir" && "$gcl" run --output.json.path="$out" --output.text.path=stderr \
		--output.text.print-issued-lines=false --show-stats=false "$@" ./...) \
		2>"$out.log" || rc=$?
	if [[ $rc -gt 1 ]]; then
		cat "$out.log" >&2
		die "golangci-lint run $* in $dir exited $rc"
	fi
}
# sal_json DIR OUT [ARGS...]: the command with the same options.
sal_json() {
	local dir=$1 out=$2
	shift 2
	(cd "$dir" && "$sal" -json -constants="$constants" -span-names "$@" ./...) >"$out" ||
		die "spanattrlint -json in $dir exited $?"
}
# same A B WHAT: fail with a diff unless files A and B are equal.
same() {
	if ! diff -u "$1" "$2" >"$work/diff" 2>&1; then
		cat "$work/diff" >&2
		die "$3"
	fi
}

# The copy must build before anything else: a broken copy would make
# both front ends agree on nothing.
(cd "$app" && go build ./...) || die "the testdata module does not build"

# a. Same findings.
sal_json "$app" "$work/sal.json"
"$findings" -base "$app" <"$work/sal.json" >"$work/sal.txt"
gcl_json "$app" "$work/gcl.json"
"$findings" -base "$app" <"$work/gcl.json" >"$work/gcl.txt"
n=$(wc -l <"$work/sal.txt")
nfix=$(grep -c ' \[fix\]$' "$work/sal.txt" || true)
[[ $n -ge 10 ]] || die "the command found only $n findings in the testdata module: the cases are not being analysed"
same "$work/sal.txt" "$work/gcl.txt" "golangci-lint and spanattrlint disagree (- command, + golangci-lint)"
say "a. same findings: $n ($nfix with a fix) from both spanattrlint and golangci-lint"

# b. //nolint: in nolint/nolint.go findings sit exactly on the "// want"
# lines; the lines with a directive for spanattrlint have none. generated/
# has none.
grep -n '// want' "$app/nolint/nolint.go" | cut -d: -f1 | sort -n >"$work/nolint.want"
grep '^nolint/nolint.go:' "$work/gcl.txt" | cut -d: -f2 | sort -n >"$work/nolint.got"
[[ -s $work/nolint.want ]] || die "nolint/nolint.go has no // want line"
same "$work/nolint.want" "$work/nolint.got" "golangci-lint: findings in nolint/nolint.go are not on exactly the // want lines"
ndirectives=$(grep -cE '(^[[:space:]]*|[^[:alnum:][:space:]][[:space:]]*)//nolint' "$app/nolint/nolint.go")
! grep -q '^generated/' "$work/gcl.txt" || die "golangci-lint reports findings in generated/"
say "b. //nolint: $(wc -l <"$work/nolint.got") findings in nolint/ (on the // want lines), none under its $ndirectives directives; none in generated/"

# c. --fix: golangci-lint and the command leave the same code, which builds
# and vets; what remains carries no fix.
cp -R "$app" "$work/fix-gcl"
cp -R "$app" "$work/fix-sal"
gcl_json "$work/fix-gcl" "$work/fix.json" --fix
(cd "$work/fix-sal" && "$sal" -fix -constants="$constants" -span-names ./... >/dev/null 2>&1) || true
if ! diff -r "$work/fix-sal" "$work/fix-gcl" >"$work/diff" 2>&1; then
	cat "$work/diff" >&2
	die "golangci-lint --fix and spanattrlint -fix leave different code (< command, > golangci-lint)"
fi
nchanged=$( (diff -rq "$app" "$work/fix-gcl" || true) | wc -l)
[[ $nchanged -gt 0 ]] || die "golangci-lint --fix changed no file"
(cd "$work/fix-gcl" && go build ./... && go vet -composites=false ./...) ||
	die "the code golangci-lint --fix left does not build or vet"
gcl_json "$work/fix-gcl" "$work/after.json"
"$findings" -base "$work/fix-gcl" <"$work/after.json" >"$work/after.txt"
! grep ' \[fix\]$' "$work/after.txt" || die "findings with a fix remain after golangci-lint --fix"
nleft=$(wc -l <"$work/after.txt")
say "c. --fix: $nchanged files changed, same as spanattrlint -fix; builds and vets; $nleft findings remain, none with a fix"

# d. Bad settings stop golangci-lint at start-up with a clear message.
bad() { # bad WANT SETTINGS...
	local want=$1 rc=0
	shift
	rm -rf "$work/bad"
	cp -R "$app" "$work/bad"
	write_config "$work/bad" "$@"
	(cd "$work/bad" && "$gcl" run ./...) >"$work/bad.out" 2>&1 || rc=$?
	if [[ $rc -eq 0 || $rc -eq 1 ]] || ! grep -qF -- "$want" "$work/bad.out"; then
		cat "$work/bad.out" >&2
		die "settings [$*]: golangci-lint exited $rc, want a failure saying: $want"
	fi
	say "d. settings [$*]: exit $rc: $(grep -m1 -F -- "$want" "$work/bad.out")"
}
bad 'spanattrlint settings: -constants: no package matches "example.com/app/nosuch"' \
	'constants: [example.com/app/nosuch]' 'span-names: true'
bad 'spanattrlint settings: "span_names": unknown key (known keys: constants, ' \
	"constants: [$constants]" 'span_names: true'
bad 'spanattrlint settings: "span-names": want true or false, got the string "yes"' \
	'span-names: "yes"'
bad 'spanattrlint settings: -event-style: "camel" is not a style' 'event-style: camel'
# A registry that cannot be read: its one line, at start-up.
bad 'spanattrlint settings: telemetry/bad/model/shop.yaml:18:14: ref "shop.order.idd" names no attribute of the registry or its dependencies' \
	'registry: telemetry/bad'

# e. The plugin leaves //nolint to golangci-lint, so nolintlint (if a
# project enables it) sees every directive used.
cp -R "$app" "$work/nolintlint"
sed -i 's/^    - spanattrlint$/    - spanattrlint\n    - nolintlint/' "$work/nolintlint/.golangci.yml"
gcl_json "$work/nolintlint" "$work/nolintlint.json"
nunused=$("$findings" -base "$work/nolintlint" <"$work/nolintlint.json" | grep -c '^nolint/.*nolintlint: .*unused' || true)
[[ $nunused -eq 0 ]] || die "with nolintlint enabled, $nunused of the $ndirectives //nolint directives in nolint/ are reported unused"
say "e. nolintlint: none of the $ndirectives //nolint directives in nolint/ is reported unused"

# f. -registry: the same findings as the command with -registry (and the
# value checks' -stability), the undeclared keys among them.
cp -R "$app" "$work/registry"
write_config "$work/registry" "${good[@]}" "registry: telemetry/v1" "stability: stable"
sal_json "$work/registry" "$work/reg-sal.json" -registry=telemetry/v1 -stability=stable
"$findings" -base "$work/registry" <"$work/reg-sal.json" >"$work/reg-sal.txt"
gcl_json "$work/registry" "$work/reg-gcl.json"
"$findings" -base "$work/registry" <"$work/reg-gcl.json" >"$work/reg-gcl.txt"
nundeclared=$(grep -c 'is not declared in the registry' "$work/reg-sal.txt" || true)
[[ $nundeclared -ge 5 ]] || die "with -registry the command found only $nundeclared undeclared keys and events"
same "$work/reg-sal.txt" "$work/reg-gcl.txt" "with -registry, golangci-lint and spanattrlint disagree (- command, + golangci-lint)"
say "f. -registry: same findings from both, $nundeclared of them undeclared keys and events"

say "PASS: golangci-lint $("$gcl" version --short 2>/dev/null || echo '?') with the spanattrlint plugin agrees with the command"
