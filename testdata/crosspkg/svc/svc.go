// Package svc writes its keys only through the module's helper packages.
package svc

import (
	"context"

	"example.com/crosspkg-wrapper/obs"
	"example.com/crosspkg-wrapper/telemetry"
	"example.com/crosspkg-wrapper/tr"
)

func Serve(ctx context.Context, ref, mode string) {
	_, span := tr.StartSpan(ctx, "svc.serve") // want `hard-coded span name "svc.serve": no constant defines it`
	defer span.End()
	span.SetAttributes(telemetry.ImageRefKey.String(ref))
	span.SetAttributes(tr.Attribute("image.ref", ref)) // want `hard-coded attribute key "image.ref": use telemetry.ImageRefKey`
	obs.Tag(span, "svc.mode", mode)                    // want `hard-coded attribute key "svc.mode": no constant defines it`
	obs.Event(span, "svc.served")                      // want `hard-coded event name "svc.served": no constant defines it`
	obs.Prefixed(span, "mode", mode)
	span.SetAttributes(obs.Label("value, not a key"))
	(*tr.Span).AddEvent(span, "svc.expr")                           // want `hard-coded event name "svc.expr": no constant defines it`
	span.SetAttributes((&tr.Rec[int]{}).Key("svc.generic"))         // want `hard-coded attribute key "svc.generic": no constant defines it`
	span.SetAttributes(tr.Pair("svc.first", 1, "svc.second", 2)...) // want `hard-coded attribute key "svc.first": no constant defines it` `hard-coded attribute key "svc.second": no constant defines it`
	k := mode + ".x"
	span.SetAttributes(tr.Attribute(k, ref))
}
