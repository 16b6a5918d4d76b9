// Package pkgerrors lists the errors of loaded packages the way a person
// wants to read them: each once, on one line, where it is.
package pkgerrors

import (
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/tools/go/packages"
)

// An Error is one error: a position ("file.go:line:col", absolute; ""
// when it has none) and a one-line message.
type Error struct {
	Pos, Msg string
}

// String is "pos: msg", or msg.
func (e Error) String() string {
	if e.Pos == "" {
		return e.Msg
	}
	return e.Pos + ": " + e.Msg
}

// List returns the errors of the packages and their dependencies, each
// once, in the order package.Visit meets them, and the paths of the
// packages that have errors. A package and its test variant report the
// same type error; the go command repeats the compiler's errors under a
// "# pkg" header; a package that imports a broken one says only that it
// cannot: each is listed once, the last not at all. Relative positions are
// made absolute against dir.
func List(initial []*packages.Package, dir string) (errs []Error, paths []string) {
	seen := map[Error]bool{}
	add := func(pos, msg string) {
		msg = oneLine(msg)
		if msg == "" {
			return
		}
		if pos == "-" {
			pos = ""
		}
		if pos != "" && !filepath.IsAbs(pos) && dir != "" {
			pos = filepath.Join(dir, pos)
		}
		e := Error{pos, msg}
		if !seen[e] {
			seen[e] = true
			errs = append(errs, e)
		}
	}
	// One walk of the import graph finds the packages with errors; it runs
	// when the whole graph is in memory, so it walks once, not twice.
	var withErrors []*packages.Package
	broken := map[string]bool{}
	packages.Visit(initial, nil, func(p *packages.Package) {
		if len(p.Errors) > 0 {
			withErrors = append(withErrors, p)
			broken[p.PkgPath] = true
		}
	})
	seenPath := map[string]bool{}
	for _, p := range withErrors {
		if !seenPath[p.PkgPath] {
			seenPath[p.PkgPath] = true
			paths = append(paths, p.PkgPath)
		}
		for _, e := range p.Errors {
			msg := e.Msg
			if e.Kind == packages.ListError && listHeader.MatchString(msg) {
				// "# pkg\nfile:line:col: msg\n...": the compiler's
				// errors, which the type checker reports again.
				for _, l := range strings.Split(msg, "\n")[1:] {
					if pos, m, ok := splitPos(l); ok {
						add(pos, m)
					} else if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "note: ") {
						add(e.Pos, l)
					}
				}
				continue
			}
			if dep, ok := importOf(msg); ok && broken[dep] {
				continue // the dependency's own errors say why
			}
			if pos, m, ok := splitPos(msg); ok && (e.Pos == "" || e.Pos == "-") {
				add(pos, m)
				continue
			}
			add(e.Pos, firstLine(msg))
		}
	}
	return errs, paths
}

// listHeader is the first line of the go command's report of a package
// that does not compile; the lines after it are the compiler's errors.
var listHeader = regexp.MustCompile(`^# \S+`)

var posPrefix = regexp.MustCompile(`^\s*((?:[A-Za-z]:)?[^:\s][^:]*\.go:\d+(?::\d+)?): (.*)$`)

// splitPos splits "file.go:line:col: message".
func splitPos(s string) (pos, msg string, ok bool) {
	m := posPrefix.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

var couldNotImport = regexp.MustCompile(`could not import (\S+)`)

// importOf returns the package a "could not import" error names.
func importOf(msg string) (string, bool) {
	m := couldNotImport.FindStringSubmatch(msg)
	if m == nil {
		return "", false
	}
	return m[1], true
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
