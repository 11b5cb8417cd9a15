// Package pdfgen writes small PDF files object by object: enough to build
// test documents with the font set-ups real reports use (predefined CJK
// CMaps without ToUnicode, Form XObjects) and crafted damage.
package pdfgen

import (
	"bytes"
	"compress/zlib"
	"fmt"
)

// Doc is a PDF under construction. Object numbers start at 1.
type Doc struct {
	objs [][]byte
	// Version is written in the header; "1.7" when empty.
	Version string
}

// Reserve allocates an object number to be filled later with Set.
func (d *Doc) Reserve() int {
	d.objs = append(d.objs, nil)
	return len(d.objs)
}

// Set sets the body of object id (without "obj"/"endobj").
func (d *Doc) Set(id int, body string) { d.objs[id-1] = []byte(body) }

// Add adds an object and returns its number.
func (d *Doc) Add(body string) int {
	id := d.Reserve()
	d.Set(id, body)
	return id
}

// AddStream adds a stream object; dict is the dictionary's inner text
// (without << >> and without /Length). With compress, the data is
// deflated and /Filter /FlateDecode added.
func (d *Doc) AddStream(dict string, data []byte, compress bool) int {
	id := d.Reserve()
	d.SetStream(id, dict, data, compress)
	return id
}

// SetStream fills a reserved object with a stream.
func (d *Doc) SetStream(id int, dict string, data []byte, compress bool) {
	if compress {
		var b bytes.Buffer
		w := zlib.NewWriter(&b)
		w.Write(data)
		w.Close()
		data = b.Bytes()
		dict += " /Filter /FlateDecode"
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< %s /Length %d >>\nstream\n", dict, len(data))
	b.Write(data)
	b.WriteString("\nendstream")
	d.objs[id-1] = b.Bytes()
}

// Bytes writes the file with a classic cross-reference table. info may be
// 0 for none.
func (d *Doc) Bytes(root, info int) []byte {
	var b bytes.Buffer
	v := d.Version
	if v == "" {
		v = "1.7"
	}
	fmt.Fprintf(&b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", v)
	offs := make([]int, len(d.objs))
	for i, o := range d.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R", len(d.objs)+1, root)
	if info > 0 {
		fmt.Fprintf(&b, " /Info %d 0 R", info)
	}
	fmt.Fprintf(&b, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// HexString returns b as a PDF hex string.
func HexString(b []byte) string { return fmt.Sprintf("<%X>", b) }

// UTF16Text returns a PDF text string (UTF-16BE with BOM) for s.
func UTF16Text(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			fmt.Fprintf(&b, "%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
			continue
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	b.WriteString(">")
	return b.String()
}
