package user

import "testing"

func TestAttrs(t *testing.T) {
	if len(Attrs) != 2 {
		t.Fatal(len(Attrs))
	}
}
