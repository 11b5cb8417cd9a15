// Command makescan makes scanned copies of corpus PDFs (see
// internal/scancorpus): image-only PDFs at the resolutions asked, each
// with the source's expected values copied beside it.
//
//	go run ./scripts/ocr/makescan -out DIR corpus/pdf/NAME.pdf ...
//
// The OCR tests make the same scans at test time (parser/ocr), so none
// is stored in the repository.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/govreport/govreport/internal/scancorpus"
)

func main() {
	out := flag.String("out", ".", "output folder")
	dpis := flag.String("dpi", "150,200,300", "resolutions")
	quality := flag.Int("quality", 75, "JPEG quality")
	flag.Parse()
	for _, src := range flag.Args() {
		base := strings.TrimSuffix(filepath.Base(src), ".pdf")
		for _, d := range strings.Split(*dpis, ",") {
			var dpi int
			fmt.Sscan(d, &dpi)
			s, err := scancorpus.Make(src, dpi, *quality, int64(len(base)))
			if err != nil {
				log.Fatal(err)
			}
			name := fmt.Sprintf("%s-%ddpi", base, dpi)
			if err := os.WriteFile(filepath.Join(*out, name+".pdf"), s.PDF, 0o644); err != nil {
				log.Fatal(err)
			}
			if exp, err := os.ReadFile(strings.TrimSuffix(src, ".pdf") + ".expected.json"); err == nil {
				if err := os.WriteFile(filepath.Join(*out, name+".expected.json"), exp, 0o644); err != nil {
					log.Fatal(err)
				}
			}
			fmt.Printf("%s: %d pages, %.2f°, %d bytes\n", name, s.Pages, s.Angle, len(s.PDF))
		}
	}
}
