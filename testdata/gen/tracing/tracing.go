// Package tracing is a hand-written constants package: gen uses what it
// defines instead of writing those values again.
package tracing

// JourneyEventType is the kind of a journey event.
const JourneyEventType = "event.type"
