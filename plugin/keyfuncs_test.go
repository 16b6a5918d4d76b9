package plugin

import (
	"strings"
	"testing"
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
