//go:build !unix

package registry

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
