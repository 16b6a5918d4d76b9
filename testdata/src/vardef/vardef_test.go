package vardef

import "testing"

func TestPhase(t *testing.T) {
	p := &phaseKey
	_ = p
}
