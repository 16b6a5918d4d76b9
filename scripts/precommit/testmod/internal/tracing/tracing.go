// Package tracing names the attribute keys and event names the app emits.
package tracing

// Attribute keys.
const (
	EventType = "event.type"
	Step      = "scheduler.step"
)

// Queued is the event a job emits when it is queued.
const Queued = "job.queued"
