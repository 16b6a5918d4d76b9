package analyzer

import "github.com/spanattrlint/spanattrlint/internal/category"

// A Category is a kind of finding: the Category of the analyzer's
// diagnostics (-json's "category").
type Category struct {
	Name string
	// Doc says in one line what the category's diagnostics report.
	Doc string
	// Options are the names of the options (Options) that govern it.
	Options []string
}

// Categories returns every category the analyzer reports, in the order
// the package doc lists them.
func Categories() []Category {
	var out []Category
	for _, c := range category.All() {
		out = append(out, Category{Name: string(c.Name), Doc: c.Doc, Options: c.Options})
	}
	return out
}
