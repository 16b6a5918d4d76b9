package semconvtab

import (
	"slices"
	"strings"
	"testing"
)

// TestTemplatesClassified checks that every template attribute of the
// registry copy, current or deprecated, is known to write its <key> in
// lowercase or as it is: a regenerated copy with a new template fails
// here until someone reads what the conventions say of its <key>.
func TestTemplatesClassified(t *testing.T) {
	t.Parallel()
	var keys []string
	for _, a := range attributes {
		if strings.HasPrefix(a.Type, "template[") {
			keys = append(keys, a.Key)
		}
	}
	for _, d := range deprecated {
		if strings.HasPrefix(d.Type, "template[") {
			keys = append(keys, d.Key)
		}
	}
	if len(keys) == 0 {
		t.Fatal("the registry copy has no template attribute")
	}
	for _, k := range keys {
		_, lower := lowercaseTemplates[k]
		verbatim := slices.Contains(verbatimTemplateParts, k[strings.LastIndexByte(k, '.')+1:])
		if lower == verbatim {
			t.Errorf("template %s: lowercase %v, verbatim %v; want exactly one", k, lower, verbatim)
		}
	}
}

func TestTemplate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ key, tmpl, typ, part string }{
		{"http.request.header.X-Request-Id", "http.request.header", "template[string[]]", "X-Request-Id"},
		{"k8s.pod.label.app.kubernetes.io/name", "k8s.pod.label", "template[string]", "app.kubernetes.io/name"},
		{"rpc.grpc.request.metadata.x-user", "rpc.grpc.request.metadata", "template[string[]]", "x-user"}, // deprecated
		{"http.header.X-Request-Id", "", "", ""},
		{"http.request.header", "", "", ""},
	} {
		tmpl, typ, part, ok := Template(tc.key)
		if tmpl != tc.tmpl || typ != tc.typ || part != tc.part || ok != (tc.tmpl != "") {
			t.Errorf("Template(%q) = %q, %q, %q, %v; want %q, %q, %q", tc.key, tmpl, typ, part, ok, tc.tmpl, tc.typ, tc.part)
		}
	}
}
