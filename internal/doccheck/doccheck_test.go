package doccheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// root is the repository's root, from this package's directory.
var root = filepath.Join("..", "..")

// TestChecksTableListsEveryCategory: the README's table of checks has one
// row per diagnostic category of analyzer.Categories, in its order, and no
// other, each naming the options that govern it, so that a new check
// cannot ship without its row nor a row outlive its check. (The analyzer's
// tests check that it emits no other category, and that its doc lists
// the same ones.)
func TestChecksTableListsEveryCategory(t *testing.T) {
	var names []string
	options := map[string]string{} // category -> its option cell
	for _, c := range analyzer.Categories() {
		names = append(names, c.Name)
		var opts []string
		for _, o := range c.Options {
			opts = append(opts, "`-"+o+"`")
		}
		options[c.Name] = strings.Join(opts, ", ")
	}
	if len(names) == 0 {
		t.Fatal("analyzer.Categories lists no category")
	}
	text := section(t, "README.md", "## Checks")
	rows := tableFirstColumn(t, text)
	for _, c := range names {
		if !slices.Contains(rows, c) {
			t.Errorf("the analyzer reports category %q, which the README's table of checks lacks", c)
		}
	}
	for _, r := range rows {
		if !slices.Contains(names, r) {
			t.Errorf("the README's table of checks has a row %q, a category the analyzer does not report (it reports %q)", r, names)
		}
	}
	if slices.Equal(slices.Sorted(slices.Values(rows)), slices.Sorted(slices.Values(names))) && !slices.Equal(rows, names) {
		t.Errorf("the README's table of checks lists %q, want the order of analyzer.Categories: %q", rows, names)
	}
	for _, cells := range tableRows(t, text) {
		name := strings.Trim(cells[0], "`")
		if want, ok := options[name]; ok && (len(cells) < 3 || cells[2] != want) {
			t.Errorf("the README's row %s: option cell %q, want %q (analyzer.Categories)", name, cells[min(2, len(cells)-1)], want)
		}
	}
}

// TestConfigurationTableListsEveryOption: every option of the analyzer is a
// row of the README's configuration table, with its flag, its golangci-lint
// setting and the default its kind gives it, and every row is an option; the
// full .golangci.yml of docs/integrations.md names every setting.
func TestConfigurationTableListsEveryOption(t *testing.T) {
	rows := map[string][]string{} // flag name -> cells
	for _, cells := range tableRows(t, section(t, "README.md", "## Configuration")) {
		name := regexp.MustCompile("^`-([a-z-]+)").FindStringSubmatch(cells[0])
		if name == nil {
			t.Errorf("configuration row %q: the first cell is not a flag", cells[0])
			continue
		}
		rows[name[1]] = cells
	}
	integrations := read(t, filepath.Join("docs", "integrations.md"))
	names := map[string]bool{}
	for _, o := range analyzer.Options() {
		names[o.Name] = true
		if !strings.Contains(integrations, "\n          "+o.Name+": ") {
			t.Errorf("docs/integrations.md's .golangci.yml does not show the setting %s", o.Name)
		}
		cells, ok := rows[o.Name]
		if !ok {
			t.Errorf("option -%s has no row in the README's configuration table", o.Name)
			continue
		}
		if len(cells) != 4 {
			t.Errorf("-%s: %d cells, want flag, setting, default, meaning", o.Name, len(cells))
			continue
		}
		if want := "`" + o.Name + "`"; cells[1] != want {
			t.Errorf("-%s: setting %s, want %s", o.Name, cells[1], want)
		}
		want := map[analyzer.OptionKind]string{analyzer.KindBool: "false", analyzer.KindNegatedBool: "true"}[o.Kind]
		if want != "" && cells[2] != want {
			t.Errorf("-%s: default %q, want %q", o.Name, cells[2], want)
		}
	}
	for name := range rows {
		if !names[name] {
			t.Errorf("the README's configuration table has -%s, which is no option of the analyzer", name)
		}
	}
}

// TestRelativeLinksResolve: every relative link of the documentation names
// a file or directory that exists and, for a heading anchor, a heading of
// that file (GitHub's anchors).
func TestRelativeLinksResolve(t *testing.T) {
	files := []string{"README.md", "CONTRIBUTING.md", "bench/README.md", "realworld/README.md", "realworld/RESULTS.md"}
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no docs/*.md: %v", err)
	}
	for _, d := range docs {
		files = append(files, filepath.ToSlash(must(filepath.Rel(root, d))))
	}
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	code := regexp.MustCompile("`[^`]*`")
	checked := 0
	for _, f := range files {
		for i, line := range prose(read(t, f)) {
			for _, m := range link.FindAllStringSubmatch(code.ReplaceAllString(line, ""), -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				checked++
				path, anchor, _ := strings.Cut(target, "#")
				where := fmt.Sprintf("%s:%d: link %s", f, i+1, target)
				rel := f
				if path != "" {
					rel = filepath.Join(filepath.Dir(f), path)
					if _, err := os.Stat(filepath.Join(root, rel)); err != nil {
						t.Errorf("%s: no such file or directory", where)
						continue
					}
				}
				if anchor == "" {
					continue
				}
				if !strings.HasSuffix(rel, ".md") {
					t.Errorf("%s: an anchor into a file that is not markdown", where)
					continue
				}
				if !slices.Contains(anchors(read(t, rel)), anchor) {
					t.Errorf("%s: %s has no heading with anchor #%s (it has %q)", where, rel, anchor, anchors(read(t, rel)))
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no relative link found: the link pattern is wrong")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func read(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// prose returns the lines of a markdown file, with those inside fenced
// code blocks blanked, so that line numbers stay right.
func prose(md string) []string {
	lines := strings.Split(md, "\n")
	in := false
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			in = !in
			lines[i] = ""
		} else if in {
			lines[i] = ""
		}
	}
	return lines
}

// anchors returns the anchors GitHub gives the headings of a markdown file:
// lower case, spaces to hyphens, other punctuation dropped, a repeated one
// suffixed -1, -2, ...
func anchors(md string) []string {
	var out []string
	seen := map[string]int{}
	for _, l := range prose(md) {
		if !strings.HasPrefix(l, "#") {
			continue
		}
		h := strings.TrimSpace(strings.TrimLeft(l, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(h) {
			switch {
			case r == ' ':
				b.WriteByte('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			seen[a]++
			a = fmt.Sprintf("%s-%d", a, n)
		} else {
			seen[a] = 1
		}
		out = append(out, a)
	}
	return out
}

// section returns the text of file under heading, up to the next heading
// of the same or a higher level.
func section(t *testing.T, file, heading string) string {
	t.Helper()
	lines := strings.Split(read(t, file), "\n")
	level := strings.Index(heading, " ")
	start := slices.Index(lines, heading)
	if start < 0 {
		t.Fatalf("%s has no heading %q", file, heading)
	}
	end := len(lines)
	for i := start + 1; i < len(lines); i++ {
		if l := lines[i]; strings.HasPrefix(l, "#") {
			if n := len(l) - len(strings.TrimLeft(l, "#")); n <= level {
				end = i
				break
			}
		}
	}
	return strings.Join(lines[start+1:end], "\n")
}

// tableRows returns the cells of the body rows of the markdown tables in
// text (header and delimiter rows left out), trimmed.
func tableRows(t *testing.T, text string) [][]string {
	t.Helper()
	var rows [][]string
	header := true
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, "|") {
			header = true
			continue
		}
		if header {
			header = false
			continue
		}
		if strings.HasPrefix(l, "| ---") {
			continue
		}
		// Split on | not escaped as \|.
		var cells []string
		for _, c := range regexp.MustCompile(`(?:^|[^\\])\|`).Split(strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|"), -1) {
			cells = append(cells, strings.TrimSpace(c))
		}
		rows = append(rows, cells)
	}
	if len(rows) == 0 {
		t.Fatal("no table rows")
	}
	return rows
}

// tableFirstColumn returns the first cells of the table rows in text,
// each a single code span, without the backquotes.
func tableFirstColumn(t *testing.T, text string) []string {
	t.Helper()
	var out []string
	for _, cells := range tableRows(t, text) {
		c, ok := strings.CutPrefix(cells[0], "`")
		c, ok2 := strings.CutSuffix(c, "`")
		if !ok || !ok2 || strings.Contains(c, "`") {
			t.Errorf("row %q: the first cell is not one category in backquotes", cells[0])
			continue
		}
		out = append(out, c)
	}
	return out
}
