//go:build integration

package consts

import "go.opentelemetry.io/otel/attribute"

// TaggedKey is declared only in a build with -tags=integration.
const TaggedKey attribute.Key = "app.tagged_only"
