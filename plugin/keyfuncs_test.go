package plugin

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// A key-funcs setting that does not parse, or whose package the module
// cannot provide, stops golangci-lint at start-up with one line.
func TestKeyFuncsSetting(t *testing.T) {
	t.Chdir(testdata)
	for _, tc := range []struct {
		name     string
		settings any
		wantErr  string
	}{
		{"good", map[string]any{"key-funcs": []any{"(*example.com/app/internal/spanlog.SpanLogger).SetTag:0"}}, ""},
		{"no arg", map[string]any{"key-funcs": "example.com/app/internal/spanlog.Tag"}, `spanattrlint settings: -key-funcs: "example.com/app/internal/spanlog.Tag": no :ARG after the function`},
		{"no such package", map[string]any{"key-funcs": "example.com/app/nosuch.Tag:0"}, `spanattrlint settings: -key-funcs: example.com/app/nosuch.Tag:0: there is no package example.com/app/nosuch in module example.com/app`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.settings)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %v, want one line containing %q", err, tc.wantErr)
			}
		})
	}
}

// The -key-funcs value that spanattrlint -print-key-funcs prints for
// testdata/crosspkg (a module that writes every key, event name and span
// name through its own helper package tr), given as the key-funcs setting,
// reports in golangci-lint what the command reports by itself: the "want"
// comments of app/app.go, the span name through the :span entry although
// span-names is off.
func TestKeyFuncsSettingRoundTrip(t *testing.T) {
	dir := filepath.Join("..", "testdata", "crosspkg")
	testsupport.SetOffline(t)
	p, err := newPlugin(map[string]any{"key-funcs": []any{
		"(*example.com/crosspkg-wrapper/tr.Span).AddEvent:0:event",
		"example.com/crosspkg-wrapper/tr.Attribute:0",
		"example.com/crosspkg-wrapper/tr.StartSpan:1:span",
	}}, dir)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, as[0], "./app")
}
