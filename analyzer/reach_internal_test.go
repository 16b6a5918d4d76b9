package analyzer

import (
	"go/types"
	"sync"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/otelapi"
)

// TestReachImportCycle walks an import cycle, which only broken code has:
// the walk ends, both packages of the cycle reach what either imports,
// and passes walking at the same time agree.
func TestReachImportCycle(t *testing.T) {
	attr := types.NewPackage(otelapi.AttributePath, "attribute")
	a := types.NewPackage("example.com/a", "a")
	b := types.NewPackage("example.com/b", "b")
	a.SetImports([]*types.Package{b})
	b.SetImports([]*types.Package{a, attr})
	var r otelapi.Reach
	var wg sync.WaitGroup
	got := make([]otelapi.Reached, 8)
	for i := range got {
		wg.Go(func() {
			p := a
			if i%2 == 1 {
				p = b
			}
			got[i] = r.Of(p)
		})
	}
	wg.Wait()
	for i, res := range got {
		if res.Attribute != attr {
			t.Errorf("walk %d: the cycle does not reach %s", i, otelapi.AttributePath)
		}
	}
	if res := r.Of(attr); res.Attribute != attr {
		t.Errorf("%s does not reach itself", otelapi.AttributePath)
	}
}
