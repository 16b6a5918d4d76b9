// Command releases writes registry/otel-releases.tsv: for each semconv
// package version, the first go.opentelemetry.io/otel release that ships
// it; and registry/otel-metric-releases.tsv: for each semconv version
// whose packages define metrics in Go (the XName constants of v1.24.0 to
// v1.31.0, the xxxconv instrument packages from v1.32.0 on), the first
// release that ships those definitions, which is later than the version
// itself where otel added them afterwards (semconv/v1.24.0 shipped in
// otel v1.22.0 without metric.go), with a fingerprint of the definitions. It asks the Go module proxy (GOPROXY) for the list of otel releases
// and downloads, into a temporary module cache that it removes again, only
// the releases a bisection needs: the set of semconv/vX.Y.Z directories
// only grows from one release to the next (checked at every release it
// downloads), so two releases with the same set have it in between too.
//
// It uses the network, so "go generate" does not run it; run it by hand in
// the semconvtab directory when a new otel release is out:
//
//	go run ./internal/releases
//
// then go generate ./internal/semconvtab/ to rebuild tables_gen.go.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/semver"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab/internal/gentables"
)

const otelModule = "go.opentelemetry.io/otel"

func main() {
	log.SetFlags(0)
	log.SetPrefix("semconvtab/releases: ")
	tmp, err := os.MkdirTemp("", "semconvtab-releases-")
	if err != nil {
		log.Fatal(err)
	}
	p := &prober{cache: filepath.Join(tmp, "modcache"), work: tmp, sets: map[string][]string{}}
	defer p.cleanup()
	releases, err := p.releases()
	if err != nil {
		p.cleanup()
		log.Fatal(err)
	}
	first, err := bisect(releases, p.set)
	if err != nil {
		p.cleanup()
		log.Fatal(err)
	}
	versions, metrics := map[string]string{}, map[string]string{}
	for k, r := range first {
		if m, ok := strings.CutPrefix(k, metricsMark); ok {
			metrics[m] = r
		} else {
			versions[k] = r
		}
	}
	made := fmt.Sprintf("# made by go run ./internal/releases on %s from %s: %d releases listed (%s to %s), %d downloaded: %s\n",
		time.Now().UTC().Format("2006-01-02"), proxy(), len(releases), releases[0], releases[len(releases)-1], len(p.sets), strings.Join(p.probed, " "))
	var b bytes.Buffer
	fmt.Fprintf(&b, "# semconv package version\tfirst %s release that ships it\n", otelModule)
	b.WriteString(made)
	for _, v := range slices.SortedFunc(maps.Keys(versions), semver.Compare) {
		fmt.Fprintf(&b, "%s\t%s\n", v, versions[v])
	}
	var m bytes.Buffer
	fmt.Fprintf(&m, "# semconv package version\tfirst %s release that ships its metric definitions\tfingerprint of the definitions (gentables.MetricsFingerprint)\n", otelModule)
	m.WriteString(made)
	for _, k := range slices.Sorted(maps.Keys(metrics)) {
		v, fp, _ := strings.Cut(k, " ")
		fmt.Fprintf(&m, "%s\t%s\t%s\n", v, metrics[k], fp)
	}
	for file, data := range map[string][]byte{"otel-releases.tsv": b.Bytes(), "otel-metric-releases.tsv": m.Bytes()} {
		if err := os.WriteFile(filepath.Join("registry", file), data, 0o666); err != nil {
			p.cleanup()
			log.Fatal(err)
		}
	}
}

// metricsMark starts the set members that stand for a semconv version's
// metric definitions: "metrics v1.24.0 <fingerprint>". A fingerprint that
// changes from one release to a later one drops the old member, so the
// bisection's check that sets only grow also checks that otel never
// changed a version's metric definitions after first shipping them.
const metricsMark = "metrics "

func proxy() string {
	out, err := exec.Command("go", "env", "GOPROXY").Output()
	if err != nil {
		return "GOPROXY"
	}
	return strings.TrimSpace(string(out))
}

type prober struct {
	cache, work string
	sets        map[string][]string // release -> its semconv versions, sorted
	probed      []string
}

func (p *prober) cleanup() {
	cmd := exec.Command("go", "clean", "-modcache")
	cmd.Env = p.env()
	cmd.Run()
	os.RemoveAll(p.work)
}

func (p *prober) env() []string {
	return append(os.Environ(), "GOMODCACHE="+p.cache, "GOFLAGS=-modcacherw", "GO111MODULE=on", "GOWORK=off")
}

func (p *prober) goCmd(args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = p.work
	cmd.Env = p.env()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// releases lists the otel releases, prereleases left out, oldest first.
func (p *prober) releases() ([]string, error) {
	out, err := p.goCmd("list", "-m", "-versions", otelModule)
	if err != nil {
		return nil, err
	}
	var rs []string
	for _, v := range strings.Fields(string(out))[1:] {
		if semver.IsValid(v) && semver.Prerelease(v) == "" && semver.Major(v) == "v1" {
			rs = append(rs, v)
		}
	}
	semver.Sort(rs)
	if len(rs) == 0 {
		return nil, fmt.Errorf("no v1 releases of %s", otelModule)
	}
	return rs, nil
}

// set downloads release r and lists its semconv/vX.Y.Z directories.
func (p *prober) set(r string) ([]string, error) {
	if s, ok := p.sets[r]; ok {
		return s, nil
	}
	out, err := p.goCmd("mod", "download", "-json", otelModule+"@"+r)
	if err != nil {
		return nil, err
	}
	var info struct{ Dir, Zip string }
	if err := json.Unmarshal(out, &info); err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(filepath.Join(info.Dir, "semconv"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	s := []string{}
	var marks []string
	for _, e := range ents {
		if v := e.Name(); e.IsDir() && semver.Canonical(v) == v && semver.Prerelease(v) == "" {
			s = append(s, v)
			fp, err := gentables.MetricsFingerprint(filepath.Join(info.Dir, "semconv", v))
			if err != nil {
				return nil, fmt.Errorf("otel %s: %v", r, err)
			}
			if fp != "" {
				marks = append(marks, metricsMark+v+" "+fp)
			}
		}
	}
	semver.Sort(s)
	slices.Sort(marks)
	s = append(s, marks...)
	// Keep the temporary cache small: drop this release again.
	os.RemoveAll(info.Dir)
	os.Remove(info.Zip)
	p.sets[r] = s
	p.probed = append(p.probed, r)
	log.Printf("%s: %d semconv versions, %d with metric definitions", r, len(s)-len(marks), len(marks))
	return s, nil
}

// bisect finds, for every semconv version of the newest release, the
// first release of rs (oldest first) that ships it, asking set for the
// versions of as few releases as it can.
func bisect(rs []string, set func(release string) ([]string, error)) (map[string]string, error) {
	sets := make([][]string, len(rs))
	var solve func(lo, hi int) error
	solve = func(lo, hi int) error {
		if !subset(sets[lo], sets[hi]) {
			return fmt.Errorf("%s ships semconv versions that %s does not: %v, %v", rs[lo], rs[hi], sets[lo], sets[hi])
		}
		if slices.Equal(sets[lo], sets[hi]) {
			for i := lo + 1; i < hi; i++ {
				sets[i] = sets[lo]
			}
			return nil
		}
		if hi-lo <= 1 {
			return nil
		}
		mid := (lo + hi) / 2
		s, err := set(rs[mid])
		if err != nil {
			return err
		}
		sets[mid] = s
		if err := solve(lo, mid); err != nil {
			return err
		}
		return solve(mid, hi)
	}
	var err error
	if sets[0], err = set(rs[0]); err != nil {
		return nil, err
	}
	last := len(rs) - 1
	if sets[last], err = set(rs[last]); err != nil {
		return nil, err
	}
	if err := solve(0, last); err != nil {
		return nil, err
	}
	first := map[string]string{}
	for i, s := range sets {
		for _, v := range s {
			if _, ok := first[v]; !ok {
				first[v] = rs[i]
			}
		}
	}
	return first, nil
}

func subset(a, b []string) bool {
	for _, v := range a {
		if !slices.Contains(b, v) {
			return false
		}
	}
	return true
}
