// Package jobs counts the jobs it processes: a metric name and an
// attribute key written as literals in one file.
package jobs

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// Process records n processed jobs of queue.
func Process(ctx context.Context, queue string, n int) error {
	meter := otel.Meter("example.com/genmetric/jobs")
	processed, err := meter.Int64Counter("app.jobs.processed", metric.WithUnit("{job}"))
	if err != nil {
		return err
	}
	processed.Add(ctx, int64(n), metric.WithAttributes(attribute.String("app.job.queue", queue)))
	return nil
}
