// Package cyclic imports engine, so it cannot hold engine's constants.
package cyclic

import "example.com/genapp/engine"

// Of names the engine.
func Of() string { return engine.Name }
