package fixes

import udiff "github.com/aymanbagabas/go-udiff"

// Unified returns the unified diff, with three lines of context, that
// turns old into new; "" when they are equal. It is go-udiff's, the public
// copy of golang.org/x/tools/internal/diff, whose diffs the analysis
// drivers' own -diff prints (golangci-lint v2 carries a private copy of the
// same code). A hunk side of one line is written as "-N" (no ",1"), as GNU
// diff writes it.
func Unified(oldName, newName string, old, new []byte) string {
	return udiff.Unified(oldName, newName, string(old), string(new))
}
