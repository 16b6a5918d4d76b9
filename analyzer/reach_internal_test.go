package analyzer

import (
	"go/types"
	"sync"
	"testing"
)

// TestReachImportCycle walks an import cycle, which only broken code has:
// the walk ends, both packages of the cycle reach what either imports,
// and passes walking at the same time agree.
func TestReachImportCycle(t *testing.T) {
	attr := types.NewPackage(attributePath, "attribute")
	a := types.NewPackage("example.com/a", "a")
	b := types.NewPackage("example.com/b", "b")
	a.SetImports([]*types.Package{b})
	b.SetImports([]*types.Package{a, attr})
	var r reach
	var wg sync.WaitGroup
	got := make([]reachResult, 8)
	for i := range got {
		wg.Go(func() {
			p := a
			if i%2 == 1 {
				p = b
			}
			got[i] = r.of(p)
		})
	}
	wg.Wait()
	for i, res := range got {
		if res.attribute != attr {
			t.Errorf("walk %d: the cycle does not reach %s", i, attributePath)
		}
	}
	if res := r.of(attr); res.attribute != attr {
		t.Errorf("%s does not reach itself", attributePath)
	}
}
