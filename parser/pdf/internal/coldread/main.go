// Command coldread reads PDF files with parser/pdf and prints nothing: the
// reader's whole-process cost (start-up, page faults) without the rest of
// the parse. With -n 0 it only reads the files.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/govreport/govreport/parser/pdf"
)

func main() {
	n := flag.Int("n", 1, "reads of each file")
	dump := flag.Bool("dump", false, "print each document (or error) as JSON")
	flag.Parse()
	for _, f := range flag.Args() {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if *dump {
			d, err := pdf.Read(b)
			j, _ := json.Marshal(d)
			fmt.Printf("%s\t%v\t%s\n", f, err, j)
			continue
		}
		for i := 0; i < *n; i++ {
			if _, err := pdf.Read(b); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	}
}
