// Package interrupt ends a run at the first SIGINT or SIGTERM the way a
// person expects: within a second, with the go commands it started (and
// whatever they started) ended, with what it wrote undone, with one line,
// and with exit status 130.
//
// One handler serves the whole process: the command watches from the
// start, and a journal of written files (internal/fixes) adds its undo
// while it holds changes, so that no two handlers race to exit.
package interrupt

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Grace is how long the go command and its children have, after the
// interrupt is passed on to them, to end by themselves (and remove their
// temporary directories) before they are killed.
const Grace = 500 * time.Millisecond

type watcher struct {
	prog    string
	cleanup func() string
}

var (
	mu       sync.Mutex
	watchers []*watcher
	sigs     chan os.Signal
	stopped  chan struct{}
)

// Watch makes the first SIGINT or SIGTERM end the process: the processes
// it started are ended (see EndChildren), then every cleanup still
// watching runs, newest first, and the process prints "prog: msg" and
// exits with status 130. msg is what the newest cleanup returns, or
// "interrupted; nothing changed". A nil cleanup only watches. stop ends
// this watch; the signals have their usual effect again when none is
// left.
func Watch(prog string, cleanup func() string) (stop func()) {
	mu.Lock()
	defer mu.Unlock()
	w := &watcher{prog, cleanup}
	watchers = append(watchers, w)
	if sigs == nil {
		sigs, stopped = make(chan os.Signal, 1), make(chan struct{})
		signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
		go handle(sigs, stopped)
	}
	return func() {
		mu.Lock()
		defer mu.Unlock()
		for i, x := range watchers {
			if x == w {
				watchers = append(watchers[:i], watchers[i+1:]...)
				break
			}
		}
		if len(watchers) == 0 && sigs != nil {
			signal.Stop(sigs)
			close(stopped)
			sigs, stopped = nil, nil
		}
	}
}

func handle(sigs chan os.Signal, stopped chan struct{}) {
	select {
	case <-stopped:
		return
	case <-sigs:
	}
	mu.Lock() // held until exit: no watch starts or ends meanwhile
	// The run goes on meanwhile, and would say that its go command
	// failed: from now on only this handler's line is printed.
	out := silence()
	// Nor does it start another go command (go/packages, whose go list
	// this ends, would try the load again).
	os.Setenv("PATH", "")
	EndChildren(Grace)
	prog, msg := "", "interrupted; nothing changed"
	for i := len(watchers) - 1; i >= 0; i-- {
		w := watchers[i]
		if prog == "" {
			prog = w.prog
		}
		if w.cleanup != nil {
			if m := w.cleanup(); m != "" && msg == "interrupted; nothing changed" {
				msg = m
			}
		}
	}
	fmt.Fprintf(out, "%s: %s\n", prog, msg)
	os.Exit(130)
}
