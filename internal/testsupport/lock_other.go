//go:build !unix

package testsupport

// lockFile cannot lock here, so copies go to fresh temporary directories.
func lockFile(string) (func(), error) { return nil, errNoLock }
