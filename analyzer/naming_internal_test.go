package analyzer

import "testing"

func TestNormalizeKey(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"requestID":       "request_id",
		"Journey.Phase":   "journey.phase",
		"journey..phase":  "journey.phase",
		"HTTPStatusCode":  "http_status_code",
		"user-agent.name": "user_agent.name",
		"kv.usage_ratio":  "kv.usage_ratio",
		// Plural initialisms (loki: seriesIDs, chunkURLs, userIDsCount).
		"seriesIDs":    "series_ids",
		"chunkURLs":    "chunk_urls",
		"userIDsCount": "user_ids_count",
		"HTTPServer":   "http_server",
		"APIsList":     "apis_list",
		// Initialisms written in mixed case stay whole (hydra: OAuth2ClientID).
		"OAuth2ClientID": "oauth2_client_id",
		"IPv4Addr":       "ipv4_addr",
		"HTTPStatus":     "http_status",
		"userID":         "user_id",
		"peerIPv6":       "peer_ipv6",
		"GraphQLQuery":   "graphql_query",
		"grpcGRPCStatus": "grpc_grpc_status",
	} {
		if got := normalizeKey(in); got != want {
			t.Errorf("normalizeKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNamingAdvice(t *testing.T) {
	t.Parallel()
	for key, bad := range map[string]bool{
		"journey.phase":                     false,
		"http.request.header.x-request-id":  false, // under a template attribute
		"http.request.header.X-Request-Id":  true,  // a header name is lowercase
		"rpc.request.metadata.x_user":       false,
		"k8s.pod.label.App":                 false, // a label as it is
		"process.environment_variable.PATH": false,
		"http.header.X-Request-Id":          true,
		"otel.status_code":                  false, // a known key in the reserved namespace
		"otel.journey":                      true,
		"requestID":                         true,
		".phase":                            true,
		"phase_":                            true,
	} {
		if got := namingAdvice(key) != ""; got != bad {
			t.Errorf("namingAdvice(%q) reported %v, want %v", key, got, bad)
		}
	}
}

func TestSnakeCase(t *testing.T) {
	t.Parallel()
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
		if got := snakeCase(tc.c, tc.upper); got != tc.want {
			t.Errorf("snakeCase(%q, upper=%v) = %v, want %v", tc.c, tc.upper, got, tc.want)
		}
	}
}
