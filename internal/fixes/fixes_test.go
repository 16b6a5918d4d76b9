package fixes

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func fe(start, end int, text string) FileEdit {
	return FileEdit{File: "f.go", Size: 100, Edit: Edit{start, end, text}}
}

// The merge: identical edits merge, an overlapping fix is skipped whole,
// or counted as superseded when an accepted edit has rewritten its
// finding; insertions at one place keep their order.
func TestSetAdd(t *testing.T) {
	var s Set
	imp := fe(10, 10, "import x\n")
	steps := []struct {
		edits             []FileEdit
		findStart, finEnd int
		want              Outcome
	}{
		{[]FileEdit{imp, fe(20, 25, "A")}, 20, 25, Applied},
		{[]FileEdit{imp, fe(30, 35, "B")}, 30, 35, Applied},                // shares the import
		{[]FileEdit{imp, fe(20, 25, "A")}, 20, 25, Merged},                 // the test variant's copy
		{[]FileEdit{fe(22, 23, "C")}, 22, 23, Overlapped},                  // inside an accepted edit: superseded
		{[]FileEdit{fe(34, 40, "D")}, 36, 40, Overlapped},                  // overlaps, its finding stays: skipped
		{[]FileEdit{fe(25, 25, "E")}, 25, 25, Applied},                     // insertion at an edit's end
		{[]FileEdit{fe(10, 10, "import y\n")}, 10, 10, Applied},            // a second insertion at 10
		{[]FileEdit{fe(23, 23, "F")}, 23, 23, Overlapped},                  // insertion strictly inside
		{[]FileEdit{fe(50, 60, "G"), fe(55, 56, "H")}, 50, 60, Overlapped}, // overlaps itself
	}
	for i, st := range steps {
		if got := s.Add(st.edits, "f.go", st.findStart, st.finEnd); got != st.want {
			t.Errorf("step %d: %v, want %v", i, got, st.want)
		}
	}
	if s.Applied != 4 || s.Merged != 1 || s.Superseded != 2 || s.Skipped != 2 {
		t.Errorf("applied %d merged %d superseded %d skipped %d, want 4 1 2 2", s.Applied, s.Merged, s.Superseded, s.Skipped)
	}
	f := s.Files["f.go"]
	var got []string
	for _, e := range f.Edits() {
		got = append(got, fmt.Sprintf("%d-%d:%s", e.Start, e.End, strings.TrimSpace(e.Text)))
	}
	want := "10-10:import x 10-10:import y 20-25:A 25-25:E 30-35:B"
	if strings.Join(got, " ") != want {
		t.Errorf("edits %q, want %q", strings.Join(got, " "), want)
	}
	if f.Fixes != 4 {
		t.Errorf("fixes of f.go: %d", f.Fixes)
	}
}

// The overlap check against many accepted edits agrees with a check
// against every one of them.
func TestConflictsAgreesWithBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		f := &File{seen: map[Edit]bool{}}
		var all []Edit
		for k := 0; k < 60; k++ {
			start := r.IntN(200)
			e := Edit{start, start + r.IntN(4), fmt.Sprint(k)}
			brute := false
			for _, o := range all {
				if o.overlaps(e) {
					brute = true
				}
			}
			if got := f.conflicts(e); got != brute {
				t.Fatalf("round %d: conflicts(%v) = %v, want %v; accepted %v", round, e, got, brute, f.edits)
			}
			if !brute {
				f.insert(e)
				all = append(all, e)
			}
		}
	}
}

// Unified diffs of random edits apply with patch(1) and give the new file.
func TestUnifiedAppliesWithPatch(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("no patch command")
	}
	r := rand.New(rand.NewPCG(3, 4))
	dir := t.TempDir()
	words := []string{"a", "b", "c", "}", "", "\treturn", "func f() {"}
	for round := 0; round < 40; round++ {
		var old []string
		for range 5 + r.IntN(60) {
			old = append(old, words[r.IntN(len(words))]+"\n")
		}
		var new []string
		for _, l := range old {
			switch r.IntN(6) {
			case 0: // delete
			case 1:
				new = append(new, l, words[r.IntN(len(words))]+"\n")
			case 2:
				new = append(new, "changed "+l)
			default:
				new = append(new, l)
			}
		}
		a, b := []byte(strings.Join(old, "")), []byte(strings.Join(new, ""))
		if r.IntN(4) == 0 && len(b) > 0 {
			b = b[:len(b)-1] // no newline at the end
		}
		d := Unified("a/f.go", "b/f.go", a, b)
		if bytes.Equal(a, b) != (d == "") {
			t.Fatalf("round %d: equal %v, diff %q", round, bytes.Equal(a, b), d)
		}
		if d == "" {
			continue
		}
		checkHunks(t, d)
		name := filepath.Join(dir, "f.go")
		os.WriteFile(name, a, 0o644)
		cmd := exec.Command(patch, "-s", "-p1", "-F0", "--no-backup-if-mismatch")
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(d)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("round %d: patch: %v\n%s\ndiff:\n%s", round, err, out, d)
		}
		if got, _ := os.ReadFile(name); !bytes.Equal(got, b) {
			t.Fatalf("round %d: patched\n%q\nwant\n%q\ndiff:\n%s", round, got, b, d)
		}
	}
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

// checkHunks checks what patch(1) does not: that each hunk's counts are
// its lines' and that its new-side start is its old-side start moved by
// the lines the hunks before it added or removed.
func checkHunks(t *testing.T, d string) {
	t.Helper()
	delta := 0
	lines := strings.Split(d, "\n")
	for i := 0; i < len(lines); i++ {
		m := hunkHeader.FindStringSubmatch(lines[i])
		if m == nil {
			if strings.HasPrefix(lines[i], "@@") {
				t.Fatalf("%s: not a hunk header:\n%s", lines[i], d)
			}
			continue
		}
		// A side of one line has no count: "-N" is "-N,1".
		num := func(s string) int {
			if s == "" {
				return 1
			}
			n, _ := strconv.Atoi(s)
			return n
		}
		as, ac, bs, bc := num(m[1]), num(m[2]), num(m[3]), num(m[4])
		first := func(start, count int) int { // 0-based index of the first line
			if count == 0 {
				return start
			}
			return start - 1
		}
		if first(bs, bc) != first(as, ac)+delta {
			t.Fatalf("%s: new side starts at %d, want %d:\n%s", lines[i], first(bs, bc), first(as, ac)+delta, d)
		}
		na, nb := 0, 0
		for k := i + 1; k < len(lines) && !strings.HasPrefix(lines[k], "@@") && lines[k] != ""; k++ {
			switch lines[k][0] {
			case ' ':
				na++
				nb++
			case '-':
				na++
			case '+':
				nb++
			}
		}
		if na != ac || nb != bc {
			t.Fatalf("%s: the hunk has %d and %d lines:\n%s", lines[i], na, nb, d)
		}
		delta += bc - ac
	}
}

// A diff's hunk headers count the lines of each side exactly.
func TestUnifiedHunkHeaders(t *testing.T) {
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"
	new := "1\n2\nthree\nthree and a half\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nfourteen\nextra\n15\n"
	got := Unified("a", "b", []byte(old), []byte(new))
	want := "--- a\n+++ b\n" +
		"@@ -1,6 +1,7 @@\n 1\n 2\n-3\n+three\n+three and a half\n 4\n 5\n 6\n" +
		"@@ -11,5 +12,6 @@\n 11\n 12\n 13\n-14\n+fourteen\n+extra\n 15\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
