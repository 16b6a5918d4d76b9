package analyzer_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// TestDocListsEveryCategory: the package doc, which -help prints, lists
// exactly the categories of Categories, in order, each with its
// description and the options that govern it, so neither can change
// without the other.
func TestDocListsEveryCategory(t *testing.T) {
	const intro = `Each finding carries one of these categories`
	_, rest, ok := strings.Cut(analyzer.Analyzer.Doc, intro)
	if !ok {
		t.Fatalf("the package doc (-help) has no list of categories starting %q", intro)
	}
	var listed []string
	for _, line := range strings.Split(rest, "\n")[1:] {
		if item, ok := strings.CutPrefix(line, "  - "); ok {
			listed = append(listed, item)
		} else if len(listed) > 0 {
			break
		}
	}
	var want []string
	for _, c := range analyzer.Categories() {
		var opts []string
		for _, o := range c.Options {
			opts = append(opts, "-"+o)
		}
		want = append(want, fmt.Sprintf("%s: %s (%s)", c.Name, c.Doc, strings.Join(opts, ", ")))
	}
	if !slices.Equal(listed, want) {
		t.Errorf("the package doc lists the categories\n\t%s\nwant (from Categories)\n\t%s", strings.Join(listed, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestEveryCheckHasACategoryAndAnOption: each category is governed by
// options that exist, and each option governs some category, so a check
// without an option, or an option without a documented check, fails here.
func TestEveryCheckHasACategoryAndAnOption(t *testing.T) {
	options := map[string]bool{}
	for _, o := range analyzer.Options() {
		options[o.Name] = false
	}
	names := map[string]bool{}
	for _, c := range analyzer.Categories() {
		if c.Name == "" || c.Doc == "" || names[c.Name] {
			t.Errorf("category %+v: empty, undocumented or repeated", c)
		}
		names[c.Name] = true
		if len(c.Options) == 0 {
			t.Errorf("category %s: no option governs it", c.Name)
		}
		for _, o := range c.Options {
			if _, ok := options[o]; !ok {
				t.Errorf("category %s: -%s is not an option", c.Name, o)
			}
			options[o] = true
		}
	}
	for o, used := range options {
		if !used {
			t.Errorf("option -%s governs no category", o)
		}
	}
}

// TestEveryCategoryIsReported: the testdata cases, which check every
// diagnostic's category against Categories (check), report each category
// somewhere, so no listed category outlives its check.
func TestEveryCategoryIsReported(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, c := range cases() {
		if c.cgo && !testsupport.CgoEnabled() {
			continue
		}
		for _, r := range run(c).of(c.pkg) {
			for _, d := range r.Diagnostics {
				seen[d.Category] = true
			}
		}
	}
	for _, c := range analyzer.Categories() {
		if !seen[c.Name] {
			t.Errorf("no testdata case reports category %s", c.Name)
		}
	}
}
