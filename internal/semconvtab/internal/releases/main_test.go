package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestBisect checks the bisection against a made-up release history:
// it finds each version's first release and asks for fewer releases than
// there are when sets repeat.
func TestBisect(t *testing.T) {
	var rs []string
	sets := map[string][]string{}
	var cur []string
	for i := 0; i < 40; i++ {
		r := fmt.Sprintf("v1.%d.0", i)
		rs = append(rs, r)
		if i%7 == 3 { // a new semconv version every seventh release
			cur = append(slices.Clone(cur), fmt.Sprintf("v1.%d.0", 100+i))
		}
		sets[r] = cur
	}
	asked := map[string]bool{}
	first, err := bisect(rs, func(r string) ([]string, error) {
		asked[r] = true
		return sets[r], nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, r := range rs {
		for _, v := range sets[r] {
			if _, ok := want[v]; !ok {
				want[v] = r
			}
		}
	}
	if !maps.Equal(first, want) {
		t.Errorf("bisect = %v\nwant %v", first, want)
	}
	if len(asked) >= len(rs) {
		t.Errorf("asked for %d of %d releases", len(asked), len(rs))
	}
}

// A set that shrinks breaks the bisection's premise: an error, not a guess.
func TestBisectShrinking(t *testing.T) {
	rs := []string{"v1.0.0", "v1.1.0", "v1.2.0"}
	sets := map[string][]string{"v1.0.0": {"v1.4.0"}, "v1.1.0": {"v1.4.0", "v1.5.0"}, "v1.2.0": {"v1.5.0"}}
	_, err := bisect(rs, func(r string) ([]string, error) { return sets[r], nil })
	if err == nil || !strings.Contains(err.Error(), "ships semconv versions that") {
		t.Errorf("error %v", err)
	}
}

// The metric-definition members: one that appears later than its version
// gets its own first release, and one whose fingerprint changes between
// two releases (otel changed a shipped version's definitions) is an error.
func TestBisectMetricMarks(t *testing.T) {
	rs := []string{"v1.22.0", "v1.23.0", "v1.24.0", "v1.25.0", "v1.26.0"}
	mark := metricsMark + "v1.24.0 9a4f"
	sets := map[string][]string{
		"v1.22.0": {"v1.24.0"},
		"v1.23.0": {"v1.24.0"},
		"v1.24.0": {"v1.24.0"},
		"v1.25.0": {"v1.24.0", mark},
		"v1.26.0": {"v1.24.0", "v1.25.0", mark},
	}
	first, err := bisect(rs, func(r string) ([]string, error) { return sets[r], nil })
	if err != nil {
		t.Fatal(err)
	}
	if first["v1.24.0"] != "v1.22.0" || first[mark] != "v1.25.0" || first["v1.25.0"] != "v1.26.0" {
		t.Errorf("bisect = %v", first)
	}
	sets["v1.26.0"] = []string{"v1.24.0", "v1.25.0", metricsMark + "v1.24.0 ffff"}
	if _, err := bisect(rs, func(r string) ([]string, error) { return sets[r], nil }); err == nil {
		t.Error("a changed fingerprint was not an error")
	}
}
