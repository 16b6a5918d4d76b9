// Package oldlog is on go.opentelemetry.io/otel/log v0.20.0, whose
// KeyValue is its own type, keyed by a string: log.String("k", v), the
// other constructors and log.KeyValue{Key: "k"} write attribute keys.
package oldlog

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
)

// Keys of the package.
const (
	keyTenant         = "app.tenant"
	keyShard          = attribute.Key("app.shard")
	eventFlush string = "app.flush"
)

var _ = semconv.ServiceNameKey

func emit(ctx context.Context, l log.Logger, v string, n int64) {
	var rec log.Record
	rec.AddAttributes(
		log.String("app.tenant", v),                              // want `hard-coded attribute key "app.tenant": use keyTenant`
		log.Int64("app.shard", n),                                // want `hard-coded attribute key "app.shard": use keyShard`
		log.Int("app.shard", 1),                                  // want `use keyShard`
		log.Float64("app.tenant", 1),                             // want `use keyTenant`
		log.Bool("app.tenant", true),                             // want `use keyTenant`
		log.Bytes("app.tenant", nil),                             // want `use keyTenant`
		log.Slice("app.tenant", log.StringValue(v)),              // want `use keyTenant`
		log.Map("app.tenant", log.String(keyTenant, v)),          // want `use keyTenant`
		log.Empty("app.tenant"),                                  // want `use keyTenant`
		log.String("service.name", v),                            // want `hard-coded attribute key "service.name": use semconv.ServiceNameKey`
		log.KeyValue{Key: "app.shard", Value: log.Int64Value(n)}, // want `use keyShard`
		log.KeyValue{"app.tenant", log.StringValue(v)},           // want `use keyTenant`
		log.KeyValue{Key: keyTenant},
		log.String(string(keyShard), v),
		log.String(v, v),
		log.String("requestID", v), // want `no constant defines it` `breaks the OpenTelemetry naming rules`
	)
	rec.SetEventName("app.flush") // want `hard-coded event name "app.flush": use eventFlush`
	l.Emit(ctx, rec)
	_ = l.Enabled(ctx, log.EnabledParameters{EventName: "app.flush"}) // want `use eventFlush`
	rec.SetEventName(eventFlush)
}

// The constructors as values are the constructors.
func values(v string) log.KeyValue {
	s := log.String
	return s("app.tenant", v) // want `use keyTenant`
}
