package analyzer

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Name is the analyzer's name, also the name that //nolint directives use.
const Name = "spanattrlint"

//go:embed doc.go
var doc string

var inspectorAnalyzer = inspect.Analyzer

// Analyzer reports hard-coded attribute keys and event names. Its flags
// fill the Config that the command passes on.
var Analyzer = New(Config{})

// New returns an analyzer with its own configuration and caches; flags
// registered on its FlagSet change that configuration.
func New(cfg Config) *analysis.Analyzer {
	l := &linter{cfg: cfg}
	a := &analysis.Analyzer{
		Name:       Name,
		Doc:        extractDoc(doc, Name),
		URL:        "https://pkg.go.dev/github.com/spanattrlint/spanattrlint/analyzer",
		Requires:   []*analysis.Analyzer{inspectorAnalyzer},
		Run:        l.run,
		ResultType: reflect.TypeFor[*Result](),
	}
	l.cfg.bindFlags(&a.Flags)
	return a
}

// linter holds what is shared by every package of a run: caches that make
// each index once per process.
type linter struct {
	cfg Config

	once   sync.Once
	cfgErr error
	loader *constLoader
	reach  reach
	tables tables
}

func (l *linter) run(pass *analysis.Pass) (any, error) {
	if isSemconv(pass.Pkg.Path()) {
		return &Result{}, nil
	}
	l.once.Do(func() {
		if err := l.cfg.Validate(); err != nil {
			l.cfgErr = &ConfigError{err}
		}
		l.loader = newConstLoader(l.cfg.Constants)
	})
	if l.cfgErr != nil {
		return nil, l.cfgErr
	}
	var mod *modInfo
	if len(l.cfg.Constants) > 0 {
		// Resolve -constants even where nothing is found, so that a
		// pattern naming no package is reported on every run.
		var err error
		if mod, err = l.loader.packagesFor(packageDir(pass)); err != nil {
			return nil, err
		}
	}
	// Cheap first: a package that cannot reach the attribute or trace
	// package cannot contain a finding.
	r := l.reach.of(pass.Pkg)
	if r.attribute == nil && r.trace == nil {
		return &Result{}, nil
	}
	api := newOtelAPI(r)

	var sites []*site
	var files []*ast.File
	inUse := map[string]bool{} // packages whose constants are used as keys
	collectSites(pass, api, l.cfg.SpanNames, func(f *ast.File, s *site) {
		if s.named != nil {
			if p := s.named.Pkg(); p != nil && p != pass.Pkg && s.role != roleSpanName {
				inUse[p.Path()] = true
			}
			return
		}
		if s.hardCoded() {
			sites = append(sites, s)
			files = append(files, f)
		}
	})
	findings := l.filter(pass, sites, files)
	if len(findings) == 0 {
		return &Result{}, nil
	}

	l.rank(pass, api, mod, inUse, findings)
	byFile := map[*ast.File][]*finding{}
	var order []*ast.File
	for _, f := range findings {
		if byFile[f.file] == nil {
			order = append(order, f.file)
		}
		byFile[f.file] = append(byFile[f.file], f)
	}
	for _, file := range order {
		for _, d := range planFile(pass, api, file, byFile[file]) {
			pass.Report(d)
		}
	}
	res := &Result{}
	for _, f := range findings {
		if len(f.cands) == 0 {
			res.Unmatched = append(res.Unmatched, Unmatched{Value: f.site.value, Role: f.site.role.String(), Pos: f.site.expr.Pos()})
		}
	}
	return res, nil
}

// Result is what the analyzer returns for a package, for tools built on it
// (spanattrlint gen): the hard-coded strings that no constant defines.
type Result struct {
	Unmatched []Unmatched
}

// Unmatched is a hard-coded key or name for which no constant exists.
type Unmatched struct {
	Value string    // the string's value
	Role  string    // "attribute key", "event name" or "span name"
	Pos   token.Pos // where it is written
}

// filter drops sites in generated files and on //nolint lines.
func (l *linter) filter(pass *analysis.Pass, sites []*site, files []*ast.File) []*finding {
	var findings []*finding
	generated := map[*ast.File]bool{}
	nolints := map[*ast.File]*nolint{}
	for i, s := range sites {
		file := files[i]
		gen, ok := generated[file]
		if !ok {
			gen = ast.IsGenerated(file)
			generated[file] = gen
		}
		if gen {
			continue
		}
		nl := nolints[file]
		if nl == nil {
			name := pass.Fset.File(file.Pos()).Name()
			src, _ := pass.ReadFile(name)
			nl = newNolint(pass.Fset, file, src)
			nolints[file] = nl
		}
		if nl.covers(pass.Fset.File(file.Pos()).Line(s.expr.Pos())) {
			continue
		}
		findings = append(findings, &finding{site: s, file: file})
	}
	return findings
}

// rank gathers the candidate constants for the findings' values, in order
// of preference, and gives each finding its ranked list.
func (l *linter) rank(pass *analysis.Pass, api *otelAPI, mod *modInfo, inUse map[string]bool, findings []*finding) {
	need := map[string]bool{}
	for _, f := range findings {
		need[f.site.value] = true
	}
	cs := newCandidateSet(api, need)

	// 1. The package itself.
	cs.add(scanConsts(pass.Pkg, false), fromLocal, nil)

	// 2. The -constants packages.
	if mod != nil {
		graph := importGraph(pass.Pkg)
		for _, pd := range mod.pkgs {
			if pd.path == pass.Pkg.Path() || !importable(pass.Pkg.Path(), pd.path) {
				continue
			}
			pkg := graph[pd.path]
			if pkg == nil {
				if l.loader.importsPkg(mod, pd.path, pass.Pkg.Path(), graph) {
					continue // importing it would make a cycle
				}
				pkg = l.loader.load(mod, pd, graph)
			}
			if pkg != nil && pkg.Name() != "main" {
				cs.add(l.tables.of(pkg), fromConfigured, nil)
			}
		}
	}

	// 3. Packages whose constants are already used as keys or event names,
	// and 4. the attribute.Key constants of every imported package (a
	// semconv package's event names too).
	imports := slices.Clone(pass.Pkg.Imports())
	slices.SortFunc(imports, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	for _, imp := range imports {
		if inUse[imp.Path()] {
			cs.add(l.tables.of(imp), fromInUse, nil)
		}
	}
	for _, imp := range imports {
		semconv := isSemconv(imp.Path())
		cs.add(l.tables.of(imp), fromImportKey, func(c *types.Const) bool {
			return api.isKey(c.Type()) || semconv && strings.HasSuffix(c.Name(), "EventName")
		})
	}

	// 5. The newest semantic conventions, named even where not imported.
	keys, events := map[string]bool{}, map[string]bool{}
	for _, f := range findings {
		switch f.site.role {
		case roleKey:
			keys[f.site.value] = true
		case roleEvent:
			events[f.site.value] = true
		}
	}
	cs.addSemconvTable(keys, events)

	for _, f := range findings {
		f.cands = cs.ranked(f.site.value, f.site.role)
	}
}

// importGraph maps the import paths of every package that pkg depends on.
func importGraph(pkg *types.Package) map[string]*types.Package {
	graph := map[string]*types.Package{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if _, ok := graph[imp.Path()]; !ok {
				graph[imp.Path()] = imp
				walk(imp)
			}
		}
	}
	walk(pkg)
	return graph
}

// packageDir is the directory of the package's first file, where the
// module that resolves -constants is found.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if name := pass.Fset.Position(f.Package).Filename; name != "" {
			if abs, err := filepath.Abs(filepath.Dir(name)); err == nil {
				return abs
			}
		}
	}
	return "."
}

// extractDoc returns the "# Analyzer name" section of a package doc comment.
func extractDoc(src, name string) string {
	var lines []string
	in := false
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "//") {
			if in {
				break
			}
			continue
		}
		text := strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if strings.HasPrefix(text, "# Analyzer ") {
			in = strings.TrimPrefix(text, "# Analyzer ") == name
			continue
		}
		if in {
			lines = append(lines, text)
		}
	}
	text := strings.TrimSpace(strings.Join(lines, "\n"))
	return strings.TrimPrefix(text, name+": ") // drivers print the name themselves
}
