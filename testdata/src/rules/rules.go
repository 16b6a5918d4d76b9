// Package rules is checked with -key-prefix=journey,gen_ai
// -forbidden-keys=user.email -event-style=upper.
package rules

import (
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// KeyStep is outside the project's namespaces.
const KeyStep = attribute.Key("scheduler.step") // want `attribute key "scheduler.step" is outside the project's namespaces \(-key-prefix\): start it with "journey." or "gen_ai."`

// EventQueued breaks the event style where it is declared.
const EventQueued = "journey.queued" // want `event name "journey.queued" breaks -event-style=upper: use lowercase namespaces and the last component in UPPER_SNAKE_CASE, e.g. "journey.QUEUED"`

func record(span trace.Span, email string) {
	span.AddEvent(EventQueued)
	span.AddEvent("journey.FINISHED") // want `hard-coded event name "journey.FINISHED": no constant defines it$`
	span.AddEvent("journey.first-token") // want `no constant defines it` `e.g. "journey.FIRST_TOKEN"`
	span.AddEvent("exception") // want `hard-coded event name "exception": use semconv.ExceptionEventName`
	span.SetAttributes(
		KeyStep.Int(3),
		attribute.String("journey.phase", "DECODE"), // want `no constant defines it$`
		attribute.String("user.email", email),       // want `use semconv.UserEmailKey` `attribute key "user.email" is forbidden \(-forbidden-keys\): do not emit it`
		attribute.Int("server.port", 8080),          // want `use semconv.ServerPortKey`
		attribute.Int("app.port", 8080),             // want `no constant defines it` `outside the project's namespaces`
	)
}
