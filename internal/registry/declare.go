package registry

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"

	"go.yaml.in/yaml/v4"
)

// Writing declarations (spanattrlint gen -declare): attributes and events
// appended to a registry file in the file's syntax, its text kept as it
// is, and the registry read again with the new content before anything is
// written.

// A Declaration is an attribute or an event to declare, at stability
// development.
type Declaration struct {
	Event bool   // an event name, else an attribute key
	Name  string // the key or the event name
	Type  string // an attribute's type ("string", "int", "string[]", ...)
	Brief string
	Note  string // "" for none
	// ID is the v1 group id of an event (type: event); attributes go to
	// the group AppendDeclarations is given.
	ID string
}

// Syntax returns the syntax, "v1" or "v2", that most of the registry's own
// files use; "v1" when it has none.
func (r *Registry) Syntax() string {
	n := 0
	for _, s := range r.Syntaxes {
		if s == "v2" {
			n++
		} else {
			n--
		}
	}
	if n > 0 {
		return "v2"
	}
	return "v1"
}

// HasGroup reports whether the registry itself declares a v1 group or a
// v2 attribute group with this id.
func (r *Registry) HasGroup(id string) bool {
	_, ok := r.groups["group\x00"+id]
	return ok
}

// FileSyntax returns the syntax of a registry file's content: "v2" for
// file_format: definition/2 (or version: 2), "v1" otherwise; "" for a
// file that declares nothing yet (empty, or comments only).
func FileSyntax(src []byte) string {
	root, err := yamlRoot(src)
	if err != nil || root == nil {
		return ""
	}
	if v := mapValue(root, "file_format"); v != nil && v.Value == "definition/2" {
		return "v2"
	}
	if v := mapValue(root, "version"); v != nil && v.Value == "2" {
		return "v2"
	}
	return "v1"
}

// AppendDeclarations returns src, the content of a registry file (nil or
// empty: a new file), with decls appended in syntax ("v1" or "v2"; the
// file's own when it has one): v1 attributes in a new attribute_group
// group, each v1 event a group of its own; v2 ones at the end of the
// attributes and events sections, which are added if missing. The text
// already there is kept as it is. A file whose list to extend is written
// in flow style ([...]) is refused.
func AppendDeclarations(file string, src []byte, syntax, group string, decls []Declaration) ([]byte, error) {
	root, err := yamlRoot(src)
	if err != nil {
		return nil, &Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: "cannot add to this file: " + oneLine(err.Error())}
	}
	if s := FileSyntax(src); s != "" {
		syntax = s
	}
	var attrs, events []Declaration
	for _, d := range decls {
		if d.Event {
			events = append(events, d)
		} else {
			attrs = append(attrs, d)
		}
	}
	a := &appender{file: file, src: src, root: root}
	if syntax == "v2" {
		if root == nil {
			a.top("# Declared by spanattrlint gen -declare, from the Go code: review each type and brief.\nfile_format: definition/2\n")
		}
		if len(attrs) > 0 {
			a.section("attributes", renderV2(attrs))
		}
		if len(events) > 0 {
			a.section("events", renderV2(events))
		}
	} else {
		if root == nil {
			a.top("# Declared by spanattrlint gen -declare, from the Go code: review each type and brief.\n")
		}
		a.section("groups", renderV1(group, attrs, events))
	}
	if a.err != nil {
		return nil, a.err
	}
	return a.result(), nil
}

// An appender collects the insertions into one file's text.
type appender struct {
	file string
	src  []byte
	root *yaml.Node // the top-level mapping; nil for a file without one
	head string     // text for the top of a new file
	ins  []insertion
	err  error
}

type insertion struct {
	at   int // byte offset in src
	text string
}

func (a *appender) top(s string) { a.head = s }

// section inserts items (each line relative to the list's indentation)
// at the end of the top-level list key, or adds the key with them at the
// end of the file.
func (a *appender) section(key, items string) {
	if a.err != nil || items == "" {
		return
	}
	var kn, vn *yaml.Node
	next := -1 // the index of the key after key in the mapping
	if a.root != nil {
		for i := 0; i+1 < len(a.root.Content); i += 2 {
			if a.root.Content[i].Value == key {
				kn, vn = a.root.Content[i], a.root.Content[i+1]
				if i+2 < len(a.root.Content) {
					next = i + 2
				}
				break
			}
		}
	}
	switch {
	case kn == nil:
		a.ins = append(a.ins, insertion{len(a.src), key + ":\n" + indent(items, "  ")})
	case vn.Kind == yaml.ScalarNode && vn.Tag == "!!null" && vn.Value == "":
		// key: with nothing after it: the list goes on the next line.
		a.ins = append(a.ins, insertion{a.lineStart(kn.Line + 1), indent(items, "  ")})
	case vn.Kind != yaml.SequenceNode || vn.Style&yaml.FlowStyle != 0 || len(vn.Content) == 0:
		a.err = &Error{Pos: Pos{File: a.file, Line: vn.Line, Col: vn.Column},
			Msg: fmt.Sprintf("cannot add to %s: written in flow style or not a list; write it as a block list (- ...) and run again", key)}
	default:
		at := len(a.src)
		if next >= 0 {
			at = a.backOverComments(a.lineStart(a.root.Content[next].Line))
		}
		a.ins = append(a.ins, insertion{at, indent(items, a.dashIndent(vn.Content[0]))})
	}
}

// lineStart returns the offset of line (1-based) in src, or len(src).
func (a *appender) lineStart(line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(a.src[off:], '\n')
		if i < 0 {
			return len(a.src)
		}
		off += i + 1
	}
	return off
}

// backOverComments moves an offset at the start of a line back over the
// blank and comment lines just before it (a comment on the next key).
func (a *appender) backOverComments(at int) int {
	for at > 0 {
		prev := bytes.LastIndexByte(a.src[:at-1], '\n') + 1
		line := strings.TrimSpace(string(a.src[prev : at-1]))
		if line != "" && !strings.HasPrefix(line, "#") {
			break
		}
		at = prev
	}
	return at
}

// dashIndent returns the text before the "-" of a block list's item.
func (a *appender) dashIndent(item *yaml.Node) string {
	start := a.lineStart(item.Line)
	line := a.src[start:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if d := bytes.IndexByte(line, '-'); d >= 0 && strings.TrimLeft(string(line[:d]), " ") == "" {
		return string(line[:d])
	}
	return "  "
}

// result returns the text with the insertions, in order of offset (the
// ones at one offset in the order made).
func (a *appender) result() []byte {
	slices.SortStableFunc(a.ins, func(x, y insertion) int { return x.at - y.at })
	var b bytes.Buffer
	b.WriteString(a.head)
	prev := 0
	for _, in := range a.ins {
		b.Write(a.src[prev:in.at])
		if b.Len() > 0 && b.Bytes()[b.Len()-1] != '\n' {
			b.WriteByte('\n')
		}
		b.WriteString(in.text)
		prev = in.at
	}
	b.Write(a.src[prev:])
	return b.Bytes()
}

func indent(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l != "" {
			b.WriteString(prefix + l)
		}
	}
	return b.String()
}

// renderV1 renders the v1 groups, at indentation 0: the attributes in
// group, each event a group.
func renderV1(group string, attrs, events []Declaration) string {
	var b strings.Builder
	if len(attrs) > 0 {
		fmt.Fprintf(&b, "- id: %s\n  type: attribute_group\n  brief: %s\n  attributes:\n", scalar(group),
			scalar("Declared by spanattrlint gen -declare, from the Go code."))
		for _, d := range attrs {
			b.WriteString(indent(fields("id", d), "    "))
		}
	}
	for _, d := range events {
		fmt.Fprintf(&b, "- id: %s\n  type: event\n  name: %s\n  stability: development\n  brief: %s\n", scalar(d.ID), scalar(d.Name), scalar(d.Brief))
		if d.Note != "" {
			fmt.Fprintf(&b, "  note: %s\n", scalar(d.Note))
		}
	}
	return b.String()
}

// renderV2 renders v2 attributes or events, at indentation 0.
func renderV2(decls []Declaration) string {
	var b strings.Builder
	for _, d := range decls {
		if d.Event {
			b.WriteString(fields("name", d))
		} else {
			b.WriteString(fields("key", d))
		}
	}
	return b.String()
}

// fields renders one declaration as a list item named by nameField.
func fields(nameField string, d Declaration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "- %s: %s\n", nameField, scalar(d.Name))
	if !d.Event {
		fmt.Fprintf(&b, "  type: %s\n", scalar(d.Type))
	}
	fmt.Fprintf(&b, "  stability: development\n  brief: %s\n", scalar(d.Brief))
	if d.Note != "" {
		fmt.Fprintf(&b, "  note: %s\n", scalar(d.Note))
	}
	return b.String()
}

var plainScalar = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.\-]*(\[\])?$`)

// scalar writes s as a YAML string: plain when it cannot be read as
// anything else, else double-quoted (Go's escapes are YAML's too).
func scalar(s string) string {
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return strconv.Quote(s)
	}
	if plainScalar.MatchString(s) {
		return s
	}
	return strconv.Quote(s)
}

// yamlRoot returns the top-level mapping of src; nil for a file without
// content. Any other top level is an error.
func yamlRoot(src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 {
		return nil, fmt.Errorf("the file is not a block mapping")
	}
	return root, nil
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// ReadWith reads the registry in directory dir as Read does, with the
// files of overlay (by their paths relative to dir, with slashes) read
// from there instead of the disk, new ones included: what the registry
// will be once they are written.
func ReadWith(dir string, opts Options, overlay map[string][]byte) (reg *Registry, err error) {
	defer func() {
		if r := recover(); r != nil {
			reg, err = nil, &Error{Pos: Pos{File: dir}, Msg: oneLine(fmt.Sprintf("%s (please report it with this registry): %v", internalError, r))}
		}
	}()
	mfs := fstest.MapFS{}
	err = fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case name != "." && strings.HasPrefix(path.Base(name), "."):
			if d.IsDir() {
				return fs.SkipDir
			}
		case d.Type().IsRegular():
			src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if err != nil {
				return err
			}
			mfs[name] = &fstest.MapFile{Data: src}
		}
		return nil
	})
	if err != nil {
		return nil, &Error{Pos: Pos{File: dir}, Msg: "cannot read the registry: " + pathErr(err)}
	}
	for name, src := range overlay {
		mfs[name] = &fstest.MapFile{Data: src}
	}
	return readFS(mfs, dir, "", opts, nil)
}
