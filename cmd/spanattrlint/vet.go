package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/spanattrlint/spanattrlint/analyzer"
)

// vetMode reports whether go vet (or go fix) runs the command: with one
// argument naming a .cfg file, or -flags. It returns the .cfg file.
func vetMode(args []string) (cfg string, ok bool) {
	for i, arg := range args {
		if arg == "-flags" || arg == "--flags" || arg == "-flags=true" || arg == "--flags=true" {
			return "", true
		}
		if !strings.HasPrefix(arg, "-") {
			rest := args[i:]
			if len(rest) == 1 && strings.HasSuffix(arg, ".cfg") {
				return arg, true
			}
			return "", false
		}
	}
	return "", false
}

// vet runs as go vet's tool, on the one package that cfg describes: the
// singlechecker's unitchecker. go vet starts one process per package, so
// that an error in the flags would be printed once per package, and the
// packages that import one whose process stopped would each fail with "no
// package vetx file". The first process to find a configuration error
// prints it, leaves a marker in go vet's work directory (the parent of
// each package's directory holding cfg) and exits 1; every other process
// that finds the marker exits 0 without a word and without a result, so
// that go vet prints the one line, caches nothing, and exits 1.
func vet(args []string, cfg string) {
	marker := ""
	if cfg != "" {
		marker = filepath.Join(filepath.Dir(filepath.Dir(cfg)), "spanattrlint.error")
		if _, err := os.Stat(marker); err == nil {
			os.Exit(0)
		}
	}
	once := func(line string) {
		if marker != "" {
			f, err := os.OpenFile(marker, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
			if err != nil {
				os.Exit(0) // another process has said it
			}
			f.Close()
		}
		fmt.Fprintln(os.Stderr, line)
	}
	// The flags, as the driver will parse them, but with one line for an
	// error instead of the usage.
	var c analyzer.Config
	fs, _ := newFlagSet(&c)
	if err := fs.Parse(args); err != nil && !errors.Is(err, flag.ErrHelp) {
		once(flagError(err))
		os.Exit(1)
	}
	// The configuration, decided before the driver analyses the package:
	// go vet's process for it resolves -constants once, in its module.
	set, err := c.Resolve("")
	if err == nil && cfg != "" {
		// -registry: read only where a package can hold a key, and
		// decoded from the copy the first process leaves beside the
		// marker, not parsed again by every process.
		set.ShareRegistryIn(filepath.Dir(filepath.Dir(cfg)))
		err = prepare(set, cfg)
	}
	if err != nil {
		once(errorLine(err))
		os.Exit(1)
	}
	// A configuration error that only a pass can find (a -key-funcs name
	// that matches no function of a package it imports) is said once too.
	a := analyzer.NewFromSettings(set)
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		res, err := run(pass)
		var cerr *analyzer.ConfigError
		if errors.As(err, &cerr) {
			once(errorLine(cerr))
			os.Exit(1)
		}
		return res, err
	}
	singlechecker.Main(a)
}

// prepare resolves -constants for the package that the go vet
// configuration file describes, as the analyzer will: in its directory's
// module, and not for a dependency that go vet analyses for facts only,
// which spanattrlint does not analyse.
func prepare(set *analyzer.Settings, cfg string) error {
	data, err := os.ReadFile(cfg)
	if err != nil {
		return nil // the driver will say
	}
	var vc struct {
		Dir, ImportPath, ModulePath string
		Module                      *struct{ Path string }
		VetxOnly                    bool
	}
	if json.Unmarshal(data, &vc) != nil || vc.VetxOnly {
		return nil
	}
	path, _, _ := strings.Cut(vc.ImportPath, " ") // "p [p.test]" is p
	return set.Prepare(path, vc.Dir, vc.Module != nil || vc.ModulePath != "")
}
