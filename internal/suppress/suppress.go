// Package suppress tells whether a finding's position is to be left
// alone: in a generated file, or covered by a //nolint directive.
package suppress

import (
	"go/ast"
	"go/token"
	"os"

	"github.com/spanattrlint/spanattrlint/internal/cgofiles"
	"golang.org/x/tools/go/analysis"
)

// Suppressor tells whether a position is in a generated file or covered
// by a //nolint directive; it reads each file's directives on first use.
type Suppressor struct {
	pass   *analysis.Pass
	cgo    *cgofiles.Files // which user's file a cgo copy is; nil without cgo
	nolint bool            // honour //nolint directives
	name   string          // the linter's name in //nolint:NAME
	files  map[*ast.File]*fileSuppression
	last   *ast.File // positions come file by file: skip the map
	lastS  *fileSuppression
}

type fileSuppression struct {
	generated bool
	tf        *token.File
	nolints   *nolint // read on first use
}

// New returns the suppressor of a pass: name is the linter's name in
// //nolint directives, honourNolint whether they count, cgo the package's
// cgo copies (nil without cgo).
func New(pass *analysis.Pass, name string, honourNolint bool, cgo *cgofiles.Files) *Suppressor {
	return &Suppressor{pass: pass, name: name, nolint: honourNolint, cgo: cgo, files: map[*ast.File]*fileSuppression{}}
}

func (sp *Suppressor) Suppressed(file *ast.File, pos token.Pos) bool {
	fs := sp.lastS
	if file != sp.last {
		fs = sp.files[file]
		if fs == nil {
			fs = &fileSuppression{generated: sp.cgo.Generated(file), tf: sp.pass.Fset.File(file.Pos())}
			sp.files[file] = fs
		}
		sp.last, sp.lastS = file, fs
	}
	if fs.generated || !sp.nolint {
		return fs.generated
	}
	if fs.nolints == nil {
		fs.nolints = newNolint(sp.pass.Fset, file, sp.name, func() []byte { return readSource(sp.pass, fs.tf) })
	}
	return fs.nolints.covers(fileLine(fs.tf, pos))
}

// readSource returns the source of a file of the package, or nil. Drivers
// that give no Pass.ReadFile (Bazel's nogo) get the file from disk, where
// their parser read it; a file that changed since it was parsed is not
// used.
func readSource(pass *analysis.Pass, tf *token.File) []byte {
	read := pass.ReadFile
	if read == nil {
		read = os.ReadFile
	}
	src, err := read(tf.Name())
	if err != nil || len(src) != tf.Size() {
		return nil
	}
	return src
}
