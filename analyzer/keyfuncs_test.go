package analyzer_test

import (
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// keyFuncsCfg names the wrapper functions of testdata's internal/spanlog.
var keyFuncsCfg = analyzer.Config{KeyFuncs: []string{
	"(*example.com/app/internal/spanlog.SpanLogger).SetTag:0",
	"example.com/app/internal/spanlog.Tag:0",
	"example.com/app/internal/spanlog.Event:1:event",
}}

// keyFuncCases: the keys passed to -key-funcs functions, and the constant
// arguments of the package's own wrappers (inferred), are positions.
var keyFuncCases = []pkgCase{
	app("keyfuncs", keyFuncsCfg),
	app("wrappers", analyzer.Config{}),
}

func TestKeyFuncs(t *testing.T) {
	t.Parallel()
	runCases(t, keyFuncCases[:1], nil)
}

func TestInferredWrappers(t *testing.T) {
	t.Parallel()
	runCases(t, keyFuncCases[1:], nil)
}

// Names as types.Func.FullName writes them parse; anything else is one
// error that shows the form.
func TestKeyFuncsParse(t *testing.T) {
	for _, tc := range []struct{ entry, wantErr string }{
		{"(*github.com/grafana/dskit/spanlogger.SpanLogger).SetTag:0", ""},
		{"(example.com/app/log.Logger).With:2", ""},
		{"gopkg.in/yaml.v3.Marshal:0", ""},
		{"example.com/app.Tag:0", ""},
		{"example.com/app.Event:1:event", ""},
		{"example.com/app.Tag:0:key", ""},
		{"example.com/app.Event:event", `"example.com/app.Event:event" has no :ARG`},
		{"example.com/app.Event:1:span", `has no argument index after the colon`},
		{"Tag:0", `"Tag:0" is not a function's full name (a package path, a dot, the name)`},
		{"example.com/app.Tag", `"example.com/app.Tag" has no :ARG`},
		{"example.com/app.Tag:-1", `has no argument index after the colon`},
		{"example.com/app.Tag:", `has no argument index after the colon`},
		{"(*example.com/app.T.M:0", `is not a function's full name`},
		{"(*example.com/app.T).:0", `is not a function's full name`},
		{"(*T).M:0", `is not a function's full name`},
		{"example.com/app/.Tag:0", `is not a function's full name`},
	} {
		cfg := analyzer.Config{KeyFuncs: []string{tc.entry}}
		err := cfg.Check("")
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tc.entry, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%s: error %v, want one containing %q", tc.entry, err, tc.wantErr)
		}
	}
}
