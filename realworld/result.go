package main

// A result is what the table shows for one module, saved as JSON too.
type result struct {
	Module   module `json:"module"`
	Failed   string `json:"failed,omitempty"` // a step that stopped the module
	Packages int    `json:"packages"`

	Lint     runStats       `json:"lint"`
	Counts   map[string]int `json:"counts"` // "attribute key/fix", "event name/none", ...
	Errors   []string       `json:"errors,omitempty"`
	Crash    string         `json:"crash,omitempty"`
	Disagree []string       `json:"variant_disagreements,omitempty"` // one position, different messages

	FixRan       bool     `json:"fix_ran"`
	FixExit      int      `json:"fix_exit"`
	FixStderr    string   `json:"fix_stderr,omitempty"`
	Changed      []string `json:"changed_files"`
	DiffLines    int      `json:"diff_lines"` // + and - lines of the diff
	BuildOK      bool     `json:"build_ok"`
	BuildOut     string   `json:"build_out,omitempty"`
	VetBefore    int      `json:"vet_before"`
	VetNew       []string `json:"vet_new,omitempty"`
	VetGone      []string `json:"vet_gone,omitempty"`
	Gofmt        []string `json:"gofmt_unclean,omitempty"`
	TestRan      bool     `json:"test_ran"`
	TestBroken   []string `json:"test_broken,omitempty"`
	TestFlaky    []string `json:"test_flaky,omitempty"` // failed after the fix, then passed
	LeftFixable  int      `json:"left_fixable"`
	LeftOther    int      `json:"left_other"`
	LeftExpected int      `json:"left_expected"` // unfixable findings before the fix
	Elapsed      float64  `json:"elapsed_s"`
}

type runStats struct {
	Exit    int     `json:"exit"`
	Wall    float64 `json:"wall_s"`
	CPU     float64 `json:"cpu_s"`
	PeakMiB float64 `json:"peak_rss_mib"`
}

// count adds the findings of the unfixed copy to the counts: by kind and
// outcome, by check for the value checks, and those without a fix.
func (r *result) count(uniq []*diag) {
	for _, d := range uniq {
		r.Counts[d.kind()+"/"+d.outcome()]++
		if d.check() != "hard-coded" {
			r.Counts["check/"+d.check()]++
		}
		if len(d.Fixes) == 0 {
			r.LeftExpected++
		}
	}
}

// passed tells whether the row meets the bar: no failed step, no crash,
// and a fix that exits 0, builds, vets, is gofmt-clean, breaks no test and
// leaves no fixable finding.
func (r *result) passed() bool {
	return r.Failed == "" && r.Crash == "" && r.BuildOK && len(r.VetNew) == 0 && len(r.Gofmt) == 0 &&
		len(r.TestBroken) == 0 && r.LeftFixable == 0 && r.FixExit == 0
}
