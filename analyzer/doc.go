// Package analyzer defines an Analyzer that reports OpenTelemetry attribute
// keys and span event names written as string literals, names the constant
// that already holds the same value, and rewrites the code to use it.
//
// # Analyzer spanattrlint
//
// spanattrlint: report hard-coded OpenTelemetry attribute keys and event names
//
// Attribute keys and event names written as literals drift: a typo or a
// renamed key silently breaks dashboards, and nobody can find every place a
// key is emitted. spanattrlint reports a constant string expression that is
// not simply a named constant ("k", `k`, "a"+".b", Prefix+".b") in these
// positions, recognised by type, so aliased imports, dot imports and wrapper
// types work and look-alike packages are left alone:
//
//   - the key argument of a go.opentelemetry.io/otel/attribute constructor
//     (String, Int, Int64, Float64, Bool, Stringer, the Slice variants,
//     ByteSlice, Slice, Map);
//   - the conversion attribute.Key("k");
//   - the Key field of an attribute.KeyValue composite literal;
//   - the name argument of AddEvent on trace.Span or any type implementing it;
//   - with -span-names, the name argument of Start on trace.Tracer or any
//     type implementing it.
//   - the event name of a log record: (*log.Record).SetEventName and the
//     EventName field of log.EnabledParameters (go.opentelemetry.io/otel/log);
//     with otel/log v0.20.0 or older, whose KeyValue is its own type, the key
//     argument of log.String, log.Int64, ... and the Key of a log.KeyValue;
//   - the key argument of the functions named by -key-funcs=FUNC:ARG (full
//     types.Func names, as the printf analyzer's -funcs; FUNC:ARG:event and
//     FUNC:ARG:span for an event or span name), and the argument of a
//     wrapper declared in the package: a function whose string parameter
//     reaches one of these positions unchanged (inferred without facts,
//     transitively within the package; the command and gen, which see every
//     package of the run, infer them across the packages, and
//     -print-key-funcs prints them for go vet and golangci-lint).
//
// Calls through method values and expressions (f := span.AddEvent;
// trace.Span.AddEvent(span, "x")) count as direct calls, and cgo packages are
// linted in the user's own files.
//
// A literal is matched by exact value against constants from, in order of
// preference: the package itself; the packages named by -constants; packages
// whose constants the package already uses as keys or event names; every
// attribute.Key constant of the packages it imports (a semantic-conventions
// package among them); and the embedded table of the newest
// go.opentelemetry.io/otel/semconv package that the module's own otel version
// ships, which is named in the message; in a package that imports no semconv
// version it is fixed with the import of the version the module already uses
// (-semconv-version, else the one most of the module's package directories
// import, else that newest one). Attribute.Key constants are offered for
// attribute keys only, never as event or span names.
//
// The suggested fix replaces the literal with the constant, reusing the
// file's import name, adding the import when it is missing (with a fresh name
// when the package name is taken or shadowed), and removing an import that
// the fix leaves unused. With an attribute.Key constant,
// attribute.String("k", v) becomes pkg.KKey.String(v), so the code emits the
// same key as before.
//
// The value is checked too, wherever it is written (a literal, a constant
// declaration, an old semconv constant): keys the semantic conventions
// deprecated (-deprecated, on), near misses of known keys (-misspelled, on),
// OpenTelemetry's naming rules (-naming, on), the project's namespaces
// (-key-prefix), forbidden keys (-forbidden-keys) and the case of event
// names (-event-style). These are not fixed: a new key changes telemetry
// (-migrate-deprecated lets the fix rename a deprecated key).
//
// Where a constant key is set with its value, the value is checked against
// the semantic conventions: its type (-value-types, on; a project key set
// with two types in one package too), a constant enum value that a semconv
// member variable names (-enum-members, on; fixed to the member where an
// imported semconv package defines it, or where the package imports none, as
// a key is), a near miss or deprecated member,
// and with -stability=LEVEL, keys, members and events below that level.
//
// With -registry=DIR, a team's OpenTelemetry Weaver registry (relative to
// the module root; its manifest's dependency on the semantic conventions
// is satisfied from the embedded tables, -registry-embedded for a missing
// local copy), every constant key and event name at any of the positions
// above, named constants included, and every constant metric name, is
// looked up in it: one that it and its dependencies do not declare is
// reported, the value checks judge the registry's own keys by its
// declarations (type, enum members, deprecation, stability), and the
// metric checks its own metrics (instrument, unit, deprecation, stability). A registry that cannot be read is one line,
// file.yaml:LINE:COL: what, before any package is analysed.
// Metric instruments are checked too: the name argument of every instrument
// constructor of go.opentelemetry.io/otel/metric.Meter and its
// implementations (Int64Counter ... Float64ObservableGauge), and the unit of
// the metric.WithUnit option among its options (in the call, or in an option
// variable or options slice assigned once in the function). A literal name
// that a constant of the package or of an imported semconv package holds is
// fixed to it; a semantic-convention metric created with another instrument
// or unit, a deprecated one (-deprecated; one below -stability), a unit that
// is not UCUM, a duration not in seconds, a unit in the name and names that
// break the naming rules are reported (docs/metrics.md).
//
// Each finding carries one of these categories (the diagnostic's Category,
// -json's "category"), listed with the options that govern its check:
//
//   - hard-coded: attribute keys, event names and span names written as literals (-span-names, -constants, -key-funcs)
//   - deprecated: keys and enum members the semantic conventions deprecated (-deprecated, -migrate-deprecated)
//   - misspelled: near misses of known keys (-misspelled)
//   - naming: keys that break OpenTelemetry's naming rules (-naming)
//   - key-prefix: the project's keys outside its namespaces (-key-prefix)
//   - forbidden-keys: keys that must not be emitted (-forbidden-keys)
//   - event-style: event names off the chosen case style (-event-style)
//   - value-type: a key set with a value of another type than the conventions', or with two types (-value-types)
//   - enum-member: constant enum values that a semconv member names, or one slip from a member (-enum-members)
//   - stability: semconv keys, enum members, events and metrics below a stability level (-stability)
//   - semconv-version: imports of a semconv version other than the module's (-semconv-version)
//   - schema-url: a resource given one version's schema URL and another's attributes, or Merge of two (-schema-url)
//   - undeclared: keys, event names and metric names that the team's Weaver registry does not declare (-registry, -registry-embedded)
//   - metric-name: metric instrument names written as literals where a constant holds the same value (-metric-names)
//   - metric-instrument: a semantic-convention metric created with another instrument kind (-metric-conventions)
//   - metric-unit: a semantic-convention metric given another unit, or none (-metric-conventions)
//   - metric-ucum: metric units that are not UCUM as the semantic conventions use it (-metric-ucum)
//   - metric-duration: durations recorded in a unit other than seconds (a note) (-metric-duration)
//   - metric-unit-in-name: metric names that carry their unit or _total (-metric-unit-in-name)
//   - metric-naming: metric names that break OpenTelemetry's naming rules (-metric-naming)
//   - metric-deprecated: metric names the semantic conventions deprecated (-deprecated, -migrate-deprecated)
//
// Not reported: named constants, keys built from non-constant parts,
// generated files, the semconv packages themselves, and lines carrying a
// //nolint or //nolint:spanattrlint comment.
//
// Run it as spanattrlint [flags] ./... (findings go to standard error; exit
// status 3 when it reports something, 1 on errors), with -fix to apply the
// fixes or -fix -diff to see them, or as go vet -vettool=$(which
// spanattrlint) [flags] ./... The constants that no package holds yet are
// written by spanattrlint gen -into=DIR ./... (spanattrlint gen -help).
package analyzer
