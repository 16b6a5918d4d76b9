package fixes

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Unified returns the unified diff, with three lines of context, that
// turns old into new; "" when they are equal. The line matching anchors on
// lines that occur once on each side (as patience diff does) and computes
// a longest common subsequence between anchors, so that large files with
// many changes cost about linear time.
func Unified(oldName, newName string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	const context = 3
	// ops is the script: for every line of a and of b, in order, whether
	// it is kept, deleted or inserted. Group the changes into hunks.
	type line struct {
		kind byte // ' ', '-', '+'
		text string
		ai   int // index in a (for ' ' and '-')
		bi   int // index in b (for ' ' and '+')
	}
	var lines []line
	ai, bi := 0, 0
	for _, op := range ops {
		switch op {
		case ' ':
			lines = append(lines, line{' ', a[ai], ai, bi})
			ai++
			bi++
		case '-':
			lines = append(lines, line{'-', a[ai], ai, bi})
			ai++
		case '+':
			lines = append(lines, line{'+', b[bi], ai, bi})
			bi++
		}
	}
	for i := 0; i < len(lines); {
		if lines[i].kind == ' ' {
			i++
			continue
		}
		// A hunk from context lines before the change to context lines
		// after the last change that is within 2*context of the next.
		start := max(i-context, 0)
		end := i
		for {
			for end < len(lines) && lines[end].kind != ' ' {
				end++
			}
			k := end
			for k < len(lines) && lines[k].kind == ' ' && k-end < 2*context {
				k++
			}
			if k < len(lines) && lines[k].kind != ' ' {
				end = k
				continue
			}
			end = min(end+context, len(lines))
			break
		}
		h := lines[start:end]
		aStart, bStart := h[0].ai, h[0].bi
		var aCount, bCount int
		for _, l := range h {
			if l.kind != '+' {
				aCount++
			}
			if l.kind != '-' {
				bCount++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(aStart, aCount), hunkRange(bStart, bCount))
		for _, l := range h {
			out.WriteByte(l.kind)
			out.WriteString(l.text)
			if !strings.HasSuffix(l.text, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return out.String()
}

// hunkRange formats a hunk's range of lines from the 0-based start: an
// empty range names the line before it.
func hunkRange(start, count int) string {
	if count == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s []byte) []string {
	var lines []string
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, string(s))
			break
		}
		lines = append(lines, string(s[:i+1]))
		s = s[i+1:]
	}
	return lines
}

// diffLines returns the edit script from a to b: ' ' keeps a line of
// both, '-' deletes one of a, '+' inserts one of b.
func diffLines(a, b []string) []byte {
	var ops []byte
	var rec func(a, b []string)
	rec = func(a, b []string) {
		// Common prefix and suffix.
		p := 0
		for p < len(a) && p < len(b) && a[p] == b[p] {
			p++
		}
		s := 0
		for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
			s++
		}
		for range p {
			ops = append(ops, ' ')
		}
		ma, mb := a[p:len(a)-s], b[p:len(b)-s]
		switch {
		case len(ma) == 0:
			for range mb {
				ops = append(ops, '+')
			}
		case len(mb) == 0:
			for range ma {
				ops = append(ops, '-')
			}
		default:
			if anchors := uniqueAnchors(ma, mb); len(anchors) > 0 {
				ai, bi := 0, 0
				for _, an := range anchors {
					rec(ma[ai:an[0]], mb[bi:an[1]])
					ops = append(ops, ' ')
					ai, bi = an[0]+1, an[1]+1
				}
				rec(ma[ai:], mb[bi:])
			} else {
				ops = append(ops, lcs(ma, mb)...)
			}
		}
		for range s {
			ops = append(ops, ' ')
		}
	}
	rec(a, b)
	return ops
}

// uniqueAnchors returns pairs (i, j) with a[i] == b[j], each line
// occurring once in a and once in b, forming the longest chain increasing
// in both i and j.
func uniqueAnchors(a, b []string) [][2]int {
	type count struct{ na, nb, ia, ib int }
	counts := map[string]*count{}
	for i, l := range a {
		c := counts[l]
		if c == nil {
			c = &count{}
			counts[l] = c
		}
		c.na++
		c.ia = i
	}
	for j, l := range b {
		if c := counts[l]; c != nil {
			c.nb++
			c.ib = j
		}
	}
	var pairs [][2]int // in order of i
	for i, l := range a {
		if c := counts[l]; c.na == 1 && c.nb == 1 {
			pairs = append(pairs, [2]int{i, c.ib})
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	// Longest increasing subsequence of the j's (patience sorting).
	var tails []int // index into pairs of the smallest tail of each length
	prev := make([]int, len(pairs))
	for k, p := range pairs {
		n := sort.Search(len(tails), func(t int) bool { return pairs[tails[t]][1] >= p[1] })
		if n > 0 {
			prev[k] = tails[n-1]
		} else {
			prev[k] = -1
		}
		if n == len(tails) {
			tails = append(tails, k)
		} else {
			tails[n] = k
		}
	}
	chain := make([][2]int, len(tails))
	for k, n := tails[len(tails)-1], len(tails)-1; n >= 0; k, n = prev[k], n-1 {
		chain[n] = pairs[k]
	}
	return chain
}

// lcs returns the edit script of a longest common subsequence of a and b
// by dynamic programming; beyond a size where that is too costly, it
// deletes a and inserts b, which is correct, if not minimal.
func lcs(a, b []string) []byte {
	if len(a)*len(b) > 4<<20 {
		ops := make([]byte, 0, len(a)+len(b))
		for range a {
			ops = append(ops, '-')
		}
		for range b {
			ops = append(ops, '+')
		}
		return ops
	}
	n, m := len(a), len(b)
	// t[i][j]: length of the LCS of a[i:] and b[j:].
	t := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int32 { return t[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(at(i+1, j), at(i, j+1))
			if a[i] == b[j] {
				v = max(v, at(i+1, j+1)+1)
			}
			t[i*(m+1)+j] = v
		}
	}
	var ops []byte
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j] && at(i, j) == at(i+1, j+1)+1:
			ops = append(ops, ' ')
			i++
			j++
		case at(i+1, j) >= at(i, j+1):
			ops = append(ops, '-')
			i++
		default:
			ops = append(ops, '+')
			j++
		}
	}
	for ; i < n; i++ {
		ops = append(ops, '-')
	}
	for ; j < m; j++ {
		ops = append(ops, '+')
	}
	return ops
}
