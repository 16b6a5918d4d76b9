// Command app runs the engine once with a no-op tracer.
package main

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace/noop"

	"example.com/genapp/engine"
)

func main() {
	tr := noop.NewTracerProvider().Tracer("app")
	engine.Run(context.Background(), tr, "r-1", 3)
	_, span := tr.Start(context.Background(), "app.main")
	span.SetAttributes(attribute.String("app.version", "1.0"))
	span.End()
}
