package httpapi

import "testing"

func TestAttrs(t *testing.T) {
	if got := Attrs("/users"); len(got) != 3 || got[1].Value.AsString() != "/users" {
		t.Errorf("Attrs = %v", got)
	}
	if got := Legacy("GET", 200); len(got) != 2 || got[1].Value.AsInt64() != 200 {
		t.Errorf("Legacy = %v", got)
	}
}
