package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/parser"
)

// The report writer prints the bytes json.MarshalIndent and json.Marshal
// printed, with their newline: on values with empty and nested containers,
// strings holding JSON's punctuation and escapes, and on real reports.
func TestReportWriterAsMarshal(t *testing.T) {
	values := []any{
		map[string]any{},
		[]any{},
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": `x"}{[,:\` + "\\\n\t\u2028<>&é", "d": []any{1, map[string]any{"e": []any{}}, 2.5, nil, true}},
		[]any{[]any{[]any{}}, map[string]any{"": ""}, "]", "}", ",", ":"},
		struct {
			A []int           `json:"a"`
			B *int            `json:"b"`
			C map[string]bool `json:"c,omitempty"`
			D json.RawMessage `json:"d"`
		}{A: []int{}, D: json.RawMessage(`{ "x" : [ 1 , 2 ] , "y" : { } }`)},
		"top-level string, with \"quotes\"",
		42,
	}
	p := parser.New()
	for _, f := range append(globTest(t, "../../corpus/pdf/*.pdf")[:2], globTest(t, "../../corpus/text/*.txt")[:3]...) {
		r, err := p.ParseFile(f)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(f), err)
		}
		values = append(values, r)
	}
	for i, v := range values {
		for _, oneLine := range []bool{false, true} {
			var want []byte
			var err error
			if oneLine {
				want, err = json.Marshal(v)
			} else {
				want, err = json.MarshalIndent(v, "", "  ")
			}
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, '\n')
			var got bytes.Buffer
			w := newReportWriter(&got, oneLine)
			// Twice: the writer's state carries over from one value to the next.
			for k := 0; k < 2; k++ {
				if err := w.write(v); err != nil {
					t.Fatal(err)
				}
			}
			if g := got.String(); g != string(want)+string(want) {
				t.Errorf("value %d, oneLine %v:\n got %.300q\nwant %.300q", i, oneLine, g, want)
			}
		}
	}
}

// A value that cannot be encoded prints nothing and says why.
func TestReportWriterError(t *testing.T) {
	var got bytes.Buffer
	w := newReportWriter(&got, false)
	err := w.write(map[string]any{"a": []float64{1, math.NaN()}})
	if err == nil || got.Len() != 0 {
		t.Errorf("err %v, printed %q", err, got.String())
	}
	if err := w.write(map[string]int{"b": 1}); err != nil || got.String() != "{\n  \"b\": 1\n}\n" {
		t.Errorf("after an error: %v %q", err, got.String())
	}
}

// `parse` of one file (read through a mapping where the system has one)
// prints what the parser's own reading of the file gives.
func TestParseOneFileAsParseFile(t *testing.T) {
	p := parser.New()
	for _, f := range []string{globTest(t, "../../corpus/pdf/*.pdf")[0], globTest(t, "../../corpus/html/*.html")[0], globTest(t, "../../corpus/docx/*.docx")[0]} {
		r, err := p.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.MarshalIndent(r, "", "  ")
		code, out, errs := runCmd("", "parse", f)
		if code != 0 || errs != "" || out != string(want)+"\n" {
			t.Errorf("%s: exit %d, stderr %q, same output %v", filepath.Base(f), code, errs, out == string(want)+"\n")
		}
		if !strings.Contains(out, `"path": "`+f+`"`) {
			t.Errorf("%s: path not in the output", f)
		}
	}
}

// The printing of a report as parse prints one file, against
// json.MarshalIndent and the newline appended as before
// (go test ./cmd/govreport -run XXX -bench ReportWriter -benchmem).
func BenchmarkReportWriter(b *testing.B) {
	r, err := parser.New().ParseFile(globTest(&testing.T{}, "../../corpus/pdf/*.pdf")[0])
	if err != nil {
		b.Fatal(err)
	}
	b.Run("MarshalIndent", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			out, _ := json.MarshalIndent(r, "", "  ")
			io.Discard.Write(append(out, '\n'))
		}
	})
	b.Run("reportWriter", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			newReportWriter(io.Discard, false).write(r)
		}
	})
}
