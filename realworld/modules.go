package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// The module list: the pinned modules and -modules/-only.

// defaultModules are the pinned modules, as LABEL=PATH@VERSION[:FLAG...].
// The +constants rows run again on the same copy with -constants naming the
// module's own package of key constants, as a user of the module would.
const defaultModules = "" +
	"openfga=github.com/openfga/openfga@v1.22.1 " +
	"openfga+constants=github.com/openfga/openfga@v1.22.1:-constants=github.com/openfga/openfga/internal/utils/apimethod " +
	"jaeger=github.com/jaegertracing/jaeger@v1.76.0 " +
	"jaeger+constants=github.com/jaegertracing/jaeger@v1.76.0:-constants=github.com/jaegertracing/jaeger/internal/telemetry/otelsemconv " +
	"otelhttp=go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp@v0.72.0 " +
	"otelgrpc=go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc@v0.72.0 " +
	"adbc=github.com/apache/arrow-adbc/go/adbc@v1.10.0 " +
	"containerd=github.com/containerd/containerd/v2@v2.4.2"

type module struct {
	Label, Path, Version string
	Flags                []string `json:",omitempty"` // extra spanattrlint flags
}

// dir names the module's copies: rows of one module share them.
func (m module) dir() string {
	base := filepath.Base(m.Path)
	if regexp.MustCompile(`^v[0-9]+$`).MatchString(base) {
		base = filepath.Base(filepath.Dir(m.Path))
	}
	return base + "@" + m.Version
}

func (m module) String() string { return m.Path + "@" + m.Version }

func parseModules(list, only string) ([]module, error) {
	var mods []module
	keep := map[string]bool{}
	for _, l := range splitList(only) {
		keep[l] = true
	}
	for _, item := range strings.Fields(list) {
		label, spec, ok := strings.Cut(item, "=")
		if !ok || strings.Contains(label, "@") {
			spec, label = item, ""
		}
		spec, flags, _ := strings.Cut(spec, ":")
		path, version, ok := strings.Cut(spec, "@")
		if !ok || path == "" || version == "" {
			return nil, fmt.Errorf("-modules: %q is not [LABEL=]PATH@VERSION[:FLAG...]", item)
		}
		if label == "" {
			label = filepath.Base(path)
			if regexp.MustCompile(`^v[0-9]+$`).MatchString(label) {
				label = filepath.Base(filepath.Dir(path))
			}
		}
		if len(keep) > 0 && !keep[label] {
			continue
		}
		m := module{Label: label, Path: path, Version: version}
		if flags != "" {
			m.Flags = strings.Split(flags, ":")
		}
		mods = append(mods, m)
	}
	if len(mods) == 0 {
		return nil, errors.New("no module to run")
	}
	return mods, nil
}
