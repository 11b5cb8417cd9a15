package pdf

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	lpdf "github.com/ledongthuc/pdf"
)

// Fuzz targets for the parts that read untrusted bytes with our own code:
// the content tokenizer and interpreter, CMap programs, font decoding, and
// Read as a whole. Seeds come from the corpus PDFs (their decoded content
// streams and ToUnicode maps) and from hand-written snippets.
//
//	go test ./parser/pdf -fuzz FuzzContent -fuzztime 1m

func testDoc() *doc {
	return &doc{
		ctx:    context.Background(),
		budget: budget{maxStream: 1 << 20, maxTotal: 1 << 22, maxOps: 1 << 16, maxGlyphs: 1 << 16, maxPages: 10, maxDepth: 4},
		fonts:  map[fontKey]*font{},
	}
}

// corpusStreams returns decoded content streams and CMaps of a few corpus
// PDFs, for seeds.
func corpusStreams(tb testing.TB) (contents, cmaps [][]byte) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "pdf", "*.pdf"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		d := testDoc()
		d.budget.maxStream = 1 << 22
		d.budget.maxTotal = 1 << 26
		o, err := open(src, d)
		if err != nil {
			continue
		}
		for i, ref := range d.pageTree(o.r) {
			if i > 0 {
				break
			}
			c := key(ref.v, "Contents")
			if c.Kind() == lpdf.Stream {
				if data, err := streamData(c, 1<<20); err == nil && len(data) < 1<<16 {
					contents = append(contents, data)
				}
			}
			fonts := key(ref.res, "Font")
			for _, k := range keys(fonts) {
				tu := key(key(fonts, k), "ToUnicode")
				if data, err := streamData(tu, 1<<20); err == nil && len(data) > 0 {
					cmaps = append(cmaps, data)
				}
			}
		}
	}
	return
}

var contentSeeds = []string{
	"BT /F1 12 Tf 72 700 Td (Hello) Tj ET",
	"BT /F1 10 Tf 1 0 0 1 50 50 Tm [(A) -120 (B) 300 (C)] TJ T* (D) ' 1 2 (E) \" ET",
	"q 1 0 0 1 10 10 cm Q Q Q q q BT ET ET",
	"BI /W 4 /H 4 /BPC 8 /CS /G ID \x00\x01\x02EI\x03 EI BT (x) Tj ET",
	"BT <4142 (unterminated",
	"BT /F1 1e400 Tf 3 Tz 2 Tc 1 Tw 5 TL 1 Ts (a b) Tj ET",
	"[[[[[(deep)]]]]] TJ << /A [1 2] >> BDC EMC",
	"/Fm1 Do /Im1 Do",
}

func FuzzContent(f *testing.F) {
	for _, s := range contentSeeds {
		f.Add([]byte(s))
	}
	contents, _ := corpusStreams(f)
	for _, c := range contents {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &interp{d: testDoc()}
		in.gs = gstate{ctm: identity, th: 1}
		defer func() {
			if x := recover(); x != nil {
				if _, ok := x.(errBudget); !ok {
					t.Fatalf("panic: %v", x)
				}
			}
		}()
		in.run(data, lpdf.Value{})
		for _, g := range in.out {
			if g.text == "" {
				t.Fatal("empty glyph emitted")
			}
		}
	})
}

func FuzzLexer(f *testing.F) {
	for _, s := range contentSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(rangeCMap))
	f.Fuzz(func(t *testing.T, data []byte) {
		l := &lexer{b: data}
		for n := 0; ; n++ {
			if n > len(data)+1 {
				t.Fatalf("%d tokens from %d bytes", n, len(data))
			}
			if l.next().kind == tEOF {
				return
			}
		}
	})
}

func FuzzCMap(f *testing.F) {
	f.Add([]byte(rangeCMap), []byte("\x00\x10\x00\x21"))
	f.Add([]byte(idvCMap), []byte("\x00\x01\x00\x02"))
	f.Add([]byte("1 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange 1 begincidrange <8140> <FEFE> 100 endcidrange /GBK-EUC-H usecmap"), []byte("a\x81\x40\xfe"))
	_, cmaps := corpusStreams(f)
	for _, c := range cmaps {
		f.Add(c, []byte("\x00\x03\x01\x02"))
	}
	f.Fuzz(func(t *testing.T, prog, text []byte) {
		m := parseCMap(prog)
		for _, fnt := range []*font{
			{toUni: m, dw: 1000, scale: 1},
			{encCMap: m, toUni: m, dw: 1000, scale: 1},
			{encCMap: m, vertical: true, dw: 1000, dw2: -1000, scale: 1},
		} {
			checkDecode(t, fnt, text)
		}
	})
}

func FuzzFontDecode(f *testing.F) {
	f.Add("GBK-EUC-H", []byte("\xc9\xea\xc7\xeb 12"))
	f.Add("UniGB-UCS2-H", []byte("\x51\x6c\x5f\x00"))
	f.Add("UniGB-UTF16-H", []byte("\xd8\x3d\xde\x00\x00\x41"))
	f.Add("GBK2K-H", []byte("\x81\x30\x81\x30"))
	f.Add("Identity-V", []byte("\x00\x01\x00"))
	f.Add("", []byte("plain \xe9"))
	f.Fuzz(func(t *testing.T, enc string, text []byte) {
		fnt := &font{encoding: enc, dw: 1000, dw2: -1000, scale: 1, w: widths{rs: []wRange{{first: 1, last: 1, w: 500}}}}
		if enc == "" {
			fnt.simple = true
			fnt.simpleTables = new(simpleTables)
			fnt.missingW = 500
			for c := 32; c < 127; c++ {
				fnt.codeText[c] = string(rune(c))
			}
		}
		checkDecode(t, fnt, text)
	})
}

func checkDecode(t *testing.T, fnt *font, text []byte) {
	t.Helper()
	gs := fnt.decode(string(text), nil)
	if len(text) > 0 && len(gs) == 0 {
		t.Fatalf("no glyphs from %q", text)
	}
	if len(gs) > len(text) {
		t.Fatalf("%d glyphs from %d bytes", len(gs), len(text))
	}
}

func FuzzRead(f *testing.F) {
	f.Add(buildPDF("BT /F1 12 Tf 72 700 Td (Hello) Tj ET", "<< /Font << /F1 HELV >> >>", false))
	f.Add(buildPDF("BT /F1 12 Tf 72 700 Td <c9eac7eb> Tj ET", "<< /Font << /F1 GBK >> >>", true))
	for _, name := range []string{"cycle_kids.pdf", "cycle_parent.pdf", "huge_count.pdf", "unterminated_hex.pdf", "inline_image.pdf", "length_past_eof.pdf", "lzw_filter.pdf", "same_fontname_two_pages.pdf"} {
		if b, err := os.ReadFile(filepath.Join(hostileDir, name)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Read(src, WithTimeout(5*time.Second))
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
	})
}
