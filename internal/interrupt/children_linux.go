package interrupt

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// EndChildren ends every process this one started and every process
// those started (the go command, and the compiler, cgo and vet it runs):
// each gets SIGINT, as a terminal's ^C would send it, and what is left
// after grace gets SIGKILL.
func EndChildren(grace time.Duration) {
	tree := descendants(os.Getpid())
	if len(tree) == 0 {
		return
	}
	for _, p := range tree {
		syscall.Kill(p, syscall.SIGINT)
	}
	deadline := time.Now().Add(grace)
	for time.Now().Before(deadline) {
		if !anyAlive(tree) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Stopped first, so that none starts another meanwhile; then whatever
	// was started since the first look is ended too.
	for _, p := range tree {
		syscall.Kill(p, syscall.SIGSTOP)
	}
	later := descendants(os.Getpid())
	for _, p := range later {
		syscall.Kill(p, syscall.SIGKILL)
	}
	tree = append(tree, later...)
	for _, p := range tree {
		syscall.Kill(p, syscall.SIGKILL)
	}
	// A killed process ends soon after, not at once: wait for that, so
	// that none is left when this one exits; and end any started since.
	for end := time.Now().Add(grace); time.Now().Before(end); {
		for _, p := range descendants(os.Getpid()) {
			syscall.Kill(p, syscall.SIGKILL)
			tree = append(tree, p)
		}
		if !anyAlive(tree) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// descendants lists the processes below pid, parents before children,
// from /proc.
func descendants(pid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	children := map[int][]int{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid, state, ok := stat(p); ok && state != 'Z' {
			children[ppid] = append(children[ppid], p)
		}
	}
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, c := range children[p] {
			out = append(out, c)
			queue = append(queue, c)
		}
	}
	return out
}

// stat reads a process's parent and state from /proc/PID/stat:
// "pid (comm) state ppid ...", where comm may hold spaces and parentheses.
func stat(pid int) (ppid int, state byte, ok bool) {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return 0, 0, false
	}
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, 0, false
	}
	f := bytes.Fields(data[i+1:])
	if len(f) < 2 || len(f[0]) != 1 {
		return 0, 0, false
	}
	ppid, err = strconv.Atoi(string(f[1]))
	return ppid, f[0][0], err == nil
}

func anyAlive(pids []int) bool {
	for _, p := range pids {
		if _, state, ok := stat(p); ok && state != 'Z' {
			return true
		}
	}
	return false
}

// silence points this process's standard output and error at /dev/null
// and returns the standard error it had.
func silence() *os.File {
	orig, err := syscall.Dup(2)
	if err != nil {
		return os.Stderr
	}
	null, err := syscall.Open(os.DevNull, syscall.O_WRONLY, 0)
	if err != nil {
		syscall.Close(orig)
		return os.Stderr
	}
	syscall.Dup3(null, 1, 0)
	syscall.Dup3(null, 2, 0)
	syscall.Close(null)
	return os.NewFile(uintptr(orig), "stderr")
}
