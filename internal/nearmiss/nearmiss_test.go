package nearmiss

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

func TestOSADistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		max  int
		want int
	}{
		{"http.request.methd", "http.request.method", 2, 1},
		{"event_type", "event.type", 2, 1},
		{"scheduler.stpe", "scheduler.step", 2, 1}, // a transposition is one edit
		{"server.port", "server.address", 2, 3},    // capped at max+1
		{"abc", "abc", 1, 0},
	} {
		if got := osaDistance(tc.a, tc.b, tc.max); got != tc.want {
			t.Errorf("osaDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.max, got, tc.want)
		}
	}
}

// The index finds a pool entry through the hash of a one-byte deletion
// without building the string: each hash must be the hash of the string
// the deletion makes.
func TestForDeletionsHashesTheDeletedStrings(t *testing.T) {
	hash := func(s string) uint64 {
		var h uint64
		forDeletions(s, func(v uint64) {
			if h == 0 {
				h = v // the first is s itself
			}
		})
		return h
	}
	for _, s := range []string{"db.name", "http.request.method", "gpu.0.util", "aab", strings.Repeat("long.key_", 9)} {
		want := map[uint64]bool{hash(s): true}
		for i := range len(s) {
			if s[i] < '0' || s[i] > '9' {
				want[hash(s[:i]+s[i+1:])] = true
			}
		}
		got := map[uint64]bool{}
		forDeletions(s, func(h uint64) { got[h] = true })
		if !maps.Equal(got, want) {
			t.Errorf("forDeletions(%q) yields %d hashes, want the %d of s and its deletions", s, len(got), len(want))
		}
	}
}

// Find through the index finds what comparing the key with every entry
// finds, in a pool with shared prefixes, numbered keys, repeated values
// and near neighbours.
func TestNearMissIndexMatchesScan(t *testing.T) {
	var entries []Entry[string]
	for _, ns := range []string{"journey", "journeys", "http.request", "http.response", "messaging.kafka"} {
		for _, k := range []string{"step", "steps", "stage_name", "retry_count", "queue.depth", "gpu.0.util", "gpu.10.util", "method", "methods"} {
			entries = append(entries, Entry[string]{Value: ns + "." + k, Data: "K"})
		}
	}
	entries = append(entries, Entry[string]{Value: "journey.step", Data: "Again"}) // a repeated value: the first wins
	p := NewPool(entries)
	checked := 0
	for _, e := range entries {
		for i := range len(e.Value) + 1 {
			for _, edit := range []string{"", "x", "_"} {
				var keys []string
				if i < len(e.Value) {
					keys = append(keys, e.Value[:i]+edit+e.Value[i+1:]) // substitution or deletion
				}
				keys = append(keys, e.Value[:i]+edit+e.Value[i:]) // insertion
				if i+1 < len(e.Value) {
					keys = append(keys, e.Value[:i]+string(e.Value[i+1])+string(e.Value[i])+e.Value[i+2:]) // transposition
				}
				for _, key := range keys {
					if maxTypoDistance(len(key)) != 1 || strings.ContainsAny(key[i:min(i+2, len(key))]+e.Value[i:min(i+2, len(e.Value))], "0123456789") {
						continue // two edits are scanned anyway; digit edits are never hints
					}
					got, gotOK := Find(key, p)
					want, wantOK := bruteNearMiss(entries, key)
					if got != want || gotOK != wantOK {
						t.Fatalf("Find(%q) = %v %v, a scan finds %v %v", key, got, gotOK, want, wantOK)
					}
					checked++
				}
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d keys checked", checked)
	}
}

// Two edits away, after windowIndexAfter scans the pool answers from its
// window index: what it finds must be what the scan finds, for keys with
// one or two slips in one spot, and for slips far apart (which neither
// accepts).
func TestNearMissWindowIndexMatchesScan(t *testing.T) {
	var entries []Entry[string]
	for _, ns := range []string{"checkout.service", "checkout.services", "payment.gateway.request", "payment.gateway.response"} {
		for _, k := range []string{"queue.depth", "retry_count", "stage_name", "method", "methods"} {
			entries = append(entries, Entry[string]{Value: ns + "." + k, Data: "K"})
		}
	}
	indexed := NewPool(entries)
	indexed.scans.Store(windowIndexAfter)
	r := rand.New(rand.NewPCG(1, 2))
	edit := func(s string, i int) string {
		i = min(i, len(s)-1)
		switch r.IntN(4) {
		case 0:
			return s[:i] + "x" + s[i+1:]
		case 1:
			return s[:i] + s[i+1:]
		case 2:
			return s[:i] + "q" + s[i:]
		}
		if i+1 < len(s) {
			return s[:i] + string(s[i+1]) + string(s[i]) + s[i+2:]
		}
		return s
	}
	found := 0
	for range 20000 {
		e := entries[r.IntN(len(entries))].Value
		i := r.IntN(len(e))
		key := edit(e, i)
		if r.IntN(2) == 0 {
			gap := 1 + r.IntN(3)
			if r.IntN(4) == 0 {
				gap = 6 + r.IntN(10) // far apart: more than one spot
			}
			key = edit(key, i+gap)
		}
		if maxTypoDistance(len(key)) != 2 {
			continue
		}
		got, gotOK := Find(key, indexed)
		want, wantOK := bruteNearMiss(entries, key)
		if got != want || gotOK != wantOK {
			t.Fatalf("Find(%q) with the window index = %v %v, comparing with every entry %v %v", key, got, gotOK, want, wantOK)
		}
		if gotOK {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d near misses found", found)
	}
}

// bruteNearMiss is Find in one pool by comparing key with every entry.
func bruteNearMiss(entries []Entry[string], key string) (Entry[string], bool) {
	max := maxTypoDistance(len(key))
	best, bestD := -1, max+1
	for i, e := range entries {
		if e.Value == key || sameButDigits(e.Value, key) || shortLastDiffers(e.Value, key) {
			continue
		}
		d := osaDistance(key, e.Value, max)
		if d < bestD || d == bestD && d <= max && e.Value < entries[best].Value {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return Entry[string]{}, false
	}
	return entries[best], true
}

// A pool is shared by the passes the driver runs in parallel: the switch
// from scanning to the window index must be safe and give the same answers
// (run with -race to check the first).
func TestPoolSharedAcrossGoroutines(t *testing.T) {
	var entries []Entry[string]
	for _, k := range []string{"queue.depth", "retry_count", "stage_name", "method"} {
		entries = append(entries, Entry[string]{Value: "checkout.service." + k}, Entry[string]{Value: "payment.gateway." + k})
	}
	p := NewPool(entries)
	keys := []string{"checkout.service.queue.detph", "payment.gateway.retry_cuont", "checkout.servcie.method", "payment.gateway.stage_nmae", "unrelated.namespace.key"}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 4 * windowIndexAfter {
				key := keys[(g+i)%len(keys)]
				got, gotOK := Find(key, p)
				if want, wantOK := bruteNearMiss(entries, key); got != want || gotOK != wantOK {
					errs <- fmt.Sprintf("Find(%q) = %v %v, want %v %v", key, got, gotOK, want, wantOK)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if p.scans.Load() < windowIndexAfter {
		t.Fatalf("%d scans: the pool never switched to its window index", p.scans.Load())
	}
}

// Find prefers the pools in order: the analyzer passes the project's
// constants first, so a farther match there wins over a closer semconv key.
// Nearest looks in one pool.
func TestFindPrefersEarlierPools(t *testing.T) {
	project := NewPool([]Entry[string]{{Value: "journey.stages", Data: "project"}})
	semconv := NewPool([]Entry[string]{{Value: "journey.stage", Data: "semconv"}, {Value: "db.system.name", Data: "semconv"}})
	for _, tc := range []struct {
		key   string
		pools []*Pool[string]
		want  string // the Data of the entry found, "" for none
	}{
		{"journey.stage", []*Pool[string]{project, semconv}, "project"}, // one edit in the first pool
		{"journey.stage", []*Pool[string]{semconv, project}, "project"}, // an equal entry is no near miss
		{"journey.stagex", []*Pool[string]{semconv, project}, "semconv"},
		{"db.system.nmae", []*Pool[string]{project, semconv}, "semconv"}, // none in the first
		{"db.sys", []*Pool[string]{project, semconv}, ""},                // too short for a typo
		{"unrelated.key", []*Pool[string]{project, semconv}, ""},
	} {
		e, ok := Find(tc.key, tc.pools...)
		if got := map[bool]string{true: e.Data}[ok]; got != tc.want || ok != (tc.want != "") {
			t.Errorf("Find(%q) = %q %v, want %q", tc.key, got, ok, tc.want)
		}
	}
	if e, ok := semconv.Nearest("db.system.nmae"); !ok || e.Value != "db.system.name" {
		t.Errorf("Nearest(%q) = %v %v, want db.system.name", "db.system.nmae", e, ok)
	}
	if _, ok := project.Nearest("db.system.nmae"); ok {
		t.Errorf("Nearest(%q) in a pool without it found something", "db.system.nmae")
	}
}

// The window index holds the entries a 20-byte key reaches in two edits,
// down to 18 bytes: two insertions in one spot.
func TestWindowIndexReachesShortestEntries(t *testing.T) {
	entries := []Entry[string]{{Value: "checkout.step_name"}, {Value: "checkout.queue_len"}, {Value: "payment.gateway.method"}}
	p := NewPool(entries)
	p.scans.Store(windowIndexAfter)
	for key, want := range map[string]string{
		"checkout.stepxx_name":   "checkout.step_name", // 20 bytes, 18 in the entry
		"checkout.queue_lenxy":   "checkout.queue_len",
		"payment.gateway.mehtod": "payment.gateway.method",
	} {
		if e, ok := Find(key, p); !ok || e.Value != want {
			t.Errorf("Find(%q) with the window index = %q %v, want %q", key, e.Value, ok, want)
		}
	}
}
