package semconvtab

import (
	"slices"
	"strings"

	"golang.org/x/mod/semver"
)

// Per-version facts: what each semconv/vX.Y.Z package of the otel module
// defines, and which otel release first ships it, so that a hint names a
// package that the analysed module's otel version has.

// semconvVersion is one semconv package version and the first otel
// release that ships it.
type semconvVersion struct{ version, otel string }

// versionConst is a constant (value and Go name) and the semconv versions
// that define it: bit i stands for semconvVersions[i].
type versionConst struct {
	value, name string
	mask        uint64
}

// BasePath is the import path that every semconv version is under.
const BasePath = "go.opentelemetry.io/otel/semconv"

// Versions returns the semconv package versions ("v1.26.0") of the otel
// module, oldest first.
func Versions() []string {
	out := make([]string, len(semconvVersions))
	for i, v := range semconvVersions {
		out[i] = v.version
	}
	return out
}

// FirstOtel returns the first go.opentelemetry.io/otel release that ships
// the semconv package version.
func FirstOtel(version string) (otel string, ok bool) {
	if i := versionIndex(version); i >= 0 {
		return semconvVersions[i].otel, true
	}
	return "", false
}

// VersionsIn returns the semconv versions that otel release otel ships,
// oldest first, as far as the tables know: for a release newer than the
// newest they know, all of them.
func VersionsIn(otel string) []string {
	var out []string
	for _, v := range semconvVersions {
		if semver.Compare(v.otel, otel) <= 0 {
			out = append(out, v.version)
		}
	}
	return out
}

func versionIndex(version string) int {
	i, ok := slices.BinarySearchFunc(semconvVersions, version, func(v semconvVersion, t string) int {
		return semver.Compare(v.version, t)
	})
	if !ok {
		return -1
	}
	return i
}

// KeyIn returns the name of the attribute.Key constant whose value is key
// in semconv package version version.
func KeyIn(version, key string) (name string, ok bool) {
	return constIn(versionKeys, version, key)
}

// EventIn returns the name of the event-name constant whose value is
// event in semconv package version version.
func EventIn(version, event string) (name string, ok bool) {
	return constIn(versionEvents, version, event)
}

func constIn(tab []versionConst, version, value string) (string, bool) {
	i := versionIndex(version)
	if i < 0 {
		return "", false
	}
	for _, c := range matching(tab, value) {
		if c.mask&(1<<i) != 0 {
			return c.name, true
		}
	}
	return "", false
}

// matching returns the entries of tab with the value.
func matching(tab []versionConst, value string) []versionConst {
	lo, _ := slices.BinarySearchFunc(tab, value, func(c versionConst, v string) int { return strings.Compare(c.value, v) })
	hi := lo
	for hi < len(tab) && tab[hi].value == value {
		hi++
	}
	return tab[lo:hi]
}

// A Const is a constant of one semconv package version.
type Const struct {
	Version string // the semconv version, "v1.26.0"
	Name    string // the Go name, "SessionIDKey"
	Otel    string // the first otel release that ships Version
}

// ImportPath is the import path of the constant's package.
func (c Const) ImportPath() string { return BasePath + "/" + c.Version }

// NewestVersion returns the newest semconv version that otel release otel
// ships ("" for none), or for otel "", the newest of all.
func NewestVersion(otel string) string {
	if otel == "" {
		return semconvVersions[len(semconvVersions)-1].version
	}
	vs := VersionsIn(otel)
	if len(vs) == 0 {
		return ""
	}
	return vs[len(vs)-1]
}

// KeySince returns the constant for key in version, with Version the
// oldest version from which every version up to this one defines the
// same constant: what an older otel (from Otel on) can import instead.
func KeySince(version, key string) (Const, bool) { return since(versionKeys, version, key) }

// EventSince is KeySince for event names.
func EventSince(version, event string) (Const, bool) { return since(versionEvents, version, event) }

// KeyAfter returns the constant for key in the oldest semconv version
// newer than version (of all, for version "") that defines it: what the
// smallest otel upgrade, to Const.Otel, makes importable.
func KeyAfter(version, key string) (Const, bool) { return after(versionKeys, version, key) }

// EventAfter is KeyAfter for event names.
func EventAfter(version, event string) (Const, bool) { return after(versionEvents, version, event) }

func since(tab []versionConst, version, value string) (Const, bool) {
	i := versionIndex(version)
	if i < 0 {
		return Const{}, false
	}
	for _, c := range matching(tab, value) {
		if c.mask&(1<<i) == 0 {
			continue
		}
		j := i
		for j > 0 && c.mask&(1<<(j-1)) != 0 {
			j--
		}
		return Const{semconvVersions[j].version, c.name, semconvVersions[j].otel}, true
	}
	return Const{}, false
}

func after(tab []versionConst, version, value string) (Const, bool) {
	ms := matching(tab, value)
	for i, v := range semconvVersions {
		if version != "" && semver.Compare(v.version, version) <= 0 {
			continue
		}
		for _, c := range ms {
			if c.mask&(1<<i) != 0 {
				return Const{v.version, c.name, v.otel}, true
			}
		}
	}
	return Const{}, false
}
