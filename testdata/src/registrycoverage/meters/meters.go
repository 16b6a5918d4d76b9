// Package meters records a metric that the registry of
// ../../telemetry/coverage declares and one it does not
// (-registry-coverage).
package meters

import (
	"context"

	"go.opentelemetry.io/otel/metric"
)

func record(ctx context.Context, m metric.Meter, size int) {
	d, _ := m.Float64Histogram("checkout.duration", metric.WithUnit("s"))
	d.Record(ctx, 1.5)
	c, _ := m.Int64Counter("checkout.items")
	c.Add(ctx, int64(size))
}
