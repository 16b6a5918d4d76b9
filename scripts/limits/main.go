// Command limits lists the functions over 80 lines and the files over 500
// lines of the module's product code (not _test.go files, testdata, or
// generated files), the limits CONTRIBUTING.md sets. It prints one line
// per excess and exits 1 if there is any.
//
//	go run ./scripts/limits [DIR]
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

const (
	maxFunc = 80
	maxFile = 500
)

func main() {
	root := "."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || name == "examples") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		n += check(path)
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "limits:", err)
		os.Exit(2)
	}
	if n > 0 {
		fmt.Printf("limits: %d over (functions > %d lines, files > %d lines)\n", n, maxFunc, maxFile)
		os.Exit(1)
	}
}

func check(path string) int {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		fmt.Fprintln(os.Stderr, "limits:", err)
		return 1
	}
	if ast.IsGenerated(f) {
		return 0
	}
	n := 0
	if lines := fset.File(f.Pos()).LineCount(); lines > maxFile {
		fmt.Printf("%s: file of %d lines\n", path, lines)
		n++
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		from, to := fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line
		if lines := to - from + 1; lines > maxFunc {
			name := fd.Name.Name
			if fd.Recv != nil && len(fd.Recv.List) > 0 {
				name = types(fd.Recv.List[0].Type) + "." + name
			}
			fmt.Printf("%s:%d: func %s of %d lines\n", path, from, name, lines)
			n++
		}
	}
	return n
}

func types(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return types(e.X)
	case *ast.IndexExpr:
		return types(e.X)
	case *ast.IndexListExpr:
		return types(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}
