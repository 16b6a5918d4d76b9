package analyzer_test

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/txtar"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/load"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// fuzzImports are the packages a fuzzed package may import: the real otel
// packages, the testdata module's constants packages and some of the
// standard library. Their types are read once, from export data.
var fuzzImports = []string{
	"go.opentelemetry.io/otel/attribute",
	"go.opentelemetry.io/otel/trace",
	"go.opentelemetry.io/otel/codes",
	"go.opentelemetry.io/otel/metric",
	"go.opentelemetry.io/otel/semconv/v1.20.0",
	"go.opentelemetry.io/otel/semconv/v1.26.0",
	"go.opentelemetry.io/otel/semconv/v1.37.0",
	"go.opentelemetry.io/otel/semconv/v1.43.0",
	"example.com/app/internal/tracing",
	"example.com/app/internal/derived",
	"example.com/app/internal/metricconsts",
	"example.com/app/lookalike/attribute",
	"context", "errors", "fmt", "strconv", "strings", "testing", "time",
}

// fuzzPkgPath is the fuzzed package's path, inside the testdata module so
// that it may import its internal packages; its files are named as if in
// testdata/src/fuzzed, so that -constants resolves through the module's
// go.mod (they are never written: the Pass reads them from memory).
const fuzzPkgPath = "example.com/app/fuzzed"

// fuzzConfig is the configuration the fuzzed packages are analysed with:
// -constants adds imports, which a package alone rarely does.
var fuzzConfig = analyzer.Config{Constants: []string{tracingPkg}, SpanNames: true}

type fuzzEnv struct {
	dir      string        // where the fuzzed package's files are said to be
	depFiles []*token.File // the positions of the imported packages' objects
	pkgs     map[string]*types.Package
}

var (
	fuzzOnce   sync.Once
	fuzzShared *fuzzEnv
)

func loadFuzzEnv(tb testing.TB) *fuzzEnv {
	fuzzOnce.Do(func() {
		exports, _ := exportData(tb, testdata, fuzzImports...)
		fset := token.NewFileSet()
		imp := &exportImporter{fset: fset, exports: exports, cache: map[string]*types.Package{}}
		dir, err := filepath.Abs(filepath.Join(testdata, "fuzzed"))
		if err != nil {
			tb.Fatal(err)
		}
		env := &fuzzEnv{dir: dir, pkgs: map[string]*types.Package{}}
		for _, path := range fuzzImports {
			p, err := imp.Import(path)
			if err != nil {
				tb.Fatal(err)
			}
			env.pkgs[path] = p
		}
		fset.Iterate(func(f *token.File) bool {
			env.depFiles = append(env.depFiles, f)
			return true
		})
		fuzzShared = env
	})
	if fuzzShared == nil {
		tb.Fatal("the fuzz environment did not load")
	}
	return fuzzShared
}

func (env *fuzzEnv) Import(path string) (*types.Package, error) {
	if p, ok := env.pkgs[path]; ok {
		return p, nil
	}
	return nil, fmt.Errorf("package %q is not available to the fuzzer", path)
}

// fuzzPackage is a parsed and type-checked package.
type fuzzPackage struct {
	fset  *token.FileSet
	files []*ast.File
	src   map[string][]byte
	pkg   *types.Package
	info  *types.Info
}

// check parses and type-checks the files as one package, as a driver
// does; the error says why code is not valid Go.
func (env *fuzzEnv) check(names []string, src map[string][]byte) (*fuzzPackage, error) {
	fset := token.NewFileSet()
	fset.AddExistingFiles(env.depFiles...)
	p := &fuzzPackage{fset: fset, src: map[string][]byte{}}
	for _, name := range names {
		path := filepath.Join(env.dir, name)
		p.src[path] = src[name]
		f, err := parser.ParseFile(fset, path, src[name], parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		p.files = append(p.files, f)
	}
	p.info = load.FullInfo()
	conf := types.Config{Importer: env, GoVersion: "go1.26", Sizes: types.SizesFor("gc", runtime.GOARCH)}
	pkg, err := conf.Check(fuzzPkgPath, fset, p.files, p.info)
	if err != nil {
		return nil, err
	}
	p.pkg = pkg
	return p, nil
}

// analyze runs a fresh analyzer on the package with the Pass that the
// go/analysis checker builds.
func (p *fuzzPackage) analyze(t *testing.T) []analysis.Diagnostic {
	t.Helper()
	var diags []analysis.Diagnostic
	newPass := func(a *analysis.Analyzer, resultOf map[*analysis.Analyzer]any) *analysis.Pass {
		return &analysis.Pass{
			Analyzer:   a,
			Fset:       p.fset,
			Files:      p.files,
			Pkg:        p.pkg,
			TypesInfo:  p.info,
			TypesSizes: types.SizesFor("gc", runtime.GOARCH),
			ResultOf:   resultOf,
			Module:     &analysis.Module{Path: "example.com/app", GoVersion: "1.26.0"},
			Report:     func(d analysis.Diagnostic) { diags = append(diags, d) },
			ReadFile: func(name string) ([]byte, error) {
				if src, ok := p.src[name]; ok {
					return src, nil
				}
				return nil, os.ErrNotExist
			},
		}
	}
	insp, err := inspect.Analyzer.Run(newPass(inspect.Analyzer, nil))
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer.New(fuzzConfig)
	if _, err := a.Run(newPass(a, map[*analysis.Analyzer]any{inspect.Analyzer: insp})); err != nil {
		t.Fatalf("the analyzer fails on valid code: %v", err)
	}
	return diags
}

// splitFuzzInput reads the input as a txtar archive of .go files, or as
// one file when it holds no file marker. ok is false for names that no
// package could hold.
func splitFuzzInput(input string) (names []string, src map[string][]byte, ok bool) {
	ar := txtar.Parse([]byte(input))
	if len(ar.Files) == 0 {
		return []string{"a.go"}, map[string][]byte{"a.go": []byte(input)}, true
	}
	src = map[string][]byte{}
	for _, f := range ar.Files {
		if !strings.HasSuffix(f.Name, ".go") || strings.ContainsAny(f.Name, `/\ `) || src[f.Name] != nil {
			return nil, nil, false
		}
		names = append(names, f.Name)
		src[f.Name] = f.Data
	}
	return names, src, true
}

type fileEdit struct {
	start, end int
	text       string
}

// applyFixesAsGiven applies, as golangci-lint --fix does, the first
// suggested fix of each diagnostic, in order, with no formatting and no
// import clean-up; a diagnostic whose edits overlap edits already accepted
// is skipped (identical edits, the same import added by two fixes, count
// once). An invalid fix, which drivers reject, is an error.
func applyFixesAsGiven(p *fuzzPackage, diags []analysis.Diagnostic) (map[string][]byte, error) {
	out, _, err := applyFixesCounting(p, diags)
	return out, err
}

// applyFixesCounting is applyFixesAsGiven, which also says how many fixes
// it skipped for overlapping others (spanattrlint -fix then exits 3 and
// says to run it again).
func applyFixesCounting(p *fuzzPackage, diags []analysis.Diagnostic) (map[string][]byte, int, error) {
	skipped := 0
	accepted := map[string][]fileEdit{}
	for _, d := range diags {
		if len(d.SuggestedFixes) == 0 {
			continue
		}
		fix := d.SuggestedFixes[0]
		byFile := map[string][]fileEdit{}
		for _, e := range fix.TextEdits {
			tf := p.fset.File(e.Pos)
			if tf == nil || p.src[tf.Name()] == nil {
				return nil, 0, fmt.Errorf("%s: fix %q edits outside the package's files", p.fset.Position(d.Pos), fix.Message)
			}
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			if end < e.Pos || int(end) > tf.Base()+tf.Size() {
				return nil, 0, fmt.Errorf("%s: fix %q has an edit with a bad range", p.fset.Position(d.Pos), fix.Message)
			}
			byFile[tf.Name()] = append(byFile[tf.Name()], fileEdit{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText)})
		}
		// The fix's own edits must not overlap (the checker's rule).
		for name, es := range byFile {
			slices.SortStableFunc(es, func(a, b fileEdit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
			for i := 1; i < len(es); i++ {
				if es[i].start < es[i-1].end {
					return nil, 0, fmt.Errorf("%s: fix %q has overlapping edits in %s at offsets %d-%d and %d-%d",
						p.fset.Position(d.Pos), fix.Message, name, es[i-1].start, es[i-1].end, es[i].start, es[i].end)
				}
			}
		}
		if conflicts(accepted, byFile) {
			skipped++
			continue
		}
		for name, es := range byFile {
			for _, e := range es {
				if !slices.Contains(accepted[name], e) {
					accepted[name] = append(accepted[name], e)
				}
			}
		}
	}
	out := map[string][]byte{} // by base name, as the input names them
	for name, src := range p.src {
		var es []testsupport.Edit
		for _, e := range accepted[name] {
			es = append(es, testsupport.Edit{Start: e.start, End: e.end, Text: e.text})
		}
		fixed, err := testsupport.Splice(src, es)
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %v", name, err)
		}
		out[filepath.Base(name)] = fixed
	}
	return out, skipped, nil
}

// conflicts reports whether any edit overlaps a different accepted edit:
// shared bytes, two different insertions at one offset, or an insertion
// strictly inside a replaced range.
func conflicts(accepted, edits map[string][]fileEdit) bool {
	for name, es := range edits {
		for _, e := range es {
			for _, a := range accepted[name] {
				switch {
				case a == e:
				case e.start < a.end && a.start < e.end:
					return true
				case e.start == e.end && a.start == a.end && e.start == a.start:
					return true
				case e.start == e.end && a.start < e.start && e.start < a.end,
					a.start == a.end && e.start < a.start && a.start < e.end:
					return true
				}
			}
		}
	}
	return false
}

// FuzzAnalyzer feeds the analyzer packages of Go source that import the
// real otel packages. On any input that parses and type-checks, it must not
// panic or fail, its fixes must be valid, and applying them as
// golangci-lint does must leave a package that parses, type-checks and
// has nothing fixable left.
//
//	go test -run '^$' -fuzz '^FuzzAnalyzer$' -fuzztime 60s ./analyzer/
//
// An input is one file, or a txtar archive of files ("-- b.go --").
func FuzzAnalyzer(f *testing.F) {
	if testing.Short() {
		f.Skip("loads export data")
	}
	env := loadFuzzEnv(f)
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		if len(input) > 1<<16 {
			return
		}
		names, src, ok := splitFuzzInput(input)
		if !ok {
			return
		}
		p, err := env.check(names, src)
		if err != nil {
			return // not valid Go
		}
		fixed, skipped, err := applyFixesCounting(p, p.analyze(t))
		if err != nil {
			t.Fatal(err)
		}
		p2, err := env.check(names, fixed)
		if err != nil {
			t.Fatalf("the fixed package is not valid Go: %v\n%s", err, dumpFiles(names, fixed))
		}
		// A second -fix finds nothing to fix, of any kind, unless the
		// first skipped fixes that overlapped others (and so said to run
		// it again).
		for _, d := range p2.analyze(t) {
			if len(d.SuggestedFixes) > 0 && (d.Category == "hard-coded" || skipped == 0) {
				t.Errorf("a second -fix would fix more: %s: %s: %s\n%s", p2.fset.Position(d.Pos), d.Category, d.Message, dumpFiles(names, fixed))
			}
		}
	})
}

func dumpFiles(names []string, src map[string][]byte) string {
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "-- %s --\n%s", n, src[n])
	}
	return b.String()
}

// fuzzSeeds are the testdata packages' files, each alone and, for a
// package of several, together as a txtar archive, and handSeeds.
func fuzzSeeds(tb testing.TB) []string {
	dirs, err := filepath.Glob(filepath.Join(testdata, "*"))
	if err != nil {
		tb.Fatal(err)
	}
	var seeds []string
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		var ar txtar.Archive
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				tb.Fatal(err)
			}
			seeds = append(seeds, string(data))
			ar.Files = append(ar.Files, txtar.File{Name: filepath.Base(name), Data: data})
		}
		if len(ar.Files) > 1 {
			seeds = append(seeds, string(txtar.Format(&ar)))
		}
	}
	return append(seeds, handSeeds...)
}

// handSeeds add layouts the testdata lacks; the seeds with //line,
// //nolint and generated headers are in testdata/fuzz/FuzzAnalyzer.
var handSeeds = []string{
	// Imports in groups, fixes that add one and drop another.
	`package p

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func record(ctx context.Context, tracer trace.Tracer) {
	_, span := tracer.Start(ctx, "engine.step")
	fmt.Println()
	span.SetAttributes(attribute.String("event.type", "QUEUED"), attribute.Key("server.port").Int(8080))
	span.AddEvent("exception")
}
`,
	// Two files: the constant in one, the literals in the other.
	`-- keys.go --
package p

import "go.opentelemetry.io/otel/attribute"

const StepKey = attribute.Key("journey.step")

const eventQueued = "journey.QUEUED"
-- use.go --
package p

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

func record(span trace.Span, n int) {
	span.SetAttributes(attribute.Int("journey.step", n), attribute.KeyValue{Key: "journey.step"})
	span.AddEvent("journey.QUEUED", trace.WithAttributes(attribute.Stringer("journey.step", nil)))
}
`,
}

// TestFuzzSeedsAreAnalysed guards the fuzz test against testing nothing:
// most seeds must type-check with the fuzzer's imports and give fixes,
// some of which add an import.
func TestFuzzSeedsAreAnalysed(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("loads export data")
	}
	env := loadFuzzEnv(t)
	seeds := fuzzSeeds(t)
	checked, fixes, imports := 0, 0, 0
	for _, s := range seeds {
		names, src, ok := splitFuzzInput(s)
		if !ok {
			continue
		}
		p, err := env.check(names, src)
		if err != nil {
			continue
		}
		checked++
		for _, d := range p.analyze(t) {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			fixes++
			for _, e := range d.SuggestedFixes[0].TextEdits {
				if strings.Contains(string(e.NewText), `"example.com/app/internal/tracing"`) {
					imports++
					break
				}
			}
		}
	}
	t.Logf("%d seeds, %d type-check, %d fixes, %d adding an import", len(seeds), checked, fixes, imports)
	if checked < len(seeds)*3/4 || fixes < 50 || imports < 5 {
		t.Errorf("%d of %d seeds type-check, with %d fixes, %d adding an import: the fuzzer's imports or seeds are broken", checked, len(seeds), fixes, imports)
	}
}
