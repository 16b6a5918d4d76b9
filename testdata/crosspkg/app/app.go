package app

import (
	"context"

	"example.com/crosspkg-wrapper/tr"
)

func Pull(ctx context.Context, ref string, n int) {
	ctx, span := tr.StartSpan(ctx, "app.pull") // want `hard-coded span name "app.pull": no constant defines it`
	defer span.End()
	span.SetAttributes(tr.Attribute("image.ref", ref), tr.Attribute("container.id", ref)) // want `hard-coded attribute key "image.ref": no constant defines it` `hard-coded attribute key "container.id": use semconv.ContainerIDKey`
	span.AddEvent("app.pulled", tr.Attribute("app.layers", n))                            // want `hard-coded event name "app.pulled": no constant defines it` `hard-coded attribute key "app.layers": no constant defines it`
	_ = ctx
}
