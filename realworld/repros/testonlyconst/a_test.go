package testonlyconst

import "testing"

const wantKey = "user.id"

func TestKV(t *testing.T) {
	if string(KV("x").Key) != wantKey {
		t.Fatal("key")
	}
}
