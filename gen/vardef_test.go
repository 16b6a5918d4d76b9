package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A key that a package variable defines (var statusKey =
// attribute.Key("...")) has its name: gen writes no second one for it,
// neither for the variable's value nor for another use of it, and its
// fix declares the variable a constant, which the other use then takes.
func TestVarDefinedKeyGetsNoSecondName(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	src := `package conn

import "go.opentelemetry.io/otel/attribute"

var connectionStatusKey = attribute.Key("conn.status")

// KVs are written with the variable's key and a key nothing defines.
var KVs = []attribute.KeyValue{
	connectionStatusKey.String("up"),
	attribute.String("conn.status", "down"),
	attribute.String("conn.peer", "x"),
}
`
	writeFile(t, filepath.Join(dir, "conn", "conn.go"), src)
	stdout, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./conn")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	consts, err := os.ReadFile(filepath.Join(dir, "internal", "telemetry", DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(consts), `"conn.status"`) {
		t.Errorf("a second name for conn.status:\n%s", consts)
	}
	if !strings.Contains(string(consts), `"conn.peer"`) {
		t.Errorf("no constant for conn.peer:\n%s", consts)
	}
	got, err := os.ReadFile(filepath.Join(dir, "conn", "conn.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`const connectionStatusKey = attribute.Key("conn.status")`, `connectionStatusKey.String("down")`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("conn.go lacks %q:\n%s", want, got)
		}
	}
	goCmd(t, dir, "vet", "./conn")
}
