package gen

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/internal/testsupport"
)

// shopRegistry is genappRegistry with two enum keys: a string one and an
// int one.
var shopRegistry = func() map[string]string {
	m := maps.Clone(genappRegistry)
	m["model/shop.yaml"] = `groups:
  - id: registry.shop
    type: attribute_group
    brief: The keys of the shop.
    attributes:
      - id: shop.order.status
        type:
          members:
            - id: paid
              value: paid
              stability: development
            - id: pending
              value: pending
              stability: development
            - id: cancelled_by_customer
              value: cancelled
              stability: development
        stability: development
        brief: The order's status.
      - id: shop.order.priority
        type:
          members:
            - id: high
              value: 2
              stability: development
            - id: low
              value: 1
              stability: development
        stability: development
        brief: The order's priority.
`
	return m
}()

// ordersSrc sets the enum keys to members ("paid" twice, "cancelled" by
// a constant, the int 2) and to a value that is no member
// ("refunded"), and never sets "pending".
const ordersSrc = `package orders

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

const cancelled = "cancelled"

// Paid marks a paid order.
func Paid(span trace.Span) {
	span.SetAttributes(
		attribute.String("shop.order.status", "paid"),
		attribute.Int("shop.order.priority", 2),
	)
}

// Status says how the order ended.
func Status(paid bool) []attribute.KeyValue {
	if paid {
		return []attribute.KeyValue{attribute.String("shop.order.status", "paid")}
	}
	return []attribute.KeyValue{
		attribute.String("shop.order.status", cancelled),
		attribute.String("shop.order.status", "refunded"),
	}
}
`

// TestRegistryIntoMembers: with -registry, gen writes a variable for each
// enum member that the code sets (and no other member), in the style of
// the semconv packages, beside the key's constant, and rewrites the calls
// that set it to the variable; a value that is no member keeps its call,
// with the key's constant. The written file and the rewritten source
// match the golden ones, the module builds and vets, and a second run
// changes nothing; -dry-run writes nothing.
func TestRegistryIntoMembers(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	files := map[string]string{"orders/orders.go": ordersSrc, "orders/orders_test.go": ordersTestSrc}
	for name, src := range shopRegistry {
		files[filepath.Join("telemetry", filepath.FromSlash(name))] = src
	}
	testsupport.WriteFiles(t, dir, files)
	args := []string{"-registry=telemetry", "-into=./internal/telemetry", "./..."}
	before := snapshot(t, dir)
	stdout, stderr, code := gen(t, dir, append([]string{"-dry-run"}, args...)...)
	if code != 0 {
		t.Fatalf("-dry-run: exit %d:\n%s%s", code, stdout, stderr)
	}
	if p, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("-dry-run changed %s", p)
	}
	stdout, stderr, code = gen(t, dir, args...)
	if code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"8 new constants (4 attribute keys, 3 enum members, 1 event name)",
		`left alone: 1 enum member that only _test.go files set ("shop.order.status=pending")`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if src, err := os.ReadFile(filepath.Join(dir, "orders", "orders_test.go")); err != nil || !strings.Contains(string(src), `telemetry.ShopOrderStatusKey.String("pending")`) {
		t.Errorf("orders/orders_test.go: want the key's constant and the member's value (%v):\n%s", err, src)
	}
	got, err := os.ReadFile(filepath.Join(dir, "internal", "telemetry", DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "registry-members-telemetry.go.golden", got)
	orders, err := os.ReadFile(filepath.Join(dir, "orders", "orders.go"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "registry-members-orders.go.golden", orders)
	goCmd(t, dir, "build", "./...")
	goCmd(t, dir, "vet", "./...")
	before = snapshot(t, dir)
	if stdout, stderr, code := gen(t, dir, args...); code != 0 {
		t.Fatalf("second run: exit %d:\n%s%s", code, stdout, stderr)
	}
	if p, ok := sameSnapshot(before, snapshot(t, dir)); !ok {
		t.Errorf("second run changed %s", p)
	}

	// Later code sets "paid" again, and "pending": the first gets the
	// variable written before, the second a new one.
	later := filepath.Join(dir, "orders", "later.go")
	if err := os.WriteFile(later, []byte(laterSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	if stdout, stderr, code := gen(t, dir, args...); code != 0 || !strings.Contains(stdout, "1 new constant (1 enum member)") {
		t.Fatalf("third run: exit %d:\n%s%s", code, stdout, stderr)
	}
	src, err := os.ReadFile(later)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"telemetry.ShopOrderStatusPaid,", "telemetry.ShopOrderStatusPending,"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("orders/later.go lacks %s:\n%s", want, src)
		}
	}
	if src, err := os.ReadFile(filepath.Join(dir, "orders", "orders_test.go")); err != nil || !strings.Contains(string(src), "telemetry.ShopOrderStatusPending") {
		t.Errorf("orders/orders_test.go: want the member's variable now that production code sets it too (%v):\n%s", err, src)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "internal", "telemetry", DefaultFile)); err != nil || strings.Count(string(got), "ShopOrderStatusPaid =") != 1 {
		t.Errorf("the constants file should declare ShopOrderStatusPaid once (%v):\n%s", err, got)
	}
	goCmd(t, dir, "build", "./...")
}

// ordersTestSrc sets "pending", which production code does not set
// until later.go.
const ordersTestSrc = `package orders

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

func TestPending(t *testing.T) {
	if kv := attribute.String("shop.order.status", "pending"); kv.Value.AsString() != "pending" {
		t.Fatal(kv)
	}
}
`

const laterSrc = `package orders

import "go.opentelemetry.io/otel/attribute"

// Later sets the members again.
func Later() []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("shop.order.status", "paid"),
		attribute.String("shop.order.status", "pending"),
	}
}
`

// TestRegistryIntoMembersCycle: a package that the -into package imports
// sets a member (through another package's key constant): it cannot use
// the target's variable, so gen leaves it, says so, and the module still
// builds.
func TestRegistryIntoMembersCycle(t *testing.T) {
	t.Parallel()
	dir := copyModule(t)
	files := map[string]string{
		"shopkeys/shopkeys.go": `package shopkeys

import "go.opentelemetry.io/otel/attribute"

// StatusKey is the order's status.
const StatusKey = attribute.Key("shop.order.status")
`,
		"shopcore/shopcore.go": `package shopcore

import (
	"example.com/genapp/shopkeys"
	"go.opentelemetry.io/otel/attribute"
)

// Paid is a paid order's status.
func Paid() attribute.KeyValue { return shopkeys.StatusKey.String("paid") }
`,
		"shoptele/shoptele.go": `package shoptele

import (
	"example.com/genapp/shopcore"
	"go.opentelemetry.io/otel/attribute"
)

// ShopOrderStatusKey is the order's status.
const ShopOrderStatusKey = attribute.Key("shop.order.status")

var _ = shopcore.Paid
`,
	}
	for name, src := range shopRegistry {
		files[filepath.Join("telemetry", filepath.FromSlash(name))] = src
	}
	testsupport.WriteFiles(t, dir, files)
	stdout, stderr, code := gen(t, dir, "-registry=telemetry", "-into=./shoptele", "./shopkeys", "./shopcore", "./shoptele")
	if code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	if want := "left alone: enum members that 1 package which example.com/genapp/shoptele imports set (example.com/genapp/shopcore)"; !strings.Contains(stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, stdout)
	}
	src, err := os.ReadFile(filepath.Join(dir, "shopcore", "shopcore.go"))
	if err != nil || string(src) != files["shopcore/shopcore.go"] {
		t.Errorf("shopcore/shopcore.go changed (%v):\n%s", err, src)
	}
	goCmd(t, dir, "build", "./...")
}
