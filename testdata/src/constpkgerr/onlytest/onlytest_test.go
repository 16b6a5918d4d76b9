// Package onlytest has only a test file.
package onlytest

const Key = "only.test"
