package gen

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stat records every file and directory under dir as a user's check of
// "nothing changed" would: the hash of each file's content, each mode and
// modification time, directories included (whose time changes when a
// file is created in them or removed, even if the tree ends as it began).
func stat(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rec := fmt.Sprintf("%v %d", fi.Mode(), fi.ModTime().UnixNano())
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rec += fmt.Sprintf(" %x", sha256.Sum256(b))
		}
		out[p] = rec
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDryRunWritesNothing: gen -dry-run leaves every file and directory of
// the module as it was, contents, modes and times, whether the -into
// package does not exist yet, exists without the constants file, or
// holds the constants file that the run would add to; and it prints the
// file that the same run without -dry-run writes.
func TestDryRunWritesNothing(t *testing.T) {
	// Not parallel: it shares its module with the serial tests.
	dir := sharedModule(t)
	for _, into := range []string{"./internal/telemetry", "./existing"} {
		before := stat(t, dir)
		stdout, stderr, code := gen(t, dir, "-into="+into, "-dry-run", "./...")
		if code != 0 || !strings.Contains(stdout, "-dry-run: would write") {
			t.Fatalf("-into=%s: exit %d:\n%s%s", into, code, stdout, stderr)
		}
		if c := changedStat(before, stat(t, dir)); c != "" {
			t.Errorf("-into=%s -dry-run changed %s", into, c)
		}
	}

	// The constants file exists, and the run would add to it.
	dir = copyModule(t)
	if _, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./..."); code != 0 {
		t.Fatal(stderr)
	}
	extra := "package engine\n\nimport \"go.opentelemetry.io/otel/attribute\"\n\n" +
		"// Extra is new code with a new key.\nfunc Extra() attribute.KeyValue { return attribute.Int(\"engine.extra_id\", 1) }\n"
	if err := os.WriteFile(filepath.Join(dir, "engine", "extra.go"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	before := stat(t, dir)
	stdout, stderr, code := gen(t, dir, "-into=./internal/telemetry", "-dry-run", "./...")
	if code != 0 || !strings.Contains(stdout, "would write internal/telemetry/spanattrlint_gen.go: 1 new constant") || !strings.Contains(stdout, "would make 1 rewrite in 1 file") {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	if c := changedStat(before, stat(t, dir)); c != "" {
		t.Errorf("-dry-run on an existing constants file changed %s", c)
	}
	printed := stdout
	if _, stderr, code := gen(t, dir, "-into=./internal/telemetry", "./..."); code != 0 {
		t.Fatal(stderr)
	}
	written, err := os.ReadFile(filepath.Join(dir, "internal", "telemetry", DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(printed, string(written)) {
		t.Errorf("-dry-run printed\n%s\nthe run wrote\n%s", printed, written)
	}
}

// changedStat names the first path whose record differs, or "".
func changedStat(before, after map[string]string) string {
	for p, b := range before {
		if a, ok := after[p]; !ok {
			return p + " (removed)"
		} else if a != b {
			return p + " (" + b + " -> " + a + ")"
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			return p + " (created)"
		}
	}
	return ""
}
