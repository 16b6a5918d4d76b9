// Package worker times its jobs with a histogram whose name is a literal,
// and creates the counter of package jobs under the same name.
package worker

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/metric"
)

// Worker records what it does with meter.
type Worker struct{ meter metric.Meter }

// Run times one job.
func (w Worker) Run(ctx context.Context, job func()) error {
	d, err := w.meter.Float64Histogram("app.jobs.duration", metric.WithUnit("s"))
	if err != nil {
		return err
	}
	c, err := w.meter.Int64ObservableCounter("app.jobs.processed")
	if err != nil {
		return err
	}
	_ = c
	// It breaks the naming rules: gen leaves it to the lint.
	if _, err := w.meter.Int64UpDownCounter("Worker.Busy"); err != nil {
		return err
	}
	start := time.Now()
	job()
	d.Record(ctx, time.Since(start).Seconds())
	return nil
}
