// Package overlap: a key that holds another finding's literal is one
// finding, whose fix leaves nothing to fix.
package overlap

import "go.opentelemetry.io/otel/attribute"

var A = attribute.String(string(attribute.Key("gen_ai.response.model")), "a") // want `use tracing.GenAIResponseModelKey$`

// The value is another finding: the two fixes do not overlap.
var B = attribute.String("gen_ai.response.model", string(attribute.Key("gen_ai.request.top_p"))) // want `use tracing.GenAIResponseModelKey$` `use tracing.GenAIRequestTopPKey$`

// The key has no constant; the literal inside it has one.
var C = attribute.String(string(attribute.Key("gen_ai.response.model"))+".x", "c") // want `"gen_ai.response.model.x": no constant defines it` `use tracing.GenAIResponseModelKey$`
