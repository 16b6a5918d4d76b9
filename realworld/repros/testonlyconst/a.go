// Package testonlyconst: a constant declared in a _test.go file is offered
// to a non-test file.
//
// Expected: "user.id" in a.go is fixed (or hinted) with a constant that
// every build of a.go can see; wantKey, declared in a_test.go, must not be
// a candidate. Actual: the test variant of the package suggests wantKey,
// -fix writes it into a.go, and "go build ./..." fails: undefined: wantKey.
package testonlyconst

import "go.opentelemetry.io/otel/attribute"

func KV(v string) attribute.KeyValue { return attribute.String("user.id", v) }
