// Package plugin makes spanattrlint a golangci-lint v2 module plugin.
//
// It is an adapter only: it decodes the linter's settings into an
// analyzer.Config, checks them once at start-up with Config.Check, and hands
// golangci-lint the same analyzer that the spanattrlint command runs.
//
// Build a golangci-lint that contains it with "golangci-lint custom" and a
// .custom-gcl.yml such as
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/spanattrlint/spanattrlint
//	    import: github.com/spanattrlint/spanattrlint/plugin
//	    version: v0.1.0 # or path: /path/to/a/checkout
//
// and enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable:
//	    - spanattrlint
//	  settings:
//	    custom:
//	      spanattrlint:
//	        type: module
//	        description: hard-coded OpenTelemetry attribute keys and event names
//	        settings:
//	          constants: [example.com/app/internal/tracing] # default: none
//	          span-names: false                             # default: false
//
// The settings are the command's flags, with the same names and meanings:
//
//   - constants: the -constants import paths or patterns, as a list of
//     strings or as one comma-separated string (the flag's own syntax); every
//     entry is split at commas, as repeated -constants flags are. Default:
//     none.
//   - span-names: -span-names, a boolean. Default: false.
//
// A key left out, or given no value (null), takes its default. Any other
// key, a value of the wrong type, and a constants entry that names no
// package in the module that holds golangci-lint's working directory stop
// golangci-lint at start-up with an error naming the key or the entry.
package plugin

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

func init() {
	register.Plugin(analyzer.Name, New)
}

// Setting keys: the command's flag names.
const (
	keyConstants = "constants"
	keySpanNames = "span-names"
)

var keys = []string{keyConstants, keySpanNames}

// New decodes the settings from .golangci.yml and checks them in the module
// that holds the working directory, where golangci-lint runs.
func New(settings any) (register.LinterPlugin, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", analyzer.Name, err)
	}
	return newPlugin(settings, dir)
}

func newPlugin(settings any, dir string) (*Plugin, error) {
	cfg, err := decode(settings)
	if err != nil {
		return nil, err
	}
	if err := cfg.Check(dir); err != nil {
		return nil, fmt.Errorf("%s settings: %w", analyzer.Name, err)
	}
	return &Plugin{cfg: cfg}, nil
}

// Plugin is the registered golangci-lint linter.
type Plugin struct {
	cfg analyzer.Config
}

var _ register.LinterPlugin = (*Plugin)(nil)

// Config returns the configuration decoded from the settings.
func (p *Plugin) Config() analyzer.Config { return p.cfg }

// BuildAnalyzers returns the command's analyzer with the decoded settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzer.New(p.cfg)}, nil
}

// GetLoadMode asks for syntax and type information: the analyzer finds
// attribute and event calls by type. It uses no facts, so golangci-lint
// need not analyse dependencies from source (its "whole program" mode).
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// decode reads the raw settings golangci-lint passes (the YAML mapping as
// map[string]any, or nil when there is none) strictly: through JSON, key by
// key, so that every error names its key.
func decode(settings any) (analyzer.Config, error) {
	var cfg analyzer.Config
	data, err := json.Marshal(settings)
	if err != nil {
		return cfg, fmt.Errorf("%s settings: %w", analyzer.Name, err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return cfg, fmt.Errorf("%s settings: want a mapping with the keys %s, got %s",
			analyzer.Name, strings.Join(keys, ", "), kind(data))
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		v := m[k]
		switch k {
		case keyConstants:
			cfg.Constants, err = decodeConstants(v)
		case keySpanNames:
			err = decodeBool(v, &cfg.SpanNames)
		default:
			err = fmt.Errorf("unknown key (known keys: %s)", strings.Join(keys, ", "))
		}
		if err != nil {
			return cfg, fmt.Errorf("%s settings: %q: %w", analyzer.Name, k, err)
		}
	}
	return cfg, nil
}

func decodeBool(data json.RawMessage, b *bool) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case nil:
	case bool:
		*b = v
	default:
		return fmt.Errorf("want true or false, got %s", kind(data))
	}
	return nil
}

// decodeConstants accepts a list of strings or one string; each entry is
// split at commas as the -constants flag splits its value.
func decodeConstants(data json.RawMessage) ([]string, error) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	var entries []string
	switch v := v.(type) {
	case nil:
	case string:
		entries = []string{v}
	case []any:
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				raw, _ := json.Marshal(e)
				return nil, fmt.Errorf("entry %d: want an import path or pattern (a string), got %s", i, kind(raw))
			}
			entries = append(entries, s)
		}
	default:
		return nil, fmt.Errorf("want a list of import paths or patterns, or one comma-separated string, got %s", kind(data))
	}
	var out []string
	for _, e := range entries {
		for _, p := range strings.Split(e, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// kind describes a JSON value for an error message.
func kind(data []byte) string {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return "an unreadable value"
	}
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return fmt.Sprintf("the boolean %s", data)
	case float64:
		return fmt.Sprintf("the number %s", data)
	case string:
		return fmt.Sprintf("the string %s", data)
	case []any:
		return "a list"
	default:
		return "a mapping"
	}
}
