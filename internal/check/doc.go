// Package check is the value-check phase: what each hard-coded key and
// event name, each constant declared as one, and each key set with a
// value says. One file per family: values.go (naming, the project's
// rules, near misses, deprecated keys in declarations: the rules of
// internal/rules), valuetype.go (a value of the type the conventions
// give the key), enum.go (a value that is, or nearly is, an enum member),
// stability.go (-stability). Values reads an Input that names everything
// it uses (the pass, the settings, what the phases before it found) and
// reports; what it returns are the enum-member findings, which the
// analyzer builds fixes for with the others.
package check
