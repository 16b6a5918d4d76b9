// Package pkgpath holds the go command's rules about import paths that both
// the analyzer and spanattrlint gen apply.
package pkgpath

import "strings"

// Importable reports whether the package at path from may import the
// package at path to under the internal-package rule: a package under
// .../internal/ is importable only from within the tree rooted at its
// parent. Test variants ("p [p.test]", "p_test") count as p.
func Importable(from, to string) bool {
	from, _, _ = strings.Cut(from, " ")
	from = strings.TrimSuffix(from, "_test")
	for _, sep := range []string{"/internal/", "/internal"} {
		if i := strings.LastIndex(to, sep); i >= 0 && (sep == "/internal/" || i+len(sep) == len(to)) {
			parent := to[:i]
			return from == parent || strings.HasPrefix(from, parent+"/")
		}
	}
	return !strings.HasPrefix(to, "internal/") && to != "internal"
}

// IsStd reports whether an import path is in the standard library, as
// goimports decides it: no dot in the first element.
func IsStd(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}
