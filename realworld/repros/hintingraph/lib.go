// Package hintingraph: a semconv hint comes without a fix although the
// semconv package is already in the package's import graph, so the module
// certainly has it (seen in otelhttp's internal/semconv/httpconvtest_test.go,
// 51 findings, package semconv_test, which imports the package under test,
// which imports semconv/v1.43.0).
//
// Expected for lib_test.go: a fix, semconv.RPCMethodKey with the import
// added, as for a package that imports it directly. Actual: `use
// semconv.RPCMethodKey (import "go.opentelemetry.io/otel/semconv/v1.43.0")`
// and no fix.
package hintingraph

import semconv "go.opentelemetry.io/otel/semconv/v1.43.0"

var Method = semconv.RPCMethodKey
