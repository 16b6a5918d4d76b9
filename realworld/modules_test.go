package main

import (
	"slices"
	"testing"
)

func TestParseModules(t *testing.T) {
	mods, err := parseModules("a=example.com/x/v2@v2.0.0:-constants=example.com/x/k:-test=false example.com/y@v1.0.0", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(mods) != 2 || mods[0].Label != "a" || mods[0].dir() != "x@v2.0.0" || !slices.Equal(mods[0].Flags, []string{"-constants=example.com/x/k", "-test=false"}) {
		t.Errorf("first module: %+v", mods[0])
	}
	if mods[1].Label != "y" || mods[1].Path != "example.com/y" || mods[1].Flags != nil {
		t.Errorf("second module: %+v", mods[1])
	}
	if mods, _ := parseModules(defaultModules, "otelhttp"); len(mods) != 1 || mods[0].Label != "otelhttp" {
		t.Errorf("-only otelhttp: %+v", mods)
	}
	if _, err := parseModules("nope", ""); err == nil {
		t.Error("no error for a module without a version")
	}
}
