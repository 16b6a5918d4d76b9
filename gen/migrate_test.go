package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gen -migrate-deprecated renames a deprecated key that has a successor,
// as spanattrlint -migrate-deprecated -fix does; without the flag the
// literal is left as it is (TestDeprecatedKeyGetsNoConstant).
func TestMigrateDeprecatedRenamesTheKey(t *testing.T) {
	dir := copyModule(t)
	name := filepath.Join(dir, "legacy", "legacy.go")
	src := `package legacy

import "go.opentelemetry.io/otel/attribute"

// KVs are written with a deprecated key and a current project key.
var KVs = []attribute.KeyValue{
	attribute.String("db.system", "postgresql"),
	attribute.String("legacy.thing", "x"),
}
`
	writeFile(t, name, src)
	stdout, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./legacy")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if b, _ := os.ReadFile(name); !strings.Contains(string(b), `attribute.String("db.system", "postgresql")`) {
		t.Errorf("without -migrate-deprecated the deprecated key changed:\n%s", b)
	}
	stdout, stderr, code = gen(t, dir, "-migrate-deprecated", "-into=./internal/telemetry", "./legacy")
	if code != 0 {
		t.Fatalf("-migrate-deprecated: exit %d: %s%s", code, stdout, stderr)
	}
	b, _ := os.ReadFile(name)
	// The new key's semconv constant, whose import the fix adds (the
	// module's packages import no semconv version: the newest of its otel).
	if strings.Contains(string(b), `"db.system"`) || !strings.Contains(string(b), "semconv.DBSystemNameKey.String(") || !strings.Contains(string(b), `semconv "go.opentelemetry.io/otel/semconv/v1.43.0"`) {
		t.Errorf("-migrate-deprecated did not rename db.system to db.system.name:\n%s", b)
	}
	if !strings.Contains(stdout, "1 rewrite in 1 file") {
		t.Errorf("want the one rename counted:\n%s", stdout)
	}
	goCmd(t, dir, "build", "./...")
}
