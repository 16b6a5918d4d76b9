// Package registry reads a team's OpenTelemetry Weaver registry: the
// directory that `weaver registry check -r DIR` takes, with its manifest
// (manifest.yaml, or the older registry_manifest.yaml) and every .yaml and
// .yml file under it, in either syntax:
//
//   - v1: groups: of type attribute_group, span, event, metric (also
//     metric_group, entity/resource, scope), whose attributes declare a
//     key (id:, under the group's prefix if it has one) or reuse one
//     (ref:);
//   - v2 (file_format: definition/2): top-level attributes (by key),
//     attribute_groups, spans, events, metrics, entities, the four kinds
//     of refinements and imports.
//
// The result is a resolved model (Registry): every declared attribute
// with its type, enum members, stability, deprecation and the file:line
// that declares it; events; metrics with instrument and unit; spans;
// with lookups by key and name that fall through to the dependencies,
// and template keys matched by prefix. The syntax follows the Weaver
// repository's schemas/semconv-syntax.md and semconv-syntax.v2.md; fields
// the model does not need (examples, notes, requirement levels,
// annotations) are not checked.
//
// Dependencies of the manifest are satisfied without network: one on the
// OpenTelemetry semantic conventions (a schema_url
// https://opentelemetry.io/schemas/X.Y.Z, or a registry_path naming the
// semantic-conventions repository) from the tables of internal/semconvtab
// (EmbeddedVersion), a local registry_path from disk, read the same way.
// Options.UseEmbedded takes the embedded conventions for a local copy of
// upstream that is not there.
//
// # Errors
//
// A registry that cannot be read gives one *Error, one line naming the
// file, line and column: a malformed file, an unknown type, stability,
// instrument or group type, a ref to nothing, a key, event, metric, span
// or group declared twice, a dependency that cannot be satisfied (at its
// manifest line). Read stops at the first, in file order. No input makes
// it panic: FuzzParse feeds it arbitrary files of both syntaxes.
//
// # Cost
//
// A registry is read once per process; bench/ has the generator of a
// 2,000-attribute registry and BenchmarkRead (figures in bench/README.md).
// The model is immutable after Read and safe for concurrent lookups.
//
// # Why goccy/go-yaml
//
// The YAML is parsed with github.com/goccy/go-yaml (maintained, no
// dependencies of its own, MIT). Its syntax errors carry the line and
// column of the offending token, and it reports a key repeated in a
// mapping, so "file.yaml:LINE:COL: what" holds for malformed files too.
// go.yaml.in/yaml/v3, the other maintained choice, positions the nodes of
// a well-formed file as well, but its syntax errors name at most a line
// ("yaml: line 2: did not find expected ',' or ']'", some none at all) and
// it accepts a repeated key into its node tree without a word.
package registry
