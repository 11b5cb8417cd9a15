// Command pdfdump prints what the PDF adapter reads from a file: one line
// per layout line with its page, table id and cells (text@x0-x1#col).
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/govreport/govreport/parser/pdf"
)

func main() {
	for _, f := range os.Args[1:] {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		d, err := pdf.Read(b)
		if err != nil {
			fmt.Printf("%s: ERROR %v\n", f, err)
			continue
		}
		fmt.Printf("%s: pages=%d title=%q warnings=%v\n", f, d.Pages, d.Title, d.Warnings)
		for _, l := range d.Lines {
			var parts []string
			for _, c := range l.Cells {
				parts = append(parts, fmt.Sprintf("%s@%.0f-%.0f#%d", c.Text, c.X0, c.X1, c.Col))
			}
			fmt.Printf("p%d L%d T%d | %s\n", l.Page, l.Num, l.Table, strings.Join(parts, " | "))
		}
	}
}
