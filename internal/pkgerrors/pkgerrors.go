// Package pkgerrors lists the errors of loaded packages the way a person
// wants to read them: each once, on one line, where it is.
package pkgerrors

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/spanattrlint/spanattrlint/internal/modresolve"
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
// cannot: each is listed once, the last not at all. A file that does not
// parse has one error, its first, as go build shows it: the compiler's
// "syntax error" line where the go command gave one, else go/parser's
// first; go/parser's errors after the first in a file, and the type
// checker's errors of a package with a file that does not parse, follow
// from it. Relative positions are made absolute against dir.
func List(initial []*packages.Package, dir string) (errs []Error, paths []string) {
	l := &lister{dir: dir, seen: map[Error]bool{}, syntaxFile: map[string]bool{}, broken: map[string]bool{}}
	// One walk of the import graph finds the packages with errors; it runs
	// when the whole graph is in memory, so it walks once, not twice.
	var withErrors []*packages.Package
	packages.Visit(initial, nil, func(p *packages.Package) {
		if len(p.Errors) > 0 {
			withErrors = append(withErrors, p)
			l.broken[p.PkgPath] = true
		}
	})
	seenPath := map[string]bool{}
	for _, p := range withErrors {
		if !seenPath[p.PkgPath] {
			seenPath[p.PkgPath] = true
			paths = append(paths, p.PkgPath)
		}
		l.packageErrors(p)
	}
	return l.errs, paths
}

// A lister collects the errors List returns.
type lister struct {
	dir        string
	errs       []Error
	seen       map[Error]bool
	syntaxFile map[string]bool // files whose syntax error is listed
	broken     map[string]bool // the paths of the packages with errors

	mains     []*modresolve.Module // resolved on the first error that needs them
	mainsRead bool
}

// add lists the error msg at pos unless it is listed already, or it is
// a syntax error in a file whose syntax error is listed.
func (l *lister) add(pos, msg string, syntax bool) {
	msg = oneLine(msg)
	if msg == "" {
		return
	}
	if pos == "-" {
		pos = ""
	}
	if pos != "" && !filepath.IsAbs(pos) && l.dir != "" {
		pos = filepath.Join(l.dir, pos)
	}
	if syntax && pos != "" {
		file := fileOf(pos)
		if l.syntaxFile[file] {
			return
		}
		l.syntaxFile[file] = true
	}
	e := Error{pos, msg}
	if !l.seen[e] {
		l.seen[e] = true
		l.errs = append(l.errs, e)
	}
}

// packageErrors lists the errors of the package p.
func (l *lister) packageErrors(p *packages.Package) {
	parseErrors := false
	for _, e := range p.Errors {
		parseErrors = parseErrors || e.Kind == packages.ParseError
	}
	for _, e := range p.Errors {
		if parseErrors && e.Kind == packages.TypeError {
			continue // what the parser left out; go build does not say it
		}
		msg := e.Msg
		if e.Kind == packages.ListError && listHeader.MatchString(msg) {
			l.compilerErrors(e, parseErrors)
			continue
		}
		if dep, ok := importOf(msg); ok && l.broken[dep] {
			continue // the dependency's own errors say why
		}
		syntax := e.Kind == packages.ParseError
		if pos, m, ok := splitPos(msg); ok && (e.Pos == "" || e.Pos == "-") {
			l.add(pos, m, syntax)
			continue
		}
		if m := noModule.FindStringSubmatch(msg); m != nil {
			msg = l.noPackage(msg, m[1])
		}
		l.add(e.Pos, firstLine(msg), syntax)
	}
}

// compilerErrors lists the lines of the go command's error e,
// "# pkg\nfile:line:col: msg\n...": the compiler's errors, which the type
// checker reports again.
func (l *lister) compilerErrors(e packages.Error, parseErrors bool) {
	for _, line := range strings.Split(e.Msg, "\n")[1:] {
		if pos, m, ok := splitPos(line); ok {
			l.add(pos, m, parseErrors || strings.HasPrefix(m, "syntax error"))
		} else if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "note: ") {
			l.add(e.Pos, line, false)
		}
	}
}

// noPackage returns msg, the go command's error that no module provides
// the package path, or, when path is in a main module, what is missing
// there: the go command's advice (go get, a module lookup) is for a path
// outside the main module.
func (l *lister) noPackage(msg, path string) string {
	if !l.mainsRead {
		l.mainsRead = true
		l.mains = mainModules(l.dir)
	}
	mm, rel, ok := modresolve.Longest(l.mains, path)
	if !ok {
		return msg
	}
	shown := rel
	if shown == "" {
		shown = "its root directory"
	}
	why := "no directory " + shown
	if fi, err := os.Stat(filepath.Join(mm.Root, filepath.FromSlash(rel))); err == nil && fi.IsDir() {
		why = "no Go files that build in " + shown
	}
	return fmt.Sprintf("no package %s in the main module %s (%s)", path, mm.Path, why)
}

// noModule is the go command's error for an import path that no module
// of the build provides.
var noModule = regexp.MustCompile(`^(?:no required module provides package|cannot find module providing package) (\S+?)[;:]`)

// mainModules are the main modules of the build in dir: its module, or the
// modules of its workspace.
func mainModules(dir string) []*modresolve.Module {
	if dir == "" {
		dir = "."
	}
	m, err := modresolve.NewResolver().Module(dir)
	if err != nil {
		return nil
	}
	if m.Work != nil {
		return m.Work.Modules
	}
	return []*modresolve.Module{m}
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

// fileOf is the file of a position "file.go:line:col" or "file.go:line".
func fileOf(pos string) string {
	for range 2 {
		i := strings.LastIndexByte(pos, ':')
		if i < 0 || strings.HasSuffix(pos, ".go") {
			break
		}
		pos = pos[:i]
	}
	return pos
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

// firstLine is the first line of a message, with the lines after it when
// it ends with a colon that introduces them ("no required module provides
// package example.com/x; to add it:" and the command that adds it).
func firstLine(s string) string {
	first, rest, _ := strings.Cut(s, "\n")
	if strings.HasSuffix(first, ":") && strings.TrimSpace(rest) != "" {
		return oneLine(s)
	}
	return first
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
