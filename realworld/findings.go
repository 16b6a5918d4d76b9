package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// spanattrlint's JSON: reading, deduplicating, classifying and listing findings.

type diag struct {
	Pkg      string `json:"-"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Category string `json:"category"` // hard-coded, deprecated, misspelled, naming, ... (empty before d20401f)
	Fixes    []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename   string `json:"filename"`
			Start, End int
			New        string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

// kindRE finds the kind in "hard-coded attribute key ..." and in messages
// of other checks that name one ("attribute key "storeID" breaks ...").
var kindRE = regexp.MustCompile(`^(?:hard-coded )?(attribute key|event name|span name) `)

func (d *diag) kind() string {
	if m := kindRE.FindStringSubmatch(d.Message); m != nil {
		return m[1]
	}
	return "other"
}

// check is the diagnostic's category: hard-coded for the findings this
// proving ground is about, or one of the checks of a key's value.
func (d *diag) check() string {
	switch {
	case d.Category != "":
		return d.Category
	case strings.HasPrefix(d.Message, "hard-coded "):
		return "hard-coded"
	}
	return "other"
}

// outcome is fix (a suggested fix), none (no constant defines it), hint
// (a constant is named, with its import, but not fixed) or other; for the
// other checks, their category.
func (d *diag) outcome() string {
	switch {
	case d.check() != "hard-coded":
		return d.check()
	case len(d.Fixes) > 0:
		return "fix"
	case strings.HasSuffix(d.Message, ": no constant defines it"):
		return "none"
	case strings.Contains(d.Message, `(import "`):
		return "hint"
	}
	return "other"
}

// parseJSON reads {"pkg": {"spanattrlint": [diag...] or {"error": "..."}}}.
func parseJSON(data []byte) ([]*diag, []string, error) {
	var tree map[string]map[string]json.RawMessage
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, nil // no package had anything to say
	}
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, nil, err
	}
	var diags []*diag
	var errs []string
	for pkg, byAnalyzer := range tree {
		for _, raw := range byAnalyzer {
			var ds []*diag
			if err := json.Unmarshal(raw, &ds); err == nil {
				for _, d := range ds {
					d.Pkg = pkg
				}
				diags = append(diags, ds...)
				continue
			}
			var e struct{ Error string }
			if err := json.Unmarshal(raw, &e); err != nil {
				return nil, nil, fmt.Errorf("package %s: %v", pkg, err)
			}
			errs = append(errs, pkg+": "+e.Error)
		}
	}
	sort.Strings(errs)
	return diags, errs, nil
}

// dedup keeps one diagnostic per position and message: a file of a
// package with tests is analysed in the package and in its test variant.
// Positions where the variants report different messages are returned as
// disagreements.
func dedup(diags []*diag) ([]*diag, []string) {
	sort.SliceStable(diags, func(i, j int) bool {
		if diags[i].Posn != diags[j].Posn {
			return lessPosn(diags[i].Posn, diags[j].Posn)
		}
		return diags[i].Message < diags[j].Message
	})
	var out []*diag
	var disagree []string
	for i := 0; i < len(diags); {
		j := i
		byPkg := map[string][]string{}
		for ; j < len(diags) && diags[j].Posn == diags[i].Posn; j++ {
			d := diags[j]
			byPkg[d.Pkg] = append(byPkg[d.Pkg], fmt.Sprintf("%q (%d fixes)", d.Message, len(d.Fixes)))
			if n := len(out); n == 0 || out[n-1].Posn != d.Posn || out[n-1].Message != d.Message {
				out = append(out, d)
			}
		}
		var pkgs []string
		for p := range byPkg {
			pkgs = append(pkgs, p)
		}
		sort.Strings(pkgs)
		for _, p := range pkgs[1:] {
			if !slices.Equal(byPkg[p], byPkg[pkgs[0]]) {
				disagree = append(disagree, fmt.Sprintf("%s: %s says %s; %s says %s", diags[i].Posn,
					pkgs[0], strings.Join(byPkg[pkgs[0]], ", "), p, strings.Join(byPkg[p], ", ")))
			}
		}
		i = j
	}
	return out, disagree
}

func lessPosn(a, b string) bool {
	fa, la, ca := splitPosn(a)
	fb, lb, cb := splitPosn(b)
	if fa != fb {
		return fa < fb
	}
	if la != lb {
		return la < lb
	}
	return ca < cb
}

func splitPosn(p string) (string, int, int) {
	parts := strings.Split(p, ":")
	if len(parts) < 3 {
		return p, 0, 0
	}
	n := len(parts)
	line, _ := strconv.Atoi(parts[n-2])
	col, _ := strconv.Atoi(parts[n-1])
	return strings.Join(parts[:n-2], ":"), line, col
}

// listing writes the findings for reading by hand: position, message, the
// source line and the fix.
func listing(diags []*diag, root string) string {
	var b strings.Builder
	lines := map[string][]string{}
	for _, d := range diags {
		file, line, _ := splitPosn(d.Posn)
		rel, err := filepath.Rel(root, file)
		if err != nil {
			rel = file
		}
		fmt.Fprintf(&b, "%s:%d: [%s/%s] %s\n", rel, line, d.kind(), d.outcome(), d.Message)
		if d.check() == "other" && d.kind() == "other" {
			fmt.Fprintf(&b, "\t! unrecognised message\n")
		}
		if _, ok := lines[file]; !ok {
			data, _ := os.ReadFile(file)
			lines[file] = strings.Split(string(data), "\n")
		}
		if src := lines[file]; line >= 1 && line <= len(src) {
			fmt.Fprintf(&b, "\t| %s\n", strings.TrimSpace(src[line-1]))
		}
		for _, f := range d.Fixes {
			fmt.Fprintf(&b, "\t=> %s (%d edits)\n", f.Message, len(f.Edits))
		}
	}
	return b.String()
}
