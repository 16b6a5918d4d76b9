package analyzer

import (
	"fmt"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/nearmiss"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// A key that is not a known key may be a near miss of one: the project's
// candidate constants (poolOf) are searched first, then the semantic
// conventions' keys. internal/nearmiss finds the nearest.

// constRef is the constant holding a pool entry's value, shown in the
// message: qualified by pkg unless it is the analysed package's own, or
// empty when no constant holds it.
type constRef struct{ pkg, name string }

type (
	pool      = nearmiss.Pool[constRef]
	poolEntry = nearmiss.Entry[constRef]
)

// semconvPool is the semantic conventions' keys, with their Go constants;
// built once per process and shared by the passes.
var semconvPool = sync.OnceValue(func() *pool {
	var entries []poolEntry
	seen := map[string]bool{}
	add := func(v string) {
		if !seen[v] {
			seen[v] = true
			e := poolEntry{Value: v}
			if n, ok := semconvtab.KeyConst(v); ok {
				e.Data = constRef{"semconv", n}
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

func typoMessage(key string, e poolEntry) string {
	if e.Data.name != "" {
		name := e.Data.name
		if e.Data.pkg != "" {
			name = e.Data.pkg + "." + name
		}
		return fmt.Sprintf("attribute key %q is not a known key: did you mean %q (%s)?", key, e.Value, name)
	}
	return fmt.Sprintf("attribute key %q is not a known key: did you mean %q?", key, e.Value)
}
