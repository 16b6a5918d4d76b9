// Package nearmiss finds, among known strings, the one a string is most
// likely a typo of: spanattrlint's "did you mean" for attribute keys.
//
// A typo is a few edits in one spot (optimal-string-alignment distance:
// insertions, deletions, substitutions, adjacent transpositions), allowed
// by length: none below 8 bytes, one from 8, two from 20. A pool finds the
// entries one edit away through shared one-deletion variants, hashed
// without building the strings into one open-addressing table, so n
// look-ups in a pool of m entries cost O(n+m), not O(n*m). Two edits away
// it scans the entries of about the right length for its first look-ups
// and then indexes the long entries by their window-deletion variants.
// Keys that differ only in digits (gpu.0.util, gpu.1.util) or in a short
// last component (request.n, request.id) are never near misses.
package nearmiss

import (
	"strings"
	"sync"
	"sync/atomic"
)

// An Entry is a known string and what the caller keeps with it, given back
// by a look-up that finds it.
type Entry[T any] struct {
	Value string
	Data  T
}

// A Pool is the known strings a near miss may have meant. It is safe for
// concurrent look-ups.
//
// Two edits away (keys of 20 bytes or more), where osaDistance accepts
// keys that differ in one window of at most four bytes, the first
// look-ups scan the entries of about the right length, which is cheaper
// for a few keys; after windowIndexAfter of them the pool indexes its long
// entries by their window-deletion variants, so that many long keys cost
// O(n+m) too.
type Pool[T any] struct {
	entries []Entry[T] // a value may repeat: the first is preferred
	del     delIndex

	scans   atomic.Int32 // two-edit look-ups answered by a scan
	winOnce sync.Once
	win     delIndex // built after windowIndexAfter scans
}

const windowIndexAfter = 32

// NewPool indexes entries, which a value may repeat in: a look-up prefers
// the first. The pool keeps entries; the caller must not change them.
func NewPool[T any](entries []Entry[T]) *Pool[T] {
	n := 0
	for _, e := range entries {
		n += len(e.Value) + 1
	}
	p := &Pool[T]{entries: entries, del: newDelIndex(n)}
	for i, e := range entries {
		forDeletions(e.Value, func(h uint64) { p.del.add(h, int32(i)) })
	}
	return p
}

// Find returns the entry closest to key within the typo distance,
// preferring the pools in order (a match in the first wins over a closer
// one in the second), then the smallest distance, then the smallest value,
// then the first entry. An entry equal to key is no near miss.
func Find[T any](key string, pools ...*Pool[T]) (Entry[T], bool) {
	max := maxTypoDistance(len(key))
	if max == 0 {
		return Entry[T]{}, false
	}
	for _, p := range pools {
		if e, ok := p.nearest(key, max); ok {
			return e, true
		}
	}
	return Entry[T]{}, false
}

// Nearest is Find in p alone.
func (p *Pool[T]) Nearest(key string) (Entry[T], bool) { return Find(key, p) }

func (p *Pool[T]) nearest(key string, max int) (Entry[T], bool) {
	best, bestD := -1, max+1
	p.candidates(key, max, func(i int) {
		e := p.entries[i]
		if e.Value == key {
			return
		}
		d := osaDistance(key, e.Value, max)
		if d > max || d > bestD || d == bestD && best >= 0 && (e.Value > p.entries[best].Value || e.Value == p.entries[best].Value && i > best) || sameButDigits(e.Value, key) || shortLastDiffers(e.Value, key) {
			return
		}
		best, bestD = i, d
	})
	if best < 0 {
		return Entry[T]{}, false
	}
	return p.entries[best], true
}

// maxTypoDistance is how far a near miss may be from a known key: one
// edit from 8 bytes, two from 20, none below 8, where distinct real keys
// are one edit apart ("db.name", "db.type"). Measured on real modules:
// see the tables of realworld/RESULTS.md.
func maxTypoDistance(n int) int {
	switch {
	case n < 8:
		return 0
	case n < 20:
		return 1
	}
	return 2
}

// candidates yields the entries that may be within max edits of key, an
// entry possibly more than once.
func (p *Pool[T]) candidates(key string, max int, yield func(int)) {
	if max == 1 {
		forDeletions(key, func(h uint64) {
			p.del.lookup(h, func(i int32) { yield(int(i)) })
		})
		return
	}
	if p.scans.Load() >= windowIndexAfter {
		p.winOnce.Do(p.buildWindows)
		forWindows(key, maxWindow, func(h uint64) {
			p.win.lookup(h, func(i int32) { yield(int(i)) })
		})
		return
	}
	p.scans.Add(1)
	for i, e := range p.entries {
		if abs(len(e.Value)-len(key)) <= max {
			yield(i)
		}
	}
}

// buildWindows indexes the entries that a two-edit look-up can reach.
func (p *Pool[T]) buildWindows() {
	n := 0
	for _, e := range p.entries {
		if len(e.Value) >= minTwoEditEntry {
			n += 1 + maxWindow*len(e.Value)
		}
	}
	p.win = newDelIndex(n)
	for i, e := range p.entries {
		if len(e.Value) >= minTwoEditEntry {
			forWindows(e.Value, maxWindow, func(h uint64) { p.win.add(h, int32(i)) })
		}
	}
}

// maxWindow is the widest difference osaDistance accepts two edits in;
// minTwoEditEntry the shortest entry two edits from a 20-byte key.
const (
	maxWindow       = 4
	minTwoEditEntry = 18
)

// sameButDigits reports whether a and b differ only in digits, as
// numbered keys do ("gpu.0.util", "gpu.1.util"): no typo.
func sameButDigits(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && '0' <= a[i] && a[i] <= '9' {
			i++
		}
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i, j = i+1, j+1
	}
}

// shortLastDiffers reports whether the keys differ in a last component of
// one or two bytes, where one edit makes another word ("request.n",
// "request.id").
func shortLastDiffers(a, b string) bool {
	la, lb := a[strings.LastIndexByte(a, '.')+1:], b[strings.LastIndexByte(b, '.')+1:]
	return la != lb && (len(la) <= 2 || len(lb) <= 2)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
