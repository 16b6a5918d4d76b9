package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Checks of the runs and of the fixed copy.

func isPanic(crash string) bool {
	return strings.Contains(crash, "panic:") || strings.Contains(crash, "fatal error:") || strings.Contains(crash, "goroutine ")
}

// crashOf says why a run of spanattrlint failed: a panic, a fatal error or
// an exit status other than 0 (with -json, 0 unless it failed).
func crashOf(r cmdResult) string {
	s := string(r.stderr)
	for _, marker := range []string{"panic:", "fatal error:", "internal error", "goroutine "} {
		if i := strings.Index(s, marker); i >= 0 {
			return firstLines(s[i:], 5)
		}
	}
	if r.exit != 0 {
		return fmt.Sprintf("exit status %d: %s", r.exit, firstLines(s, 5))
	}
	return ""
}

var vetPosRE = regexp.MustCompile(`^(\S+?\.go):\d+(:\d+)?: `)

// vetLines normalises go vet's output for comparison before and after the
// fix: relative file names, no line or column (a fix that adds an import
// moves lines), no "# package" headers.
func vetLines(out, root string) []string {
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.ReplaceAll(line, root+string(filepath.Separator), "")
		line = vetPosRE.ReplaceAllString(line, "$1: ")
		lines = append(lines, line)
	}
	return lines
}

// multisetMinus returns the lines of a not matched by a line of b.
func multisetMinus(a, b []string) []string {
	count := map[string]int{}
	for _, l := range b {
		count[l]++
	}
	var out []string
	for _, l := range a {
		if count[l] > 0 {
			count[l]--
			continue
		}
		out = append(out, l)
	}
	return out
}

var testLineRE = regexp.MustCompile(`^(ok|FAIL|\?)\s+(\S+)`)

// testResults maps packages to ok or FAIL from go test's output.
func testResults(out string) map[string]string {
	res := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if m := testLineRE.FindStringSubmatch(line); m != nil && m[2] != "" {
			res[m[2]] = m[1]
		}
	}
	return res
}

// changedFiles lists the files of fixed (relative) that differ from orig.
func changedFiles(orig, fixed string) []string {
	var changed []string
	filepath.WalkDir(fixed, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(fixed, p)
		a, errA := os.ReadFile(filepath.Join(orig, rel))
		b, _ := os.ReadFile(p)
		if errA != nil || !bytes.Equal(a, b) {
			changed = append(changed, rel)
		}
		return nil
	})
	return changed
}

// diffLines counts the + and - lines of a unified diff, not its file
// headers.
func diffLines(diff string) int {
	n := 0
	for _, line := range strings.Split(diff, "\n") {
		if (strings.HasPrefix(line, "+") && !strings.HasPrefix(line, "+++")) || (strings.HasPrefix(line, "-") && !strings.HasPrefix(line, "---")) {
			n++
		}
	}
	return n
}
