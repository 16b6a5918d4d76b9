// Package telemetry holds the module's key constants.
package telemetry

import "go.opentelemetry.io/otel/attribute"

// ImageRefKey is the image reference.
const ImageRefKey = attribute.Key("image.ref")
