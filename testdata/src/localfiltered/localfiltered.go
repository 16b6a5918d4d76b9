// Package localfiltered mirrors go.temporal.io/server/common/metrics: a tag
// key is an un-namespaced package constant, never passed straight to an
// attribute constructor, so the key rules leave it out of the fix; the
// message still names it instead of saying that no constant defines it.
package localfiltered

import "go.opentelemetry.io/otel/attribute"

const taskQueue = "taskqueue"

type Tag struct{ Key, Value string }

func TaskQueueTag(v string) Tag { return Tag{Key: taskQueue, Value: v} }

func convert(t Tag) attribute.KeyValue { return attribute.String(t.Key, t.Value) }

var want = attribute.String("taskqueue", "q") // want `hard-coded attribute key "taskqueue": the package's constant taskQueue has this value, but is not declared as a key, so no fix is offered: if it names this attribute key, write taskQueue here \(or type it attribute.Key\)$`

var other = attribute.String("taskqueues", "q") // want `hard-coded attribute key "taskqueues": no constant defines it$`
