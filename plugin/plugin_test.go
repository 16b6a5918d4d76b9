package plugin

import (
	"path/filepath"
	"reflect"
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

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     analyzer.Config
		wantErr  string // substring; every error names its key
	}{
		{name: "none", settings: nil},
		{name: "empty", settings: map[string]any{}},
		{
			name:     "list",
			settings: map[string]any{"constants": []any{tracingPkg, "example.com/app/cycleconsts"}, "span-names": true},
			want:     analyzer.Config{Constants: []string{tracingPkg, "example.com/app/cycleconsts"}, SpanNames: true},
		},
		{
			name:     "comma-separated string",
			settings: map[string]any{"constants": tracingPkg + ", example.com/app/internal/...,"},
			want:     analyzer.Config{Constants: []string{tracingPkg, "example.com/app/internal/..."}},
		},
		{
			name:     "null values take the defaults",
			settings: map[string]any{"constants": nil, "span-names": nil},
		},
		{
			name:     "unknown key",
			settings: map[string]any{"constants": []any{tracingPkg}, "span_names": true},
			wantErr:  `spanattrlint settings: "span_names": unknown key (known keys: constants, span-names)`,
		},
		{
			name:     "span-names not a boolean",
			settings: map[string]any{"span-names": "yes"},
			wantErr:  `spanattrlint settings: "span-names": want true or false, got the string "yes"`,
		},
		{
			name:     "constants not a list",
			settings: map[string]any{"constants": 3},
			wantErr:  `spanattrlint settings: "constants": want a list of import paths or patterns, or one comma-separated string, got the number 3`,
		},
		{
			name:     "constants entry not a string",
			settings: map[string]any{"constants": []any{tracingPkg, map[string]any{"path": "x"}}},
			wantErr:  `spanattrlint settings: "constants": entry 1: want an import path or pattern (a string), got a mapping`,
		},
		{
			name:     "settings not a mapping",
			settings: []any{"constants"},
			wantErr:  `spanattrlint settings: want a mapping with the keys constants, span-names, got a list`,
		},
		{
			name:     "not encodable",
			settings: map[string]any{"constants": func() {}},
			wantErr:  `spanattrlint settings: json: unsupported type`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decode(tc.settings)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}

// TestConstantsAsFlag checks that a constants string means what the same
// text means as a -constants flag of the command's analyzer.
func TestConstantsAsFlag(t *testing.T) {
	for _, s := range []string{
		tracingPkg,
		tracingPkg + ",example.com/app/internal/...",
		" a , ,b,",
		"",
	} {
		cfg, err := decode(map[string]any{"constants": s})
		if err != nil {
			t.Fatal(err)
		}
		a := analyzer.New(analyzer.Config{})
		if err := a.Flags.Set("constants", s); err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(cfg.Constants, ","), a.Flags.Lookup("constants").Value.String(); got != want {
			t.Errorf("constants %q: plugin reads %q, the flag %q", s, got, want)
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
		{"unknown key", map[string]any{"constant": tracingPkg}, `"constant": unknown key`},
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
	if got, want := p.(*Plugin).Config(), (analyzer.Config{Constants: []string{tracingPkg}, SpanNames: true}); !reflect.DeepEqual(got, want) {
		t.Errorf("config %#v, want %#v", got, want)
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
	// Each call builds a fresh analyzer: golangci-lint may build several.
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
