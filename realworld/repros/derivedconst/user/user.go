// Package user, with -constants=example.com/repros/derivedconst/keys:
//
// C. Expected: "peer.service" fixed to keys.PeerServiceKey. Actual: "no
// constant defines it": the -constants package is type-checked from source
// with only the analysed package's import graph and the main module
// available, so a constant whose value comes from another module's package
// (semconv/v1.37.0 here) has no value. "otel.status_code" is found.
//
// B. Expected: findings, exit status 3. Actual, with the default -test=true
// (user_test.go exists): "spanattrlint: -constants: /root/.cache/go-build/NN
// is not inside a Go module, so example.com/repros/derivedconst/keys cannot
// be resolved", exit status 1. The synthesized test main package
// (user.test) has its one file in the build cache, and the analyzer
// resolves -constants from the directory of the first file of every
// package, before it checks whether the package can reach otel at all.
// With -test=false it works. (Not an analysistest case: analysistest makes
// no test main package; a cmd/spanattrlint test on a module with a
// _test.go file and -constants would catch it.)
package user

import "go.opentelemetry.io/otel/attribute"

var Attrs = []attribute.KeyValue{
	attribute.String("peer.service", "tracegen-server"),
	attribute.String("otel.status_code", "OK"),
}
