package overlap

import "go.opentelemetry.io/otel/attribute"

var C = attribute.String(string(attribute.Key("app.typed_key")), "v")
