package semconvtab

import (
	"reflect"
	"testing"
)

// TestNamesHoldNoPointers keeps the names table out of the garbage
// collector's roots: a record with a string or any other pointer puts the
// whole table in .data, which every GC cycle scans and so keeps resident
// (bench/README.md, "Peak memory on openfga").
func TestNamesHoldNoPointers(t *testing.T) {
	if p := pointerIn(reflect.TypeOf(names)); p != "" {
		t.Errorf("names holds a pointer (%s): keep its strings in nameText", p)
	}
}

// pointerIn returns the first part of t that holds a pointer, or "".
func pointerIn(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Array:
		return pointerIn(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if p := pointerIn(t.Field(i).Type); p != "" {
				return t.Name() + "." + t.Field(i).Name + ": " + p
			}
		}
		return ""
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return ""
	}
	return t.String()
}
