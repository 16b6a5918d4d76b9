package nearmiss

// forDeletions yields the hashes of s and of each distinct string made by
// deleting one byte of it that is not a digit, without building the
// strings. Keys one digit edit apart are never hints (see sameButDigits),
// and numbered keys (gpu.0.util ... gpu.99.util) would otherwise all share
// variants, making the search quadratic in them; the price is missing a
// typo that swaps a letter for a digit.
//
// The hash is a polynomial over the bytes, so the hash of s without s[i]
// is hash(s[:i])*base^(len(s)-1-i) + hash(s[i+1:]). Equal hashes only make
// an entry a candidate; the edit distance decides.
func forDeletions(s string, yield func(uint64)) { forWindows(s, 1, yield) }

// forWindows yields the hashes of s and of each distinct string made by
// deleting a window of one to maxW bytes without a digit. Two keys that
// differ in one window of at most maxW bytes (a = P+X+S, b = P+Y+S) share
// the variant P+S. Windows with a digit are left out for the reason
// forDeletions leaves digits out.
func forWindows(s string, maxW int, yield func(uint64)) {
	var buf polyBuf
	pow, suf := polyTables(s, &buf)
	yield(suf[0])
	var pre uint64 // hash(s[:i])
	for i := range len(s) {
		for w := 1; w <= maxW && i+w <= len(s); w++ {
			if '0' <= s[i+w-1] && s[i+w-1] <= '9' {
				break // so does every wider window here
			}
			// Deleting s[i-1:i-1+w] leaves the same string when s[i-1]
			// equals s[i+w-1]: that one was yielded already.
			if i == 0 || s[i-1] != s[i+w-1] {
				yield(pre*pow[len(s)-i-w] + suf[i+w])
			}
		}
		pre = pre*polyBase + uint64(s[i])
	}
}

// polyTables returns base^k for k up to len(s) and the hashes of the
// suffixes of s (suf[j] = hash(s[j:])), in buf for keys up to 64 bytes.
func polyTables(s string, buf *polyBuf) (pow, suf []uint64) {
	n := len(s) + 1
	var b []uint64
	if n <= len(buf)/2 {
		b = buf[:2*n]
	} else {
		b = make([]uint64, 2*n)
	}
	pow, suf = b[:n], b[n:]
	pow[0] = 1
	for k := 1; k < n; k++ {
		pow[k] = pow[k-1] * polyBase
	}
	suf[len(s)] = 0
	for j := len(s) - 1; j >= 0; j-- {
		suf[j] = uint64(s[j])*pow[len(s)-1-j] + suf[j+1]
	}
	return pow, suf
}

type polyBuf [2 * 65]uint64

const polyBase = 0x100000001b3

// A delIndex maps variant hashes to pool entries, several per hash: one
// flat open-addressing table of 8-byte slots, so that a look-up touches
// one place in memory and building it allocates once. A slot keeps 32 bits
// of the hash; a false match only adds a candidate for the distance to
// reject.
type delIndex struct {
	slots []delSlot // a power of two, at most three quarters full
}

type delSlot struct {
	hash  uint32
	entry int32 // the entry's index + 1; 0 is an empty slot
}

func newDelIndex(n int) delIndex {
	size := 16
	for size < n+n/3 {
		size *= 2
	}
	return delIndex{slots: make([]delSlot, size)}
}

// slot returns where h's probe starts and the 32 bits a slot keeps,
// taken from a multiplicative mix of the polynomial hash, whose low bits
// alone are poorly spread.
func (d *delIndex) slot(h uint64) (int, uint32) {
	m := h * 0x9e3779b97f4a7c15
	return int(m>>40) & (len(d.slots) - 1), uint32(m)
}

func (d *delIndex) add(h uint64, entry int32) {
	i, fp := d.slot(h)
	for d.slots[i].entry != 0 {
		i = (i + 1) & (len(d.slots) - 1)
	}
	d.slots[i] = delSlot{fp, entry + 1}
}

func (d *delIndex) lookup(h uint64, yield func(int32)) {
	i, fp := d.slot(h)
	for ; d.slots[i].entry != 0; i = (i + 1) & (len(d.slots) - 1) {
		if d.slots[i].hash == fp {
			yield(d.slots[i].entry - 1)
		}
	}
}
