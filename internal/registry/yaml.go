package registry

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// The YAML layer: go.yaml.in/yaml/v4 parses a file into its node tree,
// which is then copied into the small tree below (mappings, sequences, scalars, each
// with its line and column), with anchors, aliases, merge keys and tags
// resolved. The readers of the two syntaxes walk that tree, so that every
// error can name the line and column of the node it is about.

type kind uint8

const (
	kNull kind = iota
	kScalar
	kMap
	kSeq
)

// A scalar's YAML type, as the parser typed it (a quoted "5" is a string).
type scalarType uint8

const (
	sString scalarType = iota
	sInt
	sFloat
	sBool
)

type node struct {
	kind      kind
	stype     scalarType
	str       string // a scalar's value
	line, col int
	keys      []*node // a mapping's keys (scalars), in order
	vals      []*node // a mapping's values
	items     []*node // a sequence's items
}

func (n *node) describe() string {
	switch n.kind {
	case kNull:
		return "nothing"
	case kMap:
		return "a mapping"
	case kSeq:
		return "a list"
	}
	switch n.stype {
	case sInt:
		return "the number " + n.str
	case sFloat:
		return "the number " + n.str
	case sBool:
		return n.str
	}
	return strconv.Quote(n.str)
}

// get returns the value of key in mapping n, or nil.
func (n *node) get(key string) *node {
	for i, k := range n.keys {
		if k.str == key {
			return n.vals[i]
		}
	}
	return nil
}

// maxNodes bounds the tree made from one file, aliases expanded: a small
// file whose aliases nest ("billion laughs") must not exhaust the walk.
const maxNodes = 4_000_000

// parseYAML parses one file. The error is a *Error with the position of
// the fault; a file of several documents is an error, and an empty one
// is a null node.
func parseYAML(file string, src []byte) (root *node, err error) {
	defer func() {
		// The parser is fuzzed by its authors, not by us: a panic in it
		// becomes this file's error rather than the linter's crash.
		if r := recover(); r != nil {
			root, err = nil, &Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: oneLine(fmt.Sprintf("the YAML parser failed on this file: %v", r))}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return &node{kind: kNull, line: 1, col: 1}, nil
	} else if err != nil {
		return nil, syntaxError(file, err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); err != io.EOF {
		if err != nil {
			return nil, syntaxError(file, err)
		}
		return nil, &Error{Pos: Pos{File: file, Line: max(next.Line, 1), Col: max(next.Column, 1)}, Msg: "a second YAML document; a registry file holds one"}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return &node{kind: kNull, line: 1, col: 1}, nil
	}
	c := &converter{file: file}
	root = c.conv(doc.Content[0])
	if c.err != nil {
		return nil, c.err
	}
	return root, nil
}

func syntaxError(file string, err error) error {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		msg := "malformed YAML: " + oneLine(le.Message)
		if le.ContextMsg != "" && le.ContextMark.Line > 0 && le.ContextMark != le.Mark {
			msg += fmt.Sprintf(" (%s that starts at %d:%d)", oneLine(le.ContextMsg), le.ContextMark.Line, max(le.ContextMark.Column, 1))
		}
		return &Error{Pos: Pos{File: file, Line: max(le.Mark.Line, 1), Col: max(le.Mark.Column, 1)}, Msg: msg}
	}
	return &Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: "malformed YAML: " + oneLine(strings.TrimPrefix(err.Error(), "yaml: "))}
}

// oneLine keeps the first line of a message: errors are one line.
func oneLine(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\t", `\t`)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

type converter struct {
	file   string
	merged map[[2]*node]bool // (mapping, key) pairs a merge key added
	done   map[*yaml.Node]*node
	count  int
	err    *Error
	slab   []node // nodes are allocated from here, many at a time
}

func (c *converter) newNode(y *yaml.Node) *node {
	if len(c.slab) == 0 {
		c.slab = make([]node, 256)
	}
	n := &c.slab[0]
	c.slab = c.slab[1:]
	n.line, n.col = max(y.Line, 1), max(y.Column, 1)
	return n
}

func (c *converter) fail(y *yaml.Node, format string, args ...any) *node {
	if c.err == nil {
		c.err = &Error{Pos: Pos{File: c.file, Line: max(y.Line, 1), Col: max(y.Column, 1)}, Msg: oneLine(fmt.Sprintf(format, args...))}
	}
	return &node{kind: kNull, line: max(y.Line, 1), col: max(y.Column, 1)}
}

// conv copies a YAML node into the tree. An alias is copied by reference
// to its anchored node, converted once; count (checked against maxNodes)
// counts every node reached, so an alias is counted at its full size each
// time it is used.
func (c *converter) conv(y *yaml.Node) *node {
	if c.err != nil {
		return &node{kind: kNull}
	}
	c.count++
	if c.count > maxNodes {
		return c.fail(y, "the file expands to more than %d YAML nodes", maxNodes)
	}
	n := c.newNode(y)
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return c.fail(y, "alias %q names no anchor", y.Value)
		}
		v := c.done[y.Alias]
		if v == nil {
			return c.fail(y, "alias %q refers to the node that holds it", y.Value)
		}
		c.count += size(v, maxNodes-c.count+1)
		if c.count > maxNodes {
			return c.fail(y, "the file expands to more than %d YAML nodes", maxNodes)
		}
		return v
	case yaml.ScalarNode:
		n.kind, n.str = kScalar, y.Value
		switch y.ShortTag() {
		case "!!null":
			n.kind = kNull
		case "!!int":
			n.stype = sInt
		case "!!float":
			n.stype = sFloat
		case "!!bool":
			n.stype = sBool
			n.str = strings.ToLower(y.Value)
		}
	case yaml.MappingNode:
		n.kind = kMap
		n.keys = make([]*node, 0, len(y.Content)/2)
		n.vals = make([]*node, 0, len(y.Content)/2)
		c.start(y)
		for i := 0; i+1 < len(y.Content); i += 2 {
			c.entry(n, y.Content[i], y.Content[i+1])
		}
		c.finish(y, n)
		return n
	case yaml.SequenceNode:
		n.kind = kSeq
		n.items = make([]*node, 0, len(y.Content))
		c.start(y)
		for _, it := range y.Content {
			n.items = append(n.items, c.conv(it))
		}
		c.finish(y, n)
		return n
	default:
		return c.fail(y, "unsupported YAML node")
	}
	c.finish(y, n)
	return n
}

// start marks an anchored collection y as being converted: an alias
// inside it to itself is refused as a cycle rather than followed.
func (c *converter) start(y *yaml.Node) {
	if y.Anchor != "" {
		if c.done == nil {
			c.done = map[*yaml.Node]*node{}
		}
		c.done[y] = nil
	}
}

// finish records n as the conversion of y, if y is anchored, for the
// aliases after it.
func (c *converter) finish(y *yaml.Node, n *node) {
	if y.Anchor != "" {
		if c.done == nil {
			c.done = map[*yaml.Node]*node{}
		}
		c.done[y] = n
	}
}

// entry adds key: value to mapping m; a merge key (<<) adds the entries
// of the mapping (or list of mappings) it names that m does not have.
func (c *converter) entry(m *node, ky, vy *yaml.Node) {
	if ky.Kind == yaml.ScalarNode && ky.ShortTag() == "!!merge" {
		src := c.conv(vy)
		maps := []*node{src}
		if src.kind == kSeq {
			maps = src.items
		}
		for _, sm := range maps {
			if sm.kind != kMap {
				c.fail(vy, "a merge key (<<) takes a mapping or a list of mappings, not %s", sm.describe())
				return
			}
			for i, k := range sm.keys {
				if m.get(k.str) == nil {
					m.keys = append(m.keys, k)
					m.vals = append(m.vals, sm.vals[i])
					if c.merged == nil {
						c.merged = map[[2]*node]bool{}
					}
					c.merged[[2]*node{m, k}] = true
				}
			}
		}
		return
	}
	k := c.conv(ky)
	switch {
	case c.err != nil:
		return
	case k.kind == kNull:
		k.str = ""
	case k.kind != kScalar:
		c.fail(ky, "a mapping key must be a plain value, not %s", k.describe())
		return
	}
	v := c.conv(vy)
	for i, prev := range m.keys {
		if prev.str != k.str {
			continue
		}
		if !c.merged[[2]*node{m, prev}] {
			c.fail(ky, "duplicate key %q in this mapping (first at line %d)", k.str, prev.line)
			return
		}
		// A key of the mapping overrides one a merge key brought in.
		delete(c.merged, [2]*node{m, prev})
		m.keys[i], m.vals[i] = k, v
		return
	}
	m.keys = append(m.keys, k)
	m.vals = append(m.vals, v)
}

// size counts the nodes of the tree at n, stopping at limit.
func size(n *node, limit int) int {
	total := 1
	for _, s := range [][]*node{n.vals, n.items} {
		for _, ch := range s {
			if total >= limit {
				return total
			}
			total += size(ch, limit-total)
		}
	}
	return total
}
