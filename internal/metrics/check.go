package metrics

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/spanattrlint/spanattrlint/internal/category"
	"github.com/spanattrlint/spanattrlint/internal/metricrules"
	"github.com/spanattrlint/spanattrlint/internal/semconvtab"
)

// Options says which checks run, each an option of the analyzer.
type Options struct {
	Conventions bool // instrument kind and unit of known metrics against the semantic conventions
	UCUM        bool // units that are not UCUM as the conventions use it
	Duration    bool // durations not in seconds (a note)
	UnitInName  bool // a unit or _total written into the name
	Naming      bool // the naming rules
	Deprecated  bool // names of metrics the conventions deprecated
	// MigrateDeprecated fixes a literal name of a metric that the registry
	// renamed (Declaration.RenamedTo) to its successor.
	MigrateDeprecated bool
	Stability         string // report known metrics below this stability level; "" for none
	Otel              string // the module's go.opentelemetry.io/otel version, "" if unknown
	// Declared gives a -registry's declaration of a metric (nil without
	// -registry): the metrics the semantic conventions do not know are
	// compared with it, as the conventions' are with theirs.
	Declared func(name string) (Declaration, bool)
}

// A Finding is a diagnostic in a file, for the caller to report unless
// the file is generated or a //nolint directive covers the line.
type Finding struct {
	File *ast.File
	analysis.Diagnostic
}

// Check applies the enabled checks to the instruments. A name or unit
// that is not a compile-time constant is not checked; a unit check does
// not need the name to be one.
func Check(ins []Instrument, opts Options) []Finding {
	var out []Finding
	type key struct {
		pos token.Pos
		msg string
	}
	seen := map[key]bool{} // a unit written once for two instruments is reported once
	add := func(in Instrument, at ast.Expr, cat category.Name, msg string) *Finding {
		if k := (key{at.Pos(), msg}); !seen[k] {
			seen[k] = true
			out = append(out, Finding{in.File, analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: string(cat), Message: msg}})
			return &out[len(out)-1]
		}
		return nil
	}
	for _, in := range ins {
		mismatch := false
		if opts.Conventions && in.NameConst {
			mismatch = checkDeclared(in, opts, add)
		}
		if in.UnitConst && opts.UCUM && !mismatch {
			if f, bad := metricrules.CheckUnit(in.UnitValue); bad {
				add(in, in.Unit, category.MetricUCUM, f.Message())
			}
		}
		if in.UnitConst && opts.Duration && !mismatch {
			if msg, ok := duration(in); ok {
				add(in, in.Unit, category.MetricDuration, msg)
			}
		}
		if !in.NameConst {
			continue
		}
		checkLifecycle(in, opts, add)
		if opts.UnitInName {
			if f, ok := metricrules.CheckUnitInName(in.NameValue); ok {
				add(in, in.Name, category.MetricUnitInName, f.Message())
			}
		}
		if opts.Naming {
			if f, ok := metricrules.CheckName(in.NameValue); ok {
				add(in, in.Name, category.MetricNaming, f.Message())
			}
		}
	}
	return out
}

// conventions returns the current registry metric called name.
func conventions(name string) (semconvtab.Metric, bool) {
	m, ok := semconvtab.LookupMetric(name)
	return m, ok && !m.Deprecated // a deprecated metric's instrument and unit are not compared
}

// A Declaration is what a source declares of a metric: its instrument
// (as the conventions name it: "counter", "histogram"), its unit, and how a
// message names the source ("the semantic conventions", "the registry
// (registry/shop.yaml:12:7)"); Plural for a source named in the plural.
type Declaration struct {
	Instrument, Unit string
	Source           string
	Plural           bool
	// Stability is the declared stability level ("" for none), and
	// Deprecated whether the metric is deprecated, Deprecation then what
	// follows "is deprecated in SOURCE: " (`renamed to "NAME"`; "" for
	// nothing): for a registry's own metrics (the conventions' come from
	// their table).
	Stability   string
	Deprecated  bool
	Deprecation string
	RenamedTo   string // the successor of a metric deprecated as renamed
}

// semconvDeclaration is the conventions' declaration of a current metric.
func semconvDeclaration(name string) (Declaration, bool) {
	m, ok := conventions(name)
	return Declaration{Instrument: m.Instrument, Unit: m.Unit, Source: "the semantic conventions", Plural: true}, ok
}

// kindMismatch reports a known metric created with another instrument
// than the registry's, unless a semconv Go type of the module's otel
// version makes it with this one (the registry is of a newer model).
func kindMismatch(in Instrument, otel string) (string, bool) {
	d, ok := semconvDeclaration(in.NameValue)
	if !ok {
		return "", false
	}
	for _, t := range semconvtab.MetricTypesFor(otel, in.NameValue) {
		if k, ok := metricrules.InstrumentOf(t.Kind); ok && k == in.Kind.Instrument {
			return "", false
		}
	}
	return instrumentMismatch(in, d)
}

// instrumentMismatch reports an instrument created with another kind than
// d declares.
func instrumentMismatch(in Instrument, d Declaration) (string, bool) {
	if d.Instrument == "" || d.Instrument == in.Kind.Instrument {
		return "", false
	}
	return fmt.Sprintf("unexpected instrument: %q is %s %s in %s, created here with %s",
		in.NameValue, article(d.Instrument), d.Instrument, d.Source, in.Ctor), true
}

// unitMismatch reports a known metric given another unit than the
// registry's and than every Go definition of the module's otel version.
func unitMismatch(in Instrument, otel string) (string, bool) {
	d, ok := semconvDeclaration(in.NameValue)
	if !ok {
		return "", false
	}
	defs := semconvtab.MetricTypesFor(otel, in.NameValue)
	if c, ok := semconvtab.MetricConstFor(otel, in.NameValue); ok {
		defs = append(defs, c)
	}
	for _, def := range defs {
		if in.UnitConst && def.Unit == in.UnitValue {
			return "", false
		}
	}
	return otherUnit(in, d)
}

// otherUnit reports a constant unit other than the one d declares.
func otherUnit(in Instrument, d Declaration) (string, bool) {
	if !in.UnitConst || d.Unit == in.UnitValue {
		return "", false
	}
	return fmt.Sprintf("unit %q of %q is %q in %s", in.UnitValue, in.NameValue, d.Unit, d.Source), true
}

// noUnit reports a known metric created without a unit, where every
// option was followed, that the conventions give one.
func noUnit(in Instrument, otel string) (string, bool) {
	d, ok := semconvDeclaration(in.NameValue)
	if !ok {
		return "", false
	}
	for _, def := range semconvtab.MetricTypesFor(otel, in.NameValue) {
		if def.Unit == "" {
			return "", false
		}
	}
	return missingUnit(in, d)
}

// missingUnit reports an instrument created without a unit, every option
// followed, that d gives one.
func missingUnit(in Instrument, d Declaration) (string, bool) {
	if in.Unit != nil || !in.unitFollowed || d.Unit == "" {
		return "", false
	}
	verb := "gives"
	if d.Plural {
		verb = "give"
	}
	return fmt.Sprintf("%q is created without a unit: %s %s it %q (metric.WithUnit(%q))", in.NameValue, d.Source, verb, d.Unit, d.Unit), true
}

// checkDeclared compares in with what the semantic conventions and
// opts.Declared (a registry's own metrics) declare of it: its instrument
// kind (category.MetricInstrument), its unit or none where every option
// was followed (category.MetricUnit); it reports whether the unit was
// reported as another than declared (which the UCUM and duration notes
// then leave alone).
func checkDeclared(in Instrument, opts Options, add func(Instrument, ast.Expr, category.Name, string) *Finding) (mismatch bool) {
	kind, unit, none := kindMismatch, unitMismatch, noUnit
	if d, ok := declared(opts, in.NameValue); ok {
		kind = func(in Instrument, _ string) (string, bool) { return instrumentMismatch(in, d) }
		unit = func(in Instrument, _ string) (string, bool) { return otherUnit(in, d) }
		none = func(in Instrument, _ string) (string, bool) { return missingUnit(in, d) }
	}
	if msg, ok := kind(in, opts.Otel); ok {
		add(in, in.Name, category.MetricInstrument, msg)
	}
	if msg, ok := unit(in, opts.Otel); ok {
		add(in, in.Unit, category.MetricUnit, msg)
		mismatch = true
	}
	if msg, ok := none(in, opts.Otel); ok {
		add(in, in.Name, category.MetricUnit, msg)
	}
	return mismatch
}

// declared is opts.Declared's declaration of a metric that the semantic
// conventions do not know (those are compared with the conventions, so
// that nothing is said twice).
func declared(opts Options, name string) (Declaration, bool) {
	if opts.Declared == nil {
		return Declaration{}, false
	}
	if _, ok := semconvtab.LookupMetric(name); ok {
		return Declaration{}, false
	}
	return opts.Declared(name)
}

// duration is the note on a duration not in seconds; without a constant
// name, only a unit of time makes it one.
func duration(in Instrument) (string, bool) {
	if in.NameConst {
		f, ok := metricrules.CheckDuration(in.NameValue, in.UnitValue)
		return f.Message(), ok
	}
	if _, bad := metricrules.CheckUnit(in.UnitValue); bad || in.UnitValue == "s" || !metricrules.IsTimeUnit(in.UnitValue) {
		return "", false
	}
	return fmt.Sprintf("metric created with %s records a time in %q: the semantic conventions record durations in seconds (\"s\")", in.Ctor, in.UnitValue), true
}

// checkLifecycle reports a metric that the semantic conventions or
// opts.Declared (a registry's own metrics) deprecate
// (category.MetricDeprecated, with -deprecated), or, not deprecated, one
// they declare below opts.Stability (category.Stability).
func checkLifecycle(in Instrument, opts Options, add func(Instrument, ast.Expr, category.Name, string) *Finding) {
	name := in.NameValue
	if m, ok := semconvtab.LookupMetric(name); ok {
		switch {
		case m.Deprecated && opts.Deprecated:
			add(in, in.Name, category.MetricDeprecated, fmt.Sprintf("metric %q is deprecated in the semantic conventions", name))
		case !m.Deprecated && below(m.Stability, opts.Stability):
			add(in, in.Name, category.Stability, fmt.Sprintf("metric %q is %s in the semantic conventions, below -stability=%s", name, m.Stability, opts.Stability))
		}
		return
	}
	d, ok := declared(opts, name)
	switch {
	case !ok:
	case d.Deprecated && opts.Deprecated:
		msg := fmt.Sprintf("metric %q is deprecated in %s", name, d.Source)
		if d.Deprecation != "" {
			msg += ": " + d.Deprecation
		}
		f := add(in, in.Name, category.MetricDeprecated, msg)
		if _, lit := ast.Unparen(in.Name).(*ast.BasicLit); lit && f != nil && d.RenamedTo != "" && opts.MigrateDeprecated {
			f.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   fmt.Sprintf("Rename to %q", d.RenamedTo),
				TextEdits: []analysis.TextEdit{{Pos: in.Name.Pos(), End: in.Name.End(), NewText: []byte(strconv.Quote(d.RenamedTo))}},
			}}
		}
	case !d.Deprecated && below(d.Stability, opts.Stability):
		add(in, in.Name, category.Stability, fmt.Sprintf("metric %q is %s in %s, below -stability=%s", name, d.Stability, d.Source, opts.Stability))
	}
}

// below reports whether a known stability level is below min, a level of
// -stability ("" for none).
func below(level, min string) bool {
	if min == "" {
		return false
	}
	m, ok1 := semconvtab.StabilityRank(min)
	r, ok2 := semconvtab.StabilityRank(level)
	return ok1 && ok2 && r < m
}

func article(word string) string {
	if word != "" && strings.ContainsAny(word[:1], "aeiou") {
		return "an"
	}
	return "a"
}
