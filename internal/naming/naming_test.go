package naming

import "testing"

// Attribute keys (the naming check's examples) and metric names.
func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"requestID":       "request_id",
		"Journey.Phase":   "journey.phase",
		"journey..phase":  "journey.phase",
		"HTTPStatusCode":  "http_status_code",
		"user-agent.name": "user_agent.name",
		"kv.usage_ratio":  "kv.usage_ratio",
		"seriesIDs":       "series_ids",
		"chunkURLs":       "chunk_urls",
		"userIDsCount":    "user_ids_count",
		"HTTPServer":      "http_server",
		"APIsList":        "apis_list",
		// Initialisms written in mixed case stay whole (hydra: OAuth2ClientID).
		"OAuth2ClientID": "oauth2_client_id",
		"IPv4Addr":       "ipv4_addr",
		"HTTPStatus":     "http_status",
		"userID":         "user_id",
		"peerIPv6":       "peer_ipv6",
		"GraphQLQuery":   "graphql_query",
		"grpcGRPCStatus": "grpc_grpc_status",
		// Metric names as written in otelsql and buildkit-like code.
		"db.sql.latency":         "db.sql.latency",
		"requestDurationMs":      "request_duration_ms",
		"Buildkit.Cache.HitRate": "buildkit.cache.hit_rate",
		"grpc-server.calls":      "grpc_server.calls",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSnakeCase(t *testing.T) {
	for _, tc := range []struct {
		c     string
		upper bool
		want  bool
	}{
		{"phase", false, true}, {"step_2", false, true}, {"a_b_c", false, true}, {"0", false, true},
		{"", false, false}, {"_a", false, false}, {"a_", false, false}, {"a__b", false, false},
		{"userId", false, false}, {"x-request", false, false}, {"QUEUED", false, false},
		{"QUEUED", true, true}, {"NOT_FOUND", true, true}, {"queued", true, false}, {"A__B", true, false},
	} {
		if got := SnakeCase(tc.c, tc.upper); got != tc.want {
			t.Errorf("SnakeCase(%q, upper=%v) = %v, want %v", tc.c, tc.upper, got, tc.want)
		}
	}
}

func TestFollows(t *testing.T) {
	for name, want := range map[string]bool{
		"http.server.request.duration": true,
		"k8s.pod.cpu.time":             true,
		"db.client.connection.count":   true,
		"requestDuration":              false,
		"http..server":                 false,
		".phase":                       false,
		"phase.":                       false,
		"grpc-server.calls":            false,
		"":                             false,
	} {
		if got := Follows(name); got != want {
			t.Errorf("Follows(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestInOtelNamespace(t *testing.T) {
	for name, want := range map[string]bool{"otel": true, "otel.sdk.span.live": true, "otelsql.latency": false, "my.otel": false} {
		if got := InOtelNamespace(name); got != want {
			t.Errorf("InOtelNamespace(%q) = %v, want %v", name, got, want)
		}
	}
}
