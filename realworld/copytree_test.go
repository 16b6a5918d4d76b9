package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCopyTree(t *testing.T) {
	src := t.TempDir()
	write := func(name, data string, perm os.FileMode) {
		t.Helper()
		p := filepath.Join(src, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), perm); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module m\n", 0o444)
	write("p/a.go", "package p\n", 0o444)
	write("p/run.sh", "#!/bin/sh\n", 0o555)
	if err := os.Symlink("a.go", filepath.Join(src, "p", "link.go")); err != nil {
		t.Fatal(err)
	}
	// Read-only, as in the module cache.
	if err := os.Chmod(filepath.Join(src, "p"), 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(src, "p"), 0o755) })

	dst := filepath.Join(t.TempDir(), "copy")
	if err := copyTree(src, dst); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"go.mod": "module m\n", "p/a.go": "package p\n", "p/link.go": "package p\n"} {
		data, err := os.ReadFile(filepath.Join(dst, name))
		if err != nil || string(data) != want {
			t.Errorf("%s: %q, %v; want %q", name, data, err, want)
		}
	}
	// The link became a file of its own: writing to it leaves src alone.
	fi, err := os.Lstat(filepath.Join(dst, "p", "link.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !fi.Mode().IsRegular() {
		t.Fatalf("p/link.go in the copy has mode %v; want a regular file", fi.Mode())
	}
	if err := os.WriteFile(filepath.Join(dst, "p", "link.go"), []byte("package q\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(src, "p", "a.go")); string(data) != "package p\n" {
		t.Errorf("writing the copy of the link changed src: %q", data)
	}
	for name, want := range map[string]os.FileMode{"p": 0o755, "go.mod": 0o644, "p/a.go": 0o644, "p/run.sh": 0o755} {
		fi, err := os.Stat(filepath.Join(dst, name))
		if err != nil {
			t.Error(err)
		} else if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v; want %v", name, fi.Mode().Perm(), want)
		}
	}
}

func TestCopyTreeRefuses(t *testing.T) {
	for name, link := range map[string]string{"dir": ".", "dangling": "nowhere.go"} {
		src := t.TempDir()
		if err := os.Symlink(link, filepath.Join(src, "l")); err != nil {
			t.Fatal(err)
		}
		err := copyTree(src, filepath.Join(t.TempDir(), "copy"))
		if err == nil || !strings.Contains(err.Error(), filepath.Join(src, "l")) {
			t.Errorf("%s link: error %v, want one naming %s", name, err, filepath.Join(src, "l"))
		}
	}
}

// realworld and bench are modules of their own, so each has its copy of
// copytree.go (and of this file's other tests): they must not drift apart.
func TestCopyTreeTwin(t *testing.T) {
	for _, name := range []string{"copytree.go", "copytree_test.go"} {
		twin := filepath.Join("..", "bench", "cmd", "compare", name)
		b, err := os.ReadFile(twin)
		if os.IsNotExist(err) {
			t.Skipf("%s is not there (not a whole checkout)", twin)
		}
		if err != nil {
			t.Fatal(err)
		}
		a, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "copytree_test.go" {
			// This test is the one difference.
			a = a[:strings.Index(string(a), "\n// realworld and bench are modules")]
		}
		if string(a) != string(b) {
			t.Errorf("%s differs from %s: change both", name, twin)
		}
	}
}
