package gen

import (
	"strings"
	"testing"
)

func TestConstName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ value, suffix, want string }{
		{"gen_ai.usage.prompt_tokens", "Key", "GenAIUsagePromptTokensKey"},
		{"journey.QUEUED", "Event", "JourneyQueuedEvent"},
		{"journey.FIRST_TOKEN", "Event", "JourneyFirstTokenEvent"},
		{"http.request_id", "Key", "HTTPRequestIDKey"},
		{"db.sql.table", "Key", "DBSQLTableKey"},
		{"rpc.grpc.status_code", "Key", "RPCGRPCStatusCodeKey"},
		{"url.full", "Key", "URLFullKey"},
		{"api.json.ttl", "Key", "APIJSONTTLKey"},
		{"tls.uuid", "Key", "TLSUUIDKey"},
		{"os.cpu", "Key", "OSCPUKey"},
		{"client.ip", "Key", "ClientIPKey"},
		{"k8s.pod.name", "Key", "K8SPodNameKey"},
		{"gen_ai.latency.e2e", "Key", "GenAILatencyE2EKey"},
		{"userId", "Key", "UserIDKey"},
		{"HTTPServer.requestCount", "Key", "HTTPServerRequestCountKey"},
		{"engine-step", "Span", "EngineStepSpan"},
		{"a.b_c", "Key", "ABCKey"},
		{"a.b.c", "Key", "ABCKey"},
		{"404", "Event", "Event404"},
		{"", "Key", "Key"},
		{"日本.name", "Key", "Key日本Name"},
		{"café.crème", "Key", "CaféCrèmeKey"},
		// Plural initialisms keep the initialism and a lower-case s.
		{"identity.ids", "Key", "IdentityIDsKey"},
		{"seriesIDs", "Key", "SeriesIDsKey"},
		{"chunk.urls", "Key", "ChunkURLsKey"},
		{"dns.https", "Key", "DNSHTTPSKey"},
		// Sentence-like names are cut to 40 characters of stem: stop words
		// first, then the trailing words.
		{"Skipping verification hook because AAL is not 1", "Event", "SkippingVerificationHookBecauseAalIsNot1Event"},
		{"distributor pre-push validation middleware: deduplicated samples and histograms with conflicting timestamps from write request", "Event", "DistributorPrePushValidationMiddlewareEvent"},
		{"the quick brown fox jumps over the lazy dog and the cat", "Event", "TheQuickBrownFoxJumpsOverLazyDogCatEvent"},
	} {
		if got := constName(tc.value, tc.suffix); got != tc.want {
			t.Errorf("constName(%q, %q) = %s, want %s", tc.value, tc.suffix, got, tc.want)
		}
	}
}

func TestSanitisePackageName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ path, want string }{
		{"example.com/app/internal/telemetry", "telemetry"},
		{"example.com/app/open-telemetry", "opentelemetry"},
		{"example.com/app/otel_keys", "otelkeys"},
		{"example.com/app/Tracing", "tracing"},
		{"example.com/app/telemetry/v2", "telemetry"},
		{"example.com/app/2fa", "p2fa"},
		{"example.com/app/type", "typepkg"},
		{"example.com/app/main", "mainpkg"},
		{"example.com/app/---", "telemetry"},
	} {
		if got := sanitisePackageName(tc.path); got != tc.want {
			t.Errorf("sanitisePackageName(%q) = %s, want %s", tc.path, got, tc.want)
		}
	}
}

// TestPlanConstants checks the choice of values and names: one constant
// per value and kind, first use by position, values the target holds left
// out, collisions numbered in sorted order of values, with a note.
func TestPlanConstants(t *testing.T) {
	t.Parallel()
	tg := &target{
		path:     "example.com/app/telemetry",
		declared: map[string]bool{"TakenKey": true, "JourneyQueued": true},
		forKey:   map[string]string{"held.key": "HeldKey", "journey.QUEUED": "JourneyQueued"},
		forName:  map[string]string{"journey.QUEUED": "JourneyQueued"},
	}
	uses := []use{
		{value: "a.b_c", role: roleKey, file: "b/b.go", line: 3},
		{value: "a.b.c", role: roleKey, file: "b/b.go", line: 9},
		{value: "a.b.c", role: roleKey, file: "a/a.go", line: 12},
		{value: "a.b.c2", role: roleKey, file: "a/a.go", line: 13},
		{value: "taken", role: roleKey, file: "a/a.go", line: 14},
		{value: "held.key", role: roleKey, file: "a/a.go", line: 15},
		{value: "journey.QUEUED", role: roleEvent, file: "a/a.go", line: 16},
		{value: "journey.DONE", role: roleEvent, file: "a/a.go", line: 17},
		{value: "journey.DONE", role: roleSpan, file: "a/a.go", line: 18},
		{value: "journey.DONE", role: roleKey, file: "c/c.go", line: 1},
		{value: "step", role: roleSpan, file: "a/a.go", line: 19},
		{value: "blockID", role: roleKey, file: "a/a.go", line: 20},
		{value: "block_id", role: roleKey, file: "a/a.go", line: 21},
	}
	for i := range uses {
		uses[i].pkg = "example.com/app/" + strings.Split(uses[i].file, "/")[0]
	}
	var notes []string
	got := planConstants(sortedUses(uses), tg, &notes)
	var lines []string
	for _, c := range got {
		lines = append(lines, c.Name+" "+c.roleText()+" "+quote(c.Value)+" "+c.First)
	}
	want := []string{
		`ABC2Key attribute key "a.b.c2" a/a.go:13`,
		`ABC3Key attribute key "a.b_c" b/b.go:3`,
		`ABCKey attribute key "a.b.c" a/a.go:12`,
		`BlockID2Key attribute key "blockID" a/a.go:20`,
		`BlockIDKey attribute key "block_id" a/a.go:21`,
		`JourneyDoneEvent event and span name "journey.DONE" a/a.go:17`,
		`JourneyDoneKey attribute key "journey.DONE" c/c.go:1`,
		`StepSpan span name "step" a/a.go:19`,
		`Taken2Key attribute key "taken" a/a.go:14`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("constants:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	wantNotes := []string{
		`name collision: ABCKey also names "a.b.c", so attribute key "a.b_c" is ABC3Key`,
		`name collision: BlockIDKey also names "block_id", so attribute key "blockID" is BlockID2Key`,
		`name collision: TakenKey is already declared in example.com/app/telemetry, so attribute key "taken" is Taken2Key`,
	}
	if strings.Join(notes, "\n") != strings.Join(wantNotes, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(wantNotes, "\n"))
	}
}

func sortedUses(uses []use) []use {
	out := append([]use(nil), uses...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if compareUses(out[j], out[i]) < 0 {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
