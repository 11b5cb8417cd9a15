package charset

import (
	"testing"

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
	if got := DecodeText([]byte("\xef\xbb\xbf一、总体情况")); got != "一、总体情况" {
		t.Errorf("UTF-8 BOM: %q", got)
	}
	if got := DecodeText([]byte{0xff, 0xfe, 0x00, 0x4e}); got != "一" {
		t.Errorf("UTF-16LE BOM: %q", got)
	}
}

func TestDecodeTextBOMTruncatedIsValidUTF8(t *testing.T) {
	got := DecodeText([]byte("\xef\xbb\xbf一、总体情况\xe4\xb8"))
	if got != "一、总体情况\ufffd" {
		t.Errorf("UTF-8 BOM, truncated character: %q", got)
	}
	if got, _ := Decode([]byte("\xef\xbb\xbf<p>一\xe4</p>")); got != "<p>一\ufffd</p>" {
		t.Errorf("HTML with UTF-8 BOM, truncated character: %q", got)
	}
}
