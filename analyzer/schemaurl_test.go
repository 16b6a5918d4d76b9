package analyzer_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// sdkapp is a testdata module that requires the real OpenTelemetry SDK,
// whose resource package the schema URL check recognises.
var sdkapp = filepath.Join("..", "testdata", "sdkapp")

// TestSchemaURLMismatch: on by default, a schema URL of one semconv version
// with another's attributes, and resource.Merge of two resources built with
// different versions' schema URLs, are reported.
var schemaURLCases = []pkgCase{{dir: sdkapp, pkg: "example.com/sdkapp/schemaurl", cfg: analyzer.Config{}}}

func TestSchemaURLMismatch(t *testing.T) {
	t.Parallel()
	runCases(t, schemaURLCases, nil)
}

// TestSchemaURLOff: -schema-url=false turns the check off, and it alone:
// the same module reports its mismatches with the check on, and the
// other findings of the module are the same without it.
func TestSchemaURLOff(t *testing.T) {
	t.Parallel()
	diags := analyzeEach(t, testsupport.Copy(t, sdkapp), analyzer.Config{}, analyzer.Config{NoSchemaURL: true})
	on, off := diags[0], diags[1]
	isSchemaURL := func(d diag) bool { return strings.Contains(d.message, "conflicting Schema URL") }
	others := map[string]bool{}
	for _, d := range on {
		if !isSchemaURL(d) {
			others[d.posn+": "+d.message] = true
		}
	}
	if len(others) == len(on) {
		t.Fatalf("with the check on, no schema URL mismatch is reported: %v", on)
	}
	if len(off) != len(others) {
		t.Errorf("-schema-url=false: %d findings, want the %d that are not schema URL mismatches", len(off), len(others))
	}
	for _, d := range off {
		if isSchemaURL(d) || !others[d.posn+": "+d.message] {
			t.Errorf("-schema-url=false reports %s: %s", d.posn, d.message)
		}
	}
}
