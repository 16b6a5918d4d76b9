package main_test

import (
	"slices"
	"strings"
	"testing"
)

// TestValueChecksUnderVet runs the value checks standalone and under go
// vet with the same flags: the same findings, and -stability's reach the
// vet tool.
func TestValueChecksUnderVet(t *testing.T) {
	t.Parallel()
	dir := sharedTestdata(t)
	before := snapshot(t, dir)
	flags := []string{"-stability=release_candidate", "-enum-members=false"}
	want := []string{
		`stabilityrc/stabilityrc.go:12:2: enum member "QUERY" of attribute key "http.request.method" is development in the semantic conventions, below -stability=release_candidate`,
		`stabilityrc/stabilityrc.go:13:2: attribute key "app.jank.period" is development in the semantic conventions, below -stability=release_candidate`,
		`valuetypeproject/two.go:7:3: attribute key "cache.hit" is set with cacheHit.String (a string) here and with cacheHit.Bool (a bool) at one.go:11: one key, one type`,
		`valuetypeproject/two.go:8:3: attribute key "cache.hit" is set with cacheHit.StringSlice (a []string) here and with cacheHit.Bool (a bool) at one.go:11: one key, one type`,
		`valuetypeproject/two.go:9:26: attribute key "cache.hit" is set with attribute.StringValue (a string) here and with cacheHit.Bool (a bool) at one.go:11: one key, one type`,
	}
	pkgs := []string{"./stabilityrc", "./valuetypeproject"}
	_, standalone, code := run(t, dir, bin, append(flags, pkgs...)...)
	got := slices.DeleteFunc(findings(dir, standalone), func(f string) bool { return strings.Contains(f, "hard-coded") })
	if code != 3 || !slices.Equal(got, want) {
		t.Errorf("standalone exited %d (want 3) with\n%s\nwant\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_, vet, code := run(t, dir, "go", append(append([]string{"vet", "-vettool=" + bin}, flags...), pkgs...)...)
	got = slices.DeleteFunc(findings(dir, vet), func(f string) bool { return strings.Contains(f, "hard-coded") })
	if code == 0 || !slices.Equal(got, want) {
		t.Errorf("go vet exited %d with\n%s\nwant\n%s", code, vet, strings.Join(want, "\n"))
	}
	if _, stderr, code := run(t, dir, bin, "-stability=gold", "./stabilityrc"); code != 1 || !strings.Contains(stderr, `-stability: "gold" is not a stability level`) {
		t.Errorf("-stability=gold: exit %d, stderr:\n%s", code, stderr)
	}
	sameFiles(t, before, snapshot(t, dir))
}
