package main

import (
	"slices"
	"testing"
)

func TestParseAndDedup(t *testing.T) {
	data := []byte(`{
	"p": {"spanattrlint": [
		{"posn": "/m/a.go:3:1", "message": "hard-coded attribute key \"k\": no constant defines it"},
		{"posn": "/m/a.go:10:2", "message": "hard-coded event name \"e\": use pkg.E", "suggested_fixes": [{"message": "Use pkg.E", "edits": []}]},
		{"posn": "/m/a.go:10:2", "category": "naming", "message": "attribute key \"e\" breaks ..."}
	]},
	"p [p.test]": {"spanattrlint": [
		{"posn": "/m/a.go:3:1", "message": "hard-coded attribute key \"k\": use wantKey", "suggested_fixes": [{"message": "Use wantKey", "edits": []}]},
		{"posn": "/m/a.go:10:2", "message": "hard-coded event name \"e\": use pkg.E", "suggested_fixes": [{"message": "Use pkg.E", "edits": []}]},
		{"posn": "/m/a.go:10:2", "category": "naming", "message": "attribute key \"e\" breaks ..."}
	]},
	"q": {"spanattrlint": {"error": "boom"}}
}`)
	diags, errs, err := parseJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(errs, []string{"q: boom"}) {
		t.Errorf("errors: %q", errs)
	}
	uniq, disagree := dedup(diags)
	var got []string
	for _, d := range uniq {
		got = append(got, d.Posn+" "+d.kind()+"/"+d.outcome())
	}
	want := []string{
		"/m/a.go:3:1 attribute key/none",
		"/m/a.go:3:1 attribute key/fix",
		"/m/a.go:10:2 attribute key/naming",
		"/m/a.go:10:2 event name/fix",
	}
	if !slices.Equal(got, want) {
		t.Errorf("dedup:\n got %q\nwant %q", got, want)
	}
	if len(disagree) != 1 {
		t.Errorf("disagreements: %q", disagree)
	}
}

func TestHintOutcome(t *testing.T) {
	d := &diag{Message: `hard-coded attribute key "server.port": use semconv.ServerPortKey (import "go.opentelemetry.io/otel/semconv/v1.43.0")`}
	if d.outcome() != "hint" || d.kind() != "attribute key" {
		t.Errorf("%s/%s", d.kind(), d.outcome())
	}
}
