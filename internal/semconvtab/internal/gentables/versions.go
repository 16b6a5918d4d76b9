package gentables

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/semver"
	"golang.org/x/tools/go/packages"
)

// versionTable is what every semconv/vX.Y.Z package of the otel module
// defines, for hints that must name a package the analysed module has.
type versionTable struct {
	versions []string // oldest first; bit i of a mask is versions[i]
	since    []string // since[i]: the first otel release that ships versions[i]
	keys     []maskedConst
	events   []maskedConst
}

// maskedConst is one (value, name) pair and the versions defining it.
type maskedConst struct {
	value, name string
	mask        uint64
}

// versionTables loads every semconv version beside newest (the import
// path of the newest one) and reads releasesFile (registry/otel-releases.tsv,
// written by ../releases from the module proxy).
func versionTables(dir, newest, releasesFile string) (*versionTable, error) {
	pkg, err := load(dir, packages.NeedName|packages.NeedModule, newest)
	if err != nil {
		return nil, err
	}
	base := path.Dir(newest) // go.opentelemetry.io/otel/semconv
	ents, err := os.ReadDir(filepath.Join(pkg.Module.Dir, "semconv"))
	if err != nil {
		return nil, err
	}
	vt := &versionTable{}
	for _, e := range ents {
		if v := e.Name(); e.IsDir() && semver.Canonical(v) == v && semver.Prerelease(v) == "" {
			vt.versions = append(vt.versions, v)
		}
	}
	semver.Sort(vt.versions)
	if len(vt.versions) > 64 {
		return nil, fmt.Errorf("%d semconv versions: the version masks are uint64; widen them", len(vt.versions))
	}
	rows, err := readTSV(releasesFile, 2)
	if err != nil {
		return nil, err
	}
	first := map[string]string{}
	for _, r := range rows {
		if !semver.IsValid(r.fields[0]) || !semver.IsValid(r.fields[1]) {
			return nil, fmt.Errorf("%s: want two versions, got %q", r.pos, r.fields)
		}
		first[r.fields[0]] = r.fields[1]
	}
	for _, v := range vt.versions {
		r, ok := first[v]
		if !ok {
			return nil, fmt.Errorf("%s does not say which otel release first ships semconv/%s: run go run ./internal/releases", releasesFile, v)
		}
		vt.since = append(vt.since, r)
	}
	for i := 1; i < len(vt.since); i++ {
		if semver.Compare(vt.since[i-1], vt.since[i]) > 0 {
			return nil, fmt.Errorf("%s: semconv/%s ships from otel %s, before the older semconv/%s (%s)", releasesFile, vt.versions[i], vt.since[i], vt.versions[i-1], vt.since[i-1])
		}
	}

	paths := make([]string, len(vt.versions))
	for i, v := range vt.versions {
		paths[i] = base + "/" + v
	}
	pkgs, err := loadOtel(dir, packages.NeedName|packages.NeedTypes, paths...)
	if err != nil {
		return nil, err
	}
	byPath := map[string]*packages.Package{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return nil, fmt.Errorf("loading %s: %v", p.PkgPath, p.Errors[0])
		}
		byPath[p.PkgPath] = p
	}
	keys, events := map[[2]string]uint64{}, map[[2]string]uint64{}
	for i, p := range paths {
		lp := byPath[p]
		if lp == nil {
			return nil, fmt.Errorf("loading %s: not loaded", p)
		}
		ks, es, _ := collectConsts(lp.Types)
		for _, c := range ks {
			keys[[2]string{c.value, c.name}] |= 1 << i
		}
		for _, c := range es {
			events[[2]string{c.value, c.name}] |= 1 << i
		}
	}
	vt.keys, vt.events = sortMasked(keys), sortMasked(events)
	return vt, nil
}

func sortMasked(m map[[2]string]uint64) []maskedConst {
	out := make([]maskedConst, 0, len(m))
	for k, mask := range m {
		out = append(out, maskedConst{k[0], k[1], mask})
	}
	slices.SortFunc(out, func(a, b maskedConst) int {
		return cmp.Or(strings.Compare(a.value, b.value), strings.Compare(a.name, b.name))
	})
	return out
}

func (vt *versionTable) write(b *bytes.Buffer) {
	fmt.Fprintf(b, "// semconvVersions lists the semconv/vX.Y.Z packages of the otel module,\n")
	fmt.Fprintf(b, "// oldest first, each with the first otel release that ships it\n")
	fmt.Fprintf(b, "// (registry/otel-releases.tsv). Bit i of a versionConst mask is\n")
	fmt.Fprintf(b, "// semconvVersions[i].\n")
	fmt.Fprintf(b, "var semconvVersions = []semconvVersion{\n")
	for i, v := range vt.versions {
		fmt.Fprintf(b, "\t{%q, %q},\n", v, vt.since[i])
	}
	fmt.Fprintf(b, "}\n\n")
	writeMasked(b, "versionKeys", "attribute.Key constants", vt.keys)
	writeMasked(b, "versionEvents", "event-name constants", vt.events)
}

func writeMasked(b *bytes.Buffer, name, what string, cs []maskedConst) {
	fmt.Fprintf(b, "// %s holds the %s of every semconv version, by value\n", name, what)
	fmt.Fprintf(b, "// and name, with the mask of the versions that define the pair.\n")
	fmt.Fprintf(b, "var %s = []versionConst{\n", name)
	for _, c := range cs {
		fmt.Fprintf(b, "\t{%q, %q, %#x},\n", c.value, c.name, c.mask)
	}
	fmt.Fprintf(b, "}\n\n")
}
