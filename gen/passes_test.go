package gen

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// TestAnalysesAndVerifications: on the bundled example, whose packages
// use package tracing's constants as keys (the case that offers those
// constants to every package), with a package added that has no finding,
// every package loaded is analysed once, those that get a new constant
// (engine, and its test variant) included; the fixed packages are
// type-checked once. It reads what -v says of each phase.
func TestAnalysesAndVerifications(t *testing.T) {
	dir := testsupport.Copy(t, filepath.Join("..", "examples"))
	writeFile(t, filepath.Join(dir, "journey", "quiet", "quiet.go"), `// Package quiet emits no telemetry.
package quiet

// Add adds.
func Add(a, b int) int { return a + b }
`)
	var log strings.Builder
	stdout, stderr, code := genLogged(t, dir, &log, "-dry-run", "-into=./journey/telemetry", "./...")
	if code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	var loaded []int
	var analysed []string
	checked := 0
	for _, line := range strings.Split(log.String(), "\n") {
		var n int
		switch {
		case fmtSscanf(line, "spanattrlint gen: loaded %d packages", &n):
			loaded = append(loaded, n)
		case fmtSscanf(line, "spanattrlint gen: analysed %d packages", &n):
			analysed = append(analysed, fmt.Sprint(n))
		case strings.HasPrefix(line, "spanattrlint gen: type-checked the fixed packages"):
			checked++
		}
	}
	want := []string{"6"} // api, api_test, engine, engine_test, quiet, tracing
	if len(loaded) != 1 || loaded[0] != 6 || !slices.Equal(analysed, want) || checked != 1 {
		t.Errorf("loads %v, analyses of %v packages, %d verifications; want [6], %v, 1; -v said:\n%s", loaded, analysed, checked, want, log.String())
	}
}

// fmtSscanf reports whether line is format with its number read into n.
func fmtSscanf(line, format string, n *int) bool {
	_, err := fmt.Sscanf(line, format, n)
	return err == nil
}

// TestAdoptedConstantsInOneAnalysis: a fix that writes an attribute.Key
// constant of an imported package (consts.OrderIDKey, in package a)
// makes that package's constants in use, which only the analysis tells:
// package b, which writes the same key without importing consts, gets
// consts.OrderIDKey too, not a new constant, and every package is
// analysed once.
func TestAdoptedConstantsInOneAnalysis(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	writeFile(t, filepath.Join(dir, "consts", "consts.go"), `// Package consts holds a key.
package consts

import "go.opentelemetry.io/otel/attribute"

// OrderIDKey is the order.
const OrderIDKey = attribute.Key("order.id")
`)
	writeFile(t, filepath.Join(dir, "a", "a.go"), `// Package a imports consts.
package a

import (
	"go.opentelemetry.io/otel/attribute"

	"example.com/genapp/consts"
)

var _ = consts.OrderIDKey

// Order is an order.
func Order(id string) attribute.KeyValue { return attribute.String("order.id", id) }
`)
	writeFile(t, filepath.Join(dir, "b", "b.go"), `// Package b does not import consts.
package b

import "go.opentelemetry.io/otel/attribute"

// Order is an order.
func Order(id string) attribute.KeyValue { return attribute.String("order.id", id) }
`)
	var log strings.Builder
	stdout, stderr, code := genLogged(t, dir, &log, "-into=./internal/telemetry", "./...")
	if code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	if b := string(readFileT(t, filepath.Join(dir, "b", "b.go"))); !strings.Contains(b, "consts.OrderIDKey.String(id)") {
		t.Errorf("b/b.go:\n%s", b)
	}
	if gen := readFileT(t, filepath.Join(dir, "internal", "telemetry", DefaultFile)); strings.Contains(string(gen), `"order.id"`) {
		t.Errorf("a new constant for order.id:\n%s", gen)
	}
	if n := strings.Count(log.String(), "spanattrlint gen: analysed "); n != 1 {
		t.Errorf("%d analyses; -v said:\n%s", n, log.String())
	}
}
