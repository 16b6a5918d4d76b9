package modresolve

import (
	"path/filepath"
	"testing"
)

// TestNewResolverEnv: a resolver made for a go command's environment takes
// GOWORK from it (the last one counts, as exec.Cmd does), not from the
// process's, so that gen's tests can each run with their own environment.
func TestNewResolverEnv(t *testing.T) {
	t.Setenv("GOWORK", "off")
	root := writeTree(t, map[string]string{
		"go.work":  "go 1.26\n\nuse ./a\n",
		"a/go.mod": "module example.com/a\n\ngo 1.26\n",
		"a/a.go":   "package a\n",
	})
	dir := filepath.Join(root, "a")
	for _, tc := range []struct {
		env      []string
		wantWork bool
	}{
		{nil, false}, // the process's GOWORK=off
		{[]string{}, true},
		{[]string{"GOWORK="}, true},
		{[]string{"GOWORK=off"}, false},
		{[]string{"GOWORK=off", "GOPROXY=off", "GOWORK="}, true},
		{[]string{"GOWORK=", "GOWORK=off"}, false},
	} {
		m, err := NewResolverEnv(tc.env).Module(dir)
		if err != nil {
			t.Fatalf("%q: %v", tc.env, err)
		}
		if got := m.Work != nil; got != tc.wantWork {
			t.Errorf("%q: in the workspace %t, want %t", tc.env, got, tc.wantWork)
		}
	}
}
