package semconvversion

import (
	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

var System = semconv.RPCSystemNameKey.String("grpc")

func Method(m string) attribute.KeyValue { return attribute.String("rpc.method", m) }
