package main

import (
	"os"
	"path/filepath"
	"testing"
)

// The gen and -fix rows are standalone rows only, and marked as writing.
func TestGenRowsAreStandaloneOnly(t *testing.T) {
	configs := append([]config{{Label: "noop", Tool: "noop"}, {Label: "spanattrlint", Tool: "spanattrlint"}},
		genConfigs("bin", "./internal/telemetry")...)
	cells := makeCells(configs, []string{"standalone", "vet"})
	var standalone, vet int
	for _, c := range cells {
		if c.Config.Writes && c.Mode == "vet" {
			t.Errorf("%s has a vet row", c.Config.Label)
		}
		if c.Mode == "vet" {
			vet++
		} else {
			standalone++
		}
	}
	if standalone != 5 || vet != 2 {
		t.Errorf("%d standalone and %d vet rows, want 5 and 2", standalone, vet)
	}
}

// After a row that writes, openfga is put back as it was: a file the run
// added is gone, one it changed has its old content.
func TestRestoreOpenFGA(t *testing.T) {
	dir := t.TempDir()
	e := &env{ofga: filepath.Join(dir, "openfga")}
	write := func(name, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(e.ofga, "go.mod"), "module m\n")
	write(filepath.Join(e.ofga, "a", "a.go"), "package a\n")
	if err := savePristine(e); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(e.ofga, "a", "a.go"), "package a // fixed\n")
	write(filepath.Join(e.ofga, "t", "gen.go"), "package t\n")
	if err := restoreOpenFGA(e); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(e.ofga, "a", "a.go")); string(b) != "package a\n" {
		t.Errorf("a.go is %q", b)
	}
	if _, err := os.Stat(filepath.Join(e.ofga, "t", "gen.go")); !os.IsNotExist(err) {
		t.Errorf("the added file is still there: %v", err)
	}
}
