package main_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// TestCgoPackage checks that a package importing "C" is linted, standalone
// and under go vet with -constants (which failed with "$WORK/b001 is not
// inside a Go module"), with every finding at the user's file:line, never
// in cgo's copies, and that -fix edits the user's file in both.
func TestCgoPackage(t *testing.T) {
	t.Parallel()
	testsupport.NeedCgo(t)
	dir := sharedTestdata(t)
	flags := []string{"-constants=example.com/app/internal/tracing"}
	want := []string{
		`cgo/cgo.go:19:35: hard-coded attribute key "app.order_id": use orderID`,
		`cgo/cgo.go:22:35: hard-coded attribute key "event.type": use tracing.JourneyEventType`,
		`cgo/cgo.go:22:81: hard-coded attribute key "scheduler.step": use tracing.JourneySchedulerStep`,
		`cgo/cgo.go:23:16: hard-coded event name "journey.QUEUED": use tracing.JourneyQueued`,
		`cgo/plain.go:6:30: hard-coded attribute key "app.order_id": use orderID`,
		`cgo/cgo.go:19:21: attribute key "app.order_id" is set with attribute.Int (an int) here and with attribute.String (a string) at plain.go:6: one key, one type`,
	}
	slices.Sort(want)
	_, standalone, code := run(t, dir, bin, append(flags, "./cgo")...)
	if got := findings(dir, standalone); code != 3 || !slices.Equal(got, want) {
		t.Errorf("standalone exited %d (want 3) with\n%s\nwant\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_, vet, code := run(t, dir, "go", append(append([]string{"vet", "-vettool=" + bin}, flags...), "./cgo")...)
	if got := findings(dir, vet); code == 0 || !slices.Equal(got, want) {
		t.Errorf("go vet exited %d with\n%s\nwant\n%s", code, vet, strings.Join(want, "\n"))
	}

	golden := func(name string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "src", "cgo", name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for _, driver := range [][]string{
		append([]string{bin, "-fix"}, flags...),
		append([]string{"go", "vet", "-vettool=" + bin, "-fix"}, flags...),
	} {
		dir := copyTestdata(t)
		if _, stderr, code := run(t, dir, driver[0], append(driver[1:], "./cgo")...); code != 0 {
			t.Errorf("%s exited %d:\n%s", strings.Join(driver[:2], " "), code, stderr)
		}
		for _, name := range []string{"cgo.go", "plain.go"} {
			got, err := os.ReadFile(filepath.Join(dir, "cgo", name))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != golden(name) {
				t.Errorf("%s: cgo/%s is\n%s\nwant\n%s", strings.Join(driver[:2], " "), name, got, golden(name))
			}
		}
	}
}

// TestCgoFixNeedsImport checks a fix in a cgo file that adds an import:
// it must never come between the preamble and import "C", and the package
// builds after -fix.
func TestCgoFixNeedsImport(t *testing.T) {
	t.Parallel()
	testsupport.NeedCgo(t)
	dir := copyTestdata(t)
	src := `package cgoimport

// static int one(void) { return 1; }
import "C"

import "go.opentelemetry.io/otel/attribute"

var KV = attribute.Int("event.type", int(C.one()))
`
	if err := os.MkdirAll(filepath.Join(dir, "cgoimport"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cgoimport", "cgoimport.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	flags := []string{"-constants=example.com/app/internal/tracing", "./cgoimport"}
	_, stderr, code := run(t, dir, bin, flags...)
	if got := findings(dir, stderr); code != 3 || len(got) != 1 || !strings.HasPrefix(got[0], "cgoimport/cgoimport.go:8:24: ") {
		t.Fatalf("exited %d with\n%s\nwant one finding at cgoimport/cgoimport.go:8:24", code, stderr)
	}
	run(t, dir, bin, append([]string{"-fix"}, flags...)...)
	if _, stderr, code := run(t, dir, "go", "build", "./cgoimport"); code != 0 {
		fixed, _ := os.ReadFile(filepath.Join(dir, "cgoimport", "cgoimport.go"))
		t.Errorf("the package no longer builds after -fix:\n%s\n%s", stderr, fixed)
	}
}
