package analyzer

import (
	"go/types"
	"strings"
	"sync"

	"github.com/spanattrlint/spanattrlint/internal/metrics"
)

// Import paths of the OpenTelemetry API packages, recognised by path and
// type, never by the name a file gives them.
const (
	attributePath     = "go.opentelemetry.io/otel/attribute"
	tracePath         = "go.opentelemetry.io/otel/trace"
	logPath           = "go.opentelemetry.io/otel/log"
	metricPath        = metrics.Path
	semconvPathPrefix = "go.opentelemetry.io/otel/semconv/"
)

// otelAPI holds the OpenTelemetry types that a package can reach through its
// imports; a nil field means the package cannot reach that API.
type otelAPI struct {
	attribute *types.Package
	trace     *types.Package
	log       *types.Package

	key      *types.Named     // attribute.Key
	keyValue *types.Named     // attribute.KeyValue
	span     *types.Interface // trace.Span
	tracer   *types.Interface // trace.Tracer

	// The log API (go.opentelemetry.io/otel/log), where reachable.
	setEventName  *types.Func  // (*log.Record).SetEventName
	enabledParams *types.Named // log.EnabledParameters, whose EventName field is an event name
	logKeyValue   *types.Named // log.KeyValue of v0.x (v0.20.0 and older): its own key-value type, keyed by a string

	implements map[implKey]bool // one pass's answers; a pass runs on one goroutine
}

type implKey struct {
	t     types.Type
	iface *types.Interface
}

// reach memoises, per package, which OpenTelemetry API packages are
// reachable through its imports. The checker shares imported packages
// between the passes of a run, so each package is visited once per run.
// The lock guards only the map: passes on other goroutines walk at the
// same time, and one that finds a package another is walking walks it
// too, to the same result.
type reach struct {
	mu   sync.Mutex
	memo map[*types.Package]reachResult
}

type reachResult struct{ attribute, trace, log, metric *types.Package }

func (r *reach) of(pkg *types.Package) reachResult {
	res, _ := r.walk(pkg, map[*types.Package]bool{}, map[*types.Package]reachResult{})
	return res
}

// walk returns what pkg reaches, and whether an import cycle (only in
// broken code) cut the walk short below pkg, in which case the result,
// which depends on where the walk entered the cycle, is kept only for this
// walk (in cut), so that it still visits each package once.
func (r *reach) walk(pkg *types.Package, busy map[*types.Package]bool, cutRes map[*types.Package]reachResult) (res reachResult, cut bool) {
	if res, ok := r.get(pkg); ok {
		return res, false
	}
	if res, ok := cutRes[pkg]; ok {
		return res, true
	}
	if busy[pkg] {
		return reachResult{}, true
	}
	busy[pkg] = true
	defer delete(busy, pkg)
	switch pkg.Path() {
	case attributePath:
		res.attribute = pkg
	case tracePath:
		res.trace = pkg
	case logPath:
		res.log = pkg
	case metricPath:
		res.metric = pkg
	}
	for _, imp := range pkg.Imports() {
		sub, c := r.walk(imp, busy, cutRes)
		cut = cut || c
		if res.attribute == nil {
			res.attribute = sub.attribute
		}
		if res.trace == nil {
			res.trace = sub.trace
		}
		if res.log == nil {
			res.log = sub.log
		}
		if res.metric == nil {
			res.metric = sub.metric
		}
	}
	if cut {
		cutRes[pkg] = res
	} else {
		r.put(pkg, res)
	}
	return res, cut
}

func (r *reach) get(pkg *types.Package) (reachResult, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	res, ok := r.memo[pkg]
	return res, ok
}

func (r *reach) put(pkg *types.Package, res reachResult) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.memo == nil {
		r.memo = make(map[*types.Package]reachResult)
	}
	r.memo[pkg] = res
}

func newOtelAPI(res reachResult) *otelAPI {
	api := &otelAPI{attribute: res.attribute, trace: res.trace, log: res.log, implements: make(map[implKey]bool)}
	if res.attribute != nil {
		api.key = namedIn(res.attribute, "Key")
		api.keyValue = namedIn(res.attribute, "KeyValue")
	}
	if res.trace != nil {
		api.span = ifaceIn(res.trace, "Span")
		api.tracer = ifaceIn(res.trace, "Tracer")
	}
	if res.log != nil {
		if rec := namedIn(res.log, "Record"); rec != nil {
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(rec), false, res.log, "SetEventName")
			api.setEventName, _ = obj.(*types.Func)
		}
		if ep := namedIn(res.log, "EnabledParameters"); ep != nil {
			if _, ok := ep.Underlying().(*types.Struct); ok {
				api.enabledParams = ep
			}
		}
		// Before v0.21.0 the log API had its own KeyValue, {Key string;
		// Value log.Value}; later versions use attribute.KeyValue.
		if kv := namedIn(res.log, "KeyValue"); kv != nil && (api.keyValue == nil || !types.Identical(kv, api.keyValue)) {
			if st, ok := kv.Underlying().(*types.Struct); ok && st.NumFields() > 0 && st.Field(0).Name() == "Key" && isBasicString(st.Field(0).Type()) {
				api.logKeyValue = kv
			}
		}
	}
	return api
}

func namedIn(pkg *types.Package, name string) *types.Named {
	if tn, ok := pkg.Scope().Lookup(name).(*types.TypeName); ok {
		if n, ok := types.Unalias(tn.Type()).(*types.Named); ok {
			return n
		}
	}
	return nil
}

func ifaceIn(pkg *types.Package, name string) *types.Interface {
	if n := namedIn(pkg, name); n != nil {
		if it, ok := n.Underlying().(*types.Interface); ok {
			return it
		}
	}
	return nil
}

// isKey reports whether t is attribute.Key.
func (api *otelAPI) isKey(t types.Type) bool {
	return api.key != nil && t != nil && types.Identical(types.Unalias(t), api.key)
}

// implementsIface reports whether a method's receiver type (or its pointer)
// implements iface: trace.Span for AddEvent, trace.Tracer for Start.
func (api *otelAPI) implementsIface(recv types.Type, iface *types.Interface) bool {
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

// isSemconv reports whether path is a go.opentelemetry.io/otel/semconv package.
func isSemconv(path string) bool { return strings.HasPrefix(path, semconvPathPrefix) }

// isBasicString reports whether t is the predeclared string type.
func isBasicString(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.String
}

// isKeyValue reports whether t is attribute.KeyValue, or the old log
// API's own log.KeyValue.
func (api *otelAPI) isKeyValue(t types.Type) bool {
	t = types.Unalias(t)
	return api.keyValue != nil && types.Identical(t, api.keyValue) ||
		api.logKeyValue != nil && types.Identical(t, api.logKeyValue)
}

// isCtor reports whether fn constructs a key-value from a key: an
// attribute constructor, or one of the old log API's (log.String,
// log.Int64, ...).
func (api *otelAPI) isCtor(fn *types.Func) bool {
	switch p := fn.Pkg(); {
	case p == nil:
		return false
	case p == api.attribute:
		return isConstructor(api.keyValue, fn.Signature())
	case p == api.log && api.logKeyValue != nil:
		return isConstructor(api.logKeyValue, fn.Signature())
	}
	return false
}
