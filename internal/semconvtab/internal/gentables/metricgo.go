package gentables

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// metricGo is one Go name for a semantic-convention metric in one semconv
// version: either a pair of string constants in the semconv package itself
// (semconv/v1.24.0 to v1.31.0: HTTPServerRequestDurationName and
// HTTPServerRequestDurationUnit) or a typed instrument in one of its
// .../xxxconv packages (from semconv/v1.32.0 on: httpconv.ServerRequestDuration,
// made by httpconv.NewServerRequestDuration).
type metricGo struct {
	metric string // the metric name, "http.server.request.duration"
	pkg    string // "" for the semconv package, else the sub-package, "httpconv"
	ident  string // the Name constant, or the instrument type
	unitID string // the Unit constant; "" for an instrument
	ctor   string // an instrument's constructor, "NewServerRequestDuration"; "" for a constant
	unit   string // the unit, from the Unit constant or the Unit method
	kind   string // an instrument's embedded go.opentelemetry.io/otel/metric type, "Float64Histogram"; "" for a constant
}

func (m metricGo) compare(o metricGo) int {
	return cmp.Or(strings.Compare(m.metric, o.metric), strings.Compare(m.pkg, o.pkg),
		strings.Compare(m.ident, o.ident), strings.Compare(m.unitID, o.unitID),
		strings.Compare(m.ctor, o.ctor), strings.Compare(m.unit, o.unit), strings.Compare(m.kind, o.kind))
}

// instrumentKinds are the instrument types of go.opentelemetry.io/otel/metric
// that a semconv instrument type embeds.
var instrumentKinds = map[string]bool{
	"Int64Counter": true, "Int64UpDownCounter": true, "Int64Histogram": true, "Int64Gauge": true,
	"Int64ObservableCounter": true, "Int64ObservableUpDownCounter": true, "Int64ObservableGauge": true,
	"Float64Counter": true, "Float64UpDownCounter": true, "Float64Histogram": true, "Float64Gauge": true,
	"Float64ObservableCounter": true, "Float64ObservableUpDownCounter": true, "Float64ObservableGauge": true,
}

const metricPath = otelModule + "/metric"

// metricsOf returns, sorted, the metric names that the semconv version in
// dir (a semconv/vX.Y.Z directory of some otel release in the module cache)
// defines in Go, and the sub-packages (relative paths) it found them in.
//
// It reads syntax only, not types: the same code must read the semconv
// packages of older otel releases, whose go.mod replaces otel/metric with a
// directory the module zip does not hold, so they cannot be type-checked
// from the module cache. The files are generated; a shape this code does
// not know (a Name method that does not return one string literal) is an
// error rather than a silent gap.
func metricsOf(dir string) ([]metricGo, error) {
	out, err := metricConsts(dir)
	if err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		ms, err := metricInstruments(filepath.Join(dir, e.Name()), e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, ms...)
	}
	slices.SortFunc(out, metricGo.compare)
	return out, nil
}

// parseDir parses the non-test Go files of dir.
func parseDir(dir string) ([]*ast.File, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// stringLit returns the value of e if it is a string literal.
func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// metricConsts finds the XName/XUnit constant pairs of the semconv
// package in dir, as semconv/v1.24.0 to v1.31.0 declare every metric
// in metric.go (most with an XDescription too, some without).
func metricConsts(dir string) ([]metricGo, error) {
	files, err := parseDir(dir)
	if err != nil {
		return nil, err
	}
	consts := map[string]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				if vs.Type != nil || len(vs.Names) != len(vs.Values) {
					continue
				}
				for i, id := range vs.Names {
					if v, ok := stringLit(vs.Values[i]); ok && id.IsExported() {
						consts[id.Name] = v
					}
				}
			}
		}
	}
	var out []metricGo
	for id, v := range consts {
		base, ok := strings.CutSuffix(id, "Name")
		if !ok {
			continue
		}
		unit, ok := consts[base+"Unit"]
		if !ok {
			continue
		}
		out = append(out, metricGo{metric: v, ident: id, unitID: base + "Unit", unit: unit})
	}
	return out, nil
}

// metricInstruments finds the instrument types of the semconv sub-package
// in dir: a struct type that embeds one instrument type of
// go.opentelemetry.io/otel/metric, with methods Name and Unit that return
// string literals, and a constructor function returning it.
func metricInstruments(dir, pkg string) ([]metricGo, error) {
	files, err := parseDir(dir)
	if err != nil {
		return nil, err
	}
	insts, order := instrumentTypes(files)
	if err := instrumentMethods(dir, files, insts); err != nil {
		return nil, err
	}
	var out []metricGo
	for _, t := range order {
		in := insts[t]
		if !in.hasName || !in.hasUnit || in.ctor == "" {
			return nil, fmt.Errorf("%s: instrument type %s lacks a Name or Unit method returning a literal, or a constructor", dir, t)
		}
		out = append(out, metricGo{metric: in.name, pkg: pkg, ident: t, ctor: in.ctor, unit: in.unit, kind: in.kind})
	}
	return out, nil
}

// instrument is what metricInstruments learns of one instrument type:
// the metric type it embeds, its Name and Unit, and its constructor.
type instrument struct {
	kind, name, unit, ctor string
	hasName, hasUnit       bool
}

// instrumentTypes returns the struct types of files that embed exactly
// one instrument type of go.opentelemetry.io/otel/metric, by name, and
// their names in the order of declaration.
func instrumentTypes(files []*ast.File) (map[string]*instrument, []string) {
	insts := map[string]*instrument{}
	var order []string
	for _, f := range files {
		local := metricImportName(f)
		if local == "" {
			continue
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, s := range gd.Specs {
				ts := s.(*ast.TypeSpec)
				st, ok := ts.Type.(*ast.StructType)
				if !ok || len(st.Fields.List) != 1 || len(st.Fields.List[0].Names) != 0 {
					continue
				}
				sel, ok := st.Fields.List[0].Type.(*ast.SelectorExpr)
				if !ok {
					continue
				}
				if x, ok := sel.X.(*ast.Ident); !ok || x.Name != local || !instrumentKinds[sel.Sel.Name] {
					continue
				}
				insts[ts.Name.Name] = &instrument{kind: sel.Sel.Name}
				order = append(order, ts.Name.Name)
			}
		}
	}
	return insts, order
}

// instrumentMethods fills in the constructors and the Name and Unit
// methods of insts from the function declarations of files, the package
// in dir.
func instrumentMethods(dir string, files []*ast.File, insts map[string]*instrument) error {
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			if fd.Recv == nil {
				// A constructor: func NewX(...) (X, error).
				if r := fd.Type.Results; r != nil && len(r.List) > 0 {
					if id, ok := r.List[0].Type.(*ast.Ident); ok && insts[id.Name] != nil {
						if in := insts[id.Name]; in.ctor != "" {
							return fmt.Errorf("%s: two constructors of %s: %s and %s", dir, id.Name, in.ctor, fd.Name.Name)
						}
						insts[id.Name].ctor = fd.Name.Name
					}
				}
				continue
			}
			if fd.Name.Name != "Name" && fd.Name.Name != "Unit" {
				continue
			}
			rt := ast.Unparen(fd.Recv.List[0].Type)
			if star, ok := rt.(*ast.StarExpr); ok {
				rt = star.X
			}
			id, ok := rt.(*ast.Ident)
			if !ok || insts[id.Name] == nil {
				continue
			}
			in := insts[id.Name]
			v, ok := returnedString(fd)
			if !ok {
				return fmt.Errorf("%s: %s.%s does not return one string literal: not the instrument shape this generator knows", dir, id.Name, fd.Name.Name)
			}
			if fd.Name.Name == "Name" {
				in.name, in.hasName = v, true
			} else {
				in.unit, in.hasUnit = v, true
			}
		}
	}
	return nil
}

// metricImportName returns the name under which f imports
// go.opentelemetry.io/otel/metric, or "".
func metricImportName(f *ast.File) string {
	for _, is := range f.Imports {
		if p, _ := strconv.Unquote(is.Path.Value); p == metricPath {
			if is.Name != nil {
				return is.Name.Name
			}
			return "metric"
		}
	}
	return ""
}

// returnedString matches a body of one statement, return "literal".
func returnedString(fd *ast.FuncDecl) (string, bool) {
	if fd.Body == nil || len(fd.Body.List) != 1 {
		return "", false
	}
	ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return "", false
	}
	return stringLit(ret.Results[0])
}

// MetricsFingerprint returns a hash of what metricsOf finds in dir (a
// semconv/vX.Y.Z directory), or "" when it finds nothing: the releases
// command records it beside the first otel release that ships the
// version's metric definitions, and the generator checks that the
// module's semconv packages still define exactly those.
func MetricsFingerprint(dir string) (string, error) {
	ms, err := metricsOf(dir)
	if err != nil || len(ms) == 0 {
		return "", err
	}
	return fingerprint(ms), nil
}

func fingerprint(ms []metricGo) string {
	h := fnv.New64a()
	for _, m := range ms {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\n", m.metric, m.pkg, m.ident, m.unitID, m.ctor, m.unit, m.kind)
	}
	return fmt.Sprintf("%016x", h.Sum64())
}
