package charset

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func TestDecodeSniffsUndeclaredPages(t *testing.T) {
	simplified := "<p>示例区人民政府2022年政府信息公开工作年度报告：本年新收申请数量</p>"
	traditional := "<p>示例區人民政府2022年政府資訊公開工作年度報告：本年新收申請數量</p>"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(simplified)
	big5, _ := traditionalchinese.Big5.NewEncoder().String(traditional)
	if got, _ := Decode([]byte(gbk)); got != simplified {
		t.Errorf("undeclared GBK decoded as %q", got)
	}
	if got, _ := Decode([]byte(big5)); got != traditional {
		t.Errorf("undeclared Big5 decoded as %q", got)
	}
	declaredBig5 := `<meta charset="big5">` + traditional
	enc, _ := traditionalchinese.Big5.NewEncoder().String(declaredBig5)
	if got, _ := Decode([]byte(enc)); got != declaredBig5 {
		t.Errorf("declared Big5 decoded as %q", got)
	}
	// Declared GBK but served as UTF-8: the bytes win.
	mis := `<meta charset="gbk">` + simplified
	if got, notes := Decode([]byte(mis)); got != mis || len(notes) == 0 {
		t.Errorf("UTF-8 page declared GBK: %q, notes %v", got, notes)
	}
}

func TestDecodeTextBOMs(t *testing.T) {
	if got, _ := DecodeText([]byte("\xef\xbb\xbf一、总体情况")); got != "一、总体情况" {
		t.Errorf("UTF-8 BOM: %q", got)
	}
	if got, _ := DecodeText([]byte{0xff, 0xfe, 0x00, 0x4e}); got != "一" {
		t.Errorf("UTF-16LE BOM: %q", got)
	}
}

func TestDecodeTextBOMTruncatedIsValidUTF8(t *testing.T) {
	got, _ := DecodeText([]byte("\xef\xbb\xbf一、总体情况\xe4\xb8"))
	if got != "一、总体情况\ufffd" {
		t.Errorf("UTF-8 BOM, truncated character: %q", got)
	}
	if got, _ := Decode([]byte("\xef\xbb\xbf<p>一\xe4</p>")); got != "<p>一\ufffd</p>" {
		t.Errorf("HTML with UTF-8 BOM, truncated character: %q", got)
	}
}

// One stray byte in a UTF-8 document does not turn it into GB18030; a
// GBK document with a few sequences that happen to be valid UTF-8 is still
// GBK.
func TestNearlyUTF8StaysUTF8(t *testing.T) {
	body := strings.Repeat("示例区人民政府政府信息公开工作年度报告，本年新收申请数量。\n", 20)
	stray := body[:60] + "\xff" + body[60:]
	cut := body + "申"[:2]
	for name, src := range map[string]string{"stray": stray, "cut": cut} {
		got, notes := DecodeText([]byte(src))
		if got != strings.ToValidUTF8(src, "\ufffd") {
			t.Errorf("%s: decoded as %.40q", name, got)
		}
		if len(notes) != 1 || !strings.Contains(notes[0], "invalid") {
			t.Errorf("%s: notes %v", name, notes)
		}
		html := `<html><head><meta charset="utf-8"></head><body><p>` + src + `</p></body></html>`
		if got, notes := Decode([]byte(html)); got != strings.ToValidUTF8(html, "\ufffd") || len(notes) == 0 {
			t.Errorf("%s, declared UTF-8: %.40q, notes %v", name, got, notes)
		}
		if got, _ := Decode([]byte(`<p>` + src)); got != strings.ToValidUTF8(`<p>`+src, "\ufffd") {
			t.Errorf("%s, undeclared: %.40q", name, got)
		}
		if got, notes := Decode([]byte(`<meta charset="gbk"><p>` + src)); !strings.Contains(got, "示例区人民政府") || len(notes) == 0 {
			t.Errorf("%s, declared GBK: %.40q, notes %v", name, got, notes)
		}
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(body)
	if got, notes := DecodeText([]byte(gbk)); got != body || len(notes) != 0 {
		t.Errorf("GBK text decoded as %.40q, notes %v", got, notes)
	}
}

// DecodeBytes hands a UTF-8 page back without copying it, and decodes
// the others as Decode does.
func TestDecodeBytesKeepsUTF8(t *testing.T) {
	page := []byte(`<meta charset="utf-8"><p>示例区人民政府2022年政府信息公开工作年度报告</p>`)
	got, _ := DecodeBytes(page)
	if len(got) != len(page) || &got[0] != &page[0] {
		t.Errorf("a UTF-8 page was copied")
	}
	long := strings.Repeat("<p>示例区人民政府本年新收申请数量１２件</p>\n", 300) // longer than the first guess of the decoded size
	for _, src := range []string{
		`<meta charset="gbk">` + long,
		long,
	} {
		enc, _ := simplifiedchinese.GBK.NewEncoder().String(src)
		b, notes := DecodeBytes([]byte(enc))
		s, snotes := Decode([]byte(enc))
		if string(b) != src || s != src || len(notes) != len(snotes) {
			t.Errorf("GBK page decoded as %.40q / %.40q", b, s)
		}
	}
}

// nearlyUTF8's early stop gives the answer of the full count.
func TestNearlyUTF8StopsEarlyAlike(t *testing.T) {
	full := func(src []byte) bool {
		bad, multi := 0, 0
		for i := 0; i < len(src); {
			r, n := utf8.DecodeRune(src[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				bad++
			case n > 1:
				multi++
			}
			i += n
		}
		return bad > 0 && multi >= 20*bad
	}
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"a", "<p>", "示例", "区", "\xe4", "\xb8", "\xff", "\xd6\xd0", "１"}
	for k := 0; k < 20000; k++ {
		var b []byte
		for n := rng.Intn(80); n > 0; n-- {
			p := pieces[rng.Intn(len(pieces))]
			if rng.Intn(3) > 0 && p[0] >= 0x80 && p != "\xe4" && p != "\xb8" && p != "\xff" && p != "\xd6\xd0" {
				p = strings.Repeat(p, 1+rng.Intn(30))
			}
			b = append(b, p...)
		}
		if _, ok := nearlyUTF8(b); ok != full(b) {
			t.Fatalf("%q: nearlyUTF8 says %v", b, ok)
		}
	}
}
