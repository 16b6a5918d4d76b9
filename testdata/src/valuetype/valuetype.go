// Package valuetype sets semantic-convention keys with constructors, Key
// methods and Value functions that fit the keys' types, and with some that
// do not.
package valuetype

import (
	"fmt"

	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

func misfits(s string, n int, f float64, st fmt.Stringer) []attribute.KeyValue {
	return []attribute.KeyValue{
		attribute.String("http.response.status_code", s),                                            // want `hard-coded attribute key` `^attribute key "http.response.status_code" is an int in the semantic conventions, set here with attribute.String: use attribute.Int \(semconv.HTTPResponseStatusCode\)$`
		semconv.ServerPortKey.String(s),                                                             // want `^attribute key "server.port" is an int in the semantic conventions, set here with semconv.ServerPortKey.String: use semconv.ServerPortKey.Int \(semconv.ServerPort\)$`
		attribute.Int("url.full", n),                                                                // want `hard-coded attribute key` `^attribute key "url.full" is a string in the semantic conventions, set here with attribute.Int: use attribute.String \(semconv.URLFull\)$`
		semconv.URLFullKey.Int64(int64(n)),                                                          // want `"url.full" is a string .*: use semconv.URLFullKey.String \(semconv.URLFull\)$`
		semconv.HTTPResponseStatusCodeKey.Float64(f),                                                // want `"http.response.status_code" is an int .*, set here with semconv.HTTPResponseStatusCodeKey.Float64: use semconv.HTTPResponseStatusCodeKey.Int`
		semconv.HTTPResponseStatusCodeKey.Bool(true),                                                // want `"http.response.status_code" is an int .*Key.Bool: use .*Key.Int`
		attribute.Stringer(string(semconv.HTTPResponseStatusCodeKey), st),                           // want `"http.response.status_code" is an int .*, set here with attribute.Stringer: use attribute.Int`
		attribute.KeyValue{Key: semconv.HTTPResponseStatusCodeKey, Value: attribute.StringValue(s)}, // want `"http.response.status_code" is an int .*, set here with attribute.StringValue: use attribute.IntValue \(semconv.HTTPResponseStatusCode\)$`
		semconv.ProcessCommandArgsKey.String(s),                                                     // want `"process.command_args" is a string\[\] .*: use semconv.ProcessCommandArgsKey.StringSlice \(semconv.ProcessCommandArgs\)$`
		semconv.ProcessCommandArgsKey.IntSlice(nil),                                                 // want `"process.command_args" is a string\[\] .*IntSlice: use .*StringSlice`
		semconv.PprofScopeSampleTypeOrderKey.StringSlice(nil),                                       // want `"pprof.scope.sample_type_order" is an int\[\] .*: use semconv.PprofScopeSampleTypeOrderKey.IntSlice`
		semconv.PprofScopeSampleTypeOrderKey.Int(n),                                                 // want `"pprof.scope.sample_type_order" is an int\[\] .*: use semconv.PprofScopeSampleTypeOrderKey.IntSlice`
		semconv.PprofScopeSampleTypeOrderKey.Int64(int64(n)),                                        // want `^attribute key "pprof.scope.sample_type_order" is an int\[\] in the semantic conventions, set here with semconv.PprofScopeSampleTypeOrderKey.Int64: use semconv.PprofScopeSampleTypeOrderKey.Int64Slice`
		attribute.Int64Slice("http.response.status_code", nil),                                      // want `hard-coded attribute key` `^attribute key "http.response.status_code" is an int in the semantic conventions, set here with attribute.Int64Slice: use attribute.Int64 \(semconv.HTTPResponseStatusCode\)$`
		semconv.AppJankPeriodKey.Int(n),                                                             // want `"app.jank.period" is a double .*: use semconv.AppJankPeriodKey.Float64 \(semconv.AppJankPeriod\)$`
		semconv.MessagingDestinationTemporaryKey.String(s),                                          // want `"messaging.destination.temporary" is a boolean .*: use semconv.MessagingDestinationTemporaryKey.Bool \(semconv.MessagingDestinationTemporary\)$`
		semconv.HTTPRequestMethodKey.Int(n),                                                         // want `^attribute key "http.request.method" is a string in the semantic conventions, set here with semconv.HTTPRequestMethodKey.Int: use semconv.HTTPRequestMethodKey.String$`
		// A key under a template attribute has the template's type.
		attribute.String("http.request.header.x_id", s), // want `hard-coded attribute key` `^attribute key "http.request.header.x_id" is a string\[\] in the semantic conventions \(http.request.header.<key> is template\[string\[\]\]\), set here with attribute.String: use attribute.StringSlice$`
		attribute.Int("k8s.pod.label.app", n),           // want `hard-coded attribute key` `"k8s.pod.label.app" is a string .*: use attribute.String$`
		// Suppressed.
		semconv.ServerPortKey.String(s), //nolint:spanattrlint
	}
}

// fits sets every key with a value of its type.
func fits(s string, n int, f float64, st fmt.Stringer, k string) []attribute.KeyValue {
	return []attribute.KeyValue{
		semconv.ServerPortKey.Int(n),
		semconv.ServerPortKey.Int64(int64(n)),
		attribute.Int64(string(semconv.HTTPResponseStatusCodeKey), int64(n)),
		attribute.Stringer(string(semconv.URLFullKey), st),
		semconv.URLFullKey.String(s),
		attribute.KeyValue{Key: semconv.URLFullKey, Value: attribute.StringValue(s)},
		attribute.KeyValue{semconv.ServerPortKey, attribute.IntValue(n)},
		semconv.AppJankPeriodKey.Float64(f),
		semconv.MessagingDestinationTemporaryKey.Bool(true),
		semconv.ProcessCommandArgsKey.StringSlice(nil),
		semconv.PprofScopeSampleTypeOrderKey.IntSlice(nil),
		semconv.PprofScopeSampleTypeOrderKey.Int64Slice(nil),
		semconv.HTTPRequestMethodKey.String(s),
		attribute.Key("http.request.header.x_id").StringSlice(nil), // want `hard-coded attribute key`
		// Any value fits an any key.
		semconv.FeatureFlagResultValueKey.Int(n),
		semconv.FeatureFlagResultValueKey.String(s),
		semconv.FeatureFlagResultValueKey.BoolSlice(nil),
		// What Map, Slice and ByteSlice hold is not known from the call.
		semconv.ServerPortKey.ByteSlice(nil),
		semconv.ServerPortKey.Slice(attribute.StringValue(s)),
		semconv.URLFullKey.Map(),
		// Not constant keys: not checked.
		attribute.Int(k, n),
		attribute.Key(k).Bool(true),
	}
}
