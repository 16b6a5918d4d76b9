package main

import (
	"os"
	"path/filepath"
	"strings"
)

// buildLinter builds spanattrlint into bin: from repo's working tree, or
// with rev from that commit (git archive into SCRATCH/build/COMMIT). It
// returns what the report calls the commit.
func buildLinter(sh *shell, repo, cache, rev, bin string) string {
	var commit string
	src := repo
	if rev == "" {
		commit = strings.TrimSpace(sh.mustOutput(repo, "git", "rev-parse", "--short=12", "HEAD"))
		if dirty := strings.TrimRight(sh.mustOutput(repo, "git", "status", "--porcelain", "--", "analyzer", "cmd", "internal", "go.mod", "go.sum"), "\n"); dirty != "" {
			commit += " (working tree, with uncommitted changes to " + strings.Join(dirtyPaths(dirty), ", ") + ")"
		}
	} else {
		commit = strings.TrimSpace(sh.mustOutput(repo, "git", "rev-parse", "--short=12", rev+"^{commit}"))
		src = filepath.Join(cache, "build", commit)
		check(os.RemoveAll(src))
		check(os.MkdirAll(src, 0o755))
		tar := src + ".tar"
		sh.mustOutput(repo, "git", "archive", "--format=tar", "-o", tar, commit)
		sh.mustOutput(src, "tar", "-xf", tar)
		os.Remove(tar)
	}
	step("build spanattrlint %s from %s", commit, src)
	if r := sh.run(src, "go", "build", "-o", bin, "./cmd/spanattrlint"); r.exit != 0 {
		fatalf("go build ./cmd/spanattrlint failed:\n%s", r.combined())
	}
	return commit
}
