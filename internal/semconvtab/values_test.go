package semconvtab_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab/internal/gentables"
)

// TestValuesUpToDate fails when values_gen.go no longer matches
// registry/enum-members.tsv or its generator.
func TestValuesUpToDate(t *testing.T) {
	want, err := gentables.GenerateValues(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(gentables.ValuesFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; run: go generate ./internal/semconvtab/", gentables.ValuesFile)
	}
}

func TestLookupMember(t *testing.T) {
	for _, tc := range []struct {
		key, value string
		want       semconvtab.Member
		ok         bool
	}{
		{"http.request.method", "GET", semconvtab.Member{Key: "http.request.method", ID: "get", Value: "GET", Type: "string", Stability: "stable"}, true},
		{"http.request.method", "get", semconvtab.Member{}, false},
		{"rpc.grpc.status_code", "5", semconvtab.Member{Key: "rpc.grpc.status_code", ID: "not_found", Value: "5", Type: "int", Stability: "development"}, true},
		{"cpu.mode", "kernel", semconvtab.Member{Key: "cpu.mode", ID: "kernel", Value: "kernel", Type: "string", Stability: "release_candidate", Deprecated: true, Note: "system"}, true},
		// A current member wins over a deprecated one of the same value.
		{"gen_ai.token.type", "output", semconvtab.Member{Key: "gen_ai.token.type", ID: "output", Value: "output", Type: "string", Stability: "development"}, true},
		{"server.port", "80", semconvtab.Member{}, false},
	} {
		got, ok := semconvtab.LookupMember(tc.key, tc.value)
		if ok != tc.ok || got != tc.want {
			t.Errorf("LookupMember(%q, %q) = %+v, %v; want %+v, %v", tc.key, tc.value, got, ok, tc.want, tc.ok)
		}
	}
	if n := len(semconvtab.Members("http.request.method")); n != 11 {
		t.Errorf("http.request.method has %d members, want 11", n)
	}
}

func TestValueType(t *testing.T) {
	for _, tc := range []struct {
		key, typ     string
		template, ok bool
	}{
		{"http.response.status_code", "int", false, true},
		{"url.full", "string", false, true},
		{"http.request.method", "string", false, true},       // an enum of strings
		{"rpc.grpc.status_code", "int", false, true},         // an enum of ints
		{"http.request.header.x_id", "string[]", true, true}, // under template[string[]]
		{"http.request.header", "", false, false},            // the template itself
		{"http.method", "string", false, true},               // deprecated
		{"db.system", "string", false, true},                 // a deprecated enum
		{"feature_flag.result.value", "any", false, true},
		{"process.command_args", "string[]", false, true},
		{"app.cache.hit", "", false, false},
	} {
		typ, template, ok := semconvtab.ValueType(tc.key)
		if typ != tc.typ || template != tc.template || ok != tc.ok {
			t.Errorf("ValueType(%q) = %q, %v, %v; want %q, %v, %v", tc.key, typ, template, ok, tc.typ, tc.template, tc.ok)
		}
	}
}

func TestStability(t *testing.T) {
	order := []string{"development", "alpha", "beta", "release_candidate", "stable"}
	for i, l := range order {
		if r, ok := semconvtab.StabilityRank(l); !ok || r != i {
			t.Errorf("StabilityRank(%q) = %d, %v; want %d", l, r, ok, i)
		}
	}
	if r, _ := semconvtab.StabilityRank("experimental"); r != 0 {
		t.Errorf("experimental ranks %d, want development's 0", r)
	}
	if _, ok := semconvtab.StabilityRank("gold"); ok {
		t.Error("an unknown level has a rank")
	}
	for key, want := range map[string]string{"db.query.text": "stable", "process.command_args": "release_candidate", "http.request.header.x": "stable", "server.port": ""} {
		if got, _ := semconvtab.KeyStability(key); got != want {
			t.Errorf("KeyStability(%q) = %q, want %q", key, got, want)
		}
	}
}
