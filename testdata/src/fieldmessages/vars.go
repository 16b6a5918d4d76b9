package fieldmessages

import "go.opentelemetry.io/otel/attribute"

// A key defined as a package variable rather than a constant.
var connectionStatusKey = attribute.Key("status") // want `^attribute key "status" is defined by the package variable connectionStatusKey: declare it as a constant$`

var _ = connectionStatusKey
