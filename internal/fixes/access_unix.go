//go:build unix

package fixes

import (
	"os"
	"syscall"
)

// access reports whether this process may write name, as the kernel
// decides (for root, only a read-only file system says no).
func access(name string) error {
	if err := syscall.Access(name, 2 /* W_OK */); err != nil {
		return err
	}
	return nil
}

// keepOwner gives tmp the owner and group of old, when old exists and
// this process may (root rewriting a user's file must not take it).
func keepOwner(tmp, old string) {
	fi, err := os.Stat(old)
	if err != nil {
		return
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		os.Lchown(tmp, int(st.Uid), int(st.Gid)) // best effort
	}
}
