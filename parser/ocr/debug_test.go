package ocr

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"strings"
	"testing"
)

// TestDebugFile prints what OCR makes of the file named by OCR_DEBUG_FILE.
func TestDebugFile(t *testing.T) {
	f := os.Getenv("OCR_DEBUG_FILE")
	if f == "" {
		t.Skip("OCR_DEBUG_FILE not set")
	}
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadPDF(context.Background(), src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range d.Lines {
		var parts []string
		for i, c := range l.Cells {
			s := c.Text
			if c.Copy {
				s = "^"
			}
			if r := d.Numbers[l.Num][i]; r != nil {
				s = fmt.Sprintf("%s%v", s, r.Candidates)
				if !r.Sure {
					s += "?"
				}
			}
			parts = append(parts, fmt.Sprintf("%d:%s", c.Col, s))
		}
		fmt.Printf("p%d t%d %s\n", l.Page, l.Table, strings.Join(parts, " | "))
	}
	fmt.Printf("%+v\n", d.Stats)
}

func init() {
	if os.Getenv("OCR_DEBUG_READ") != "" {
		debugReading = func(a string, ca float64, b string, cb float64, label string) {
			fmt.Printf("  read %q %.0f | %q %.0f | %q\n", a, ca, b, cb, label)
		}
	}
}

func init() {
	if os.Getenv("OCR_DEBUG_CROP") != "" {
		debugCrop = func(i int, g, b *image.Gray, label string) {
			if strings.Contains(label, os.Getenv("OCR_DEBUG_CROP")) {
				f, _ := os.Create(fmt.Sprintf("/tmp/ocrx/crop%d.png", i))
				png.Encode(f, g)
				f.Close()
				f, _ = os.Create(fmt.Sprintf("/tmp/ocrx/crop%db.png", i))
				png.Encode(f, b)
				f.Close()
			}
		}
	}
}
