package metricrules

import (
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// Every unit the conventions give a metric is valid; CheckUnit has no
// exemption for them, so a new registry unit it rejects fails here.
func TestRegistryUnitsParse(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range semconvtab.Metrics() {
		if seen[m.Unit] {
			continue
		}
		seen[m.Unit] = true
		if f, bad := CheckUnit(m.Unit); bad {
			t.Errorf("unit %q of %s: %s", m.Unit, m.Name, f.Message())
		}
	}
	if len(seen) < 80 {
		t.Errorf("only %d distinct registry units", len(seen))
	}
}

func TestCheckUnitFits(t *testing.T) {
	for _, u := range []string{
		"", "1", "s", "ms", "us", "ns", "min", "h", "d", "By", "KiBy", "MiBy", "kBy", "bit", "%", "Hz", "Cel", "J", "W",
		"{request}", "{packet}", "{sign_in}", "{count}", "By/s", "{packet}/s", "1/s", "/s", "By.s", "m2", "s-1",
		"By{compressed}", "kbit/s", "[ppm]", "Pa", "cd", "mo",
		"{Hz}", // the conventions' own (deprecated cpu.frequency): an annotation, not a time or byte unit
	} {
		if f, bad := CheckUnit(u); bad {
			t.Errorf("CheckUnit(%q) reported: %s", u, f.Message())
		}
	}
}

func TestCheckUnitMisfits(t *testing.T) {
	for _, tc := range []struct{ unit, suggest, reason string }{
		{"{ms}", "ms", "annotation holding a unit"},
		{"{s}", "s", "annotation holding a unit"},
		{"{seconds}", "s", "annotation holding a unit"},
		{"{bytes}", "By", "annotation holding a unit"},
		{"{KiBy}", "KiBy", "annotation holding a unit"},
		{"milliseconds", "ms", "not a UCUM unit"},
		{"Milliseconds", "ms", "not a UCUM unit"},
		{"sec", "s", "not a UCUM unit"},
		{"seconds", "s", "not a UCUM unit"},
		{"msec", "ms", "not a UCUM unit"},
		{"µs", "us", "not a UCUM unit"},
		{"bytes", "By", "not a UCUM unit"},
		{"B", "By", "bel"},
		{"MB", "MBy", "bel"},
		{"KiB", "KiBy", "not a UCUM unit"},
		{"bytes/sec", "By/s", "not a UCUM unit"},
		{"B/s", "By/s", "bel"},
		{"percent", "%", "not a UCUM unit"},
		{"ms ", "ms", "spaces"},
		{" seconds", "s", "spaces"},
		// Not clear what they should be: reported without a suggestion.
		{"requests", "", "counts of things are annotations"},
		{"count", "", "counts of things are annotations"},
		{"req/s", "", "counts of things are annotations"},
		{"KB", "", "not a UCUM unit"},
		{"mb", "", "not a UCUM unit"},
		{"{ms", "", "unbalanced"},
		{"ms}", "", "unbalanced"},
		{"{}", "", "annotation of characters"},
		{"{a b}", "", "annotation of characters"},
		{"s..ms", "", "empty component"},
		{"Sec/Op", "", "not a UCUM unit"},
	} {
		f, bad := CheckUnit(tc.unit)
		if !bad {
			t.Errorf("CheckUnit(%q) not reported", tc.unit)
			continue
		}
		if f.Suggest != tc.suggest || !strings.Contains(f.Reason, tc.reason) || f.Unit != tc.unit {
			t.Errorf("CheckUnit(%q) = %+v; want suggestion %q, reason with %q", tc.unit, f, tc.suggest, tc.reason)
		}
	}
	f, _ := CheckUnit("milliseconds")
	if got, want := f.Message(), `unit "milliseconds" is not UCUM as the semantic conventions use it (not a UCUM unit): use "ms"`; got != want {
		t.Errorf("Message() = %s\nwant %s", got, want)
	}
}

func TestIsTimeUnit(t *testing.T) {
	for u, want := range map[string]bool{
		"s": true, "ms": true, "us": true, "ns": true, "min": true, "h": true, "d": true, "ks": true,
		"By": false, "By/s": false, "1/s": false, "s-1": false, "{s}": false, "m": false, "": false, "sec": false,
	} {
		if got := IsTimeUnit(u); got != want {
			t.Errorf("IsTimeUnit(%q) = %v, want %v", u, got, want)
		}
	}
}
