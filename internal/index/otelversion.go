package index

import "github.com/spanattrlint/spanattrlint/internal/modresolve"

// otelModule is the module whose semconv packages the hint names.
const otelModule = "go.opentelemetry.io/otel"

// OtelVersion returns the go.opentelemetry.io/otel version that the main
// module of the package in dir (packageDir) requires (go.mod, go.work), or "" when no
// go.mod is known (Bazel's nogo) or it does not say (a directory
// replacement): the semconv hint then says which otel version a constant
// needs.
func OtelVersion(res *modresolve.Resolver, dir string) string {
	if dir == "" {
		return ""
	}
	mod, err := res.Module(dir)
	if err != nil {
		return ""
	}
	v, _ := mod.Require(otelModule)
	return v
}
