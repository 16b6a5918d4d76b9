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
	dir := copyModule(t)
	src := `package legacy

import "go.opentelemetry.io/otel/attribute"

// KVs are written with a deprecated key and a current project key.
var KVs = []attribute.KeyValue{
	attribute.String("rpc.system", "grpc"),
	attribute.String("legacy.thing", "x"),
}
`
	if err := os.MkdirAll(filepath.Join(dir, "legacy"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "legacy", "legacy.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
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
