package analyzer_test

import (
	"testing"
)

// TestFixImportLayouts checks the import edits in layouts that go build
// accepts and gofmt would rewrite (a spec on the line of "(", specs or
// declarations sharing a line, written semicolons): applied as given,
// the fixes leave a package that type-checks, with nothing fixable left.
// Whole-line edits, made for gofmt's layout, used to put the new import
// above "import(" there.
func TestFixImportLayouts(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("loads export data")
	}
	env := loadFuzzEnv(t)
	for _, tc := range []struct{ name, src, want string }{
		{"spec on the line of (", `package p

import("fmt"
"go.opentelemetry.io/otel/attribute")

var KV = attribute.String("event.type", fmt.Sprint())
`, `package p

import("fmt"
"go.opentelemetry.io/otel/attribute"

	"example.com/app/internal/tracing")

var KV = attribute.String(tracing.JourneyEventType, fmt.Sprint())
`},
		{"declarations sharing a line", `package p

import "go.opentelemetry.io/otel/attribute"; var KV = attribute.String("event.type", "v")
`, `package p

import "go.opentelemetry.io/otel/attribute"
import "example.com/app/internal/tracing"; var KV = attribute.String(tracing.JourneyEventType, "v")
`},
		{"removed from a one-line block", `package p

import ("go.opentelemetry.io/otel/attribute"; "fmt")

var KV = attribute.Key("gen_ai.response.model").String(fmt.Sprint())
`, `package p

import ("fmt"

	"example.com/app/internal/tracing")

var KV = tracing.GenAIResponseModelKey.String(fmt.Sprint())
`},
		{"removed declaration sharing a line", `package p

import "fmt"; import "go.opentelemetry.io/otel/attribute"; var KV = attribute.Key("gen_ai.response.model").String(fmt.Sprint())
`, `package p

import "fmt"
import "example.com/app/internal/tracing"; var KV = tracing.GenAIResponseModelKey.String(fmt.Sprint())
`},
		{"written semicolon", `package p

import (
	"go.opentelemetry.io/otel/attribute";
	"fmt"
)

var KV = attribute.Key("gen_ai.response.model").String(fmt.Sprint())
`, `package p

import (
	"fmt"

	"example.com/app/internal/tracing"
)

var KV = tracing.GenAIResponseModelKey.String(fmt.Sprint())
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			names, src := []string{"a.go"}, map[string][]byte{"a.go": []byte(tc.src)}
			p, err := env.check(names, src)
			if err != nil {
				t.Fatalf("the input is not valid Go: %v", err)
			}
			fixed, err := applyFixesAsGiven(p, p.analyze(t))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(fixed["a.go"]); got != tc.want {
				t.Errorf("fixed:\n%s\nwant:\n%s", got, tc.want)
			}
			p2, err := env.check(names, fixed)
			if err != nil {
				t.Fatalf("the fixed package is not valid Go: %v", err)
			}
			for _, d := range p2.analyze(t) {
				if len(d.SuggestedFixes) > 0 {
					t.Errorf("still fixable: %s: %s", p2.fset.Position(d.Pos), d.Message)
				}
			}
		})
	}
}
