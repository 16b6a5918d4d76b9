package analyzer

import (
	"github.com/spanattrlint/spanattrlint/internal/otelapi"
)

// IsSemconvPackage reports whether path is a go.opentelemetry.io/otel/semconv
// package, whose keys the analyzer knows from its embedded table (for
// spanattrlint gen, which need not load them as -constants packages).
func IsSemconvPackage(path string) bool { return otelapi.IsSemconv(path) }
