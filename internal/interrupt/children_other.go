//go:build !linux

package interrupt

import (
	"os"
	"time"
)

// EndChildren ends the processes this one started where it can find them:
// on Linux, from /proc. Elsewhere the go command is left to the interrupt
// that a terminal sends to its whole process group.
func EndChildren(grace time.Duration) {}

// silence returns standard error: elsewhere than Linux the run's own
// output is not silenced.
func silence() *os.File { return os.Stderr }
