package semconvupgrade

import (
	"go.opentelemetry.io/otel/attribute"
	semconv26 "go.opentelemetry.io/otel/semconv/v1.26.0"
)

// The target version itself is not reported.
var current = []attribute.KeyValue{semconv26.HTTPRequestMethodGet}

// A fix never imports an old version into a file, since the module is
// moving off it: the target's constant of the same name is used instead.
var notOld = attribute.String("http.route", "/") // want `hard-coded attribute key "http.route": use semconv26.HTTPRouteKey \(3 other constants`
