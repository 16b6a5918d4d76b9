package analyzer

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/check"
	"github.com/spanattrlint/spanattrlint/internal/naming"
	"github.com/spanattrlint/spanattrlint/internal/semconv"
	"github.com/spanattrlint/spanattrlint/internal/srcfs"
)

// Config holds the analyzer's options (see options). The command fills it
// from flags, the golangci-lint plugin from settings; every front end
// decides it with Resolve before any package is analysed.
type Config struct {
	// Constants lists import paths or patterns ("example.com/app/tracing",
	// "example.com/app/internal/...") of packages whose exported string
	// constants name keys and event names.
	Constants []string
	// SpanNames also reports hard-coded span names passed to Tracer.Start.
	SpanNames bool

	// Key hygiene. The zero Config checks deprecated keys, near misses and
	// the OpenTelemetry naming rules; the No fields turn them off.
	NoDeprecated bool // -deprecated=false
	NoMisspelled bool // -misspelled=false
	NoNaming     bool // -naming=false
	// MigrateDeprecated makes the fix of a renamed deprecated key (or a
	// registry's renamed metric) rewrite it to the new name, which changes
	// the telemetry dashboards read.
	MigrateDeprecated bool
	// KeyPrefixes are the namespaces the project's own keys must start with.
	KeyPrefixes []string
	// ForbiddenKeys are keys that must not be emitted.
	ForbiddenKeys []string
	// EventStyle is "" (any), "snake" (journey.queued) or "upper" (journey.QUEUED).
	EventStyle string
	// KeyFuncs names wrapper functions whose argument is an attribute key,
	// as FUNC:ARG: '(*github.com/grafana/dskit/spanlogger.SpanLogger).SetTag:0',
	// an event name, as FUNC:ARG:event, or a span name, as FUNC:ARG:span.
	KeyFuncs []string

	// Value checks (internal/check: valuetype.go, enum.go, stability.go).
	NoValueTypes  bool   // -value-types=false
	NoEnumMembers bool   // -enum-members=false
	Stability     string // -stability: "" (off) or the lowest level allowed
	// SemconvVersion is the one semconv package version ("v1.43.0") the
	// module uses: every import of another is reported, and the fix moves
	// it where the file's names mean the same there (internal/semconv).
	SemconvVersion string
	// NoSchemaURL turns off the schema URL check (internal/semconv/schemaurl.go).
	NoSchemaURL bool // -schema-url=false

	// Registry is the team's OpenTelemetry Weaver registry (a directory,
	// or its manifest), relative to the module root: keys and event names
	// it does not declare are reported (registry.go, internal/regcheck).
	Registry string
	// RegistryEmbedded names dependencies of the registry's manifest to
	// satisfy from the embedded semantic conventions (by registry_path or
	// schema_url as written, or "*" for every one on upstream).
	RegistryEmbedded []string
	// Metric instruments (internal/metrics), each check on by default.
	NoMetricNames       bool // -metric-names=false: literal names where a constant holds the value
	NoMetricConventions bool // -metric-conventions=false: instrument kind and unit of semconv metrics
	NoMetricUCUM        bool // -metric-ucum=false: units that are not UCUM
	NoMetricDuration    bool // -metric-duration=false: durations not in seconds
	NoMetricUnitInName  bool // -metric-unit-in-name=false: a unit or _total in the name
	NoMetricNaming      bool // -metric-naming=false: the naming rules for metric names

	// LeaveNolint leaves //nolint directives to the driver. golangci-lint
	// applies them itself, and its nolintlint reports a directive unused when
	// the analyzer has already dropped the finding it covers.
	LeaveNolint bool

	// BuildTags are the build tags the driver loads packages with (the
	// command's -tags), which select the files of a -constants package that
	// the analyzer reads from source; nil takes them from GOFLAGS, as go
	// vet passes the go command's environment to its tool.
	BuildTags []string

	coverage bool // the passes also return what they emit (Settings.WithCoverage)
}

// buildTags are the tags that select the files of the -constants
// packages read from source.
func (c *Config) buildTags() []string {
	if c.BuildTags != nil {
		return c.BuildTags
	}
	return srcfs.GoflagsTags(os.Getenv("GOFLAGS"))
}

// Validate reports a malformed option. Whether each -constants entry names
// a package is Resolve's to check, in a module.
func (c *Config) Validate() error {
	for _, p := range c.Constants {
		if p == "" || strings.ContainsAny(p, " \t\"") || strings.HasPrefix(p, ".") || strings.HasPrefix(p, "/") {
			return fmt.Errorf("-constants: %q is not an import path or pattern (want e.g. example.com/app/tracing or example.com/app/...)", p)
		}
	}
	switch c.EventStyle {
	case "", "snake", "upper":
	default:
		return fmt.Errorf("-event-style: %q is not a style (want snake, upper, or empty for any)", c.EventStyle)
	}
	if err := check.ValidStability(c.Stability); err != nil {
		return err
	}
	if _, err := parseKeyFuncs(c.KeyFuncs); err != nil {
		return err
	}
	if len(c.RegistryEmbedded) > 0 && c.Registry == "" {
		return errors.New("-registry-embedded: names dependencies of a registry, and no -registry is given")
	}
	if err := semconv.ValidVersion(c.SemconvVersion); err != nil {
		return err
	}
	for _, p := range c.KeyPrefixes {
		if err := validKeyPrefix(p); err != nil {
			return err
		}
	}
	for _, k := range c.ForbiddenKeys {
		if strings.ContainsAny(k, "*?[") {
			return fmt.Errorf("-forbidden-keys: %q is a pattern, and -forbidden-keys takes whole keys, as the code writes them (want e.g. user.email)", k)
		}
		if k == "" || strings.TrimSpace(k) != k || strings.ContainsAny(k, "\"\n") {
			return fmt.Errorf("-forbidden-keys: %q is not a key (want e.g. user.email)", k)
		}
	}
	return nil
}

// validKeyPrefix checks a -key-prefix namespace: one that a key following
// the naming rules (lowercase snake_case components separated by dots) can
// start with, or no key that the naming check accepts would ever be in it.
func validKeyPrefix(p string) error {
	ns := strings.TrimSuffix(p, ".")
	for c := range strings.SplitSeq(ns, ".") {
		if naming.SnakeCase(c, false) {
			continue
		}
		want := "app or app.journey"
		if s := naming.Normalize(ns); s != "" && s != ns {
			want = strconv.Quote(s)
		}
		return fmt.Errorf("-key-prefix: %q is not a key namespace: no key that follows the naming rules (lowercase snake_case components separated by dots) starts with it (want e.g. %s)", p, want)
	}
	return nil
}

// OptionKind is how an option is written: on the command line, and in the
// golangci-lint plugin's settings, which read it from here.
type OptionKind int

const (
	_ OptionKind = iota // every option declares its kind

	// KindBool is a boolean flag (-span-names, -span-names=false); a
	// setting of true or false.
	KindBool
	// KindNegatedBool is a KindBool whose Config field holds its negation
	// (NoDeprecated for -deprecated), so that the zero Config has the check
	// on.
	KindNegatedBool
	// KindList is a comma-separated list, which a repeated flag appends
	// to; a setting of a list of strings or one such string.
	KindList
	// KindString is one string, which Validate checks (-event-style).
	KindString
)

// An Option is one of the analyzer's options: a flag of the command and a
// setting of the plugin, with the same name and meaning.
type Option struct {
	Name  string
	Kind  OptionKind
	Usage string // the flag's help text
	field func(*Config) any
}

// options declares every option once: BindFlags, the -help text and the
// plugin's settings all derive from it. field returns the Config field
// that holds the option: a *bool for the boolean kinds, a *[]string for a
// list, a *string for a string.
var options = []Option{
	{"constants", KindList,
		"comma-separated import paths or patterns (example.com/app/tracing, example.com/app/...) of packages\n" +
			"whose exported string constants name attribute keys and event names; a fix imports them where needed\n" +
			"(default: none; the analysed package, the packages whose constants it already uses as keys,\n" +
			"and the attribute.Key constants of its imports are always candidates)",
		func(c *Config) any { return &c.Constants }},
	{"span-names", KindBool,
		"also report hard-coded span names passed to trace.Tracer.Start",
		func(c *Config) any { return &c.SpanNames }},
	{"deprecated", KindNegatedBool,
		"report keys that the semantic conventions deprecated (http.method, db.system), in literals,\n" +
			"constant declarations and old semconv constants, and deprecated metric names (default true)",
		func(c *Config) any { return &c.NoDeprecated }},
	{"migrate-deprecated", KindBool,
		"let the fix of a renamed deprecated key (or a -registry metric) rewrite it to the new name;\n" +
			"this changes the telemetry that dashboards and alerts read, so it is off by default",
		func(c *Config) any { return &c.MigrateDeprecated }},
	{"misspelled", KindNegatedBool,
		"report keys one or two edits away from a known key: \"did you mean ...?\" (default true)",
		func(c *Config) any { return &c.NoMisspelled }},
	{"naming", KindNegatedBool,
		"report keys that break OpenTelemetry's attribute naming rules: lowercase snake_case components\n" +
			"separated by dots, none empty, nothing in the reserved otel namespace (default true)",
		func(c *Config) any { return &c.NoNaming }},
	{"key-prefix", KindList,
		"comma-separated namespaces that the project's own keys must start with, e.g. app,journey\n" +
			"(default: none; semantic-convention keys are exempt)",
		func(c *Config) any { return &c.KeyPrefixes }},
	{"forbidden-keys", KindList,
		"comma-separated keys that must not be emitted, each whole (no patterns), e.g. user.email (default: none)",
		func(c *Config) any { return &c.ForbiddenKeys }},
	{"event-style", KindString,
		"case style of event names: snake (journey.queued) or upper (journey.QUEUED) (default: any)",
		func(c *Config) any { return &c.EventStyle }},
	{"value-types", KindNegatedBool,
		"report semantic-convention keys set with a value of another type (an int key with attribute.String),\n" +
			"and a project key set with two value types in one package (default true)",
		func(c *Config) any { return &c.NoValueTypes }},
	{"enum-members", KindNegatedBool,
		"report constant values of enum keys that a semconv member variable names (semconv.HTTPRequestMethodGet),\n" +
			"deprecated members, and values one slip from a member (default true)",
		func(c *Config) any { return &c.NoEnumMembers }},
	{"stability", KindString,
		"report semantic-convention keys, enum members, events and metrics below this stability level:\n" +
			"stable, release_candidate, beta, alpha or development (default: off)",
		func(c *Config) any { return &c.Stability }},
	{"key-funcs", KindList,
		"comma-separated FUNC:ARG entries: functions or methods, by full name as the printf analyzer's\n" +
			"-funcs names them, whose argument ARG (from 0, the receiver not counted) is an attribute key,\n" +
			"e.g. '(*github.com/grafana/dskit/spanlogger.SpanLogger).SetTag:0'; FUNC:ARG:event for an event\n" +
			"name, FUNC:ARG:span for a span name (reported even without -span-names) (default: none; wrappers\n" +
			"inside the analysed package are found without it, and the command finds those of the packages it\n" +
			"analyses: -print-key-funcs prints them for go vet and golangci-lint)",
		func(c *Config) any { return &c.KeyFuncs }},
	{"semconv-version", KindString,
		"the semconv package version the module uses, e.g. v1.43.0: report every import of another\n" +
			"version, and let the fix move it where the file's names mean the same in this one (default: none)",
		func(c *Config) any { return &c.SemconvVersion }},
	{"schema-url", KindNegatedBool,
		"report a resource given one semconv version's schema URL and another's attributes, and\n" +
			"resource.Merge of two versions' resources, which fails at run time (default true)",
		func(c *Config) any { return &c.NoSchemaURL }},
	{"registry", KindString,
		"the team's OpenTelemetry Weaver registry: a directory (or its manifest), relative to the module\n" +
			"root; report keys and event names that it and its dependencies do not declare (default: none)",
		func(c *Config) any { return &c.Registry }},
	{"registry-embedded", KindList,
		"comma-separated dependencies of the registry's manifest, by registry_path or schema_url as written\n" +
			"(or * for every one on the semantic conventions), to satisfy from spanattrlint's embedded\n" +
			"semantic conventions instead of from disk, e.g. '.deps/upstream-v1.37.0[model]' (default: none)",
		func(c *Config) any { return &c.RegistryEmbedded }},
	{"metric-names", KindNegatedBool,
		"report metric instrument names (meter.Int64Counter(\"x\"), ...) written as literals where a constant\n" +
			"of the package or of an imported semconv package holds the value, and fix them; name the semconv\n" +
			"constant or instrument type of the module's otel version otherwise (default true)",
		func(c *Config) any { return &c.NoMetricNames }},
	{"metric-conventions", KindNegatedBool,
		"report semantic-convention metrics created with another instrument kind, or given another unit or none\n" +
			"(metric.WithUnit) than the conventions' (default true)",
		func(c *Config) any { return &c.NoMetricConventions }},
	{"metric-ucum", KindNegatedBool,
		"report metric units that are not UCUM as the semantic conventions use it ({ms}, milliseconds, sec),\n" +
			"with the unit meant where it is clear (default true)",
		func(c *Config) any { return &c.NoMetricUCUM }},
	{"metric-duration", KindNegatedBool,
		"note durations (names ending in .duration or _duration, or a unit of time) recorded in a unit\n" +
			"other than s (default true)",
		func(c *Config) any { return &c.NoMetricDuration }},
	{"metric-unit-in-name", KindNegatedBool,
		"report metric names that end in a unit (_ms, .seconds, _bytes) or _total, which the exporter adds (default true)",
		func(c *Config) any { return &c.NoMetricUnitInName }},
	{"metric-naming", KindNegatedBool,
		"report metric names that break OpenTelemetry's naming rules, as for keys (default true)",
		func(c *Config) any { return &c.NoMetricNaming }},
}

// Options returns the analyzer's options, in the order they are declared.
func Options() []Option { return slices.Clone(options) }

// BindFlags registers the options as flags on fs, with the names and
// meanings of the command's flags; the golangci-lint plugin sets them from
// its settings.
func (c *Config) BindFlags(fs *flag.FlagSet) {
	for _, o := range options {
		switch p := o.field(c); o.Kind {
		case KindBool:
			fs.BoolVar(p.(*bool), o.Name, *p.(*bool), o.Usage)
		case KindNegatedBool:
			fs.Var((*notFlag)(p.(*bool)), o.Name, o.Usage)
		case KindList:
			fs.Var((*listFlag)(p.(*[]string)), o.Name, o.Usage)
		case KindString:
			fs.StringVar(p.(*string), o.Name, *p.(*string), o.Usage)
		default:
			panic(fmt.Sprintf("option -%s declares no kind", o.Name))
		}
	}
}

// notFlag is a boolean flag that sets the negation of its field, so that
// the zero Config has the check on.
type notFlag bool

func (f *notFlag) String() string {
	if f == nil {
		return "true"
	}
	return strconv.FormatBool(!bool(*f))
}

func (f *notFlag) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	*f = notFlag(!v)
	return nil
}

func (f *notFlag) IsBoolFlag() bool { return true }

// listFlag is a comma-separated list flag; repeating the flag appends.
// An empty value adds nothing, and a trailing comma is allowed; an empty
// entry (",,,", "a,,b", ",a") is a mistake, not a way to say nothing.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var add []string
	for _, p := range strings.Split(strings.TrimSuffix(s, ","), ",") {
		if p = strings.TrimSpace(p); p == "" {
			return fmt.Errorf("empty entry in the comma-separated list")
		}
		add = append(add, p)
	}
	*l = append(*l, add...)
	return nil
}

// Check validates the configuration and resolves each -constants pattern
// in the module that holds dir: Resolve, for a caller that needs only the
// error.
func (c *Config) Check(dir string) error {
	_, err := c.Resolve(dir)
	return err
}
