// Command gen writes tables_gen.go for package semconvtab.
//
// It is run by "go generate" in the semconvtab directory; see
// gentables.Generate for what it reads.
package main

import (
	"log"
	"os"

	"github.com/spanattrlint/spanattrlint/internal/semconvtab/internal/gentables"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("semconvtab/gen: ")
	src, err := gentables.Generate(".")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("tables_gen.go", src, 0o666); err != nil {
		log.Fatal(err)
	}
	if err := gentables.WriteNames("."); err != nil {
		log.Fatal(err)
	}
	if err := gentables.WriteValues("."); err != nil {
		log.Fatal(err)
	}
	if err := gentables.WriteMetrics("."); err != nil {
		log.Fatal(err)
	}
}
