package gen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// A section is one const block of the generated file, found again by its
// doc comment on later runs.
type section struct {
	doc  string // the block's doc comment, without "// "
	take func(*Constant) bool
	tok  string // "const", or "var" for the enum members
}

var sections = []section{
	{"Attribute keys.", func(c *Constant) bool { return c.Key }, "const"},
	{"Event names.", func(c *Constant) bool { return !c.Key && slices.Contains(c.Roles, roleEvent) }, "const"},
	{"Span names.", func(c *Constant) bool {
		return !c.Key && c.Member == "" && !slices.Contains(c.Roles, roleEvent) && slices.Contains(c.Roles, roleSpan)
	}, "const"},
	{"Metric names.", func(c *Constant) bool { return !c.Key && c.Member == "" && slices.Equal(c.Roles, []string{roleMetric}) }, "const"},
	{"Enum members.", func(c *Constant) bool { return c.Member != "" }, "var"},
}

const ownership = `spanattrlint gen wrote this file from the string literals the code used,
and it is yours to edit: it is deliberately not marked as generated. A later
run of spanattrlint gen adds constants for new literals and leaves the ones
here alone.`

// render returns the content of the generated file with consts added:
// a new file when existing is nil, else existing with each constant
// inserted at the end of its section's block (or a new block at the end
// of the file), and the attribute import added if it is missing. It is
// gofmt-formatted.
func render(t *target, modPath string, existing []byte, consts []*Constant) ([]byte, error) {
	if len(consts) == 0 {
		return existing, nil
	}
	src := existing
	if existing == nil {
		src = newFile(t, modPath)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "gen.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", t.path, firstLine(err.Error()))
	}
	tf := fset.File(f.Pos())
	var ins []edit // insertions
	attr := ""
	if slices.ContainsFunc(consts, func(c *Constant) bool { return c.Key }) {
		var add *edit
		if attr, add = attributeImport(t, f, tf); add != nil {
			ins = append(ins, *add)
		}
	}
	for _, sec := range sections {
		var cs []*Constant
		for _, c := range consts {
			if sec.take(c) {
				cs = append(cs, c)
			}
		}
		if len(cs) == 0 {
			continue
		}
		var b strings.Builder
		for _, c := range cs {
			fmt.Fprintf(&b, "\t// %s\n", c.comment())
			switch {
			case c.Member != "" && c.MemberInt:
				fmt.Fprintf(&b, "\t%s = %s.Int(%s)\n", c.Name, c.KeyName, c.Value)
			case c.Member != "":
				fmt.Fprintf(&b, "\t%s = %s.String(%s)\n", c.Name, c.KeyName, strconv.Quote(c.Value))
			case c.Key:
				fmt.Fprintf(&b, "\t%s = %s.Key(%s)\n", c.Name, attr, strconv.Quote(c.Value))
			default:
				fmt.Fprintf(&b, "\t%s = %s\n", c.Name, strconv.Quote(c.Value))
			}
		}
		if block := findBlock(f, sec.doc); block != nil {
			at := tf.Offset(block.Rparen)
			ins = append(ins, edit{Start: at, End: at, Text: "\n" + b.String()})
		} else {
			ins = append(ins, edit{Start: len(src), End: len(src), Text: "\n// " + sec.doc + "\n" + sec.tok + " (\n" + b.String() + ")\n"})
		}
	}
	formatted, err := format.Source(splice(src, ins))
	if err != nil {
		return nil, fmt.Errorf("formatting the constants of %s: %v", t.path, err)
	}
	return formatted, nil
}

// newFile is the start of a new constants file: the package clause, with
// the package's doc comment if the package is new.
func newFile(t *target, modPath string) []byte {
	var b bytes.Buffer
	if !t.exists {
		fmt.Fprintf(&b, "// Package %s names the OpenTelemetry attribute keys and event names that\n// %s writes.\n//\n", t.name, modPath)
		b.WriteString(comment(ownership))
	} else {
		b.WriteString(comment(ownership))
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "package %s\n", t.name)
	return b.Bytes()
}

// attributeImport returns the attribute package's name in f, and the
// edit that imports it if f does not (as otelattribute where the name
// attribute is taken), or nil.
func attributeImport(t *target, f *ast.File, tf *token.File) (string, *edit) {
	used := map[string]bool{}
	attr := ""
	for _, spec := range f.Imports {
		p, _ := strconv.Unquote(spec.Path.Value)
		name := ""
		if spec.Name != nil {
			name = spec.Name.Name
		} else if i := strings.LastIndex(p, "/"); i >= 0 {
			name = p[i+1:]
		} else {
			name = p
		}
		if p == attributePath && name != "_" && name != "." && attr == "" {
			attr = name
		}
		used[name] = true
	}
	if attr != "" {
		return attr, nil
	}
	attr = "attribute"
	spec := strconv.Quote(attributePath)
	if t.declared["attribute"] || used["attribute"] {
		attr = "otelattribute"
		spec = attr + " " + spec
	}
	at := tf.Offset(f.Name.End())
	return attr, &edit{Start: at, End: at, Text: "\n\nimport " + spec + "\n"}
}

// findBlock finds the parenthesised const block whose doc comment is doc.
func findBlock(f *ast.File, doc string) *ast.GenDecl {
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if ok && g.Tok == token.CONST && g.Rparen.IsValid() && g.Doc != nil && strings.TrimSpace(g.Doc.Text()) == doc {
			return g
		}
	}
	return nil
}

func comment(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		b.WriteString("// " + line + "\n")
	}
	return b.String()
}
