package metricnames

import (
	"testing"

	"go.opentelemetry.io/otel/metric/noop"
)

// testOnlyName is declared in a test file: package files are not fixed
// to it, this file is.
const testOnlyName = "app.test_only"

func TestNames(t *testing.T) {
	noop.Meter{}.Int64Counter("app.test_only") // want `hard-coded metric name "app.test_only": use testOnlyName`
}
