package analyzer

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

func TestNormalizeKey(t *testing.T) {
	for in, want := range map[string]string{
		"requestID":       "request_id",
		"Journey.Phase":   "journey.phase",
		"journey..phase":  "journey.phase",
		"HTTPStatusCode":  "http_status_code",
		"user-agent.name": "user_agent.name",
		"kv.usage_ratio":  "kv.usage_ratio",
		// Plural initialisms (loki: seriesIDs, chunkURLs, userIDsCount).
		"seriesIDs":    "series_ids",
		"chunkURLs":    "chunk_urls",
		"userIDsCount": "user_ids_count",
		"HTTPServer":   "http_server",
		"APIsList":     "apis_list",
	} {
		if got := normalizeKey(in); got != want {
			t.Errorf("normalizeKey(%q) = %q, want %q", in, got, want)
		}
	}
}

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

func TestNamingAdvice(t *testing.T) {
	for key, bad := range map[string]bool{
		"journey.phase":                    false,
		"http.request.header.x-request-id": false, // under a template attribute
		"otel.status_code":                 false, // a known key in the reserved namespace
		"otel.journey":                     true,
		"requestID":                        true,
		".phase":                           true,
		"phase_":                           true,
	} {
		if got := namingAdvice(key) != ""; got != bad {
			t.Errorf("namingAdvice(%q) reported %v, want %v", key, got, bad)
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

// nearMiss through the index finds what comparing the key with every entry
// finds, in a pool with shared prefixes, numbered keys, repeated values
// and near neighbours.
func TestNearMissIndexMatchesScan(t *testing.T) {
	var entries []poolEntry
	for _, ns := range []string{"journey", "journeys", "http.request", "http.response", "messaging.kafka"} {
		for _, k := range []string{"step", "steps", "stage_name", "retry_count", "queue.depth", "gpu.0.util", "gpu.10.util", "method", "methods"} {
			entries = append(entries, poolEntry{value: ns + "." + k, name: "K"})
		}
	}
	entries = append(entries, poolEntry{value: "journey.step", name: "Again"}) // a repeated value: the first wins
	p := newPool(entries)
	checked := 0
	for _, e := range entries {
		for i := range len(e.value) + 1 {
			for _, edit := range []string{"", "x", "_"} {
				var keys []string
				if i < len(e.value) {
					keys = append(keys, e.value[:i]+edit+e.value[i+1:]) // substitution or deletion
				}
				keys = append(keys, e.value[:i]+edit+e.value[i:]) // insertion
				if i+1 < len(e.value) {
					keys = append(keys, e.value[:i]+string(e.value[i+1])+string(e.value[i])+e.value[i+2:]) // transposition
				}
				for _, key := range keys {
					if maxTypoDistance(len(key)) != 1 || strings.ContainsAny(key[i:min(i+2, len(key))]+e.value[i:min(i+2, len(e.value))], "0123456789") {
						continue // two edits are scanned anyway; digit edits are never hints
					}
					got, gotOK := nearMiss(key, p)
					want, wantOK := bruteNearMiss(entries, key)
					if got != want || gotOK != wantOK {
						t.Fatalf("nearMiss(%q) = %v %v, a scan finds %v %v", key, got, gotOK, want, wantOK)
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

func TestSnakeCase(t *testing.T) {
	for _, tc := range []struct {
		c     string
		upper bool
		want  bool
	}{
		{"phase", false, true}, {"step_2", false, true}, {"a_b_c", false, true}, {"0", false, true},
		{"", false, false}, {"_a", false, false}, {"a_", false, false}, {"a__b", false, false},
		{"userId", false, false}, {"x-request", false, false}, {"QUEUED", false, false},
		{"QUEUED", true, true}, {"NOT_FOUND", true, true}, {"queued", true, false}, {"A__B", true, false},
	} {
		if got := snakeCase(tc.c, tc.upper); got != tc.want {
			t.Errorf("snakeCase(%q, upper=%v) = %v, want %v", tc.c, tc.upper, got, tc.want)
		}
	}
}

// Two edits away, after windowIndexAfter scans the pool answers from its
// window index: what it finds must be what the scan finds, for keys with
// one or two slips in one spot, and for slips far apart (which neither
// accepts).
func TestNearMissWindowIndexMatchesScan(t *testing.T) {
	var entries []poolEntry
	for _, ns := range []string{"checkout.service", "checkout.services", "payment.gateway.request", "payment.gateway.response"} {
		for _, k := range []string{"queue.depth", "retry_count", "stage_name", "method", "methods"} {
			entries = append(entries, poolEntry{value: ns + "." + k, name: "K"})
		}
	}
	indexed := newPool(entries)
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
		e := entries[r.IntN(len(entries))].value
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
		got, gotOK := nearMiss(key, indexed)
		want, wantOK := bruteNearMiss(entries, key)
		if got != want || gotOK != wantOK {
			t.Fatalf("nearMiss(%q) with the window index = %v %v, comparing with every entry %v %v", key, got, gotOK, want, wantOK)
		}
		if gotOK {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d near misses found", found)
	}
}

// bruteNearMiss is nearMiss by comparing key with every entry.
func bruteNearMiss(entries []poolEntry, key string) (poolEntry, bool) {
	max := maxTypoDistance(len(key))
	best, bestD := -1, max+1
	for i, e := range entries {
		if e.value == key || sameButDigits(e.value, key) || shortLastDiffers(e.value, key) {
			continue
		}
		d := osaDistance(key, e.value, max)
		if d < bestD || d == bestD && d <= max && e.value < entries[best].value {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return poolEntry{}, false
	}
	return entries[best], true
}

// The semconv pool is shared by the passes the driver runs in parallel: the
// switch from scanning to the window index must be safe and give the same
// answers (run with -race to check the first).
func TestPoolSharedAcrossGoroutines(t *testing.T) {
	var entries []poolEntry
	for _, k := range []string{"queue.depth", "retry_count", "stage_name", "method"} {
		entries = append(entries, poolEntry{value: "checkout.service." + k}, poolEntry{value: "payment.gateway." + k})
	}
	p := newPool(entries)
	keys := []string{"checkout.service.queue.detph", "payment.gateway.retry_cuont", "checkout.servcie.method", "payment.gateway.stage_nmae", "unrelated.namespace.key"}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 4 * windowIndexAfter {
				key := keys[(g+i)%len(keys)]
				got, gotOK := nearMiss(key, p)
				if want, wantOK := bruteNearMiss(entries, key); got != want || gotOK != wantOK {
					errs <- fmt.Sprintf("nearMiss(%q) = %v %v, want %v %v", key, got, gotOK, want, wantOK)
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
