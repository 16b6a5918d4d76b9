package rpc

import "testing"

func TestCall(t *testing.T) {
	if got := Call("svc", "10.0.0.1"); len(got) != 5 || got[1].Value.AsString() != "svc" {
		t.Errorf("Call = %v", got)
	}
	if got := Both("1.0"); len(got) != 3 {
		t.Errorf("Both = %v", got)
	}
}
