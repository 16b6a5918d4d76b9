package registry

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	goyaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// The YAML layer: goccy/go-yaml parses a file into its AST, which is then
// copied into the small tree below (mappings, sequences, scalars, each
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
// file whose aliases nest ("billion laughs") must not exhaust memory.
const maxNodes = 4_000_000

// parseYAML parses one file. The error is a *Error with the position of
// the fault; a file of several documents is an error, as is an empty one
// (for which the tree is a null node).
func parseYAML(file string, src []byte) (root *node, err error) {
	defer func() {
		// The parser has been fuzzed by its authors, not by us: a panic
		// in it becomes this file's error rather than the linter's crash.
		if r := recover(); r != nil {
			root, err = nil, &Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: oneLine(fmt.Sprintf("the YAML parser failed on this file: %v", r))}
		}
	}()
	f, perr := parser.ParseBytes(src, 0)
	if perr != nil {
		return nil, syntaxError(file, perr)
	}
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return &node{kind: kNull, line: 1, col: 1}, nil
	}
	if len(docs) > 1 {
		p := tokPos(docs[1].Body.GetToken())
		return nil, &Error{Pos: Pos{File: file, Line: p.Line, Col: p.Column}, Msg: "a second YAML document; a registry file holds one"}
	}
	c := &converter{file: file, anchors: map[string]*node{}}
	root = c.conv(docs[0].Body)
	if c.err != nil {
		return nil, c.err
	}
	return root, nil
}

func syntaxError(file string, err error) error {
	var se *goyaml.SyntaxError
	if errors.As(err, &se) && se.Token != nil && se.Token.Position != nil {
		p := se.Token.Position
		return &Error{Pos: Pos{File: file, Line: max(p.Line, 1), Col: max(p.Column, 1)}, Msg: "malformed YAML: " + oneLine(se.Message)}
	}
	return &Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: "malformed YAML: " + oneLine(err.Error())}
}

// oneLine keeps the first line of a message: errors are one line.
func oneLine(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\t", `\t`)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

var noPos = &token.Position{Line: 1, Column: 1}

func tokPos(t *token.Token) *token.Position {
	if t == nil || t.Position == nil {
		return noPos
	}
	return t.Position
}

type converter struct {
	file    string
	anchors map[string]*node
	merged  map[[2]*node]bool // (mapping, key) pairs a merge key added
	count   int
	err     *Error
}

func (c *converter) fail(t *token.Token, format string, args ...any) *node {
	p := tokPos(t)
	if c.err == nil {
		c.err = &Error{Pos: Pos{File: c.file, Line: max(p.Line, 1), Col: max(p.Column, 1)}, Msg: oneLine(fmt.Sprintf(format, args...))}
	}
	return &node{kind: kNull, line: p.Line, col: p.Column}
}

func (c *converter) newNode(k kind, t *token.Token) *node {
	c.count++
	p := tokPos(t)
	return &node{kind: k, line: max(p.Line, 1), col: max(p.Column, 1)}
}

func (c *converter) scalar(t *token.Token, st scalarType, s string) *node {
	n := c.newNode(kScalar, t)
	n.stype, n.str = st, s
	return n
}

// conv copies an AST node into the tree. Aliases are copied by reference
// to the anchored node; count (checked against maxNodes) counts every node
// reached, so an alias of an alias is counted as often as it is reached
// when walked.
func (c *converter) conv(a ast.Node) *node {
	if c.err != nil {
		return &node{kind: kNull}
	}
	if c.count > maxNodes {
		return c.fail(a.GetToken(), "the file expands to more than %d YAML nodes", maxNodes)
	}
	switch a := a.(type) {
	case nil:
		return &node{kind: kNull}
	case *ast.NullNode:
		return c.newNode(kNull, a.GetToken())
	case *ast.StringNode:
		return c.scalar(a.GetToken(), sString, a.Value)
	case *ast.LiteralNode:
		v := ""
		if a.Value != nil {
			v = a.Value.Value
		}
		return c.scalar(a.GetToken(), sString, v)
	case *ast.IntegerNode:
		return c.scalar(a.GetToken(), sInt, fmt.Sprint(a.Value))
	case *ast.FloatNode:
		return c.scalar(a.GetToken(), sFloat, strconv.FormatFloat(a.Value, 'g', -1, 64))
	case *ast.InfinityNode:
		return c.scalar(a.GetToken(), sFloat, a.GetToken().Value)
	case *ast.NanNode:
		return c.scalar(a.GetToken(), sFloat, ".nan")
	case *ast.BoolNode:
		return c.scalar(a.GetToken(), sBool, strconv.FormatBool(a.Value))
	case *ast.TagNode:
		return c.tagged(a)
	case *ast.AnchorNode:
		name := ""
		if a.Name != nil {
			name = a.Name.GetToken().Value
		}
		v := c.conv(a.Value)
		c.anchors[name] = v
		return v
	case *ast.AliasNode:
		name := ""
		if a.Value != nil {
			name = a.Value.GetToken().Value
		}
		v, ok := c.anchors[name]
		if !ok {
			return c.fail(a.GetToken(), "alias %q names no anchor defined before it", name)
		}
		c.count += size(v, maxNodes-c.count+1)
		if c.count > maxNodes {
			return c.fail(a.GetToken(), "the file expands to more than %d YAML nodes", maxNodes)
		}
		return v
	case *ast.MappingNode:
		m := c.newNode(kMap, a.GetToken())
		if len(a.Values) > 0 {
			p := c.keyPos(a.Values[0])
			m.line, m.col = p.Line, p.Column
		}
		for _, mv := range a.Values {
			c.entry(m, mv)
		}
		return m
	case *ast.MappingValueNode:
		m := c.newNode(kMap, a.GetToken())
		p := c.keyPos(a)
		m.line, m.col = p.Line, p.Column
		c.entry(m, a)
		return m
	case *ast.SequenceNode:
		s := c.newNode(kSeq, a.GetToken())
		for _, v := range a.Values {
			s.items = append(s.items, c.conv(v))
		}
		return s
	case *ast.MappingKeyNode:
		return c.conv(a.Value)
	case *ast.CommentGroupNode, *ast.CommentNode:
		return &node{kind: kNull}
	}
	return c.fail(a.GetToken(), "unsupported YAML construct (%s)", a.Type())
}

// tagged handles an explicitly tagged node: !!str makes a scalar a string,
// other tags are ignored, as the registry syntax uses none.
func (c *converter) tagged(a *ast.TagNode) *node {
	v := c.conv(a.Value)
	if a.Start != nil && (a.Start.Value == "!!str" || a.Start.Value == "!str") && v.kind == kScalar {
		cp := *v
		cp.stype = sString
		return &cp
	}
	return v
}

func (c *converter) keyPos(mv *ast.MappingValueNode) *token.Position {
	if mv.Key != nil {
		return tokPos(mv.Key.GetToken())
	}
	return tokPos(mv.GetToken())
}

// entry adds key: value to mapping m; a merge key (<<) adds the entries
// of the mapping (or list of mappings) it names that m does not have.
func (c *converter) entry(m *node, mv *ast.MappingValueNode) {
	if mv.Key == nil {
		c.fail(mv.GetToken(), "a mapping entry without a key")
		return
	}
	if mv.Key.IsMergeKey() {
		src := c.conv(mv.Value)
		var maps []*node
		switch src.kind {
		case kMap:
			maps = []*node{src}
		case kSeq:
			maps = src.items
		}
		for _, sm := range maps {
			if sm.kind != kMap {
				c.fail(mv.Key.GetToken(), "a merge key (<<) takes a mapping or a list of mappings")
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
	k := c.conv(mv.Key)
	if k.kind != kScalar {
		if k.kind == kNull && c.err == nil {
			k.str = ""
		} else {
			c.fail(mv.Key.GetToken(), "a mapping key must be a plain value, not %s", k.describe())
			return
		}
	}
	v := c.conv(mv.Value)
	if mv.Value == nil || v.line == 0 {
		// An absent value: place it at its key.
		cp := *v
		cp.line, cp.col = k.line, k.col
		v = &cp
	}
	for i, prev := range m.keys {
		if prev.str != k.str {
			continue
		}
		if !c.merged[[2]*node{m, prev}] {
			c.fail(mv.Key.GetToken(), "duplicate key %q in this mapping", k.str)
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
