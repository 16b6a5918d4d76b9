package analyzer

import (
	"flag"
	"fmt"
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
	return nil
}

func (c *Config) bindFlags(fs *flag.FlagSet) {
	fs.Var((*listFlag)(&c.Constants), "constants",
		"comma-separated import paths or patterns (example.com/app/tracing, example.com/app/...) of packages\n"+
			"whose exported string constants name attribute keys and event names; a fix imports them where needed\n"+
			"(default: none; the analysed package, the packages whose constants it already uses as keys,\n"+
			"and the attribute.Key constants of its imports are always candidates)")
	fs.BoolVar(&c.SpanNames, "span-names", c.SpanNames,
		"also report hard-coded span names passed to trace.Tracer.Start")
}

// listFlag is a comma-separated list flag; repeating the flag appends.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
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
	_, err := newConstLoader(c.Constants).packagesFor(dir)
	return err
}
