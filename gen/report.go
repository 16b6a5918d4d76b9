package gen

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// countLeft counts the distinct hard-coded strings that the last analysis
// found no constant for: those that gen leaves alone.
func countLeft(outs []outcome) int {
	seen := map[string]bool{}
	for _, o := range outs {
		for _, pos := range o.left {
			seen[pos] = true
		}
	}
	return len(seen)
}

// report prints what the run did, or with dry would do, and with dry the
// new constants file.
func report(w io.Writer, s *Summary, dry bool) {
	for _, n := range s.Notes {
		fmt.Fprintf(w, "spanattrlint gen: note: %s\n", n)
	}
	verb, rw := "wrote", "made"
	if dry {
		if s.Content != nil {
			w.Write(s.Content)
		}
		verb, rw = "-dry-run: would write", "-dry-run: would make"
	}
	if s.Content != nil {
		counts := map[string]int{}
		for _, c := range s.Constants {
			counts[c.roleText()]++
		}
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(counts)) {
			parts = append(parts, plural(counts[k], k))
		}
		fmt.Fprintf(w, "spanattrlint gen: %s %s: %s (%s)\n", verb, s.File, plural(len(s.Constants), "new constant"), strings.Join(parts, ", "))
	} else if s.existed {
		fmt.Fprintf(w, "spanattrlint gen: 0 new constants (%s unchanged)\n", s.File)
	} else {
		fmt.Fprintf(w, "spanattrlint gen: 0 new constants (nothing to write into %s)\n", s.File)
	}
	fmt.Fprintf(w, "spanattrlint gen: %s %s in %s\n", rw, plural(s.Rewrites, "rewrite"), plural(len(s.Files), "file"))
	if dry {
		for _, f := range s.Files {
			fmt.Fprintf(w, "\t%s: %d\n", f, s.PerFile[f])
		}
	}
	if s.Left > 0 {
		fmt.Fprintf(w, "spanattrlint gen: %s left without a constant\n", plural(s.Left, "hard-coded string"))
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// changedDuringRun says that another process wrote a file of the run (rel,
// relative to the module root) while it ran.
func changedDuringRun(rel string) error {
	return fmt.Errorf("%s changed while spanattrlint gen ran (another gen on this module, or an editor?): nothing of this run was left; run gen again", rel)
}
