package pkgerrors

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Load is packages.Load with the go command's failures said as a person
// reads them, on one line (see GoCommand), and with a go list that ended
// without a word told apart from patterns that match nothing: go/packages
// reads an empty output of a go list -export that was killed (out of
// memory, say) as no packages, with no error.
func Load(cfg *packages.Config, patterns ...string) ([]*packages.Package, error) {
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, errors.New(GoCommand(err))
	}
	if len(pkgs) > 0 || cfg.Mode&(packages.NeedTypes|packages.NeedExportFile) == 0 {
		return pkgs, nil
	}
	// Listed again without export data, which compiles nothing.
	again := *cfg
	again.Mode = packages.NeedName
	again.Tests = false
	listed, err := packages.Load(&again, patterns...)
	if err != nil {
		return nil, errors.New(GoCommand(err))
	}
	if len(listed) > 0 {
		return nil, fmt.Errorf("go list -export (which compiles the packages for their types) ended without listing any of %s: the go command was killed (out of memory?) or failed without saying why", strings.Join(patterns, " "))
	}
	return nil, nil
}

// goCommandErr is how go/packages words a go command that failed: "err:
// ERR: stderr: STDERR".
var goCommandErr = regexp.MustCompile(`(?s)^(?:couldn't run 'go': )?err: (.*?): stderr: (.*)$`)

// GoCommand says a go command's failure on one line: what the go command
// said, else how it ended ("the go command was killed (signal: killed)").
func GoCommand(err error) string {
	s := err.Error()
	m := goCommandErr.FindStringSubmatch(s)
	if m == nil {
		return oneLine(s)
	}
	if stderr := strings.TrimSpace(m[2]); stderr != "" {
		return oneLine(stderr)
	}
	if strings.HasPrefix(m[1], "signal: ") {
		return fmt.Sprintf("the go command was killed (%s) before it listed the packages", m[1])
	}
	return "the go command failed without saying why (" + m[1] + ")"
}
