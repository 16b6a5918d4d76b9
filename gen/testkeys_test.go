package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// testdata/gentestkeys is issue 19's reproduction gen-test-keys: app's
// tests write "foo" and "key1", which no production code writes, and app
// writes "dummyKey" and "moreContext", which break the naming rules. gen
// writes one constant, for "app.tenant", rewrites its production and test
// uses, leaves the others as they are, and says so.
func TestTestOnlyAndMisnamedKeysGetNoConstant(t *testing.T) {
	t.Parallel()
	dir := testsupport.Copy(t, filepath.Join("..", "testdata", "gentestkeys"))
	stdout, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./...")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		`note: no constant for 2 attribute keys that break the OpenTelemetry naming rules ("dummyKey", "moreContext")`,
		`note: left alone: 2 attribute keys that only _test.go files write ("foo", "key1")`,
		"wrote internal/telemetry/spanattrlint_gen.go: 1 new constant (1 attribute key)",
		"made 2 rewrites in 2 files",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, "internal", "telemetry", DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"FooKey", "Key1Key", "DummyKeyKey", "MoreContextKey"} {
		if strings.Contains(string(got), name) {
			t.Errorf("the constants file declares %s:\n%s", name, got)
		}
	}
	if !strings.Contains(string(got), `AppTenantKey = attribute.Key("app.tenant")`) {
		t.Errorf("the constants file lacks AppTenantKey:\n%s", got)
	}
	test, err := os.ReadFile(filepath.Join(dir, "app", "app_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`attribute.String("foo", "bar")`, `attribute.Int("key1", 1)`, `telemetry.AppTenantKey.String("t")`} {
		if !strings.Contains(string(test), want) {
			t.Errorf("app_test.go lacks %s:\n%s", want, test)
		}
	}
	goCmd(t, dir, "build", "./...")
	goCmd(t, dir, "vet", "./...")
	goCmd(t, dir, "test", "-count=1", "./...")
}
