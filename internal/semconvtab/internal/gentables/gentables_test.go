package gentables

import (
	"slices"
	"testing"
)

// No Go semconv version has had two constants with one value, so the
// tie-break is exercised only here.
func TestDedup(t *testing.T) {
	in := []namedValue{
		{"b", "AVeryLongKey"}, // lexically first but longest: dropped
		{"a", "AKey"},
		{"b", "CKey"}, // as short as BKey but lexically later: dropped
		{"b", "BKey"},
	}
	got, dups := dedup(in)
	if want := []namedValue{{"a", "AKey"}, {"b", "BKey"}}; !slices.Equal(got, want) {
		t.Errorf("dedup kept %v, want %v", got, want)
	}
	if want := []duplicate{{"b", "CKey", "BKey"}, {"b", "AVeryLongKey", "BKey"}}; !slices.Equal(dups, want) {
		t.Errorf("dedup dropped %v, want %v", dups, want)
	}
}
