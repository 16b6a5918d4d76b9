// Package p: the attribute import is alone in the last group and its only
// use becomes the new constant, whose import sorts before it.
package p

import (
	"fmt"

	"go.opentelemetry.io/otel/attribute"
)

func Attr(id int64) fmt.Stringer {
	kv := attribute.Int64("queue.task.id", id)
	return kv.Value
}
