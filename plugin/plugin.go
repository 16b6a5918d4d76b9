// Package plugin makes spanattrlint a golangci-lint v2 module plugin.
//
// It is an adapter only: it hands golangci-lint the analyzer that the
// spanattrlint command runs, with the settings as the command's flags, and
// decides the configuration once at start-up with Config.Resolve (which
// also resolves the constants setting), as the command does before it
// analyses any package.
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
// The settings are the command's flags (spanattrlint -help), with the same
// names and meanings: the analyzer declares each option once, with its
// kind (analyzer.Options), and the plugin reads the settings by that kind,
// so a flag added to the command is a setting too. They are:
//
//   - constants: -constants, the import paths or patterns of the packages
//     whose exported constants name keys and event names, as a list of
//     strings or as one comma-separated string (the flag's own syntax). A
//     list is the flag repeated, so its entries are split at commas too.
//     Default: none.
//   - span-names: -span-names, true or false. Default: false.
//   - deprecated: -deprecated, report deprecated keys. Default: true.
//   - migrate-deprecated: -migrate-deprecated, let the fix of a renamed
//     deprecated key rewrite it to the new key. Default: false.
//   - misspelled: -misspelled, report near misses of known keys.
//     Default: true.
//   - naming: -naming, report keys that break the OpenTelemetry naming
//     rules. Default: true.
//   - key-prefix: -key-prefix, the namespaces the project's own keys must
//     start with, a list as for constants. Default: none.
//   - forbidden-keys: -forbidden-keys, keys that must not be emitted, a
//     list as for constants. Default: none.
//   - event-style: -event-style, snake or upper, or empty for any.
//     Default: any.
//   - value-types: -value-types, report keys set with a value of another
//     type than the conventions give them. Default: true.
//   - enum-members: -enum-members, name the semconv member of a constant
//     enum value, hint at near misses, report deprecated members.
//     Default: true.
//   - stability: -stability, report semantic-convention keys, members and
//     events below this level (stable, release_candidate, beta, alpha,
//     development), or empty for none. Default: none.
//   - key-funcs: -key-funcs, FUNC:ARG entries naming wrapper functions
//     whose argument ARG is an attribute key (FUNC:ARG:event: an event
//     name; FUNC:ARG:span: a span name), a list as for constants.
//     golangci-lint analyses one package at a time, so the wrappers of the
//     module's other packages are found only through it: paste what
//     spanattrlint -print-key-funcs ./... prints.
//     A package path that the module cannot provide stops golangci-lint
//     at start-up; a name that matches no function of a package the
//     analysed one imports fails that package's analysis. Default: none.
//   - semconv-version: -semconv-version, the one semconv package version
//     the module uses (v1.43.0); every import of another is reported and
//     moved where that keeps the telemetry. Default: none.
//   - schema-url: -schema-url, report a resource given one semconv
//     version's schema URL and another's attributes, and resource.Merge of
//     two versions' resources. Default: true.
//   - registry: -registry, the team's OpenTelemetry Weaver registry (a
//     directory or its manifest), relative to the module root: keys and
//     event names it does not declare are reported. It is read at
//     start-up, and a registry that cannot be read stops golangci-lint
//     with one line, "registry/shop.yaml:LINE:COL: what". Default: none.
//   - registry-embedded: -registry-embedded, dependencies of the
//     registry's manifest to satisfy from the embedded semantic
//     conventions, a list as for constants. Default: none.
//   - metric-names: -metric-names, report literal metric instrument names
//     that a constant holds, and fix them. Default: true.
//   - metric-conventions: -metric-conventions, report semantic-convention
//     metrics created with another instrument kind or unit. Default: true.
//   - metric-ucum: -metric-ucum, report metric units that are not UCUM.
//     Default: true.
//   - metric-duration: -metric-duration, note durations recorded in a unit
//     other than s. Default: true.
//   - metric-unit-in-name: -metric-unit-in-name, report metric names that
//     carry their unit or _total. Default: true.
//   - metric-naming: -metric-naming, report metric names that break the
//     naming rules. Default: true.
//
// //nolint directives are left to golangci-lint, which applies them itself.
//
// A boolean flag takes true or false, a list flag a list of strings or one
// string, any other flag a string (or a number, given as written). A key
// left out, or given no value (null), keeps the flag's default. Any other
// key, a value of the wrong type, a value the flag or the analyzer rejects
// (an event-style that is no style, a key-prefix that is no namespace), and
// a constants entry that names no package in the module that holds
// golangci-lint's working directory stop golangci-lint at start-up with a
// one-line error naming the key or the entry. The constants are resolved
// in that module once, at start-up, and in any other module whose packages
// golangci-lint analyses once, at its first package.
package plugin

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

func init() {
	register.Plugin(analyzer.Name, New)
}

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
	sets, err := decode(settings)
	if err != nil {
		return nil, err
	}
	cfg, err := configOf(sets)
	if err != nil {
		return nil, err
	}
	// Validate and resolve -constants now rather than at the first package.
	s, err := cfg.Resolve(dir)
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", analyzer.Name, err)
	}
	return &Plugin{settings: s}, nil
}

// Plugin is the registered golangci-lint linter.
type Plugin struct {
	settings *analyzer.Settings
}

var _ register.LinterPlugin = (*Plugin)(nil)

// BuildAnalyzers returns the command's analyzer with the settings applied.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzer.NewFromSettings(p.settings)}, nil
}

// GetLoadMode asks for syntax and type information: the analyzer finds
// attribute and event calls by type (in golangci-lint's syntax mode
// pass.Pkg is nil). It uses no facts, so golangci-lint need not analyse
// dependencies from source (its whole-program mode).
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// configOf applies the settings to the analyzer's flags, as the command
// applies its command line, and leaves //nolint to golangci-lint.
func configOf(sets []setting) (analyzer.Config, error) {
	var cfg analyzer.Config
	fs := flag.NewFlagSet(analyzer.Name, flag.ContinueOnError)
	cfg.BindFlags(fs)
	for _, s := range sets {
		for _, v := range s.values {
			if err := fs.Set(s.key, v); err != nil {
				return cfg, fmt.Errorf("%s settings: %q: %v", analyzer.Name, s.key, err)
			}
		}
	}
	cfg.LeaveNolint = true
	return cfg, nil
}

// A setting is a flag and the values to set it to, in order.
type setting struct {
	key    string
	values []string
}

type kind int

const (
	scalar kind = iota
	boolean
	list
)

// flags returns the analyzer's options by name, with the kinds of their
// settings.
func flags() map[string]kind {
	kinds := map[string]kind{}
	for _, o := range analyzer.Options() {
		kinds[o.Name] = kindOf(o.Kind)
	}
	return kinds
}

// kindOf is the kind of setting for an option's kind.
func kindOf(k analyzer.OptionKind) kind {
	switch k {
	case analyzer.KindBool, analyzer.KindNegatedBool:
		return boolean
	case analyzer.KindList:
		return list
	case analyzer.KindString:
		return scalar
	}
	panic(fmt.Sprintf("option kind %d has no kind of setting", k))
}

// decode reads the raw settings golangci-lint passes (the YAML mapping as
// map[string]any, or nil when there is none) strictly, key by key, so that
// every error names its key.
func decode(settings any) ([]setting, error) {
	data, err := json.Marshal(settings)
	if err != nil {
		return nil, fmt.Errorf("%s settings: %w", analyzer.Name, err)
	}
	kinds := flags()
	keys := make([]string, 0, len(kinds))
	for k := range kinds {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s settings: want a mapping with the keys %s, got %s",
			analyzer.Name, strings.Join(keys, ", "), describe(data))
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	var sets []setting
	for _, k := range names {
		var values []string
		var err error
		if kd, ok := kinds[k]; !ok {
			err = fmt.Errorf("unknown key (known keys: %s)", strings.Join(keys, ", "))
		} else {
			values, err = decodeValue(m[k], kd)
		}
		if err != nil {
			return nil, fmt.Errorf("%s settings: %q: %w", analyzer.Name, k, err)
		}
		if len(values) > 0 {
			sets = append(sets, setting{k, values})
		}
	}
	return sets, nil
}

// decodeValue turns a JSON value into the flag values it stands for.
func decodeValue(data json.RawMessage, kd kind) ([]string, error) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	if v == nil {
		return nil, nil // the default
	}
	switch kd {
	case boolean:
		if b, ok := v.(bool); ok {
			return []string{strconv.FormatBool(b)}, nil
		}
		return nil, fmt.Errorf("want true or false, got %s", describe(data))
	case list:
		switch v := v.(type) {
		case string:
			return []string{v}, nil
		case []any:
			var values []string
			for i, e := range v {
				s, ok := e.(string)
				if !ok {
					raw, _ := json.Marshal(e)
					return nil, fmt.Errorf("entry %d: want a string, got %s", i, describe(raw))
				}
				values = append(values, s)
			}
			return values, nil
		}
		return nil, fmt.Errorf("want a list of strings or one comma-separated string, got %s", describe(data))
	default:
		switch v := v.(type) {
		case string:
			return []string{v}, nil
		case float64:
			return []string{string(data)}, nil
		}
		return nil, fmt.Errorf("want a string, got %s", describe(data))
	}
}

// describe describes a JSON value for an error message.
func describe(data []byte) string {
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
