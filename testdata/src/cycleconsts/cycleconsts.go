// Package cycleconsts names keys but imports cycle, so cycle cannot import
// it: no fix may suggest it there.
package cycleconsts

import "example.com/app/cycle"

// Key is the key cycle writes.
const Key = "cycle.key"

// Default is cycle's default.
var Default = cycle.Name
