package rowlabel

import (
	"math/rand"
	"testing"

	"github.com/govreport/govreport/parser/textnorm"
)

func TestNumbering(t *testing.T) {
	for in, want := range map[string][2]string{
		"7.属于行政执法案件":  {"7.", "属于行政执法案件"},
		"7、属于行政执法案件":  {"7.", "属于行政执法案件"},
		"(7)属于行政执法案件": {"7.", "属于行政执法案件"},
		"(一)予以公开":     {"(一)", "予以公开"},
		"一、本年新收":      {"一、", "本年新收"},
		"属于国家秘密":      {"", "属于国家秘密"},
	} {
		num, rest := Numbering(textnorm.Label(in))
		if num != want[0] || rest != want[1] {
			t.Errorf("Numbering(%q) = %q %q, want %q %q", in, num, rest, want[0], want[1])
		}
	}
}

// Misprinted and reworded labels land on the row their number, their
// place and their words agree on.
func TestApplicationVariants(t *testing.T) {
	tests := []struct{ label, after, key string }{
		{"7.属于行政执法案件", "withheld_process_information", "withheld_enforcement_case_file"},
		{"(三)不予公开7.属于行政执法案件", "", "withheld_enforcement_case_file"},
		{"1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请", "not_processed_confirmation", "other_no_correction"},
		{"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再受理其政府信息公开申请", "other_no_correction", "other_unpaid_fee"},
		{"2.其他法律和行政法规禁止公开", "withheld_state_secret", "withheld_prohibited_by_law"},
		{"2.其他法律行政止公开", "withheld_state_secret", "withheld_prohibited_by_law"},
		{"5.属于三类内容事务信息", "withheld_third_party_rights", "withheld_internal_affairs"},
		// OCR misreads with no row read before: 1. is numbered in four
		// groups, the words settle it.
		{"1.本机关不掌暹相关政府信息", "", "unavailable_not_held"},
		{"(一)予以公开公开", "carried_over", "granted"},
	}
	for _, tc := range tests {
		if got, sim := Application(textnorm.Label(tc.label), tc.after); got != tc.key {
			t.Errorf("Application(%q after %q) = %q (%.2f), want %q", tc.label, tc.after, got, sim, tc.key)
		}
	}
}

// Near misses: a label that is only similar, or only numbered and placed
// right, matches nothing.
func TestApplicationNearMisses(t *testing.T) {
	tests := []struct{ label, after string }{
		// Right number and place, words share only the frame 属于行政…事项.
		{"8.属于行政许可事项", "withheld_enforcement_case_file"},
		// Right words, wrong number.
		{"3.属于行政执法案件", "withheld_security_stability"},
		// Right words and number, but no 7. follows 本机关不掌握.
		{"7.属于行政执法案件", "unavailable_not_held"},
		// One character of four changed is too little left to tell.
		{"2.重复甲请", "not_processed_complaint"},
		// No number: position cannot agree.
		{"属于行政执法案件", "withheld_process_information"},
		// A group label is no row.
		{"(三)不予公开", "partially_granted"},
	}
	for _, tc := range tests {
		if got, sim := Application(textnorm.Label(tc.label), tc.after); got != "" {
			t.Errorf("Application(%q after %q) = %q (%.2f), want no match", tc.label, tc.after, got, sim)
		}
	}
}

func TestSimilarityKeepsFrameTwinsApart(t *testing.T) {
	if s := Similarity("行政处罚", "行政强制"); s >= MinPlaced {
		t.Errorf("行政处罚 and 行政强制 similar %.2f", s)
	}
	if s := Similarity("属于行政执法案件", "属于行政执法案卷"); s < MinPlaced {
		t.Errorf("one misprinted character leaves only %.2f", s)
	}
	cands := map[string]string{"punishment": "行政处罚", "coercion": "行政强制", "licensing": "行政许可"}
	if k := Near("行政处法", cands, MinPlaced, 0.2); k != "punishment" {
		t.Errorf("行政处法 near %q", k)
	}
	if k := Near("行政检查", cands, MinPlaced, 0.2); k != "" {
		t.Errorf("行政检查 near %q", k)
	}
}

func TestUnmatchedIgnoresGroupShreds(t *testing.T) {
	for _, l := range []string{"(四)无", "(三)不予公开", "(六)其他处理"} {
		if Unmatched(l) {
			t.Errorf("%q warned as an unmatched row", l)
		}
	}
	if !Unmatched("8.属于行政许可事项") {
		t.Errorf("a numbered label with words of its own not warned")
	}
}

// TestSimilarityMatchesMaps holds the slice-based bigram sets to the map
// ones (Bigrams, Dice), to the last bit.
func TestSimilarityMatchesMaps(t *testing.T) {
	alphabet := []string{"予", "以", "公", "开", "政", "府", "信", "息", "(", "一", ")", "1", "a", " ", "\xff", "\xe4\xb8"}
	r := rand.New(rand.NewSource(15))
	word := func() string {
		s := ""
		for n := r.Intn(10); n > 0; n-- {
			s += alphabet[r.Intn(len(alphabet))]
		}
		return s
	}
	for i := 0; i < 20000; i++ {
		a, b := word(), word()
		if got, want := Similarity(a, b), Dice(Bigrams(a), Bigrams(b)); got != want {
			t.Fatalf("%q, %q: %v, want %v", a, b, got, want)
		}
	}
}

// TestComparingLabelsAllocatesNothing: the bigram sets built only to be
// compared live on the stack (Near builds one per candidate).
func TestComparingLabelsAllocatesNothing(t *testing.T) {
	cands := map[string]string{"a": "本年新收政府信息公开申请数量", "b": "上年结转政府信息公开申请数量"}
	n := testing.AllocsPerRun(100, func() {
		_ = Similarity("自然人", "法人或者其他组织")
		_ = Near("本年新收申请数量", cands, 0.5, 0.1)
	})
	if n != 0 {
		t.Fatalf("%v allocations", n)
	}
	if got := Near("本年新收申请数量", cands, 0.5, 0.1); got != "a" {
		t.Fatalf("Near = %q", got)
	}
}
