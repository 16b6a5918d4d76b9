// Package obs wraps package tr's wrappers again: its functions are
// wrappers through another package's, transitively.
package obs

import (
	"go.opentelemetry.io/otel/attribute"

	"example.com/crosspkg-wrapper/tr"
)

// Tag sets key on span: a wrapper of tr.Attribute, so key is a key.
func Tag(span *tr.Span, key string, v any) { span.SetAttributes(tr.Attribute(key, v)) }

// Event records name through (*tr.Span).AddEvent: an event name.
func Event(span *tr.Span, name string) { span.AddEvent(name) }

// Prefixed changes its parameter before it is a key: not a wrapper.
func Prefixed(span *tr.Span, k string, v any) {
	k = "svc." + k
	span.SetAttributes(tr.Attribute(k, v))
}

// Label passes its parameter as a value, not a key: not a wrapper.
func Label(v string) attribute.KeyValue { return tr.Attribute("obs.label", v) } // want `hard-coded attribute key "obs.label": no constant defines it`

// tag is unexported: other packages cannot call it, so it is no entry
// of -key-funcs (the in-package inference covers its callers).
func tag(span *tr.Span, key string) { Tag(span, key, 1) }

func init() { tag(&tr.Span{}, "obs.init") } // want `hard-coded attribute key "obs.init": no constant defines it`
