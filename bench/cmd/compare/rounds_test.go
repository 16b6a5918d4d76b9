package main

import "testing"

func TestIsFindingsOnly(t *testing.T) {
	const diag = "/o/a.go:3:4: hard-coded attribute key \"k\"\n"
	for _, tc := range []struct {
		mode   string
		exit   int
		output string
		want   bool
	}{
		{"standalone", 0, "", true},
		{"standalone", 3, diag, true},
		{"standalone", 1, diag, false},
		{"vet", 0, "", true},
		{"vet", 1, "# example.com/o\n" + diag, true},
		{"vet", 1, "go: updates to go.mod needed\n", false},
		{"vet", 1, diag + "vet: analysis failed\n", false},
		{"vet", 1, diag + "panic: boom\n", false},
		{"vet", 1, diag + "example.com/o: signal: killed\n", false},
		{"vet", 2, diag, false},
	} {
		if got := isFindingsOnly(tc.mode, tc.exit, []byte(tc.output)); got != tc.want {
			t.Errorf("isFindingsOnly(%s, %d, %q) = %v, want %v", tc.mode, tc.exit, tc.output, got, tc.want)
		}
	}
}
