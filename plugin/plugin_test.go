package plugin

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// testdata is the module example.com/app, which requires the real otel from
// the module cache.
var testdata = filepath.Join("..", "testdata", "src")

const tracingPkg = "example.com/app/internal/tracing"

// flagValues returns the analyzer's flags as the command would print them.
func flagValues(a *analysis.Analyzer) map[string]string {
	m := map[string]string{}
	a.Flags.VisitAll(func(f *flag.Flag) { m[f.Name] = f.Value.String() })
	return m
}

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     map[string]string // flag values after decoding
		wantErr  string            // substring; every error names its key
	}{
		{name: "none", settings: nil, want: map[string]string{"constants": "", "span-names": "false"}},
		{name: "empty", settings: map[string]any{}, want: map[string]string{"constants": "", "span-names": "false"}},
		{
			name:     "list",
			settings: map[string]any{"constants": []any{tracingPkg, "example.com/app/cycleconsts"}, "span-names": true},
			want:     map[string]string{"constants": tracingPkg + ",example.com/app/cycleconsts", "span-names": "true"},
		},
		{
			name:     "comma-separated string, as the flag",
			settings: map[string]any{"constants": tracingPkg + ", example.com/app/internal/...,"},
			want:     map[string]string{"constants": tracingPkg + ",example.com/app/internal/..."},
		},
		{
			name:     "list entries split at commas, as repeated flags",
			settings: map[string]any{"constants": []any{"a,b", " c "}},
			want:     map[string]string{"constants": "a,b,c"},
		},
		{
			name:     "span-names false",
			settings: map[string]any{"span-names": false},
			want:     map[string]string{"span-names": "false"},
		},
		{
			name:     "schema-url off",
			settings: map[string]any{"schema-url": false},
			want:     map[string]string{"schema-url": "false", "span-names": "false"},
		},
		{
			name:     "null values keep the defaults",
			settings: map[string]any{"constants": nil, "span-names": nil},
			want:     map[string]string{"constants": "", "span-names": "false"},
		},
		{
			name:     "unknown key",
			settings: map[string]any{"constants": []any{tracingPkg}, "span_names": true},
			wantErr:  `spanattrlint settings: "span_names": unknown key (known keys: constants, `,
		},
		{
			name:     "span-names not a boolean",
			settings: map[string]any{"span-names": "yes"},
			wantErr:  `spanattrlint settings: "span-names": want true or false, got the string "yes"`,
		},
		{
			name:     "constants not a list",
			settings: map[string]any{"constants": 3},
			wantErr:  `spanattrlint settings: "constants": want a list of strings or one comma-separated string, got the number 3`,
		},
		{
			name:     "constants entry not a string",
			settings: map[string]any{"constants": []any{tracingPkg, map[string]any{"path": "x"}}},
			wantErr:  `spanattrlint settings: "constants": entry 1: want a string, got a mapping`,
		},
		{
			name:     "settings not a mapping",
			settings: []any{"constants"},
			wantErr:  `spanattrlint settings: want a mapping with the keys constants, `,
		},
		{
			name:     "not encodable",
			settings: map[string]any{"constants": func() {}},
			wantErr:  `spanattrlint settings: json: unsupported type`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sets, err := decode(tc.settings)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := configOf(sets)
			if err != nil {
				t.Fatal(err)
			}
			if !cfg.LeaveNolint {
				t.Error("the plugin must leave //nolint to golangci-lint")
			}
			a := analyzer.New(cfg)
			got := flagValues(a)
			for k, want := range tc.want {
				if got[k] != want {
					t.Errorf("-%s is %q, want %q", k, got[k], want)
				}
			}
		})
	}
}

// TestEveryFlagIsASetting sets every flag of the command to its default
// through the settings, so a flag added to the analyzer is a setting with
// a kind the plugin reads.
func TestEveryFlagIsASetting(t *testing.T) {
	kinds := flags()
	if kinds["constants"] != list || kinds["span-names"] != boolean {
		t.Fatalf("kinds %v: constants must be a list flag, span-names a boolean", kinds)
	}
	settings := map[string]any{}
	analyzer.New(analyzer.Config{}).Flags.VisitAll(func(f *flag.Flag) {
		switch kinds[f.Name] {
		case boolean:
			b, err := strconv.ParseBool(f.DefValue)
			if err != nil {
				t.Errorf("-%s: default %q: %v", f.Name, f.DefValue, err)
			}
			settings[f.Name] = b
		case list:
			settings[f.Name] = []any{}
		default:
			settings[f.Name] = f.DefValue
		}
	})
	p, err := newPlugin(settings, testdata)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	def := flagValues(analyzer.New(analyzer.Config{}))
	for k, v := range flagValues(as[0]) {
		if v != def[k] {
			t.Errorf("-%s is %q after setting it to its default, want %q", k, v, def[k])
		}
	}
}

func TestNew(t *testing.T) {
	t.Chdir(testdata) // golangci-lint runs in the module root
	for _, tc := range []struct {
		name     string
		settings any
		wantErr  string
	}{
		{"no settings", nil, ""},
		{"good", map[string]any{"constants": []any{tracingPkg}, "span-names": true}, ""},
		{"pattern", map[string]any{"constants": "example.com/app/internal/..."}, ""},
		{"schema-url off", map[string]any{"schema-url": false}, ""},
		{"registry", map[string]any{"registry": "telemetry/v1"}, ""},
		{"registry v2 with upstream embedded", map[string]any{"registry": "telemetry/v2", "registry-embedded": "*"}, ""},
		{
			"registry that cannot be read",
			map[string]any{"registry": "telemetry/bad"},
			`spanattrlint settings: telemetry/bad/model/shop.yaml:18:14: ref "shop.order.idd" names no attribute of the registry or its dependencies`,
		},
		{"no registry", map[string]any{"registry": "telemetry/none"}, `spanattrlint settings: telemetry/none: cannot read the registry: no such file or directory`},
		{"registry-embedded without registry", map[string]any{"registry-embedded": "*"}, `spanattrlint settings: -registry-embedded: names dependencies of a registry, and no -registry is given`},
		{
			"pattern naming no package",
			map[string]any{"constants": []any{tracingPkg, "example.com/app/nosuch"}},
			`spanattrlint settings: -constants: no package matches "example.com/app/nosuch"`,
		},
		{
			"not an import path",
			map[string]any{"constants": []any{"./internal/tracing"}},
			`spanattrlint settings: -constants: "./internal/tracing" is not an import path or pattern`,
		},
		{"forbidden pattern", map[string]any{"forbidden-keys": []any{"order.*"}}, `spanattrlint settings: -forbidden-keys: "order.*" is a pattern`},
		{"empty namespace", map[string]any{"key-prefix": "."}, `spanattrlint settings: -key-prefix: "." is not a key namespace`},
		{"semconv version without v", map[string]any{"semconv-version": "1.26"}, `spanattrlint settings: -semconv-version: "1.26" is not a semconv package version: did you mean v1.26.0?`},
		{"unknown key", map[string]any{"constant": tracingPkg}, `"constant": unknown key`},
		{"wrong type", map[string]any{"span-names": 1}, `"span-names": want true or false, got the number 1`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.settings)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("error is not one line: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.GetLoadMode() != register.LoadModeTypesInfo {
				t.Errorf("load mode %q", p.GetLoadMode())
			}
		})
	}
}

func TestRegistered(t *testing.T) {
	t.Chdir(testdata)
	newPlugin, err := register.GetPlugin("spanattrlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"constants": []any{tracingPkg}, "span-names": true})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if got := flagValues(as[0]); got["constants"] != tracingPkg || got["span-names"] != "true" {
		t.Errorf("flags %v, want -constants=%s -span-names", got, tracingPkg)
	}
}

func TestBuildAnalyzers(t *testing.T) {
	p, err := newPlugin(map[string]any{"span-names": true}, testdata)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != analyzer.Name {
		t.Fatalf("analyzers %v, want the one named %s", as, analyzer.Name)
	}
	a := as[0]
	if a.Doc != analyzer.Analyzer.Doc || a.URL != analyzer.Analyzer.URL {
		t.Errorf("analyzer differs from the command's")
	}
	if a.Flags.Lookup("span-names").Value.String() != "true" {
		t.Errorf("span-names not passed on: flags say %s", a.Flags.Lookup("span-names").Value)
	}
	// Each call builds a fresh analyzer, with its own flags.
	if as2, _ := p.BuildAnalyzers(); as2[0] == a {
		t.Errorf("BuildAnalyzers returned the same analyzer twice")
	}
	// LoadModeTypesInfo is enough: neither the analyzer nor anything it
	// requires uses facts, which only golangci-lint's whole-program mode
	// computes for dependencies.
	var walk func(*analysis.Analyzer)
	walk = func(a *analysis.Analyzer) {
		if len(a.FactTypes) > 0 {
			t.Errorf("%s uses facts: LoadModeTypesInfo is not enough", a.Name)
		}
		for _, r := range a.Requires {
			walk(r)
		}
	}
	walk(a)
}

// Every option of the analyzer has the kind of setting that its declared
// kind says, read from the declaration (a new option without one fails
// here), and the package doc lists it.
func TestEveryOptionHasAKindOfSetting(t *testing.T) {
	src, err := os.ReadFile("plugin.go")
	if err != nil {
		t.Fatal(err)
	}
	want := map[analyzer.OptionKind]kind{
		analyzer.KindBool:        boolean,
		analyzer.KindNegatedBool: boolean,
		analyzer.KindList:        list,
		analyzer.KindString:      scalar,
	}
	kinds := flags()
	for _, o := range analyzer.Options() {
		k, ok := want[o.Kind]
		if !ok {
			t.Errorf("-%s: kind %d is none the plugin knows", o.Name, o.Kind)
			continue
		}
		if kinds[o.Name] != k {
			t.Errorf("-%s: setting kind %d, want %d", o.Name, kinds[o.Name], k)
		}
		if !strings.Contains(string(src), "\n//   - "+o.Name+": -"+o.Name+",") {
			t.Errorf("the package doc does not list the setting %s", o.Name)
		}
	}
	if len(kinds) != len(analyzer.Options()) {
		t.Errorf("%d settings for %d options", len(kinds), len(analyzer.Options()))
	}
}
