// Package doccheck holds no code, only the tests that keep the user's
// documentation in step with the analyzer: the README's table of checks
// lists exactly the diagnostic categories of analyzer.Categories, its
// configuration table every option, and every relative link in README.md,
// CONTRIBUTING.md, docs/, bench/ and realworld/ resolves.
package doccheck
