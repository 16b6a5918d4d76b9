package main

import "testing"

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(tc.xs); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.xs, got, tc.want)
		}
	}
	xs := []float64{3, 1, 2}
	median(xs)
	if xs[0] != 3 || xs[1] != 1 {
		t.Errorf("median sorted its argument: %v", xs)
	}
}

// The paired ratio divides each run by the baseline's run of the same
// round, so a round where the machine was slow for both cancels out; failed
// runs and rounds the baseline lacks are left out.
func TestPairedRatio(t *testing.T) {
	base := &cell{Mode: "standalone", Runs: []run{
		{Round: 0, Wall: 1},
		{Round: 1, Wall: 10}, // a slow round
		{Round: 2, Wall: 2},
		{Round: 3, Wall: 1, Failed: "exit 2"},
	}}
	c := &cell{Mode: "standalone", Runs: []run{
		{Round: 0, Wall: 2},
		{Round: 1, Wall: 20},
		{Round: 2, Wall: 5},
		{Round: 3, Wall: 100}, // its baseline run failed
		{Round: 4, Wall: 100}, // no baseline run
		{Round: 5, Wall: 100, Failed: "exit 2"},
	}}
	if got := pairedRatio(c, base, mWall); got != "2.00" {
		t.Errorf("pairedRatio = %s, want 2.00 (the median of 2, 2, 2.5)", got)
	}
	if got := pairedRatio(c, nil, mWall); got != "-" {
		t.Errorf("pairedRatio without a baseline = %s, want -", got)
	}
	zero := &cell{Mode: "standalone", Runs: []run{{Round: 0, Wall: 0}}}
	if got := pairedRatio(c, zero, mWall); got != "-" {
		t.Errorf("pairedRatio against a zero baseline = %s, want -", got)
	}
}

func TestSpread(t *testing.T) {
	c := &cell{Runs: []run{{Wall: 9}, {Wall: 10}, {Wall: 12}, {Wall: 50, Failed: "x"}}}
	if got := spread(c, mWall); got != "30%" {
		t.Errorf("spread = %s, want 30%% ((12-9)/10)", got)
	}
	if got := spread(&cell{Runs: []run{{Wall: 1}}}, mWall); got != "-" {
		t.Errorf("spread of one run = %s, want -", got)
	}
}

func TestRSSOf(t *testing.T) {
	r := run{TreeRSS: 900, ToolRSS: 300, ToolRuns: 4}
	if got := rssOf(&cell{Mode: "vet"}, r); got != 300 {
		t.Errorf("vet with the wrapper: %v, want the tool's 300", got)
	}
	if got := rssOf(&cell{Mode: "standalone"}, r); got != 900 {
		t.Errorf("standalone: %v, want the tree's 900", got)
	}
	if got := rssOf(&cell{Mode: "vet"}, run{TreeRSS: 900}); got != 900 {
		t.Errorf("vet without the wrapper: %v, want the tree's 900", got)
	}
}

func TestSetString(t *testing.T) {
	if got := setString(map[int]bool{3: true, 0: true, 12: true}); got != "0,3,12" {
		t.Errorf("setString = %q", got)
	}
	if got := setString(nil); got != "-" {
		t.Errorf("setString(nil) = %q", got)
	}
}
