// Package linedirective: template, cgo and yacc output carry //line
// directives, which make a position report the line of another file.
// //nolint works on the lines of this file, the ones the user sees.
package linedirective

import "go.opentelemetry.io/otel/attribute"

//line template.tmpl:100
var A = attribute.String("scheduler.step", "a") //nolint:spanattrlint

//nolint:spanattrlint // covers the declaration on the next line
var B = attribute.String("scheduler.step", "b")

var C = attribute.String("scheduler.step", "c") // want `use tracing.JourneySchedulerStep`

var D = attribute.String("scheduler.step", "d") //nolint:spanattrlint
//line template.tmpl:107
var E = attribute.String("scheduler.step", "e") // want `use tracing.JourneySchedulerStep`
