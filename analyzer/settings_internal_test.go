package analyzer

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/index"
	"github.com/spanattrlint/spanattrlint/internal/modresolve"
	"golang.org/x/tools/go/analysis"
)

// Every option declares a kind, and its flag behaves as that kind says:
// the plugin reads the kind and never tries the flag.
func TestOptionsDeclareTheirKinds(t *testing.T) {
	t.Parallel()
	var names []string
	for _, o := range Options() {
		names = append(names, o.Name)
		var c Config
		p := o.field(&c)
		fs := flag.NewFlagSet("", flag.ContinueOnError)
		c.BindFlags(fs)
		f := fs.Lookup(o.Name)
		if f == nil {
			t.Errorf("-%s: BindFlags registers no such flag", o.Name)
			continue
		}
		if f.Usage != o.Usage || o.Usage == "" {
			t.Errorf("-%s: usage %q, want the option's %q", o.Name, f.Usage, o.Usage)
		}
		b, isBool := f.Value.(interface{ IsBoolFlag() bool })
		isBool = isBool && b.IsBoolFlag()
		switch o.Kind {
		case KindBool, KindNegatedBool:
			field, ok := p.(*bool)
			if !ok || !isBool {
				t.Errorf("-%s: a boolean kind, but its field is %T and IsBoolFlag %v", o.Name, p, isBool)
				continue
			}
			if err := fs.Set(o.Name, "true"); err != nil {
				t.Fatal(err)
			}
			if want := o.Kind == KindBool; *field != want {
				t.Errorf("-%s=true sets its field to %v, want %v", o.Name, *field, want)
			}
		case KindList:
			field, ok := p.(*[]string)
			if !ok || isBool {
				t.Errorf("-%s: a list, but its field is %T and IsBoolFlag %v", o.Name, p, isBool)
				continue
			}
			fs.Set(o.Name, "a,b")
			fs.Set(o.Name, "c")
			if !slices.Equal(*field, []string{"a", "b", "c"}) {
				t.Errorf("-%s=a,b -%s=c gives %q, want a, b and c", o.Name, o.Name, *field)
			}
		case KindString:
			field, ok := p.(*string)
			if !ok || isBool {
				t.Errorf("-%s: a string, but its field is %T and IsBoolFlag %v", o.Name, p, isBool)
				continue
			}
			fs.Set(o.Name, "a")
			fs.Set(o.Name, "b")
			if *field != "b" {
				t.Errorf("-%s=a -%s=b gives %q, want b", o.Name, o.Name, *field)
			}
		default:
			t.Errorf("-%s declares no kind (%d)", o.Name, o.Kind)
		}
	}
	var flags []string
	var c Config
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	c.BindFlags(fs)
	fs.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
	slices.Sort(names)
	if !slices.Equal(names, flags) {
		t.Errorf("options %v, flags %v: want each option once, as a flag", names, flags)
	}
}

// A pass of the package in dir that imports nothing: the analyzer decides
// its configuration and resolves -constants, then stops.
func bareP(t *testing.T, dir, path string) *analysis.Pass {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(dir, "x.go"), "package p\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	return &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: types.NewPackage(path, "p"),
		Report: func(analysis.Diagnostic) {}}
}

// -constants is resolved once in a module: by Resolve, before any package
// is analysed, and never again by the analyzers built from its settings
// (they share its loader, whose one entry per module root resolves once);
// by the first package of a module, when the analyzer decides itself.
func TestConstantsResolvedOncePerModule(t *testing.T) {
	testdata := filepath.Join("..", "testdata", "src")
	abs, err := filepath.Abs(testdata)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Constants: []string{"example.com/app/internal/tracing"}}
	pkgs := []string{"positions", "naming", "migrate"} // none the -constants package, whose values are checked

	set, err := cfg.Resolve(filepath.Join(testdata, "positions"))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		l := &linter{cfg: set.cfg, set: set, res: set.res, loader: set.loader}
		a := l.analyzer() // as NewFromSettings builds it
		for _, p := range pkgs {
			if _, err := a.Run(bareP(t, filepath.Join(abs, p), "example.com/app/"+p)); err != nil {
				t.Fatal(err)
			}
		}
		if l.loader != set.loader || l.set != set {
			t.Fatal("an analyzer built from the settings decided again")
		}
	}
	if err := set.Prepare("example.com/app/naming", filepath.Join(abs, "naming"), true); err != nil {
		t.Fatal(err)
	}

	l := &linter{cfg: cfg, res: modresolve.NewResolver()} // as New builds it
	a := l.analyzer()
	for _, p := range pkgs {
		if _, err := a.Run(bareP(t, filepath.Join(abs, p), "example.com/app/"+p)); err != nil {
			t.Fatal(err)
		}
	}
	if l.loader == nil {
		t.Fatal("New: no loader after analysing")
	}
	// One module, one resolution: every package directory of the module
	// gets the same index.Module, whose patterns resolve under its once.
	for _, ld := range []*index.Loader{set.loader, l.loader} {
		var first *index.Module
		for _, p := range pkgs {
			m, err := ld.PackagesFor(filepath.Join(abs, p))
			if err != nil || m == nil {
				t.Fatalf("PackagesFor(%s): %v, %v", p, m, err)
			}
			if first == nil {
				first = m
			} else if m != first {
				t.Errorf("PackagesFor(%s): another module entry than for %s", p, pkgs[0])
			}
		}
	}
}
