// Package app is issue 19's reproduction gen-test-keys, with two keys that
// break the naming rules ("dummyKey", "moreContext"): gen writes a
// constant for "app.tenant" only.
package app

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
)

func Run(ctx context.Context, tenant string) {
	_, span := otel.Tracer("app").Start(ctx, "run")
	defer span.End()
	span.SetAttributes(attribute.String("app.tenant", tenant), attribute.Bool("dummyKey", true), attribute.String("moreContext", tenant))
}
