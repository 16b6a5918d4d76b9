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
