package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A deprecated semantic-convention key gets no constant: the lint would
// then report the constant, and the deprecated key would live on. gen
// says so and leaves the literal as it is.
func TestDeprecatedKeyGetsNoConstant(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	src := `package legacy

import "go.opentelemetry.io/otel/attribute"

// KVs are written with a deprecated key and a current project key.
var KVs = []attribute.KeyValue{
	attribute.String("rpc.system", "grpc"),
	attribute.String("legacy.thing", "x"),
}
`
	writeFile(t, filepath.Join(dir, "legacy", "legacy.go"), src)
	stdout, stderr, code := gen(t, dir, "-dry-run", "-into=./internal/telemetry", "./legacy")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		`note: left alone: 1 attribute key that the semantic conventions deprecated (rpc.system)`,
		"1 new constant (1 attribute key)",
		"LegacyThingKey",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "RPCSystemKey") {
		t.Errorf("a constant for the deprecated rpc.system:\n%s", stdout)
	}
}

// gen -constants names a package the code does not use yet: a value it
// holds gets no new constant, and its uses are rewritten to it.
func TestConstantsFlagFillsInRatherThanDuplicates(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	src := "// Package keys holds a key no package uses yet.\npackage keys\n\n// Version is the API version key.\nconst Version = \"api.version\"\n"
	writeFile(t, filepath.Join(dir, "keys", "keys.go"), src)
	stdout, stderr, code := gen(t, dir, "-constants=example.com/genapp/keys", "-into=./internal/telemetry", "./...")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	consts, err := os.ReadFile(filepath.Join(dir, "internal", "telemetry", DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(consts), `"api.version"`) {
		t.Errorf("a second constant for api.version:\n%s", consts)
	}
	api, _ := os.ReadFile(filepath.Join(dir, "api", "api.go"))
	if !strings.Contains(string(api), "keys.Version") {
		t.Errorf("api.go does not use keys.Version:\n%s", api)
	}
	goCmd(t, dir, "build", "./...")
}

// writeFile writes src to name, creating its directory.
func writeFile(t *testing.T, name, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}
