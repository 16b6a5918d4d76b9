package coverage

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// shown is how many positions a table row names.
const shown = 3

// WriteTable writes the reports as plain tables: for each registry a line
// that sums up, its declarations, and what the code emits that nothing
// declares.
func WriteTable(w io.Writer, reps []*Report) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for i, rep := range reps {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		own, emitted := 0, 0
		for _, r := range rep.Declared {
			if r.Origin == Own {
				own++
				if r.Emitted {
					emitted++
				}
			}
		}
		fmt.Fprintf(tw, "registry %s: the code emits %d of its %d own declarations; %d names it emits are not declared\n\n",
			rep.Registry, emitted, own, len(rep.Undeclared))
		fmt.Fprintln(tw, "KIND\tNAME\tORIGIN\tEMITTED\tCOUNT\tWHERE")
		for _, r := range rep.Declared {
			yes := "no"
			if r.Emitted {
				yes = "yes"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", r.Kind, r.display(), r.Origin, yes, r.Count, r.where())
		}
		if len(rep.Undeclared) > 0 {
			fmt.Fprintf(tw, "\nemitted but not declared:\n\nKIND\tNAME\tCOUNT\tWHERE\n")
			for _, r := range rep.Undeclared {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", r.Kind, r.Name, r.Count, r.where())
			}
		}
	}
	return tw.Flush()
}

// display is the row's name as the table shows it: a template's keys as
// NAME.<name>, as the registry checks' messages write them.
func (r *Row) display() string {
	if r.Template {
		return r.Name + ".<name>"
	}
	return r.Name
}

// where is the first positions of the row, "-" if none.
func (r *Row) where() string {
	if len(r.Positions) == 0 {
		return "-"
	}
	if len(r.Positions) <= shown {
		return strings.Join(r.Positions, ", ")
	}
	return strings.Join(r.Positions[:shown], ", ") + ", ..."
}

// WriteJSON writes the reports as a JSON array, one object per registry
// (docs/registry.md describes it), indented.
func WriteJSON(w io.Writer, reps []*Report) error {
	if reps == nil {
		reps = []*Report{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(reps)
}

func itoa(i int) string { return strconv.Itoa(i) }
