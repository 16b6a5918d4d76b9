package srcfs

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A file of the overlay is seen by the build context (ImportDir), in a
// directory that exists on disk and in one that does not, and hides the
// disk's file of the same name; its directory is a package directory of
// root/...; the disk is left as it was.
func TestOverlay(t *testing.T) {
	root := t.TempDir()
	old := filepath.Join(root, "old")
	if err := os.MkdirAll(old, 0o755); err != nil {
		t.Fatal(err)
	}
	onDisk := filepath.Join(old, "a.go")
	if err := os.WriteFile(onDisk, []byte("package old\n\nconst A = \"a\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(root, "internal", "fresh", "gen.go")
	added := filepath.Join(old, "gen.go")
	f := New(map[string][]byte{
		fresh:  []byte("package fresh\n\nconst B = \"b\"\n"),
		added:  []byte("package old\n\nconst C = \"c\"\n"),
		onDisk: []byte("package old\n\nconst A = \"overlaid\"\n"),
	}, nil)
	for dir, want := range map[string][]string{old: {"a.go", "gen.go"}, filepath.Dir(fresh): {"gen.go"}} {
		bp, err := f.Build().ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("ImportDir(%s): %v", dir, err)
		}
		if !slices.Equal(bp.GoFiles, want) {
			t.Errorf("ImportDir(%s).GoFiles = %v, want %v", dir, bp.GoFiles, want)
		}
	}
	if !f.IsDir(filepath.Dir(fresh)) || !f.IsDir(filepath.Join(root, "internal")) || f.IsDir(filepath.Join(root, "nosuch")) {
		t.Error("IsDir does not see the overlay's directories alone")
	}
	if src, _ := f.ReadFile(onDisk); string(src) != "package old\n\nconst A = \"overlaid\"\n" {
		t.Errorf("ReadFile read %q, not the overlay", src)
	}
	if f.Source(onDisk) == nil || f.Source(filepath.Join(old, "nosuch.go")) != nil {
		t.Error("Source: want the overlay's contents for its files, nil for the others")
	}
	var dirs []string
	for d := range f.PackageDirs(root) {
		dirs = append(dirs, d)
	}
	want := []string{root, old, filepath.Join(root, "internal"), filepath.Dir(fresh)}
	if !slices.Equal(dirs, want) {
		t.Errorf("PackageDirs = %v, want %v", dirs, want)
	}
	if _, err := os.Stat(filepath.Dir(fresh)); !os.IsNotExist(err) {
		t.Errorf("the overlay's directory is on disk: %v", err)
	}
	var disk *FS // the disk alone
	if bp, _ := disk.Build().ImportDir(old, 0); bp == nil || !slices.Equal(bp.GoFiles, []string{"a.go"}) {
		t.Error("a nil FS does not read the disk")
	}
}

// The build tags select files as go build's -tags does, for the
// -constants packages read from source; GOFLAGS's -tags is read as the
// go command reads it.
func TestBuildTags(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, src := range map[string]string{
		"a.go":           "package p\n\nconst A = \"a\"\n",
		"integration.go": "//go:build integration\n\npackage p\n\nconst B = \"b\"\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		tags []string
		want []string
	}{
		{nil, []string{"a.go"}},
		{[]string{"other"}, []string{"a.go"}},
		{[]string{"integration"}, []string{"a.go", "integration.go"}},
	} {
		bp, err := New(nil, c.tags).Build().ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(bp.GoFiles, c.want) {
			t.Errorf("tags %v: GoFiles = %v, want %v", c.tags, bp.GoFiles, c.want)
		}
	}
	for goflags, want := range map[string][]string{
		"":                              nil,
		"-mod=mod":                      nil,
		"-tags=integration":             {"integration"},
		"-mod=mod --tags=a,b -trimpath": {"a", "b"},
		"-tags=a -tags=b,c":             {"b", "c"},
		"-tags=":                        nil,
	} {
		if got := GoflagsTags(goflags); !slices.Equal(got, want) {
			t.Errorf("GoflagsTags(%q) = %v, want %v", goflags, got, want)
		}
	}
}
