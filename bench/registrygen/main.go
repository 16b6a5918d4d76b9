// Command registrygen writes a synthetic Weaver registry of a given size,
// for measuring what reading a registry costs (BenchmarkRead in
// internal/registry runs it; see bench/README.md).
//
//	go -C bench run ./registrygen -o DIR [-attrs 2000] [-syntax v1|v2]
//
// The registry has a manifest that depends on the OpenTelemetry semantic
// conventions (satisfied from spanattrlint's embedded tables), attrs
// attributes spread over files of 100, a realistic mix of types (one in
// ten an enum of five members, one in fifty a template, one in twenty
// deprecated, half of those renamed), and per file a span, an event and a
// metric that ref ten of its keys and two upstream keys. The same -attrs
// gives the same registry in either syntax.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("o", "", "directory to write the registry into (created; must not exist)")
	attrs := flag.Int("attrs", 2000, "number of attributes")
	syntax := flag.String("syntax", "v1", "v1 (groups:) or v2 (file_format: definition/2)")
	flag.Parse()
	if *out == "" || *attrs < 1 || (*syntax != "v1" && *syntax != "v2") {
		flag.Usage()
		os.Exit(2)
	}
	if err := write(*out, *attrs, *syntax == "v2"); err != nil {
		log.Fatal(err)
	}
}

const perFile = 100

var types = []string{"string", "int", "double", "boolean", "string[]", "int[]"}

type attr struct {
	key, typ, stability, deprecated string
	members                         []string
}

func makeAttr(i int) attr {
	a := attr{key: fmt.Sprintf("acme.svc%02d.area%d.attr%04d", i/perFile, i%perFile/10, i), typ: types[i%len(types)], stability: "development"}
	switch {
	case i%10 == 3:
		a.typ = ""
		for m := range 5 {
			a.members = append(a.members, fmt.Sprintf("value_%d", m))
		}
	case i%50 == 7:
		a.typ = "template[string]"
	}
	if i%7 == 0 {
		a.stability = "stable"
	}
	switch i % 40 {
	case 5:
		a.deprecated = fmt.Sprintf("reason: renamed\n%srenamed_to: %s", "%s", makeAttr(i+1).key)
	case 25:
		a.deprecated = "reason: obsoleted\n%snote: No longer recorded."
	}
	return a
}

func write(dir string, n int, v2 bool) error {
	if err := os.MkdirAll(filepath.Join(dir, "model"), 0o755); err != nil {
		return err
	}
	manifest := "schema_url: https://example.com/schemas/acme/1.0.0\ndependencies:\n  - schema_url: https://opentelemetry.io/schemas/1.37.0\n"
	if err := os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(manifest), 0o644); err != nil {
		return err
	}
	for f := 0; f*perFile < n; f++ {
		var b strings.Builder
		lo, hi := f*perFile, min((f+1)*perFile, n)
		if v2 {
			writeV2(&b, f, lo, hi)
		} else {
			writeV1(&b, f, lo, hi)
		}
		name := filepath.Join(dir, "model", fmt.Sprintf("svc%02d.yaml", f))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// attribute writes the fields after the key line, indented by ind.
func attribute(b *strings.Builder, a attr, i int, ind string) {
	fmt.Fprintf(b, "%sstability: %s\n%sbrief: Attribute number %d of the synthetic registry.\n", ind, a.stability, ind, i)
	if a.typ != "" {
		fmt.Fprintf(b, "%stype: %s\n", ind, a.typ)
	} else {
		fmt.Fprintf(b, "%stype:\n%s  members:\n", ind, ind)
		for m, v := range a.members {
			fmt.Fprintf(b, "%s    - id: %s\n%s      value: %q\n%s      stability: development\n", ind, v, ind, v, ind)
			if m == 4 {
				fmt.Fprintf(b, "%s      deprecated:\n%s        reason: uncategorized\n%s        note: Use value_0.\n", ind, ind, ind)
			}
		}
	}
	if a.deprecated != "" {
		fmt.Fprintf(b, "%sdeprecated:\n%s  "+a.deprecated+"\n", ind, ind, ind+"  ")
	}
}

// refs are ten keys of the file and two upstream keys.
func refs(b *strings.Builder, lo, hi int, ind string) {
	fmt.Fprintf(b, "%sattributes:\n", ind)
	for i := lo; i < hi && i < lo+10; i++ {
		fmt.Fprintf(b, "%s  - ref: %s\n", ind, makeAttr(i).key)
	}
	fmt.Fprintf(b, "%s  - ref: http.request.method\n%s  - ref: server.address\n", ind, ind)
}

func writeV1(b *strings.Builder, f, lo, hi int) {
	fmt.Fprintf(b, "groups:\n  - id: registry.acme.svc%02d\n    type: attribute_group\n    brief: Attributes of service %d.\n    attributes:\n", f, f)
	for i := lo; i < hi; i++ {
		fmt.Fprintf(b, "      - id: %s\n", makeAttr(i).key)
		attribute(b, makeAttr(i), i, "        ")
	}
	fmt.Fprintf(b, "  - id: span.acme.svc%02d.handle\n    type: span\n    span_kind: server\n    stability: development\n    brief: A request.\n", f)
	refs(b, lo, hi, "    ")
	fmt.Fprintf(b, "  - id: event.acme.svc%02d.done\n    type: event\n    name: acme.svc%02d.done\n    stability: development\n    brief: Done.\n", f, f)
	refs(b, lo, hi, "    ")
	fmt.Fprintf(b, "  - id: metric.acme.svc%02d.requests\n    type: metric\n    metric_name: acme.svc%02d.requests\n    instrument: counter\n    unit: \"{request}\"\n    stability: development\n    brief: Requests.\n", f, f)
	refs(b, lo, hi, "    ")
}

func writeV2(b *strings.Builder, f, lo, hi int) {
	b.WriteString("file_format: definition/2\nattributes:\n")
	for i := lo; i < hi; i++ {
		fmt.Fprintf(b, "  - key: %s\n", makeAttr(i).key)
		attribute(b, makeAttr(i), i, "    ")
	}
	fmt.Fprintf(b, "spans:\n  - type: span.acme.svc%02d.handle\n    kind: server\n    name:\n      note: handle\n    stability: development\n    brief: A request.\n", f)
	refs(b, lo, hi, "    ")
	fmt.Fprintf(b, "events:\n  - name: acme.svc%02d.done\n    stability: development\n    brief: Done.\n", f)
	refs(b, lo, hi, "    ")
	fmt.Fprintf(b, "metrics:\n  - name: acme.svc%02d.requests\n    instrument: counter\n    unit: \"{request}\"\n    stability: development\n    brief: Requests.\n", f)
	refs(b, lo, hi, "    ")
}
