package metricrules

import "testing"

// BenchmarkRules runs every hygiene rule on a mix of names and units:
// known ones (the table lookups), fits and misfits.
func BenchmarkRules(b *testing.B) {
	names := []string{"http.server.request.duration", "buildkit.build.duration", "request_duration_ms", "requestDuration", "db.sql.latency", "otel.my.requests"}
	units := []string{"s", "ms", "{request}", "milliseconds", "{ms}", "By/s", ""}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			CheckName(n)
			CheckUnitInName(n)
			for _, u := range units {
				CheckDuration(n, u)
			}
		}
		for _, u := range units {
			CheckUnit(u)
		}
	}
}
