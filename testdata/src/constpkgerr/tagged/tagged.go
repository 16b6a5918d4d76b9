//go:build never

// Package tagged is excluded from every build.
package tagged

const Key = "tagged.key"
