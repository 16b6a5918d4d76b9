// Package existing holds constants written by hand. gen adds a file next to
// this one and leaves it as it is.
package existing

import "go.opentelemetry.io/otel/attribute"

// JourneyQueued names the event of a queued request.
const JourneyQueued = "journey.QUEUED"

// UserIDKey identifies the user.
const UserIDKey = attribute.Key("user.id")

// HTTPRequestIDKey is not a constant at all, but takes the name that
// "http.request_id" would get.
var HTTPRequestIDKey = "taken"
