package analyzer

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
)

// Config holds the analyzer's options. The command fills it from flags,
// the golangci-lint plugin from settings; both call Validate before any
// package is analysed.
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
	// MigrateDeprecated makes the fix of a renamed deprecated key rewrite it
	// to the new key, which changes the telemetry dashboards read.
	MigrateDeprecated bool
	// KeyPrefixes are the namespaces the project's own keys must start with.
	KeyPrefixes []string
	// ForbiddenKeys are keys that must not be emitted.
	ForbiddenKeys []string
	// EventStyle is "" (any), "snake" (journey.queued) or "upper" (journey.QUEUED).
	EventStyle string

	// LeaveNolint leaves //nolint directives to the driver. golangci-lint
	// applies them itself, and its nolintlint reports a directive unused when
	// the analyzer has already dropped the finding it covers.
	LeaveNolint bool
}

// Validate reports a malformed option. Whether each -constants entry names
// a package is checked when the first package is analysed, since only then
// is the module known.
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
	for _, p := range c.KeyPrefixes {
		if p == "" || strings.ContainsAny(p, " \t\"") {
			return fmt.Errorf("-key-prefix: %q is not a key namespace (want e.g. app or app.journey)", p)
		}
	}
	return nil
}

// BindFlags registers the options as flags on fs, with the names and
// meanings of the command's flags; the golangci-lint plugin sets them from
// its settings.
func (c *Config) BindFlags(fs *flag.FlagSet) {
	fs.Var((*listFlag)(&c.Constants), "constants",
		"comma-separated import paths or patterns (example.com/app/tracing, example.com/app/...) of packages\n"+
			"whose exported string constants name attribute keys and event names; a fix imports them where needed\n"+
			"(default: none; the analysed package, the packages whose constants it already uses as keys,\n"+
			"and the attribute.Key constants of its imports are always candidates)")
	fs.BoolVar(&c.SpanNames, "span-names", c.SpanNames,
		"also report hard-coded span names passed to trace.Tracer.Start")
	fs.Var((*notFlag)(&c.NoDeprecated), "deprecated",
		"report keys that the semantic conventions deprecated (http.method, db.system), in literals,\n"+
			"constant declarations and old semconv constants (default true)")
	fs.BoolVar(&c.MigrateDeprecated, "migrate-deprecated", c.MigrateDeprecated,
		"let the fix of a renamed deprecated key rewrite it to the new key; this changes the\n"+
			"telemetry that dashboards and alerts read, so it is off by default")
	fs.Var((*notFlag)(&c.NoMisspelled), "misspelled",
		"report keys one or two edits away from a known key: \"did you mean ...?\" (default true)")
	fs.Var((*notFlag)(&c.NoNaming), "naming",
		"report keys that break OpenTelemetry's attribute naming rules: lowercase snake_case components\n"+
			"separated by dots, none empty, nothing in the reserved otel namespace (default true)")
	fs.Var((*listFlag)(&c.KeyPrefixes), "key-prefix",
		"comma-separated namespaces that the project's own keys must start with, e.g. app,journey\n"+
			"(default: none; semantic-convention keys are exempt)")
	fs.Var((*listFlag)(&c.ForbiddenKeys), "forbidden-keys",
		"comma-separated keys that must not be emitted, e.g. user.email (default: none)")
	fs.StringVar(&c.EventStyle, "event-style", c.EventStyle,
		"case style of event names: snake (journey.queued) or upper (journey.QUEUED) (default: any)")
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
// in the module that holds dir, so that a front end that starts before any
// package is analysed (the golangci-lint plugin) can fail at start-up.
func (c *Config) Check(dir string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if len(c.Constants) == 0 {
		return nil
	}
	_, err := newConstLoader(c.Constants, nil).packagesFor(dir)
	return err
}
