package semconvtab

import "strings"

// Template attributes (type template[...]) are keys whose last part the
// user chooses: http.request.header.<key>. The registry's own text says
// how that part is written; for a header or a metadata key it is the name
// in lowercase, hyphens kept ("<key> being the normalized HTTP Header name
// (lowercase)": http.request.header.x-request-id); for a label, an
// annotation, an environment variable or a parameter it is the name as
// it is (k8s.pod.label.app.kubernetes.io/name, process.environment_variable.PATH).

// lowercaseTemplates are the template attributes, current and deprecated,
// whose <key> the conventions write in lowercase, with what <key> is. A
// test checks that every template of the registry copy is here or in
// verbatimTemplates, so that a new one is classified when the copy is
// regenerated.
var lowercaseTemplates = map[string]string{
	"http.request.header":               "the HTTP header name",
	"http.response.header":              "the HTTP header name",
	"rpc.request.metadata":              "the RPC metadata key",
	"rpc.response.metadata":             "the RPC metadata key",
	"rpc.grpc.request.metadata":         "the gRPC metadata key",
	"rpc.grpc.response.metadata":        "the gRPC metadata key",
	"rpc.connect_rpc.request.metadata":  "the Connect RPC metadata key",
	"rpc.connect_rpc.response.metadata": "the Connect RPC metadata key",
}

// verbatimTemplateParts are the last components of the template
// attributes whose <key> is a name written as it is: a label, an
// annotation, a selector, an environment variable, a parameter.
var verbatimTemplateParts = []string{"label", "labels", "annotation", "selector", "environment_variable", "parameter", "path_parts"}

// Template returns the template attribute that key extends (current or
// deprecated: http.request.header for http.request.header.X-Id), its
// type ("template[string[]]") and the part after it ("X-Id").
func Template(key string) (tmpl, typ, part string, ok bool) {
	for i := strings.LastIndexByte(key, '.'); i > 0; i = strings.LastIndexByte(key[:i], '.') {
		t := key[:i]
		if a, ok := LookupAttribute(t); ok && strings.HasPrefix(a.Type, "template[") {
			return t, a.Type, key[i+1:], true
		}
		if d, ok := LookupDeprecated(t); ok && strings.HasPrefix(d.Type, "template[") {
			return t, d.Type, key[i+1:], true
		}
	}
	return "", "", "", false
}

// TemplateLowercase reports whether the conventions write the <key> of
// template attribute tmpl in lowercase, and what that <key> is ("the
// HTTP header name").
func TemplateLowercase(tmpl string) (what string, ok bool) {
	what, ok = lowercaseTemplates[tmpl]
	return what, ok
}
