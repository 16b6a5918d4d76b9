package main

import (
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"time"
)

// The report: the markdown table and the notes under it.

// A header says what was run, where.
type header struct {
	start             time.Time
	goVersion, commit string
	lintFlags         []string // of every spanattrlint run
}

// writeReport writes the header, the table and the notes.
func writeReport(w io.Writer, h header, results []*result) {
	fmt.Fprintf(w, "## spanattrlint on real modules\n\n")
	fmt.Fprintf(w, "- date: %s\n", h.start.UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- %s, %d CPUs, load average %s at the end\n", h.goVersion, runtime.NumCPU(), loadavg())
	fmt.Fprintf(w, "- spanattrlint commit %s\n", h.commit)
	flags := append([]string{"-json"}, h.lintFlags...)
	fmt.Fprintf(w, "- command: `spanattrlint %s ./...` in a copy of each module; then `-fix` on a second copy\n", strings.Join(flags, " "))
	fmt.Fprintf(w, "- whole run: %.0f s\n\n", time.Since(h.start).Seconds())
	writeTable(w, results)
	writeDetails(w, results)
}

func writeTable(w io.Writer, results []*result) {
	fmt.Fprintln(w, "Findings are counted once per position (a file is analysed in its package and in its test variant).")
	fmt.Fprintln(w, "Each hard-coded cell is `with a fix / no constant defines it / semconv hint without a fix`.")
	fmt.Fprintln(w, "Value checks are the findings of the other categories (deprecated, misspelled, naming, ...), which have no fix by default; a key can have one of each.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| module | version | packages | hard-coded keys | hard-coded event names | hard-coded span names | value checks | time s | CPU s | peak MiB | files fixed | -fix exit | fix builds? | vet ok? | gofmt ok? | tests ok? | fixable left |")
	fmt.Fprintln(w, "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | ---: |")
	for _, r := range results {
		name := r.Module.Path
		if len(r.Module.Flags) > 0 {
			name += " `" + strings.Join(r.Module.Flags, " ") + "`"
		}
		if r.Failed != "" {
			fmt.Fprintf(w, "| %s | %s | %d | **failed**: %s |\n", name, r.Module.Version, r.Packages, strings.ReplaceAll(oneLine(r.Failed), "|", "\\|"))
			continue
		}
		cell := func(kind string) string {
			s := fmt.Sprintf("%d / %d / %d", r.Counts[kind+"/fix"], r.Counts[kind+"/none"], r.Counts[kind+"/hint"])
			if n := r.Counts[kind+"/other"]; n > 0 {
				s += fmt.Sprintf(" (+%d other)", n)
			}
			return s
		}
		var checks []string
		for k, n := range r.Counts {
			if c, ok := strings.CutPrefix(k, "check/"); ok {
				checks = append(checks, fmt.Sprintf("%s %d", c, n))
			}
		}
		sort.Strings(checks)
		if len(checks) == 0 {
			checks = []string{"0"}
		}
		yes := func(ok bool, bad string) string {
			if ok {
				return "yes"
			}
			return "**" + bad + "**"
		}
		tests := "not run"
		if r.TestRan {
			tests = yes(len(r.TestBroken) == 0, fmt.Sprintf("no: %d pkgs", len(r.TestBroken)))
		}
		fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %s | %s | %.1f | %.1f | %.0f | %d | %d | %s | %s | %s | %s | %d |\n",
			name, r.Module.Version, r.Packages,
			cell("attribute key"), cell("event name"), cell("span name"), strings.Join(checks, ", "),
			r.Lint.Wall, r.Lint.CPU, r.Lint.PeakMiB, len(r.Changed), r.FixExit,
			yes(r.BuildOK, "no"), yes(len(r.VetNew) == 0, fmt.Sprintf("no: %d new", len(r.VetNew))),
			yes(len(r.Gofmt) == 0, fmt.Sprintf("no: %d", len(r.Gofmt))), tests, r.LeftFixable)
	}
	crashes, failed, broken := 0, 0, 0
	for _, r := range results {
		switch {
		case isPanic(r.Crash):
			crashes++
		case r.Crash != "" || r.Failed != "":
			failed++
		}
		if r.FixRan && (!r.BuildOK || len(r.VetNew) > 0 || len(r.TestBroken) > 0) {
			broken++
		}
	}
	fmt.Fprintf(w, "\nCrashes (panics): %d. Rows where a step failed otherwise: %d. Rows whose fix broke the build, vet or tests: %d.\n", crashes, failed, broken)
}

func writeDetails(w io.Writer, results []*result) {
	for _, r := range results {
		var notes []string
		if r.Failed != "" {
			notes = append(notes, "failed: "+r.Failed)
		}
		if r.Crash != "" && !strings.Contains(r.Failed, r.Crash) {
			notes = append(notes, "crash: "+r.Crash)
		}
		for _, e := range r.Errors {
			notes = append(notes, "analysis error: "+e)
		}
		for i, d := range r.Disagree {
			if i == 3 {
				notes = append(notes, fmt.Sprintf("... %d more disagreements in results/%s/result.json", len(r.Disagree)-3, r.Module.Label))
				break
			}
			notes = append(notes, "package and test variant disagree: "+d)
		}
		if r.FixExit != 0 {
			notes = append(notes, fmt.Sprintf("-fix exit status %d: %s", r.FixExit, firstLines(r.FixStderr, 10)))
		}
		if !r.BuildOK && r.FixRan {
			notes = append(notes, "go build after the fix:\n```\n"+firstLines(r.BuildOut, 30)+"\n```")
		}
		if len(r.VetNew) > 0 {
			notes = append(notes, "new vet findings after the fix:\n```\n"+strings.Join(r.VetNew, "\n")+"\n```")
		}
		if r.VetBefore > 0 {
			notes = append(notes, fmt.Sprintf("go vet before the fix printed %d lines (see vet-before.txt); %d are gone after it", r.VetBefore, len(r.VetGone)))
		}
		if len(r.Gofmt) > 0 {
			notes = append(notes, "not gofmt-clean after the fix: "+strings.Join(r.Gofmt, ", "))
		}
		if len(r.TestFlaky) > 0 {
			notes = append(notes, "tests that failed after the fix but passed when run again (flaky, not counted): "+strings.Join(r.TestFlaky, ", "))
		}
		if len(r.TestBroken) > 0 {
			notes = append(notes, "tests that passed before and fail after: "+strings.Join(r.TestBroken, ", "))
		}
		if r.LeftOther != r.LeftExpected && r.FixRan {
			notes = append(notes, fmt.Sprintf("findings without a fix: %d before, %d after", r.LeftExpected, r.LeftOther))
		}
		if r.FixRan {
			notes = append(notes, fmt.Sprintf("-fix changed %d files (%d diff lines); module done in %.0f s", len(r.Changed), r.DiffLines, r.Elapsed))
		}
		if len(notes) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n### %s\n\n", r.Module.Label)

		for _, n := range notes {
			fmt.Fprintf(w, "- %s\n", n)
		}
	}
}
