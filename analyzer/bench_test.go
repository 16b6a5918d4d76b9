package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/spanattrlint/spanattrlint/analyzer"
	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// BenchmarkAnalyzer runs the analyzer's Run on generated packages of n
// attribute calls (half of them with a matching constant, plus an event per
// ten calls), and on a package that imports neither attribute nor trace,
// which must cost close to nothing. Loading and type-checking happen
// before the timer; the inspector is built once, as the driver does.
//
//	go test -run '^$' -bench Analyzer -benchmem ./analyzer/
func BenchmarkAnalyzer(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		pkg := generate(b, n, genOpts{otel: true})
		b.Run(fmt.Sprintf("calls=%d", n), func(b *testing.B) { benchRun(b, pkg, n) })
	}
	// Keys of 20 bytes or more, where a near miss may be two edits away.
	for _, n := range []int{1_000, 10_000} {
		pkg := generate(b, n, genOpts{otel: true, long: true})
		b.Run(fmt.Sprintf("longkeys/calls=%d", n), func(b *testing.B) { benchRun(b, pkg, n) })
	}
	// attribute.Key constants: each fix rewrites attribute.String("k", v)
	// to KeyN.String(v), deleting a use of the attribute import, which the
	// import planning must account for.
	for _, n := range []int{1_000, 10_000} {
		pkg := generate(b, n, genOpts{otel: true, keyConsts: true})
		b.Run(fmt.Sprintf("keyconsts/calls=%d", n), func(b *testing.B) { benchRun(b, pkg, n) })
	}
	pkg := generate(b, 10_000, genOpts{})
	b.Run("no-otel/calls=10000", func(b *testing.B) { benchRun(b, pkg, 10_000) })
}

func benchRun(b *testing.B, pkg *packages.Package, n int) {
	insp := inspector.New(pkg.Syntax)
	reports := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		// A new analyzer per iteration: its per-process caches start empty.
		a := analyzer.New(analyzer.Config{})
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       pkg.Fset,
			Files:      pkg.Syntax,
			Pkg:        pkg.Types,
			TypesInfo:  pkg.TypesInfo,
			TypesSizes: pkg.TypesSizes,
			ResultOf:   map[*analysis.Analyzer]any{inspect.Analyzer: insp},
			Report:     func(analysis.Diagnostic) { reports++ },
			ReadFile:   os.ReadFile,
		}
		if _, err := a.Run(pass); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/call")
	if reports == 0 && n > 0 && pkg.Types.Scope().Lookup("attribute") == nil {
		b.Fatal("nothing reported: the generated package is not being analysed")
	}
}

// genOpts shape a generated package: calls to the real otel or to a local
// look-alike, attribute.Key constants or plain ones, keys of 11 to 13
// bytes or of 29 to 33.
type genOpts struct{ otel, keyConsts, long bool }

// generate writes a module with one package of n calls in files of 1,000
// and loads it.
func generate(b *testing.B, n int, o genOpts) *packages.Package {
	b.Helper()
	otel, keyConsts := o.otel, o.keyConsts
	key := "app.key_%d"
	if o.long {
		key = "app.checkout_service.key_%d"
	}
	dir := b.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(testdata, f))
		if err != nil && f == "go.mod" {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	pkgDir := filepath.Join(dir, "gen")
	os.MkdirAll(pkgDir, 0o755)
	imports := "import (\n\t\"go.opentelemetry.io/otel/attribute\"\n\t\"go.opentelemetry.io/otel/trace\"\n)\n"
	if !otel {
		imports = "type kv struct{ k, v string }\n\ntype span struct{}\n\nfunc (span) AddEvent(string) {}\n\nvar attribute = struct{ String func(k, v string) kv }{func(k, v string) kv { return kv{k, v} }}\n"
	}
	var consts strings.Builder
	consts.WriteString("package gen\n\n")
	if keyConsts {
		consts.WriteString("import \"go.opentelemetry.io/otel/attribute\"\n\n")
	}
	consts.WriteString("const (\n")
	for i := 0; i < n/2; i++ {
		if keyConsts {
			fmt.Fprintf(&consts, "\tKey%d = attribute.Key(\""+key+"\")\n", i, i)
		} else {
			fmt.Fprintf(&consts, "\tKey%d = \""+key+"\"\n", i, i)
		}
	}
	consts.WriteString(")\n")
	os.WriteFile(filepath.Join(pkgDir, "consts.go"), []byte(consts.String()), 0o644)
	for f := 0; f*1000 < n; f++ {
		var src strings.Builder
		fmt.Fprintf(&src, "package gen\n\n%s\n", imports)
		spanType := "trace.Span"
		if !otel {
			spanType = "span"
			src.Reset()
			fmt.Fprintf(&src, "package gen\n\n")
			if f == 0 {
				src.WriteString(imports)
			}
		}
		fmt.Fprintf(&src, "func f%d(s %s) {\n", f, spanType)
		for i := f * 1000; i < (f+1)*1000 && i < n; i++ {
			fmt.Fprintf(&src, "\t_ = attribute.String(\""+key+"\", \"v\")\n", i)
			if i%10 == 0 {
				fmt.Fprintf(&src, "\ts.AddEvent(\"app.event_%d\")\n", i)
			}
		}
		src.WriteString("}\n")
		os.WriteFile(filepath.Join(pkgDir, fmt.Sprintf("f%d.go", f)), []byte(src.String()), 0o644)
	}
	cfg := &packages.Config{
		Mode: packages.LoadSyntax,
		Dir:  dir,
		Env:  testsupport.OfflineEnv(),
	}
	pkgs, err := packages.Load(cfg, "./gen")
	if err != nil || len(pkgs) != 1 || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("loading the generated package: %v", err)
	}
	return pkgs[0]
}

// BenchmarkFloor is what any type-based check pays on the same packages,
// reporting nothing: "callee" resolves each call's callee (one Uses
// look-up: the least that recognises a call by type, and what the analyzer
// does); "callee+report" also builds the least diagnostic with a fix
// that a finding needs; "callee+value" resolves it with typeutil.Callee and looks up the
// constant value of its first argument, as a typical analyzer would. It
// shows how much of the analyzer's growth per call is the growth of
// go/types' own tables, which no type-based analyzer can avoid touching.
func BenchmarkFloor(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		pkg := generate(b, n, genOpts{otel: true})
		info := pkg.TypesInfo
		walks := []struct {
			name string
			call func(*ast.CallExpr) bool
		}{
			{"callee", func(call *ast.CallExpr) bool {
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return false
				}
				fn, ok := info.Uses[sel.Sel].(*types.Func)
				return ok && fn.Pkg() != nil
			}},
			{"callee+report", func(call *ast.CallExpr) bool {
				// The least output a finding with a fix has: a message and
				// one edit, handed to a Report that keeps nothing.
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || len(call.Args) == 0 {
					return false
				}
				fn, ok := info.Uses[sel.Sel].(*types.Func)
				lit, isLit := call.Args[0].(*ast.BasicLit)
				if !ok || fn.Pkg() == nil || !isLit {
					return false
				}
				discard(analysis.Diagnostic{
					Pos: lit.Pos(), End: lit.End(), Category: "hard-coded",
					Message: "hard-coded attribute key " + lit.Value + ": use tracing.Key",
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "Use tracing.Key",
						TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte("tracing.Key")}},
					}},
				})
				return true
			}},
			{"callee+value", func(call *ast.CallExpr) bool {
				fn, ok := typeutil.Callee(info, call).(*types.Func)
				return ok && len(call.Args) > 0 && fn.Pkg() != nil && info.Types[call.Args[0]].Value != nil
			}},
		}
		for _, w := range walks {
			b.Run(fmt.Sprintf("%s/calls=%d", w.name, n), func(b *testing.B) {
				insp := inspector.New(pkg.Syntax)
				found := 0
				b.ReportAllocs()
				for b.Loop() {
					insp.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
						if w.call(n.(*ast.CallExpr)) {
							found++
						}
					})
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/call")
				if found == 0 {
					b.Fatal("no call resolved")
				}
			})
		}
	}
}

var sink *analysis.Diagnostic

//go:noinline
func discard(d analysis.Diagnostic) { sink = &d; sink = nil }

// BenchmarkRunShared runs one analyzer over many packages of one load, as
// a driver does in one run: the packages share their imports and FileSet,
// so the caches (which packages reach otel, each imported package's
// constant table, the -constants package read from source) are made once
// for all of them. Loading happens before the timer.
//
//	go test -run '^$' -bench RunShared -benchmem ./analyzer/
func BenchmarkRunShared(b *testing.B) {
	testsupport.SetOffline(b)
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: testdata, Env: testsupport.OfflineEnv()}
	var patterns []string
	for _, c := range analyzerCases {
		patterns = append(patterns, c.pkg)
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil || len(pkgs) == 0 || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("loading the testdata packages: %v", err)
	}
	insps := make([]*inspector.Inspector, len(pkgs))
	for i, pkg := range pkgs {
		insps[i] = inspector.New(pkg.Syntax)
	}
	reports := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a := analyzer.New(analyzer.Config{Constants: []string{tracingPkg}})
		for i, pkg := range pkgs {
			pass := &analysis.Pass{
				Analyzer:   a,
				Fset:       pkg.Fset,
				Files:      pkg.Syntax,
				Pkg:        pkg.Types,
				TypesInfo:  pkg.TypesInfo,
				TypesSizes: pkg.TypesSizes,
				ResultOf:   map[*analysis.Analyzer]any{inspect.Analyzer: insps[i]},
				Report:     func(analysis.Diagnostic) { reports++ },
				ReadFile:   os.ReadFile,
			}
			if _, err := a.Run(pass); err != nil {
				b.Fatal(err)
			}
		}
	}
	if reports == 0 {
		b.Fatal("nothing reported: the packages are not being analysed")
	}
}
