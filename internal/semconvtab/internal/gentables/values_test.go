package gentables

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenerateValuesRejects checks that a table the analyzer could
// misread stops the generator, naming the line.
func TestGenerateValuesRejects(t *testing.T) {
	const attrs = "# key\ttype\tstability\nhttp.request.method\tenum\tstable\nrpc.code\tenum\tdevelopment\nurl.full\tstring\tstable\n"
	const deps = "# key\treason\trenamed_to\tnote\ttype\nold.method\tobsoleted\t\t\tenum\n"
	const good = "http.request.method\tget\tGET\tstring\tstable\t\t\nrpc.code\tok\t0\tint\tdevelopment\t\t\nold.method\tget\tGET\tstring\tdevelopment\tdeprecated\tgone\n"
	for _, tc := range []struct{ name, members, want string }{
		{"good", good, ""},
		{"not an enum", good + "url.full\tx\tx\tstring\tstable\t\t\n", `"url.full" is no enum attribute`},
		{"unknown key", good + "no.such\tx\tx\tstring\tstable\t\t\n", `"no.such" is no enum attribute`},
		{"bad type", good + "rpc.code\tbad\t1\tdouble\tstable\t\t\n", `value type "double"`},
		{"mixed types", good + "rpc.code\tbad\tx\tstring\tstable\t\t\n", "mixes value types"},
		{"bad stability", good + "rpc.code\tbad\t1\tint\tgold\t\t\n", `unknown stability "gold"`},
		{"bad deprecated", good + "rpc.code\tbad\t1\tint\tstable\tyes\t\n", `deprecated column is "yes"`},
		{"twice", good + "rpc.code\tzero\t0\tint\tstable\t\t\n", `value "0" twice`},
		{"no members", "http.request.method\tget\tGET\tstring\tstable\t\t\n", "has no members"},
		{"short row", good + "rpc.code\tbad\t1\tint\n", "4 fields, want 7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			reg := filepath.Join(dir, "registry")
			must(t, os.Mkdir(reg, 0o777))
			must(t, os.WriteFile(filepath.Join(reg, "attributes.tsv"), []byte(attrs), 0o666))
			must(t, os.WriteFile(filepath.Join(reg, "deprecated-attributes.tsv"), []byte(deps), 0o666))
			must(t, os.WriteFile(filepath.Join(reg, "enum-members.tsv"), []byte("# header\n"+tc.members), 0o666))
			src, err := GenerateValues(dir)
			switch {
			case tc.want == "" && err != nil:
				t.Fatal(err)
			case tc.want == "" && !strings.Contains(string(src), `{"rpc.code", "ok", "0", "int", "development", false, ""}`):
				t.Errorf("generated:\n%s", src)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
