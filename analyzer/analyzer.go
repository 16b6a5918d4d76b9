package analyzer

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/spanattrlint/spanattrlint/internal/modresolve"
	"github.com/spanattrlint/spanattrlint/internal/pkgpath"
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
// registered on its FlagSet change that configuration until the first
// package is analysed, which decides it (Config.Resolve) and reports a
// ConfigError for every package if it is wrong. A front end that can
// decide first uses NewFromSettings.
func New(cfg Config) *analysis.Analyzer {
	l := &linter{cfg: cfg, res: modresolve.NewResolver()}
	a := l.analyzer()
	l.cfg.BindFlags(&a.Flags)
	return a
}

// NewFromSettings returns an analyzer with its own caches and the decided
// settings, whose -constants resolutions it reuses. Its flags show the
// settings and accept a command line, for a driver that parses the one
// the settings were decided from again (go vet's unitchecker), but change
// nothing.
func NewFromSettings(s *Settings) *analysis.Analyzer {
	l := &linter{cfg: s.cfg, set: s, res: s.res, loader: s.loader}
	a := l.analyzer()
	shown := s.config()
	shown.BindFlags(&a.Flags)
	return a
}

func (l *linter) analyzer() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       Name,
		Doc:        extractDoc(doc, Name),
		URL:        "https://pkg.go.dev/github.com/spanattrlint/spanattrlint/analyzer",
		Requires:   []*analysis.Analyzer{inspectorAnalyzer},
		Run:        l.run,
		ResultType: reflect.TypeFor[*Result](),
	}
}

// linter holds what is shared by every package of a run: the settings,
// and caches that make each index once per process.
type linter struct {
	cfg Config

	once   sync.Once
	set    *Settings // decided by the front end, or at the first package
	cfgErr error
	res    *modresolve.Resolver // go.mod and go.work, for -constants and the semconv hint
	loader *constLoader
	reach  reach
	tables tables
}

func (l *linter) run(pass *analysis.Pass) (any, error) {
	if isSemconv(pass.Pkg.Path()) {
		return &Result{}, nil
	}
	l.once.Do(func() {
		if l.set == nil {
			if l.set, l.cfgErr = l.cfg.decide(l.res); l.cfgErr == nil {
				l.loader = l.set.loader
			}
		}
	})
	if l.cfgErr != nil {
		return nil, l.cfgErr
	}
	cgo := newCgoFiles(pass) // cmd/cgo's copies of the user's files, if any
	dir := packageDir(pass, cgo)
	mod, err := l.set.constants(dir, pass.Module != nil)
	if err != nil {
		return nil, err
	}
	// Cheap first: a package that cannot reach the attribute or trace
	// package cannot contain a finding.
	r := l.reach.of(pass.Pkg)
	constPkg := configured(mod, pass.Pkg.Path()) // its constants' values are checked
	if r.attribute == nil && r.trace == nil && !constPkg {
		return &Result{}, nil
	}
	api := newOtelAPI(r)
	if cgo != nil {
		// Findings in cgo's copies are reported in the user's files.
		p := *pass
		p.Report = cgo.report(pass.Report)
		pass = &p
	}

	sup := newSuppressor(pass, !l.cfg.LeaveNolint)
	sup.cgo = cgo
	var findings []*finding
	var consts []constSpec
	inUse := map[string]bool{}          // packages whose constants are used as keys
	localUse := map[*types.Const]role{} // the package's constants used as keys or names
	collectSites(pass, api, l.cfg.SpanNames, func(f *ast.File, s *site) {
		if s.named != nil {
			if p := s.named.Pkg(); p == pass.Pkg {
				localUse[s.named] = s.role
			} else if p != nil && s.role != roleSpanName {
				inUse[p.Path()] = true
			}
			return
		}
		if s.hardCoded() && !sup.suppressed(f, s.expr.Pos()) {
			findings = append(findings, &finding{site: s, file: f})
		}
	}, func(f *ast.File, spec *ast.ValueSpec) {
		consts = append(consts, constSpec{f, spec})
	})
	hardCoded := len(findings)
	findings = append(findings, l.semconvUses(pass, api, sup)...)
	if len(findings) == 0 && len(consts) == 0 {
		return &Result{ConstantPackages: sortedKeys(inUse)}, nil
	}

	// The candidate sources, a -constants package read from source among
	// them, are needed only where something was found.
	var srcs []sourceTable
	if len(findings) > 0 {
		srcs = l.sources(pass, api, mod, inUse, localUse)
	}
	findings = append(findings, l.deprecations(findings[:hardCoded])...)
	l.rank(pass, api, dir, srcs, findings)
	findings, hardCoded = dropPinning(pass, findings, hardCoded)
	l.checkKeys(pass, api, sup, srcs, findings[:hardCoded], consts, localUse, constPkg)

	byFile := map[*ast.File][]*finding{}
	var order []*ast.File
	for _, f := range findings {
		if byFile[f.file] == nil {
			order = append(order, f.file)
		}
		byFile[f.file] = append(byFile[f.file], f)
	}
	for _, file := range order {
		planFile(pass, api, file, byFile[file], pass.Report)
	}
	res := &Result{ConstantPackages: sortedKeys(inUse)}
	unmatched := 0
	for _, f := range findings[:hardCoded] {
		if !f.matched() {
			unmatched++
		}
	}
	res.Unmatched = make([]Unmatched, 0, unmatched)
	for _, f := range findings[:hardCoded] {
		if !f.matched() {
			res.Unmatched = append(res.Unmatched, Unmatched{Value: f.site.value, Role: f.site.role.String(), Pos: f.site.expr.Pos()})
		}
	}
	return res, nil
}

func sortedKeys(m map[string]bool) []string {
	keys := slices.Collect(maps.Keys(m))
	slices.Sort(keys)
	return keys
}

// Result is what the analyzer returns for a package, for tools built on it
// (spanattrlint gen): the hard-coded strings that no constant defines.
type Result struct {
	Unmatched []Unmatched
	// ConstantPackages are the import paths of the packages whose constants
	// the package already uses as keys or event names, which the analyzer
	// offers with no configuration.
	ConstantPackages []string
}

// Unmatched is a hard-coded key or name for which no constant exists.
type Unmatched struct {
	Value string    // the string's value
	Role  string    // "attribute key", "event name" or "span name"
	Pos   token.Pos // where it is written
}

// dropPinning drops the hard-coded findings of test files that pin a
// constant's value: a literal written beside the very constant the fix
// would write, in one comparison or composite literal
// ({got: ReadBytesKey, want: attribute.Key("http.read_bytes")}), where the
// fix would make the test compare the constant with itself.
func dropPinning(pass *analysis.Pass, findings []*finding, hardCoded int) ([]*finding, int) {
	insp := pass.ResultOf[inspectorAnalyzer].(*inspector.Inspector)
	out := findings[:0]
	kept := 0
	for i, f := range findings {
		if i < hardCoded && pins(pass, insp, f) {
			continue
		}
		if i < hardCoded {
			kept++
		}
		out = append(out, f)
	}
	return out, kept
}

func pins(pass *analysis.Pass, insp *inspector.Inspector, f *finding) bool {
	c := f.fixConst()
	if c == nil || !strings.HasSuffix(pass.Fset.File(f.file.Pos()).Name(), "_test.go") {
		return false
	}
	cur, ok := insp.Root().FindNode(f.site.expr)
	if !ok {
		return false
	}
	for enc := range cur.Enclosing() {
		switch n := enc.Node().(type) {
		case ast.Stmt, *ast.FuncDecl:
			return false
		case *ast.CompositeLit:
			return refersTo(pass.TypesInfo, n, c)
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				return refersTo(pass.TypesInfo, n, c)
			}
		}
	}
	return false
}

func refersTo(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// suppressor tells whether a position is in a generated file or covered
// by a //nolint directive; it reads each file's directives on first use.
type suppressor struct {
	pass   *analysis.Pass
	cgo    *cgoFiles // which user's file a cgo copy is; nil without cgo
	nolint bool      // honour //nolint directives
	files  map[*ast.File]*fileSuppression
	last   *ast.File // positions come file by file: skip the map
	lastS  *fileSuppression
}

type fileSuppression struct {
	generated bool
	tf        *token.File
	nolints   *nolint // read on first use
}

func newSuppressor(pass *analysis.Pass, honourNolint bool) *suppressor {
	return &suppressor{pass: pass, nolint: honourNolint, files: map[*ast.File]*fileSuppression{}}
}

func (sp *suppressor) suppressed(file *ast.File, pos token.Pos) bool {
	fs := sp.lastS
	if file != sp.last {
		fs = sp.files[file]
		if fs == nil {
			fs = &fileSuppression{generated: sp.cgo.generated(file), tf: sp.pass.Fset.File(file.Pos())}
			sp.files[file] = fs
		}
		sp.last, sp.lastS = file, fs
	}
	if fs.generated || !sp.nolint {
		return fs.generated
	}
	if fs.nolints == nil {
		fs.nolints = newNolint(sp.pass.Fset, file, func() []byte { return readSource(sp.pass, fs.tf) })
	}
	return fs.nolints.covers(fileLine(fs.tf, pos))
}

// readSource returns the source of a file of the package, or nil. Drivers
// that give no Pass.ReadFile (Bazel's nogo) get the file from disk, where
// their parser read it; a file that changed since it was parsed is not
// used.
func readSource(pass *analysis.Pass, tf *token.File) []byte {
	read := pass.ReadFile
	if read == nil {
		read = os.ReadFile
	}
	src, err := read(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil
	}
	return src
}

// rank gathers the candidate constants for the findings' values (for a
// deprecation, its new key's), in order of preference, and gives each
// finding its ranked list.
func (l *linter) rank(pass *analysis.Pass, api *otelAPI, dir string, srcs []sourceTable, findings []*finding) {
	cs := newCandidateSet(api, pass.Pkg, pass.Fset, len(findings))
	ids := make([]int32, len(findings))
	for i, f := range findings {
		ids[i] = cs.need(f.lookupValue(), f.site.role)
	}
	for _, st := range srcs {
		cs.add(st)
	}
	// 5. The newest semantic conventions of the module's otel version,
	// named even where not imported.
	cs.addSemconvTable(l.moduleOtel(dir))
	if len(srcs) > 0 && srcs[0].src == fromLocal {
		cs.addFilteredLocal(srcs[0])
	}
	testFile := map[*ast.File]bool{}
	for _, f := range pass.Files {
		testFile[f] = strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go")
	}
	for i, f := range findings {
		cands := cs.ranked(ids[i], f.site.role)
		if !testFile[f.file] {
			cands = slices.DeleteFunc(cands, func(c candidate) bool { return c.testOnly })
		}
		f.cands = preferImported(cands, f.file)
	}
}

// preferImported moves to the front the first candidate, among those of
// the best source, whose package the file already imports: its import is
// reused rather than another version's added.
func preferImported(cands []candidate, file *ast.File) []candidate {
	for i := 1; i < len(cands) && cands[i].source == cands[0].source; i++ {
		if cands[0].obj != nil && imports(file, cands[0].path) {
			return cands
		}
		if cands[i].obj != nil && imports(file, cands[i].path) {
			c := cands[i]
			copy(cands[1:i+1], cands[:i])
			cands[0] = c
			return cands
		}
	}
	return cands
}

func imports(file *ast.File, path string) bool {
	for _, spec := range file.Imports {
		if importPath(spec) == path {
			return true
		}
	}
	return false
}

// A sourceTable is the constants of one package, from one source.
type sourceTable struct {
	consts *constList
	src    source
	keep   func(constEntry) bool // nil keeps all
}

// sources lists the constant tables that may name a hard-coded string, in
// order of preference: 1. the package itself; 2. the -constants packages;
// 3. packages whose constants are already used as keys or event names;
// 4. the attribute.Key constants of every imported package (a semconv
// package's event names too).
func (l *linter) sources(pass *analysis.Pass, api *otelAPI, mod *modInfo, inUse map[string]bool, localUse map[*types.Const]role) []sourceTable {
	// The package's own constants are keys when typed so, used so, or
	// namespaced: a Prometheus label "allowed" is not an attribute key.
	// So is a constant declared in one const group with such keys.
	isKey := func(e constEntry) bool {
		_, used := localUse[e.c]
		return used || api.isKey(e.c.Type()) || strings.Contains(e.value, ".")
	}
	grouped := keyGroups(pass, isKey)
	out := []sourceTable{{consts: &constList{list: scanConsts(pass.Pkg, false)}, src: fromLocal, keep: func(e constEntry) bool {
		return isKey(e) || grouped[e.c]
	}}}
	if mod != nil {
		graph := importGraph(pass.Pkg)
		for _, pd := range mod.pkgs {
			if pd.path == pass.Pkg.Path() || !pkgpath.Importable(pass.Pkg.Path(), pd.path) {
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
				out = append(out, sourceTable{consts: l.tables.of(pkg), src: fromConfigured})
			}
		}
	}
	imports := slices.Clone(pass.Pkg.Imports())
	slices.SortFunc(imports, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	for _, imp := range imports {
		if inUse[imp.Path()] {
			out = append(out, sourceTable{consts: l.tables.of(imp), src: fromInUse})
		}
	}
	for _, imp := range imports {
		semconv := isSemconv(imp.Path())
		out = append(out, sourceTable{consts: l.tables.of(imp), src: fromImportKey, keep: func(e constEntry) bool {
			return api.isKey(e.c.Type()) || semconv && strings.HasSuffix(e.c.Name(), "EventName")
		}})
	}
	return out
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

// packageDir is the directory of the package's first source file, where
// the module that resolves -constants is found; for a cgo package, that
// of the user's files behind cgo's copies (go vet passes the copies in its
// $WORK directory); "" for a package with no file in a source tree, such
// as the test main package that go test generates in the build cache. The
// file's own name comes first (a //line directive may name a template
// anywhere), then the name its //line directive gives.
func packageDir(pass *analysis.Pass, cgo *cgoFiles) string {
	if dir := cgo.dir(); dir != "" {
		return dir
	}
	for _, f := range pass.Files {
		own := pass.Fset.File(f.FileStart).Name()
		if cgo.ownFile(own) {
			continue
		}
		for _, name := range []string{own, pass.Fset.Position(f.Package).Filename} {
			if !strings.HasSuffix(name, ".go") || inBuildCache(name) {
				continue
			}
			if abs, err := filepath.Abs(filepath.Dir(name)); err == nil {
				return abs
			}
		}
	}
	return ""
}

// laxGenerated recognises the generated-file headers that do not follow
// Go's "// Code generated ... DO NOT EDIT." convention and that the README
// lists, each a whole "//" line before the package clause: the same line
// without its final period, and "// DO NOT EDIT. Generated by TOOL." or
// "// DO NOT MODIFY. Generated by TOOL." (gotmpl's header). A fix there is
// lost at the next generation. Any other comment that merely mentions "do
// not edit" is a person's, and leaves the file linted.
func laxGenerated(file *ast.File) bool {
	for _, g := range file.Comments {
		if g.Pos() > file.Package {
			break
		}
		for _, c := range g.List {
			if laxHeader.MatchString(c.Text) {
				return true
			}
		}
	}
	return false
}

var laxHeader = regexp.MustCompile(`^// (?:Code generated .* DO NOT EDIT|DO NOT (?:EDIT|MODIFY)\. Generated by \S+\.)$`)

// inBuildCache reports whether a file is one the go command generated in
// its build cache (cgo output, test mains).
func inBuildCache(name string) bool {
	cache := os.Getenv("GOCACHE")
	if cache == "" {
		if dir, err := os.UserCacheDir(); err == nil {
			cache = filepath.Join(dir, "go-build")
		}
	}
	return cache != "" && strings.HasPrefix(name, cache+string(filepath.Separator))
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
