// Package constpkgnootel names keys and event names and imports no
// OpenTelemetry package; -constants names it, so the values of its
// declarations are checked all the same.
package constpkgnootel

// Keys.
const (
	AttrMethod           = "http.method" // want `attribute key "http.method" is deprecated in the semantic conventions: renamed to "http.request.method"`
	AttrRequestID        = "requestID"   // want `attribute key "requestID" breaks the OpenTelemetry naming rules` `attribute key "requestID" is outside the project's namespaces \(-key-prefix\): start it with "app."`
	AttrEmail            = "user.email"  // want `attribute key "user.email" is forbidden \(-forbidden-keys\): do not emit it`
	AttrOrder            = "app.order_id"
	AttrStatus    string = "status" // want `attribute key "status" is outside the project's namespaces`
)

// EventPlaced has the shape of an event name (upper style), which no key has.
const EventPlaced = "app.order.PLACED"

// notExported is not offered to other packages.
const notExported = "requestID"
