package analyzer_test

import (
	"strings"
	"testing"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// -semconv-version: imports of another semconv version are reported, and
// the fix moves a file's import where every name it uses means the same in
// the target; renamed keys only with -migrate-deprecated; dropped names,
// subpackages and a version outside the module's otel leave the file as it
// is. Without the flag nothing is reported for versions alone.
var upgradeCases = []pkgCase{
	app("semconvupgrade", analyzer.Config{SemconvVersion: "v1.26.0"}),
	app("semconvupgrademigrate", analyzer.Config{SemconvVersion: "v1.26.0", MigrateDeprecated: true}),
	app("semconvupgradetwo", analyzer.Config{SemconvVersion: "v1.26.0"}),
	app("semconvupgradeoff", analyzer.Config{}),
	app("semconvupgrademetrics", analyzer.Config{SemconvVersion: "v1.26.0"}),
	{dir: oldotel, pkg: "example.com/oldotel/semconvupgradeoutside", cfg: analyzer.Config{SemconvVersion: "v1.43.0"}},
}

func TestSemconvUpgrade(t *testing.T) {
	t.Parallel()
	runCases(t, upgradeCases, nil)
}

// A version that spanattrlint's tables do not know is a configuration
// error, not a report in every package.
func TestSemconvVersionValidated(t *testing.T) {
	for _, tc := range []struct{ v, wantErr string }{
		{"", ""},
		{"v1.26.0", ""},
		{"v1.43.0", ""},
		{"v1.29.0", `-semconv-version: "v1.29.0" is not a semconv package version that spanattrlint knows`},
		{"1.26.0", `-semconv-version: "1.26.0" is not`},
		{"v1.26", `-semconv-version: "v1.26" is not`},
	} {
		cfg := analyzer.Config{SemconvVersion: tc.v}
		err := cfg.Validate()
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%q: unexpected error %v", tc.v, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%q: error %v, want one containing %q", tc.v, err, tc.wantErr)
		}
	}
}
