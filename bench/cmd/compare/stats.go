package main

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Statistics: medians, paired ratios to the no-op baseline, spread.

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

type metric func(*cell, run) float64

var (
	mWall    metric = func(_ *cell, r run) float64 { return r.Wall }
	mRSS     metric = rssOf
	mCPU     metric = func(_ *cell, r run) float64 { return r.CPU }
	mToolCPU metric = func(_ *cell, r run) float64 { return r.ToolCPU }
	mTreeRSS metric = func(_ *cell, r run) float64 { return r.TreeRSS }
)

func okRuns(c *cell) []run {
	var out []run
	for _, r := range c.Runs {
		if r.Failed == "" {
			out = append(out, r)
		}
	}
	return out
}

func medianOf(c *cell, m metric) float64 {
	var xs []float64
	for _, r := range okRuns(c) {
		xs = append(xs, m(c, r))
	}
	return median(xs)
}

// pairedRatio is the median over rounds of c's run divided by the
// baseline's run of the same round, so that drift during the benchmark,
// which touches both runs of a round alike, cancels.
func pairedRatio(c, base *cell, m metric) string {
	if base == nil {
		return "-"
	}
	byRound := map[int]run{}
	for _, r := range okRuns(base) {
		byRound[r.Round] = r
	}
	var xs []float64
	for _, r := range okRuns(c) {
		if b, ok := byRound[r.Round]; ok && m(base, b) > 0 {
			xs = append(xs, m(c, r)/m(base, b))
		}
	}
	if len(xs) == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", median(xs))
}

func spread(c *cell, m metric) string {
	var xs []float64
	for _, r := range okRuns(c) {
		xs = append(xs, m(c, r))
	}
	if len(xs) < 2 {
		return "-"
	}
	med := median(xs)
	if med == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*(slices.Max(xs)-slices.Min(xs))/med)
}

func setString(m map[int]bool) string {
	var ks []int
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	var s []string
	for _, k := range ks {
		s = append(s, strconv.Itoa(k))
	}
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, ",")
}
