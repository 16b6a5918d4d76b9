// Package otelapi finds the OpenTelemetry API that a package can reach
// through its imports, by import path and type, never by the name a file
// gives a package: attribute.Key and KeyValue, trace.Span and Tracer, the
// log API's record and key-value types.
package otelapi

import (
	"go/types"
	"strings"
	"sync"
)

// Import paths of the OpenTelemetry API packages, recognised by path and
// type, never by the name a file gives them.
const (
	AttributePath     = "go.opentelemetry.io/otel/attribute"
	TracePath         = "go.opentelemetry.io/otel/trace"
	LogPath           = "go.opentelemetry.io/otel/log"
	MetricPath        = "go.opentelemetry.io/otel/metric"
	SemconvPathPrefix = "go.opentelemetry.io/otel/semconv/"
)

// API holds the OpenTelemetry types that a package can reach through its
// imports; a nil field means the package cannot reach that API.
type API struct {
	Attribute *types.Package
	Trace     *types.Package
	Log       *types.Package

	Key      *types.Named     // attribute.Key
	KeyValue *types.Named     // attribute.KeyValue
	Span     *types.Interface // trace.Span
	Tracer   *types.Interface // trace.Tracer

	// The log API (go.opentelemetry.io/otel/log), where reachable.
	SetEventName  *types.Func  // (*log.Record).SetEventName
	EnabledParams *types.Named // log.EnabledParameters, whose EventName field is an event name
	LogKeyValue   *types.Named // log.KeyValue of v0.x (v0.20.0 and older): its own key-value type, keyed by a string

	implements map[implKey]bool // one pass's answers; a pass runs on one goroutine
}

type implKey struct {
	t     types.Type
	iface *types.Interface
}

// Reach memoises, per package, which OpenTelemetry API packages are
// reachable through its imports. The checker shares imported packages
// between the passes of a run, so each package is visited once per run.
// The lock guards only the map: passes on other goroutines walk at the
// same time, and one that finds a package another is walking walks it
// too, to the same result.
type Reach struct {
	mu   sync.Mutex
	memo map[*types.Package]Reached
}

type Reached struct{ Attribute, Trace, Log, Metric *types.Package }

func (r *Reach) Of(pkg *types.Package) Reached {
	res, _ := r.walk(pkg, map[*types.Package]bool{}, map[*types.Package]Reached{})
	return res
}

// walk returns what pkg reaches, and whether an import cycle (only in
// broken code) cut the walk short below pkg, in which case the result,
// which depends on where the walk entered the cycle, is kept only for this
// walk (in cut), so that it still visits each package once.
func (r *Reach) walk(pkg *types.Package, busy map[*types.Package]bool, cutRes map[*types.Package]Reached) (res Reached, cut bool) {
	if res, ok := r.get(pkg); ok {
		return res, false
	}
	if res, ok := cutRes[pkg]; ok {
		return res, true
	}
	if busy[pkg] {
		return Reached{}, true
	}
	busy[pkg] = true
	defer delete(busy, pkg)
	switch pkg.Path() {
	case AttributePath:
		res.Attribute = pkg
	case TracePath:
		res.Trace = pkg
	case LogPath:
		res.Log = pkg
	case MetricPath:
		res.Metric = pkg
	}
	for _, imp := range pkg.Imports() {
		sub, c := r.walk(imp, busy, cutRes)
		cut = cut || c
		if res.Attribute == nil {
			res.Attribute = sub.Attribute
		}
		if res.Trace == nil {
			res.Trace = sub.Trace
		}
		if res.Log == nil {
			res.Log = sub.Log
		}
		if res.Metric == nil {
			res.Metric = sub.Metric
		}
	}
	if cut {
		cutRes[pkg] = res
	} else {
		r.put(pkg, res)
	}
	return res, cut
}

func (r *Reach) get(pkg *types.Package) (Reached, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	res, ok := r.memo[pkg]
	return res, ok
}

func (r *Reach) put(pkg *types.Package, res Reached) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.memo == nil {
		r.memo = make(map[*types.Package]Reached)
	}
	r.memo[pkg] = res
}

func New(res Reached) *API {
	api := &API{Attribute: res.Attribute, Trace: res.Trace, Log: res.Log, implements: make(map[implKey]bool)}
	if res.Attribute != nil {
		api.Key = NamedIn(res.Attribute, "Key")
		api.KeyValue = NamedIn(res.Attribute, "KeyValue")
	}
	if res.Trace != nil {
		api.Span = ifaceIn(res.Trace, "Span")
		api.Tracer = ifaceIn(res.Trace, "Tracer")
	}
	if res.Log != nil {
		if rec := NamedIn(res.Log, "Record"); rec != nil {
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(rec), false, res.Log, "SetEventName")
			api.SetEventName, _ = obj.(*types.Func)
		}
		if ep := NamedIn(res.Log, "EnabledParameters"); ep != nil {
			if _, ok := ep.Underlying().(*types.Struct); ok {
				api.EnabledParams = ep
			}
		}
		// Before v0.21.0 the log API had its own KeyValue, {Key string;
		// Value log.Value}; later versions use attribute.KeyValue.
		if kv := NamedIn(res.Log, "KeyValue"); kv != nil && (api.KeyValue == nil || !types.Identical(kv, api.KeyValue)) {
			if st, ok := kv.Underlying().(*types.Struct); ok && st.NumFields() > 0 && st.Field(0).Name() == "Key" && IsBasicString(st.Field(0).Type()) {
				api.LogKeyValue = kv
			}
		}
	}
	return api
}

func NamedIn(pkg *types.Package, name string) *types.Named {
	if tn, ok := pkg.Scope().Lookup(name).(*types.TypeName); ok {
		if n, ok := types.Unalias(tn.Type()).(*types.Named); ok {
			return n
		}
	}
	return nil
}

func ifaceIn(pkg *types.Package, name string) *types.Interface {
	if n := NamedIn(pkg, name); n != nil {
		if it, ok := n.Underlying().(*types.Interface); ok {
			return it
		}
	}
	return nil
}

// IsKey reports whether t is attribute.Key.
func (api *API) IsKey(t types.Type) bool {
	return api.Key != nil && t != nil && types.Identical(types.Unalias(t), api.Key)
}

// Implements reports whether a method's receiver type (or its pointer)
// implements iface: trace.Span for AddEvent, trace.Tracer for Start.
func (api *API) Implements(recv types.Type, iface *types.Interface) bool {
	if iface == nil {
		return false
	}
	k := implKey{recv, iface}
	if v, ok := api.implements[k]; ok {
		return v
	}
	v := types.Implements(recv, iface)
	if !v {
		if _, isPtr := recv.(*types.Pointer); !isPtr && !types.IsInterface(recv) {
			v = types.Implements(types.NewPointer(recv), iface)
		}
	}
	api.implements[k] = v
	return v
}

// IsSemconv reports whether path is a go.opentelemetry.io/otel/semconv package.
func IsSemconv(path string) bool { return strings.HasPrefix(path, SemconvPathPrefix) }

// IsBasicString reports whether t is the predeclared string type.
func IsBasicString(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.String
}

// IsKeyValue reports whether t is attribute.KeyValue, or the old log
// API's own log.KeyValue.
func (api *API) IsKeyValue(t types.Type) bool {
	t = types.Unalias(t)
	return api.KeyValue != nil && types.Identical(t, api.KeyValue) ||
		api.LogKeyValue != nil && types.Identical(t, api.LogKeyValue)
}

// IsCtor reports whether fn constructs a key-value from a key: an
// attribute constructor, or one of the old log API's (log.String,
// log.Int64, ...).
func (api *API) IsCtor(fn *types.Func) bool {
	switch p := fn.Pkg(); {
	case p == nil:
		return false
	case p == api.Attribute:
		return IsConstructor(api.KeyValue, fn.Signature())
	case p == api.Log && api.LogKeyValue != nil:
		return IsConstructor(api.LogKeyValue, fn.Signature())
	}
	return false
}

// IsConstructor reports whether sig is func(k string, ...) kv, kv being
// attribute.KeyValue (or the old log API's log.KeyValue).
func IsConstructor(kv *types.Named, sig *types.Signature) bool {
	if kv == nil || sig.Params().Len() == 0 || sig.Results().Len() != 1 {
		return false
	}
	if b, ok := sig.Params().At(0).Type().(*types.Basic); !ok || b.Kind() != types.String {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), kv)
}
