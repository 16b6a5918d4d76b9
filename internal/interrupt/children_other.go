//go:build !linux

package interrupt

import "time"

// EndChildren ends the processes this one started where it can find them:
// on Linux, from /proc. Elsewhere the go command is left to the interrupt
// that a terminal sends to its whole process group.
func EndChildren(grace time.Duration) {}
