package rules

import (
	"fmt"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/nearmiss"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// A key that is not a known key may be a near miss of one: the project's
// candidate constants (the analyzer's poolOf) are searched first, then the semantic
// conventions' keys. internal/nearmiss finds the nearest.

// ConstRef is the constant holding a pool entry's value, shown in the
// message: qualified by pkg unless it is the analysed package's own, or
// empty when no constant holds it.
type ConstRef struct{ Pkg, Name string }

type (
	Pool      = nearmiss.Pool[ConstRef]
	PoolEntry = nearmiss.Entry[ConstRef]
)

// SemconvPool is the semantic conventions' keys, with their Go constants;
// built once per process and shared by the passes.
var SemconvPool = sync.OnceValue(func() *Pool {
	var entries []PoolEntry
	seen := map[string]bool{}
	add := func(v string) {
		if !seen[v] {
			seen[v] = true
			e := PoolEntry{Value: v}
			if n, ok := semconvtab.KeyConst(v); ok {
				e.Data = ConstRef{"semconv", n}
			}
			entries = append(entries, e)
		}
	}
	for _, a := range semconvtab.Attributes() {
		add(a.Key)
	}
	semconvtab.KeyConstValues(func(v string) bool { add(v); return true })
	return nearmiss.NewPool(entries)
})

func TypoMessage(key string, e PoolEntry) string {
	if e.Data.Name != "" {
		name := e.Data.Name
		if e.Data.Pkg != "" {
			name = e.Data.Pkg + "." + name
		}
		return fmt.Sprintf("attribute key %q is not a known key: did you mean %q (%s)?", key, e.Value, name)
	}
	return fmt.Sprintf("attribute key %q is not a known key: did you mean %q?", key, e.Value)
}
