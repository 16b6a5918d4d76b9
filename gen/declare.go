package gen

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spanattrlint/spanattrlint/internal/fixes"
	"github.com/spanattrlint/spanattrlint/internal/modresolve"
	"github.com/spanattrlint/spanattrlint/internal/regcheck"
	"github.com/spanattrlint/spanattrlint/internal/registry"
)

// gen -declare: the keys and event names that the code emits and the
// registry of -registry does not declare (what the lint's undeclared check
// reports, read from the analyzer's Result) appended to a registry file,
// each with the type its values' constructors imply, stability
// development and a brief that says where it was seen. The registry is
// read again with the new content, and must then declare each, before
// anything is written; -dry-run prints the diff and writes nothing.

// A missing is one key or event name to declare, with what the code says
// of it.
type missing struct {
	value, role string
	uses        []use    // where it is emitted, sorted
	types       []string // the registry types its values were set with, in order first seen
	pkgName     string   // the Go package of the first use
	near        string   // the declared key or name it is most likely a typo of
}

// DeclareSummary is what a -declare run did, or with DryRun would do.
type DeclareSummary struct {
	Files   []string          // the registry files added to, relative to the module root
	Content map[string][]byte // their new contents, by that name
	Keys    []string          // the attribute keys declared
	Events  []string          // the event names declared
	Notes   []string
}

// Declare runs gen -declare with the options (Registry required; Into
// must be empty).
func Declare(o Options) (*DeclareSummary, error) {
	if o.Registry == "" {
		return nil, errors.New("-declare needs -registry: the registry to add the declarations to")
	}
	if o.Into != "" {
		return nil, errors.New("-declare writes the registry, not constants: run it without -into")
	}
	if len(o.Patterns) == 0 {
		return nil, errors.New("no packages given: name the packages whose keys and event names to declare, e.g. ./...")
	}
	if o.DeclareFile != "" {
		if err := checkDeclareFile(o.DeclareFile); err != nil {
			return nil, err
		}
	}
	mod, err := o.absModule()
	if err != nil {
		return nil, err
	}
	regDir, reg, err := readRegistry(&o, o.Dir)
	if err != nil {
		return nil, err
	}
	miss, notes, err := findMissing(&o, mod)
	if err != nil {
		return nil, err
	}
	sum := &DeclareSummary{Content: map[string][]byte{}, Notes: notes}
	plan, err := planDeclarations(&o, mod, regDir, reg, miss, sum)
	if err != nil {
		return nil, err
	}
	if err := checkDeclared(&o, mod, regDir, plan, miss); err != nil {
		return nil, err
	}
	if !o.DryRun {
		if err := writeDeclarations(mod, regDir, plan); err != nil {
			return nil, err
		}
	}
	reportDeclare(&o, mod, regDir, plan, sum)
	return sum, nil
}

// findMissing loads and analyses the packages with -registry and returns
// what they emit undeclared, once each value, those only _test.go files
// emit left out (with a note).
func findMissing(o *Options, mod *module) ([]*missing, []string, error) {
	pkgs, err := load(o, mod)
	if err != nil {
		return nil, nil, err
	}
	if err := inferWrappers(o, pkgs, mod); err != nil {
		return nil, nil, err
	}
	results, err := analyse(o, pkgs, o.Constants)
	if err != nil {
		return nil, nil, err
	}
	type roleValue struct{ role, value string }
	byValue := map[roleValue]*missing{}
	seen := map[use]bool{}
	names := map[string]string{} // package names by import path
	for _, r := range results {
		for _, u := range r.undeclared {
			p := r.pkg.Fset.PositionFor(u.Pos, false)
			rel, ok := mod.rel(p.Filename)
			if !ok {
				continue
			}
			x := use{value: u.Value, role: u.Role, file: rel, line: p.Line, col: p.Column, pkg: r.pkg.PkgPath}
			k := roleValue{u.Role, u.Value}
			m := byValue[k]
			if m == nil {
				m = &missing{value: u.Value, role: u.Role}
				byValue[k] = m
			}
			m.near = cmp.Or(m.near, u.Near)
			for _, t := range u.Types {
				if !slices.Contains(m.types, t) {
					m.types = append(m.types, t)
				}
			}
			if !seen[x] {
				seen[x] = true
				m.uses = append(m.uses, x)
				names[r.pkg.PkgPath] = r.pkg.Name
			}
		}
	}
	var out []*missing
	testOnly, typos := map[string]bool{}, map[string]string{}
	for _, m := range byValue {
		// The uses in production files first: the first is where the
		// brief says it was seen, and its package names the file.
		slices.SortFunc(m.uses, func(a, b use) int {
			return cmp.Or(cmp.Compare(isTest(a), isTest(b)), compareUses(a, b))
		})
		switch {
		case isTest(m.uses[0]) == 1:
			testOnly[m.value] = true
			continue
		case m.near != "":
			typos[m.value] = m.near
			continue
		}
		m.pkgName = strings.TrimSuffix(names[m.uses[0].pkg], "_test")
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b *missing) int {
		return cmp.Or(strings.Compare(a.role, b.role), strings.Compare(a.value, b.value))
	})
	return out, declareNotes(testOnly, typos), nil
}

// declareNotes says what -declare left alone: keys and names only tests
// emit, and typos of declared ones.
func declareNotes(testOnly map[string]bool, typos map[string]string) []string {
	var notes []string
	if len(testOnly) > 0 {
		notes = append(notes, fmt.Sprintf("left alone: %s that only _test.go files emit (%s): the registry is for production telemetry; lint with -test=false, or declare them yourself", plural(len(testOnly), "key or event name"), quotedKeys(testOnly)))
	}
	if len(typos) > 0 {
		var said []string
		for _, v := range slices.Sorted(maps.Keys(typos)) {
			said = append(said, fmt.Sprintf("%q, did you mean %q?", v, typos[v]))
		}
		look := "looks like a typo of a declared one"
		if len(typos) > 1 {
			look = "look like typos of declared ones"
		}
		notes = append(notes, fmt.Sprintf("left alone: %s that %s (%s): correct them, or declare them yourself if they are meant", plural(len(typos), "key or event name"), look, strings.Join(said, "; ")))
	}
	return notes
}

// isTest is 1 for a use in a _test.go file, else 0.
func isTest(u use) int {
	if strings.HasSuffix(u.file, "_test.go") {
		return 1
	}
	return 0
}

// readRegistry reads -registry as the analyzer does (regcheck's loader:
// a relative path from the root of the module that holds dir, a registry
// that cannot be read one line naming the file as -registry does), and
// returns its directory.
func readRegistry(o *Options, dir string) (string, *registry.Registry, error) {
	root := ""
	if m, err := modresolve.NewResolverEnv(o.Env).Module(dir); err == nil {
		root = m.Root
	}
	reg, err := regcheck.NewLoader(o.Registry, o.RegistryEmbedded).For(root)
	if err != nil {
		return "", nil, err
	}
	return reg.Dir, reg.Registry, nil
}

// A declFile is one registry file to add to.
type declFile struct {
	rel      string // relative to the registry directory, with slashes
	old, new []byte
	existed  bool
	decls    []registry.Declaration
}

// planDeclarations renders the declarations into their files' new
// contents: -declare-file, else groups/<package>.yaml of the package that
// first emits each.
func planDeclarations(o *Options, mod *module, regDir string, reg *registry.Registry, miss []*missing, sum *DeclareSummary) ([]*declFile, error) {
	byName := map[string]*declFile{}
	var files []*declFile
	ids := map[string]bool{}
	for _, m := range miss {
		rel := o.DeclareFile
		if rel == "" {
			rel = "groups/" + cmp.Or(m.pkgName, "main") + ".yaml"
		}
		rel = path.Clean(filepath.ToSlash(rel))
		f := byName[rel]
		if f == nil {
			f = &declFile{rel: rel}
			byName[rel] = f
			files = append(files, f)
		}
		d := declaration(m)
		if d.Event {
			d.ID = freeGroupID(reg, ids, "event."+m.value)
			sum.Events = append(sum.Events, m.value)
		} else {
			sum.Keys = append(sum.Keys, m.value)
		}
		f.decls = append(f.decls, d)
	}
	slices.SortFunc(files, func(a, b *declFile) int { return strings.Compare(a.rel, b.rel) })
	for _, f := range files {
		name := filepath.Join(regDir, filepath.FromSlash(f.rel))
		var err error
		f.old, err = os.ReadFile(name)
		switch {
		case err == nil:
			f.existed = true
		case !errors.Is(err, os.ErrNotExist):
			return nil, err
		}
		stem := strings.TrimSuffix(path.Base(f.rel), path.Ext(f.rel))
		group := freeGroupID(reg, ids, "registry."+stem)
		shown := displayPath(mod, name)
		if f.new, err = registry.AppendDeclarations(shown, f.old, reg.Syntax(), group, f.decls); err != nil {
			return nil, err
		}
		sum.Files = append(sum.Files, shown)
		sum.Content[shown] = f.new
	}
	return files, nil
}

// checkDeclareFile refuses a -declare-file that the registry would not
// read: outside its directory, hidden, the manifest, not YAML.
func checkDeclareFile(name string) error {
	clean := path.Clean(filepath.ToSlash(name))
	ext := path.Ext(clean)
	switch {
	case filepath.IsAbs(name) || clean == ".." || strings.HasPrefix(clean, "../"):
		return fmt.Errorf("-declare-file=%s: want a path inside the registry directory, relative to it", name)
	case ext != ".yaml" && ext != ".yml":
		return fmt.Errorf("-declare-file=%s: want a .yaml or .yml file", name)
	case slices.ContainsFunc(strings.Split(clean, "/"), func(s string) bool { return strings.HasPrefix(s, ".") }),
		slices.Contains([]string{"manifest.yaml", "registry_manifest.yaml", "schema-next.yaml"}, path.Base(clean)):
		return fmt.Errorf("-declare-file=%s: the registry does not read that file (hidden, or its manifest); name another", name)
	}
	return nil
}

// freeGroupID returns id, or id with a number, that neither the registry
// nor this run uses yet, and takes it.
func freeGroupID(reg *registry.Registry, taken map[string]bool, id string) string {
	try := id
	for n := 2; reg.HasGroup(try) || taken[try]; n++ {
		try = fmt.Sprintf("%s.%d", id, n)
	}
	taken[try] = true
	return try
}

// declaration is what gets declared for m: the type of its values (the
// first, with a note when they differ; string, with a note, when no call
// says), where it was seen.
func declaration(m *missing) registry.Declaration {
	first := m.uses[0].pos()
	d := registry.Declaration{Event: m.role == roleEvent, Name: m.value, Brief: "Seen at " + first + "."}
	if n := len(m.uses) - 1; n > 0 {
		d.Brief = fmt.Sprintf("Seen at %s and %s.", first, plural(n, "more place"))
	}
	if d.Event {
		return d
	}
	switch len(m.types) {
	case 0:
		d.Type = "string"
		d.Note = "spanattrlint gen -declare found no call that says the type of its values (a wrapper, Map or Slice): string is a guess; check it."
	case 1:
		d.Type = m.types[0]
	default:
		d.Type = m.types[0]
		d.Note = fmt.Sprintf("The code sets it with values of types %s; declared as the first. spanattrlint -registry reports the others.", strings.Join(m.types, ", "))
	}
	return d
}

// checkDeclared reads the registry with the new contents and makes sure
// that it reads and declares every key and event name added.
func checkDeclared(o *Options, mod *module, regDir string, plan []*declFile, miss []*missing) error {
	if len(plan) == 0 {
		return nil
	}
	overlay := map[string][]byte{}
	for _, f := range plan {
		overlay[f.rel] = f.new
	}
	root := ""
	if m, err := modresolve.NewResolverEnv(o.Env).Module(o.Dir); err == nil {
		root = m.Root
	}
	reg, err := registry.ReadWith(regDir, registry.Options{BaseDir: root, UseEmbedded: o.RegistryEmbedded}, overlay)
	if err != nil {
		return fmt.Errorf("internal error: the registry with the declarations added does not read (please report it): %v", err)
	}
	for _, m := range miss {
		var ok bool
		if m.role == roleEvent {
			_, ok = reg.Event(m.value)
		} else {
			_, ok = reg.Lookup(m.value)
		}
		if !ok {
			return fmt.Errorf("internal error: the registry with the declarations added still lacks %s %q (please report it)", m.role, m.value)
		}
	}
	return nil
}

// writeDeclarations writes the files, each unchanged since it was read,
// or none.
func writeDeclarations(mod *module, regDir string, plan []*declFile) (err error) {
	j := &journal{}
	stop := undoOnSignal(j)
	defer stop()
	for _, f := range plan {
		name := filepath.Join(regDir, filepath.FromSlash(f.rel))
		cur, rerr := os.ReadFile(name)
		if (rerr == nil) != f.existed || !bytes.Equal(cur, f.old) {
			err = changedDuringRun(displayPath(mod, name))
		}
		if err == nil {
			err = j.Write(name, f.new)
		}
		if err != nil {
			if uerr := j.Undo(); uerr != nil {
				err = fmt.Errorf("%v; and undoing the changes failed: %v", err, uerr)
			}
			return err
		}
	}
	return nil
}

// reportDeclare says what was (or would be) declared, with -dry-run the
// diff of each file.
func reportDeclare(o *Options, mod *module, regDir string, plan []*declFile, sum *DeclareSummary) {
	w := o.Stdout
	for _, n := range sum.Notes {
		fmt.Fprintf(w, "spanattrlint gen: note: %s\n", n)
	}
	if len(plan) == 0 {
		fmt.Fprintf(w, "spanattrlint gen: the registry declares every key and event name the code emits\n")
		return
	}
	verb := "declared"
	if o.DryRun {
		verb = "-dry-run: would declare"
	}
	for _, f := range plan {
		shown := displayPath(mod, filepath.Join(regDir, filepath.FromSlash(f.rel)))
		if o.DryRun {
			old := "a/" + shown
			if !f.existed {
				old = "/dev/null"
			}
			fmt.Fprint(w, fixes.Unified(old, "b/"+shown, f.old, f.new))
		}
		keys, events := 0, 0
		for _, d := range f.decls {
			if d.Event {
				events++
			} else {
				keys++
			}
		}
		var what []string
		if keys > 0 {
			what = append(what, plural(keys, "attribute key"))
		}
		if events > 0 {
			what = append(what, plural(events, "event name"))
		}
		fmt.Fprintf(w, "spanattrlint gen: %s %s in %s\n", verb, strings.Join(what, " and "), shown)
	}
}

// displayPath names a file relative to the module root, with slashes.
func displayPath(mod *module, name string) string {
	if rel, err := filepath.Rel(mod.root, name); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return name
}
