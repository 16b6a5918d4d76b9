//go:build ignore

// findings prints the findings in a JSON report, from the spanattrlint
// command's -json or golangci-lint's --output.json.path, as sorted, distinct lines
//
//	path:line:col: message [fix]
//
// with paths relative to -base, so that check.sh can compare the two front
// ends with diff. "[fix]" marks a finding that carries a suggested fix with
// at least one edit; a finding of another linter is prefixed with its
// name. An error in the report (a package the command could not analyse,
// golangci-lint's report error) makes it exit 1.
//
// Usage: go run findings.go -base DIR < report.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

const linterName = "spanattrlint"

// golangci-lint's report (pkg/printers/json.go).
type gclReport struct {
	Issues []struct {
		FromLinter string
		Text       string
		Pos        struct {
			Filename     string
			Line, Column int
		}
		SuggestedFixes []struct{ TextEdits []json.RawMessage }
	}
	Report *struct {
		Error    string
		Warnings []struct{ Tag, Text string }
	}
}

// The command's -json report (golang.org/x/tools/go/analysis/internal/
// analysisflags): package -> analyzer -> diagnostics, or an error.
type salDiag struct {
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Edits []json.RawMessage `json:"edits"`
	} `json:"suggested_fixes"`
}

var posn = regexp.MustCompile(`^(.*):(\d+):(\d+)$`)

func main() {
	base := flag.String("base", ".", "directory that paths are made relative to")
	flag.Parse()
	abs, err := filepath.Abs(*base)
	if err != nil {
		fail(err)
	}
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail(err)
	}
	rel := func(name string) string {
		if filepath.IsAbs(name) {
			if r, err := filepath.Rel(abs, name); err == nil {
				return filepath.ToSlash(r)
			}
		}
		return filepath.ToSlash(name)
	}

	var lines []string
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		fail(fmt.Errorf("not a JSON report: %v", err))
	}
	if _, ok := probe["Issues"]; ok {
		lines = golangciLines(data, rel)
	} else {
		lines = commandLines(data, rel)
	}
	// A file of a package with tests is analysed twice by the command, in
	// the package and in its test variant; golangci-lint reports it once.
	slices.Sort(lines)
	lines = slices.Compact(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}

// golangciLines returns the lines of golangci-lint's report data, with
// the paths made relative by rel.
func golangciLines(data []byte, rel func(string) string) []string {
	var r gclReport
	if err := json.Unmarshal(data, &r); err != nil {
		fail(err)
	}
	if r.Report != nil && r.Report.Error != "" {
		fail(fmt.Errorf("golangci-lint: %s", r.Report.Error))
	}
	var lines []string
	for _, is := range r.Issues {
		fix := false
		for _, sf := range is.SuggestedFixes {
			fix = fix || len(sf.TextEdits) > 0
		}
		text := is.Text
		if is.FromLinter != linterName {
			text = is.FromLinter + ": " + text
		}
		lines = append(lines, line(rel(is.Pos.Filename), is.Pos.Line, is.Pos.Column, text, fix))
	}
	return lines
}

// commandLines returns the lines of the command's -json report data,
// with the paths made relative by rel.
func commandLines(data []byte, rel func(string) string) []string {
	var r map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &r); err != nil {
		fail(err)
	}
	var lines []string
	for pkg, byAnalyzer := range r {
		for name, raw := range byAnalyzer {
			var e struct{ Error string }
			if json.Unmarshal(raw, &e) == nil && e.Error != "" {
				fail(fmt.Errorf("%s: %s: %s", pkg, name, e.Error))
			}
			var diags []salDiag
			if err := json.Unmarshal(raw, &diags); err != nil {
				fail(fmt.Errorf("%s: %s: %v", pkg, name, err))
			}
			for _, d := range diags {
				lines = append(lines, diagLine(pkg, name, d, rel))
			}
		}
	}
	return lines
}

// diagLine returns the line of the diagnostic d of analyzer name in
// package pkg.
func diagLine(pkg, name string, d salDiag, rel func(string) string) string {
	m := posn.FindStringSubmatch(d.Posn)
	if m == nil {
		fail(fmt.Errorf("%s: bad position %q", pkg, d.Posn))
	}
	fix := false
	for _, sf := range d.SuggestedFixes {
		fix = fix || len(sf.Edits) > 0
	}
	text := d.Message
	if name != linterName {
		text = name + ": " + text
	}
	var l, c int
	fmt.Sscan(m[2], &l)
	fmt.Sscan(m[3], &c)
	return line(rel(m[1]), l, c, text, fix)
}

func line(file string, l, c int, text string, fix bool) string {
	s := fmt.Sprintf("%s:%d:%d: %s", file, l, c, strings.ReplaceAll(text, "\n", `\n`))
	if fix {
		s += " [fix]"
	}
	return s
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "findings:", err)
	os.Exit(1)
}
