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
		{"example.com/app.Start:1:span", ""},
		// Each error names the part that is wrong.
		{"example.com/app.Event:event", `"example.com/app.Event:event": no argument index before the kind: want example.com/app.Event:ARG:event`},
		{"example.com/app.Start:span", `no argument index before the kind: want example.com/app.Start:ARG:span`},
		{"example.com/app.Start:span:1", `the argument index comes before the kind: example.com/app.Start:ARG:span`},
		{"example.com/app.Start:1:spans", `"example.com/app.Start:1:spans": KIND "spans" is not key, event or span`},
		{"example.com/app.Start:1:span:x", `4 parts separated by colons, want FUNC:ARG or FUNC:ARG:KIND`},
		{"Tag:0", `"Tag:0": FUNC "Tag" is not a function's full name (a package path, a dot, the name)`},
		{"example.com/app.Tag", `"example.com/app.Tag": no :ARG after the function`},
		{"example.com/app.Tag:-1", `ARG "-1" is not an argument index`},
		{"example.com/app.Tag:x", `ARG "x" is not an argument index`},
		{"example.com/app.Tag:", `ARG is empty`},
		{":0", `FUNC "" is not a function's full name (it is empty)`},
		{"(*example.com/app.T.M:0", `FUNC "(*example.com/app.T.M" is not a function's full name (a method is (pkg/path.T).M or (*pkg/path.T).M)`},
		{"(*example.com/app.T).:0", `the name "" is not an identifier`},
		{"(*T).M:0", `the receiver's type has no package path`},
		{"(*example.com/app.T-1).M:0", `the receiver's type name "T-1" is not an identifier`},
		{"example.com/app/.Tag:0", `the package path "example.com/app/" is not an import path`},
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
