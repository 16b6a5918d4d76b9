package analyzer_test

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// TestLineDirectivesAndImportEdits guards the line arithmetic of //nolint
// and of the import edits against //line directives, the import edits
// against overlapping one another, and the findings against fixes that
// overlap. Beyond analysistest's check (which formats the result before
// comparing it), the fixes applied exactly as given, all together, must
// give the golden file byte for byte, gofmt-clean where the input is; and
// each fix applied alone must give source that parses.
var lineCases = []pkgCase{
	app("linedirective", configured),
	app("linedirectiveimport", configured),
	app("linedirectivetmpl", configured),
	app("linedirectivebreakingfix", configured),
	app("importoverlap", configured),
	app("importgroup", analyzer.Config{}),
	app("overlap", configured),
}

var configured = analyzer.Config{Constants: []string{tracingPkg}}

func TestLineDirectivesAndImportEdits(t *testing.T) {
	t.Parallel()
	runCases(t, lineCases, func(t *testing.T, _ pkgCase, results []*analysistest.Result) {
		edits := map[string][]edit{} // every fix, by file
		for _, r := range results {
			fset := r.Action.Package.Fset
			for _, d := range r.Diagnostics {
				for _, f := range d.SuggestedFixes {
					var es []edit
					for _, e := range f.TextEdits {
						tf := fset.File(e.Pos)
						es = append(es, edit{tf.Name(), tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)})
					}
					// Alone, the fix gives source that parses.
					src := readFile(t, es[0].file)
					out, err := applyEdits(src, es)
					if err != nil {
						t.Errorf("%s: %s: %v", fset.Position(d.Pos), f.Message, err)
						continue
					}
					if _, err := parser.ParseFile(token.NewFileSet(), es[0].file, out, parser.ParseComments); err != nil {
						t.Errorf("%s: %s alone: the file no longer parses: %v\n%s", fset.Position(d.Pos), f.Message, err, out)
					}
					edits[es[0].file] = append(edits[es[0].file], es...)
				}
			}
		}
		if len(edits) == 0 {
			t.Fatal("no fixes")
		}
		for file, es := range edits {
			src := readFile(t, file)
			out, err := applyEdits(src, es)
			if err != nil {
				t.Errorf("%s: all fixes together: %v", file, err)
				continue
			}
			if want := readFile(t, file+".golden"); !bytes.Equal(out, want) {
				t.Errorf("%s: the fixes applied as given give\n%s\nwant\n%s", file, out, want)
			}
			if formatted, err := format.Source(src); err == nil && bytes.Equal(formatted, src) {
				if formatted, err := format.Source(out); err != nil || !bytes.Equal(formatted, out) {
					t.Errorf("%s: gofmt-clean before the fixes, not after (%v):\n%s", file, err, out)
				}
			}
		}
	})
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
