package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Building the tools: noop and spanattrlint from this checkout, the peers
// with go install at pinned versions.

// A config is one thing to time: a binary with its extra flags.
type config struct {
	Label string
	Tool  string // noop, spanattrlint, ...
	Bin   string
	Args  []string
	Bare  bool `json:",omitempty"` // vet mode: no rusage wrapper
	// Writes: the run changes openfga's files (gen, -fix), which are
	// restored after it, untimed; standalone only.
	Writes bool `json:",omitempty"`
	// Standalone: the row is timed in standalone mode only (gen).
	Standalone bool `json:",omitempty"`
}

type toolVersion struct {
	Label, Main, Version, XTools string
}

func buildTools(e *env) ([]config, []toolVersion, error) {
	var configs []config
	var versions []toolVersion
	seen := map[string]int{}
	built := map[string]string{}
	for _, t := range splitList(*flagTools) {
		bin, ok := built[t]
		if !ok {
			var err error
			bin, err = buildTool(e, t)
			if err != nil {
				if t == "spanattrlint" {
					fmt.Fprintf(os.Stderr, "   skipping spanattrlint: ./cmd/spanattrlint does not build yet:\n%s\n", indent(err.Error()))
					built[t] = ""
					continue
				}
				return nil, nil, err
			}
			built[t] = bin
			versions = append(versions, binVersion(e, t, bin))
		}
		if bin == "" {
			continue
		}
		seen[t]++
		label := t
		if seen[t] > 1 {
			label = fmt.Sprintf("%s#%d", t, seen[t])
		}
		configs = append(configs, config{Label: label, Tool: t, Bin: bin})
		if t == "spanattrlint" && seen[t] == 1 && *flagConstants != "" {
			configs = append(configs, config{Label: "spanattrlint -constants", Tool: t, Bin: bin,
				Args: []string{"-constants=" + *flagConstants}})
		}
		if t == "spanattrlint" && seen[t] == 1 && *flagGen != "" {
			configs = append(configs, genConfigs(bin, *flagGen)...)
		}
	}
	if len(configs) > 0 && configs[0].Tool != "noop" && !slices.ContainsFunc(configs, func(c config) bool { return c.Tool == "noop" }) {
		fmt.Fprintln(os.Stderr, "   note: no noop in -tools, so no ratios")
	}
	return configs, versions, nil
}

func buildTool(e *env, t string) (string, error) {
	out := filepath.Join(e.bin, t)
	switch t {
	case "noop":
		return out, goCmd(e.bench, nil, "build", "-o", out, "./noop")
	case "spanattrlint":
		return out, goCmd(e.repo, nil, "build", "-o", out, "./cmd/spanattrlint")
	case "usestdlibvars":
		return goInstall(e, t, "github.com/sashamelentyev/usestdlibvars", *flagUsestd)
	case "sloglint":
		return goInstall(e, t, "go-simpler.org/sloglint/cmd/sloglint", *flagSloglint)
	}
	return "", fmt.Errorf("unknown tool %q (want noop, spanattrlint, usestdlibvars or sloglint)", t)
}

// goInstall installs pkg@version, with the module's own go.mod, into a
// GOBIN of its own under the scratch dir.
func goInstall(e *env, name, pkg, version string) (string, error) {
	gobin := filepath.Join(e.bin, name+"@"+version)
	if err := goCmd(e.cache, []string{"GOBIN=" + gobin, "GOFLAGS="}, "install", pkg+"@"+version); err != nil {
		return "", err
	}
	return filepath.Join(gobin, filepath.Base(pkg)), nil
}

func goCmd(dir string, extraEnv []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), extraEnv...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("go %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return nil
}

func goOutput(dir string, extraEnv []string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), extraEnv...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, stderr.Bytes())
	}
	return string(out), nil
}

func indent(s string) string {
	return "      " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n      ")
}

// binVersion reads the module versions compiled into bin.
func binVersion(e *env, label, bin string) toolVersion {
	v := toolVersion{Label: label}
	out, err := goOutput(e.cache, nil, "version", "-m", bin)
	if err != nil {
		v.Version = "?"
		return v
	}
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		switch {
		case len(f) >= 3 && f[0] == "mod":
			v.Main, v.Version = f[1], f[2]
		case len(f) >= 3 && f[0] == "dep" && f[1] == "golang.org/x/tools":
			v.XTools = f[2]
		}
	}
	if label == "spanattrlint" || label == "noop" {
		v.Version = gitDescribe(e.repo, label)
	}
	return v
}

// gitDescribe names the commit the tool was built from, and whether its
// sources (outside bench/) differ from it.
func gitDescribe(repo, label string) string {
	head, err := exec.Command("git", "-C", repo, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "(devel)"
	}
	s := "commit " + strings.TrimSpace(string(head))
	paths := []string{"--", ".", ":(exclude)bench"}
	if label == "noop" {
		paths = []string{"--", "bench/noop", "bench/go.mod", "bench/go.sum"}
	}
	st, err := exec.Command("git", append([]string{"-C", repo, "status", "--porcelain"}, paths...)...).Output()
	if err == nil && len(bytes.TrimSpace(st)) > 0 {
		s += " + uncommitted changes"
	}
	return s
}

// genConfigs are the rows of the refactoring commands, beside the lint:
// gen -dry-run (which writes the constants file and removes it again), gen
// and -fix. Each is timed standalone with -test=false, like the lint row.
func genConfigs(bin, into string) []config {
	return []config{
		{Label: "spanattrlint gen -dry-run", Tool: "spanattrlint", Bin: bin, Args: []string{"gen", "-dry-run", "-into=" + into}, Writes: true, Standalone: true},
		{Label: "spanattrlint gen", Tool: "spanattrlint", Bin: bin, Args: []string{"gen", "-into=" + into}, Writes: true, Standalone: true},
		{Label: "spanattrlint -fix", Tool: "spanattrlint", Bin: bin, Args: []string{"-fix"}, Writes: true, Standalone: true},
	}
}
