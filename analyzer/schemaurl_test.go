package analyzer_test

import (
	"path/filepath"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
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
