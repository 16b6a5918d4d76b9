package analyzer

import "testing"

func TestNormalizeKey(t *testing.T) {
	for in, want := range map[string]string{
		"requestID":       "request_id",
		"Journey.Phase":   "journey.phase",
		"journey..phase":  "journey.phase",
		"HTTPStatusCode":  "http_status_code",
		"user-agent.name": "user_agent.name",
		"kv.usage_ratio":  "kv.usage_ratio",
	} {
		if got := normalizeKey(in); got != want {
			t.Errorf("normalizeKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOSADistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		max  int
		want int
	}{
		{"http.request.methd", "http.request.method", 2, 1},
		{"event_type", "event.type", 2, 1},
		{"scheduler.stpe", "scheduler.step", 2, 1}, // a transposition is one edit
		{"server.port", "server.address", 2, 3},    // capped at max+1
		{"abc", "abc", 1, 0},
	} {
		if got := osaDistance(tc.a, tc.b, tc.max); got != tc.want {
			t.Errorf("osaDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.max, got, tc.want)
		}
	}
}

func TestNamingAdvice(t *testing.T) {
	for key, bad := range map[string]bool{
		"journey.phase":                    false,
		"http.request.header.x-request-id": false, // under a template attribute
		"otel.status_code":                 false, // a known key in the reserved namespace
		"otel.journey":                     true,
		"requestID":                        true,
		".phase":                           true,
		"phase_":                           true,
	} {
		if got := namingAdvice(key) != ""; got != bad {
			t.Errorf("namingAdvice(%q) reported %v, want %v", key, got, bad)
		}
	}
}
