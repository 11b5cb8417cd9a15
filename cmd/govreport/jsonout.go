package main

import (
	"bufio"
	"encoding/json"
	"io"
)

// reportWriter prints reports as parse does: one JSON value and a newline
// each, indented as json.MarshalIndent(v, "", "  ") or on one line as
// json.Marshal. The encoder writes straight into a small buffer, and the
// indentation is added while the bytes pass: MarshalIndent builds the
// compact form, copies it, indents it into a third buffer and the caller
// copied that again for the newline. In a one-file process every byte
// allocated is a fresh page of memory (~1/4 ms for 100 KB on a VM), so
// those copies were a measurable part of `parse`.
type reportWriter struct {
	bw     *bufio.Writer
	enc    *json.Encoder
	indent *indenter
}

func newReportWriter(w io.Writer, oneLine bool) *reportWriter {
	rw := &reportWriter{bw: bufio.NewWriterSize(w, 16<<10)}
	if oneLine {
		rw.enc = json.NewEncoder(rw.bw)
	} else {
		rw.indent = &indenter{w: rw.bw}
		rw.enc = json.NewEncoder(rw.indent)
	}
	return rw
}

// write prints v and flushes, so that standard output and the messages
// on standard error keep their order. Nothing is printed when v cannot be
// encoded (the encoder encodes the whole value before its one Write);
// that is the error returned. Errors of standard output are not, as
// before.
func (rw *reportWriter) write(v any) error {
	if err := rw.enc.Encode(v); err != nil {
		return err
	}
	rw.bw.Flush()
	return nil
}

// indenter writes the compact JSON values it is given indented as
// json.Indent(dst, src, "", "  ") does: a newline and two spaces a level
// after { [ and , and before a closing } ] (none inside an empty {} or
// []), ": " after a key, strings unchanged. Each Write holds whole values
// (json.Encoder writes one value and its newline at a time); whitespace
// between tokens is dropped, whitespace after a value is kept.
type indenter struct {
	w     *bufio.Writer
	depth int
}

func (in *indenter) Write(p []byte) (int, error) {
	w := in.w
	needIndent := false // after { or [: a newline unless the next byte closes it
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch c {
		case ' ', '\t', '\r', '\n':
			if in.depth == 0 && !needIndent {
				w.WriteByte(c) // after a value: kept, as json.Indent keeps it
			}
			continue
		}
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			in.depth++
			in.newline()
		}
		switch c {
		case '"':
			// The string as it is, up to its closing quote.
			j := i + 1
			for j < len(p) && p[j] != '"' {
				if p[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(p))
			w.Write(p[i:j])
			i = j - 1
		case '{', '[':
			needIndent = true
			w.WriteByte(c)
		case ',':
			w.WriteByte(c)
			in.newline()
		case ':':
			w.WriteByte(c)
			w.WriteByte(' ')
		case '}', ']':
			if needIndent {
				needIndent = false // empty: {} or []
			} else {
				in.depth--
				in.newline()
			}
			w.WriteByte(c)
		default:
			// A number, true, false or null, up to the next punctuation.
			j := i + 1
			for j < len(p) && !isPunct(p[j]) {
				j++
			}
			w.Write(p[i:j])
			i = j - 1
		}
	}
	return len(p), nil
}

// isPunct tells the bytes that end a number or a literal.
func isPunct(c byte) bool {
	switch c {
	case ',', '}', ']', ':', ' ', '\t', '\r', '\n', '"', '{', '[':
		return true
	}
	return false
}

func (in *indenter) newline() {
	in.w.WriteByte('\n')
	for i := 0; i < in.depth; i++ {
		in.w.WriteString("  ")
	}
}
