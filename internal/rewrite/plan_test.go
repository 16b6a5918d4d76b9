package rewrite

import (
	"go/format"
	"testing"
)

// TestFixes drives the plan as the analyzer does, on type-checked files:
// every expression spelled target is rewritten to member of pkg, written
// as Qualify says, and the fixes (applied together, as a driver applies
// them) must give want, which is gofmt-clean and type-checks: the
// qualifier resolves to pkg at every use, no import is missing and none is
// left unused.
func TestFixes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, target, pkg, member, want string
	}{
		{
			name: "reuse the file's alias",
			src: `package p

import tr "example.com/app/tracing"

var (
	a = tr.Name
	b = "k"
)
`,
			target: `"k"`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import tr "example.com/app/tracing"

var (
	a = tr.Name
	b = tr.K
)
`,
		},
		{
			name: "add into the group of its kind, sorted",
			src: `package p

import (
	"fmt"

	"example.com/app/metrics"
	"example.com/app/zz"
)

var v = fmt.Sprint(metrics.Name, zz.Name, "k")
`,
			target: `"k"`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import (
	"fmt"

	"example.com/app/metrics"
	"example.com/app/tracing"
	"example.com/app/zz"
)

var v = fmt.Sprint(metrics.Name, zz.Name, tracing.K)
`,
		},
		{
			name: "a standard-library package gets the first group",
			src: `package p

import (
	"example.com/app/metrics"
)

var v = metrics.Name + "GET"
`,
			target: `"GET"`, pkg: "net/http", member: "MethodGet",
			want: `package p

import (
	"net/http"

	"example.com/app/metrics"
)

var v = metrics.Name + http.MethodGet
`,
		},
		{
			name: "a file without imports",
			src: `package p // the package

var v = "k"
`,
			target: `"k"`, pkg: "example.com/app/tracing", member: "K",
			want: `package p // the package

import "example.com/app/tracing"

var v = tracing.K
`,
		},
		{
			name: "after a single import",
			src: `package p

import "fmt"

var v = fmt.Sprint("k")
`,
			target: `"k"`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import "fmt"
import "example.com/app/tracing"

var v = fmt.Sprint(tracing.K)
`,
		},
		{
			name: "alias where a parameter shadows the name at the use",
			src: `package p

import "fmt"

func f(tracing int) string { return fmt.Sprint(tracing, "k") }
`,
			target: `"k"`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import "fmt"
import tracing2 "example.com/app/tracing"

func f(tracing int) string { return fmt.Sprint(tracing, tracing2.K) }
`,
		},
		{
			name: "alias where another import and a declaration take the name",
			src: `package p

import (
	"example.com/other/tracing"
)

var tracing2 = tracing.Name + "k"
`,
			target: `"k"`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import (
	tracing3 "example.com/app/tracing"
	"example.com/other/tracing"
)

var tracing2 = tracing.Name + tracing3.K
`,
		},
		{
			name: "an alias shadowed at one use is not reused",
			src: `package p

import tr "example.com/app/tracing"

var a = tr.Name

func f(tr int) string { return "k" }
`,
			target: `"k"`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import tr "example.com/app/tracing"
import "example.com/app/tracing"

var a = tr.Name

func f(tr int) string { return tracing.K }
`,
		},
		{
			name: "remove the import the fix leaves unused, with its group",
			src: `package p

import (
	"fmt"

	"example.com/app/legacy"
)

var v = fmt.Sprint(legacy.Name)
`,
			target: `legacy.Name`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import (
	"fmt"

	"example.com/app/tracing"
)

var v = fmt.Sprint(tracing.K)
`,
		},
		{
			name: "two fixes remove one import and add one",
			src: `package p

import "example.com/app/legacy"

var (
	a = legacy.Name
	b = legacy.Name
)
`,
			target: `legacy.Name`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import "example.com/app/tracing"

var (
	a = tracing.K
	b = tracing.K
)
`,
		},
		{
			name: "a dot import whose only use goes is removed",
			src: `package p

import (
	"fmt"
	. "example.com/app/legacy"
)

var v = fmt.Sprint(Name)
`,
			target: `Name`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import (
	"fmt"

	"example.com/app/tracing"
)

var v = fmt.Sprint(tracing.K)
`,
		},
		{
			name: "keep a dot import with a use left, and a blank import",
			src: `package p

import (
	_ "embed"
	. "example.com/app/legacy"
)

var (
	a = K
	b = Name
)
`,
			target: `K`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import (
	_ "embed"
	. "example.com/app/legacy"

	"example.com/app/tracing"
)

var (
	a = tracing.K
	b = Name
)
`,
		},
		{
			name: "a blank import of the package is not its name",
			src: `package p

import _ "example.com/app/tracing"

var v = "k"
`,
			target: `"k"`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import _ "example.com/app/tracing"
import "example.com/app/tracing"

var v = tracing.K
`,
		},
		{
			name: "beside a blank import of the same path, sorted as gofmt sorts",
			src: `package p

import (
	_ "example.com/app/tracing"
	"example.com/app/zz"
)

var v = zz.Name + "k"
`,
			target: `"k"`, pkg: "example.com/app/tracing", member: "K",
			want: `package p

import (
	"example.com/app/tracing"
	_ "example.com/app/tracing"
	"example.com/app/zz"
)

var v = zz.Name + tracing.K
`,
		},
		{
			name: "the package itself is not qualified",
			src: `package p

const K = ` + "`k`" + `

var v = "k"
`,
			target: `"k"`, pkg: "example.com/app/p", member: "K",
			want: `package p

const K = ` + "`k`" + `

var v = K
`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			imp := newImporter()
			c, err := check(imp, tc.src)
			if err != nil {
				t.Fatalf("the input is not valid Go: %v", err)
			}
			if tc.pkg == c.pkg.Path() {
				imp.made[tc.pkg] = c.pkg
			}
			_, fixes := c.rewriteTo(t, imp, tc.target, tc.pkg, tc.member)
			got := c.apply(t, fixes)
			if got != tc.want {
				t.Errorf("fixed:\n%s\nwant:\n%s", lines(got), lines(tc.want))
			}
			if f, err := format.Source([]byte(got)); err != nil || string(f) != got {
				t.Errorf("the fixed file is not gofmt-clean (%v):\n%s", err, lines(string(f)))
			}
			if _, err := check(newImporter(), got); err != nil {
				t.Errorf("the fixed file does not type-check: %v", err)
			}
		})
	}
}
