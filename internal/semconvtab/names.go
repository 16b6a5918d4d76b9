package semconvtab

import (
	"cmp"
	"iter"
	"slices"
	"strings"
)

// Per-version names: every exported identifier of every semconv/vX.Y.Z
// package of the otel module and what it means there (names_gen.go), so
// that moving a file from one version to another can be checked name by
// name without loading the packages.

// NameKind says what an exported identifier of a semconv package is.
type NameKind uint8

const (
	KindOther  NameKind = iota // anything else (types, other funcs/vars/consts); Value says which ("type", "func", "var", "const 3"), Type its Go type
	KindKey                    // const X attribute.Key = "k"             (Key: "k")
	KindString                 // untyped/string const (event names, SchemaURL, metric names) (Value: the string)
	KindMember                 // var X = YKey.String("v") / .Int(3) ...  (Key, Value: "v" / "3", Type: "string"/"int"/...)
	KindHelper                 // func X(val T) attribute.KeyValue { return YKey.T(val) } (Key, Type: Go type of val, e.g. "int", "string", "[]string")
)

func (k NameKind) String() string {
	switch k {
	case KindKey:
		return "key"
	case KindString:
		return "string constant"
	case KindMember:
		return "enum member"
	case KindHelper:
		return "helper"
	}
	return "other"
}

// A Name is an exported identifier of a semconv package and its meaning.
// Two versions' names mean the same when the Names are equal (==); for
// KindOther, equal Names have the same Go type, but a function or
// variable may still behave differently.
type Name struct {
	Name  string
	Kind  NameKind
	Key   string // the attribute key, for KindKey, KindMember, KindHelper
	Value string // KindString: the constant's value; KindMember: the member value (decimal for ints, unquoted for strings); KindOther: what it is
	Type  string // KindMember: value type; KindHelper: parameter type; KindOther: the Go type (of a type name: its underlying type)
}

// A nameRec is a Name and the mask of the versions (bit i:
// nameVersions[i]) where it has that meaning, its strings given as
// nameRefs into nameText: names_gen.go holds no pointers, so its 3,772
// records are neither scanned by the garbage collector nor paged in
// until a look-up reads them.
type nameRec struct {
	mask                  uint64
	name, key, value, typ nameRef
	kind                  NameKind
}

// A nameRef is a string of nameText: its offset times 256 plus its
// length.
type nameRef uint32

func (r nameRef) String() string { return nameText[r>>8 : r>>8+r&0xff] }

func (n *nameRec) Name() Name {
	return Name{Name: n.name.String(), Kind: n.kind, Key: n.key.String(), Value: n.value.String(), Type: n.typ.String()}
}

// nameBit returns the mask bit of version, or 0.
func nameBit(version string) uint64 {
	// A scan of 39 short strings is faster than semver's parsing.
	i := slices.Index(nameVersions, version)
	if i < 0 {
		return 0
	}
	return 1 << i
}

// NameIn returns what name means in semconv version ("v1.26.0").
func NameIn(version, name string) (Name, bool) {
	bit := nameBit(version)
	if bit == 0 {
		return Name{}, false
	}
	lo, hi := 0, len(names)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); names[m].name.String() < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for i := lo; i < len(names) && names[i].name.String() == name; i++ {
		if names[i].mask&bit != 0 {
			return names[i].Name(), true
		}
	}
	return Name{}, false
}

// MemberIn returns the Go name of the enum-member variable of key with
// value in version (the shortest where two have it).
func MemberIn(version, key, value string) (name string, ok bool) {
	return indexed(memberIndex, version, func(n *nameRec) int {
		return cmp.Or(strings.Compare(n.key.String(), key), strings.Compare(n.value.String(), value))
	})
}

// HelperIn returns the Go name of the helper function that builds key's
// KeyValue in version (the shortest where two do).
func HelperIn(version, key string) (name string, ok bool) {
	return indexed(helperIndex, version, func(n *nameRec) int { return strings.Compare(n.key.String(), key) })
}

// indexed searches idx, sorted by cmp and then shortest name first, for
// the first entry that cmp matches and version has.
func indexed(idx []uint16, version string, cmp func(*nameRec) int) (string, bool) {
	bit := nameBit(version)
	if bit == 0 {
		return "", false
	}
	lo, hi := 0, len(idx)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); cmp(&names[idx[m]]) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for ; lo < len(idx) && cmp(&names[idx[lo]]) == 0; lo++ {
		if n := &names[idx[lo]]; n.mask&bit != 0 {
			return n.name.String(), true
		}
	}
	return "", false
}

// NamesIn returns an iterator over the names of version, sorted by name.
func NamesIn(version string) iter.Seq[Name] {
	bit := nameBit(version)
	return func(yield func(Name) bool) {
		for i := range names {
			if bit != 0 && names[i].mask&bit != 0 && !yield(names[i].Name()) {
				return
			}
		}
	}
}
