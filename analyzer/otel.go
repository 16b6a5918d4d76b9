package analyzer

import (
	"go/types"
	"strings"
	"sync"
)

// Import paths of the OpenTelemetry API packages, recognised by path and
// type, never by the name a file gives them.
const (
	attributePath     = "go.opentelemetry.io/otel/attribute"
	tracePath         = "go.opentelemetry.io/otel/trace"
	semconvPathPrefix = "go.opentelemetry.io/otel/semconv/"
)

// otelAPI holds the OpenTelemetry types that a package can reach through its
// imports; a nil field means the package cannot reach that API.
type otelAPI struct {
	attribute *types.Package
	trace     *types.Package

	key      *types.Named     // attribute.Key
	keyValue *types.Named     // attribute.KeyValue
	span     *types.Interface // trace.Span
	tracer   *types.Interface // trace.Tracer

	implements map[implKey]bool // one pass's answers; a pass runs on one goroutine
}

type implKey struct {
	t     types.Type
	iface *types.Interface
}

// reach memoises, per package, which OpenTelemetry API packages are
// reachable through its imports. The checker shares imported packages
// between passes, so each package is visited once per process.
type reach struct {
	mu   sync.Mutex
	memo map[*types.Package]reachResult
}

type reachResult struct{ attribute, trace *types.Package }

func (r *reach) of(pkg *types.Package) reachResult {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.memo == nil {
		r.memo = make(map[*types.Package]reachResult)
	}
	return r.walk(pkg)
}

func (r *reach) walk(pkg *types.Package) reachResult {
	if res, ok := r.memo[pkg]; ok {
		return res
	}
	r.memo[pkg] = reachResult{} // cut import cycles of broken code
	var res reachResult
	switch pkg.Path() {
	case attributePath:
		res.attribute = pkg
	case tracePath:
		res.trace = pkg
	}
	for _, imp := range pkg.Imports() {
		sub := r.walk(imp)
		if res.attribute == nil {
			res.attribute = sub.attribute
		}
		if res.trace == nil {
			res.trace = sub.trace
		}
	}
	r.memo[pkg] = res
	return res
}

func newOtelAPI(res reachResult) *otelAPI {
	api := &otelAPI{attribute: res.attribute, trace: res.trace, implements: make(map[implKey]bool)}
	if res.attribute != nil {
		api.key = namedIn(res.attribute, "Key")
		api.keyValue = namedIn(res.attribute, "KeyValue")
	}
	if res.trace != nil {
		api.span = ifaceIn(res.trace, "Span")
		api.tracer = ifaceIn(res.trace, "Tracer")
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
