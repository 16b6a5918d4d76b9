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
// manifest line). Read stops at the first, in file order. It must not
// panic on any input: FuzzParse feeds it arbitrary files of both syntaxes,
// and a panic that got past it would still be the file's one-line error
// ("internal error ..."), not a crash.
//
// # Cost
//
// A registry is read once per process; bench/ has the generator of a
// 2,000-attribute registry and BenchmarkRead (figures in bench/README.md).
// The model is immutable after Read and safe for concurrent lookups.
//
// # Why go.yaml.in/yaml/v4
//
// The YAML is parsed with go.yaml.in/yaml/v4 (v4.0.0), the YAML
// organisation's maintained successor of go.yaml.in/yaml/v3 and
// gopkg.in/yaml.v3, with no dependencies of its own. Its node tree carries
// the line and column of every node, and, unlike v3's, its syntax errors
// (*yaml.LoadError) carry a line and column too, so "file.yaml:LINE:COL:
// what" holds for a malformed file as for a bad field. v3 names at most a
// line ("yaml: line 2: did not find expected ',' or ']'", for some errors
// none). github.com/goccy/go-yaml positions its errors as well and was
// tried first, but parsing the 20 files of bench/registrygen's
// 2,000-attribute registry cost it 50-64 ms of CPU, 30 MB and 518,000
// allocations against v4's 25-29 ms, 7.9 MB and 155,000 (a side benchmark
// of the two parsers alone, go1.26.8, 2-core AMD EPYC, loaded), a cost
// that a process per package under go vet pays again and again. v4, like
// v3, accepts a key repeated in a mapping; the tree walk here refuses it.
package registry
