package semconv

import (
	"go/types"
	"path"
	"slices"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/otelapi"
	"golang.org/x/mod/semver"
)

// Adds reports whether a fix that writes pkg adds a semconv package
// that pkg (the analysed package) does not import yet: its message says
// which version it imports.
func Adds(analysed, pkg *types.Package) bool {
	return otelapi.IsSemconv(pkg.Path()) && !slices.Contains(analysed.Imports(), pkg)
}

// ComparePaths orders import paths, semconv versions newest first (by
// semver: v1.43.0 before v1.37.0 before v1.4.0), others by path.
func ComparePaths(a, b string) int {
	if otelapi.IsSemconv(a) && otelapi.IsSemconv(b) {
		va, vb := path.Base(a), path.Base(b)
		if semver.IsValid(va) && semver.IsValid(vb) {
			if d := semver.Compare(vb, va); d != 0 {
				return d
			}
		}
	}
	return strings.Compare(a, b)
}
