package load

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/modresolve"
)

// LargePackage is the size of a package's Go files past which Syntax is
// worth its second go list. Below it, compiling the packages for export
// data (what go/packages does, in one go list) costs less than listing
// twice, and costs nothing once the build cache holds them: on openfga
// (90 packages, none over 200 KB) the second list was 0.9 CPU seconds on
// every run. Above it, a compile after an edit costs seconds to minutes
// (bench/bigpkg.sh: 26 CPU seconds for a package of 20,000 calls).
const LargePackage = 512 << 10

// HasLargePackage reports whether a package that patterns name by
// directory (".", "./x", "./x/...", relative to dir) has Go files of
// LargePackage bytes or more. Patterns that are import paths are not
// looked at: they report false, and the caller loads as go/packages does.
// A "/..." pattern covers modresolve.PackageDirs, as the go command's does.
func HasLargePackage(dir string, patterns []string) bool {
	for _, p := range patterns {
		if p != "." && p != ".." && !strings.HasPrefix(p, "./") && !strings.HasPrefix(p, "../") && !filepath.IsAbs(p) {
			continue
		}
		root, recursive := strings.CutSuffix(p, "/...")
		if !filepath.IsAbs(root) {
			root = filepath.Join(dir, root)
		}
		if !recursive {
			if dirSize(root) >= LargePackage {
				return true
			}
			continue
		}
		for d := range modresolve.PackageDirs(root) {
			if dirSize(d) >= LargePackage {
				return true
			}
		}
	}
	return false
}

// dirSize is the size of the .go files directly in dir.
func dirSize(dir string) int64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	var n int64
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		if info, err := e.Info(); err == nil {
			n += info.Size()
		}
	}
	return n
}
