package main

// This file is the same in realworld/ and bench/cmd/compare/, two modules
// of their own that share no code; realworld's TestCopyTreeTwin keeps the
// two identical.

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// copyTree copies the directory src to a new dst that is all writable (the
// module cache is read-only), for a linter's -fix to rewrite.
//
// The copy must be self-contained: a fix written to it must never reach
// src or anything else outside dst. So a symbolic link to a regular file
// is followed and copied as a regular file with the target's content (a
// link copied as a link would let the fix write through it; the fixes
// package writes to a link's target). The module cache holds no links,
// but a checkout may. Anything else that is neither a directory nor a
// regular file, a link to a directory or a dangling link among them, is
// an error: copying it faithfully or following it could not keep the
// promise, and leaving it out silently would make the copy build
// differently.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		info, err := os.Stat(path) // follows a link
		if err != nil {
			return fmt.Errorf("copyTree: %v", err)
		}
		switch {
		case d.IsDir():
			return os.MkdirAll(target, info.Mode().Perm()|0o700)
		case !info.Mode().IsRegular():
			return fmt.Errorf("copyTree: %s is neither a directory nor a regular file (%s)", path, info.Mode().Type())
		}
		return copyFile(path, target, info.Mode().Perm()|0o200)
	})
}

func copyFile(src, dst string, perm fs.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
