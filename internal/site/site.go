// Package site holds the nouns the phases hand on: a site is a position
// in the code where a string is an attribute key, an event name or a span
// name.
package site

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// What a string names, for the message and for which constants may replace it.
type Role int

const (
	Key      Role = iota // an attribute key
	Event                // a span event name
	SpanName             // a span name (with -span-names)
)

func (r Role) String() string {
	switch r {
	case Event:
		return "event name"
	case SpanName:
		return "span name"
	}
	return "attribute key"
}

// Where the string stands, which decides the shape of the fix.
type Place int

const (
	CtorArg   Place = iota // attribute.String("k", v): key argument of a constructor
	KeyConv                // attribute.Key("k")
	KeyField               // attribute.KeyValue{Key: "k"}
	StringArg              // span.AddEvent("e"), tracer.Start(ctx, "s")
	ConstUse               // semconv.HTTPMethodKey: a use of a deprecated constant
)

// A Site is a key, event name or span name position in the code.
type Site struct {
	Role  Role
	Place Place
	Expr  ast.Expr      // the key or name expression
	Call  *ast.CallExpr // the constructor call or conversion (placeCtorArg, placeKeyConv)
	Ctor  *types.Func   // the constructor (placeCtorArg)
	Value string        // the constant value, if expr is constant
	Named *types.Const  // expr is simply this named constant (possibly converted)
}

// HardCoded reports whether the site is a constant string written with at
// least one literal: "k", "a"+"b", Prefix+".b", but not K or string(K).
func (s *Site) HardCoded() bool {
	if lit, ok := s.Expr.(*ast.BasicLit); ok {
		return lit.Kind == token.STRING
	}
	if s.Named != nil {
		return false
	}
	lit := false
	ast.Inspect(s.Expr, func(n ast.Node) bool {
		if b, ok := n.(*ast.BasicLit); ok && b.Kind == token.STRING {
			lit = true
		}
		return !lit
	})
	return lit
}

// A FuncValue is what a variable holds for certain: a method value or
// method expression of Span.AddEvent (Tracer.Start), or an attribute
// constructor; arg is the index of the key or name among the arguments
// of a call of the variable.
type FuncValue struct {
	Role Role
	Arg  int
}

// InTestFile reports whether pos is in a _test.go file, which only the
// package's test build compiles.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}
