// Package schemaurl mixes semconv versions in resources: a schema URL with
// another version's attributes, and a Merge of two versions' resources.
package schemaurl

import (
	"context"

	"go.opentelemetry.io/otel/sdk/resource"
	semconv20 "go.opentelemetry.io/otel/semconv/v1.20.0"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
)

const ourSchema = semconv.SchemaURL

// One version throughout: nothing to report.
func consistent() *resource.Resource {
	return resource.NewWithAttributes(semconv.SchemaURL, semconv.ServiceName("svc"), semconv.ServiceVersion("1"))
}

func mixed() *resource.Resource {
	return resource.NewWithAttributes(semconv20.SchemaURL, semconv.ServiceName("svc")) // want `the schema URL of semconv v1.20.0 is given with attributes of semconv v1.26.0 \(semconv.ServiceName\)`
}

// A constant holding the URL, and a key of the other version.
func mixedConst() *resource.Resource {
	return resource.NewWithAttributes(ourSchema, semconv20.ServiceNameKey.String("svc")) // want `the schema URL of semconv v1.26.0 is given with attributes of semconv v1.20.0 \(semconv20.ServiceNameKey\)`
}

func mixedNew(ctx context.Context) (*resource.Resource, error) {
	return resource.New(ctx,
		resource.WithSchemaURL(semconv.SchemaURL), // want `the schema URL of semconv v1.26.0 is given with attributes of semconv v1.20.0 \(semconv20.ServiceName\)`
		resource.WithAttributes(semconv20.ServiceName("svc")),
	)
}

func merged() (*resource.Resource, error) {
	a := resource.NewWithAttributes(semconv20.SchemaURL, semconv20.ServiceName("a"))
	b := resource.NewWithAttributes(semconv.SchemaURL, semconv.ServiceName("b"))
	return resource.Merge(a, b) // want `resource.Merge of a resource with the schema URL of semconv v1.20.0 \(line 37\) and one with that of semconv v1.26.0 \(line 38\) fails at run time with "conflicting Schema URL"`
}

func mergedNew(ctx context.Context) (*resource.Resource, error) {
	r, err := resource.New(ctx, resource.WithSchemaURL(semconv20.SchemaURL))
	if err != nil {
		return nil, err
	}
	return resource.Merge(resource.NewWithAttributes(semconv.SchemaURL), r) // want `resource.Merge of a resource with the schema URL of semconv v1.26.0 .* and one with that of semconv v1.20.0`
}

// Same version, no schema URL, or a variable assigned twice (not
// followed): nothing.
func mergedFine(other bool) (*resource.Resource, error) {
	a := resource.NewWithAttributes(semconv.SchemaURL, semconv.ServiceName("a"))
	b := resource.NewWithAttributes(semconv.SchemaURL)
	if _, err := resource.Merge(a, b); err != nil {
		return nil, err
	}
	c := resource.NewSchemaless(semconv20.ServiceName("c"))
	if _, err := resource.Merge(a, c); err != nil {
		return nil, err
	}
	d := resource.NewWithAttributes(semconv.SchemaURL)
	if other {
		d = resource.NewWithAttributes(semconv20.SchemaURL)
	}
	return resource.Merge(a, d)
}

// A package-level resource is checked too.
var pkgLevel = resource.NewWithAttributes(semconv20.SchemaURL, semconv.ServiceName("svc")) // want `the schema URL of semconv v1.20.0 is given with attributes of semconv v1.26.0`
