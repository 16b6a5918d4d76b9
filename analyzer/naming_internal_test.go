package analyzer

import (
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/rules"
)

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
		if got := rules.NamingAdvice(key) != ""; got != bad {
			t.Errorf("namingAdvice(%q) reported %v, want %v", key, got, bad)
		}
	}
}
