// Package variantconflict: the package and its test variant suggest two
// different fixes for the same literal.
//
// Expected: one diagnostic per position, the same in both variants
// (semconv.UserIDKey.String), and -fix exit status 0. Actual: the package
// says "use semconv.UserIDKey", the test variant "use wantKey" (declared in
// a_test.go); -fix applies one, prints "applied 1 of 2 fixes; 1 file
// updated. (Re-run the command to apply more.)" and exits 1.
package variantconflict

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

var Service = semconv.ServiceNameKey.String("svc")

func KV(v string) attribute.KeyValue { return attribute.String("user.id", v) }
