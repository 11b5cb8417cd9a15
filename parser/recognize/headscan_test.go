package recognize

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/model"
)

// The scanners of headscan.go against their patterns, on strings drawn
// from the pieces each pattern is made of and a few that break it
// (invalid bytes, a cut character, the stop characters of the repeats).

// anchored returns the patterns anchored at the start of the text.
func anchored(res [numSections]*lazyre.Regexp) (out [numSections]*lazyre.Regexp) {
	for k, re := range res {
		if re != nil {
			out[k] = lazyre.New(`^(?:` + re.String() + `)`)
		}
	}
	return out
}

var (
	textHeadingsAt    = anchored(textHeadings)
	midLineHeadingsAt = anchored(midLineHeadings)
)

var headingAlphabet = []string{"一", "二", "四", "六", "七", "八", "十", "、", ".", "．", ",", " ", "\t", "\u3000", "主动公开", "政府信息情况", "主动",
	"收到", "和", "与", "及", "以及", "处理", "行政复议", "行政诉讼", "提起", "的", "情况", "复议", "问题", "改进", "整改", "其", "措施", "举措", "计划", "方向",
	"政府信息公开", "工作", "存在", "主要", "其他需要报告的", "其他需报告的事项", "需要报告的其他事项", "其他事项", "事项", "总体情况", "总体",
	"工作概述", "概况", "概述", "。", "，", "；", "(", "1", "\xff", "\xe4\xb8", "\n"}

func TestTextHeadingAtMatchesPatterns(t *testing.T) {
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 60000; i++ {
		s := []string{"一、", "二.", "三．", "七、", "四,", ""}[r.Intn(6)] + randomFrom(r, headingAlphabet, 9)
		for k := 0; k < numSections; k++ {
			want := -1
			if loc := textHeadingsAt[k].FindStringIndex(s); loc != nil {
				want = loc[1]
			}
			if got := textHeadingAt(k, s); got != want {
				t.Fatalf("text heading %d, %q: %d, want %d", k, s, got, want)
			}
			if re := midLineHeadingsAt[k]; re != nil {
				want = -1
				if loc := re.FindStringIndex(s); loc != nil {
					want = loc[1]
				}
				if got := midLineHeadingAt(k, s); got != want {
					t.Fatalf("mid-line %d, %q: %d, want %d", k, s, got, want)
				}
			}
			if hasMidLineHeading(k) != (midLineHeadings[k] != nil) {
				t.Fatalf("section %d: hasMidLineHeading %v", k, hasMidLineHeading(k))
			}
		}
		if got, want := atHeadingStart(s), headingStart.MatchString(s); got != want {
			t.Fatalf("heading start %q: %v, want %v", s, got, want)
		}
	}
}

// TestReviewHeadingLazyLimit holds the lazy repeat's bound of 24
// characters on both sides of it.
func TestReviewHeadingLazyLimit(t *testing.T) {
	for n := 20; n < 28; n++ {
		for _, fill := range []string{"x", "年", "\xff"} {
			s := "三、"
			for i := 0; i < n; i++ {
				s += fill
			}
			s += "行政复议和行政诉讼情况"
			want := -1
			if loc := textHeadingsAt[secReview].FindStringIndex(s); loc != nil {
				want = loc[1]
			}
			if got := textHeadingAt(secReview, s); got != want {
				t.Fatalf("%q: %d, want %d", s, got, want)
			}
			want = -1
			if loc := midLineHeadingsAt[secReview].FindStringIndex(s); loc != nil {
				want = loc[1]
			}
			if got := midLineHeadingAt(secReview, s); got != want {
				t.Fatalf("mid-line %q: %d, want %d", s, got, want)
			}
		}
	}
}

func TestStartsItemMatchesPattern(t *testing.T) {
	alphabet := []string{"#", "一", "十", "二", "、", ".", "．", ",", "，", "（", "(", "）", ")", "1", "2", "0", "１", "９", "①", "⑳", "㉑", "⑴",
		"第", "年", "月", "日", "-", "/", " ", "\t", "\n", "申请", "\xff", "\xe2\x91"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 150000; i++ {
		s := randomFrom(r, alphabet, 9)
		if i%3 == 0 { // a date, mostly well formed
			d := []string{"2024", "２０２４", "202", "20241", "1999"}
			n := []string{"1", "12", "１", "123", ""}
			sep := []string{"年", "月", "-", "/", ".", "．", "日", "x"}
			sp := []string{"", " ", "\t"}
			s = d[r.Intn(len(d))] + sp[r.Intn(3)] + sep[r.Intn(len(sep))] + sp[r.Intn(3)] + n[r.Intn(len(n))] + sp[r.Intn(3)] + sep[r.Intn(len(sep))] +
				sp[r.Intn(3)] + n[r.Intn(len(n))] + sp[r.Intn(3)] + []string{"", "日", "日 ", "x"}[r.Intn(4)]
		}
		if got, want := startsItem(s), itemStart.MatchString(s); got != want {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
	}
}

func TestEndsAgencyMatchesPattern(t *testing.T) {
	alphabet := append([]string{"人民", "XX", " ", "\n", "\xe5\xb1", "\xff", "员会", "公室", "道", "事处"}, agencyEnds[:]...)
	holdsTo(t, alphabet, 5, 50000, endsAgency, agencyEndRe.MatchString)
}

func TestNamesAttachmentMatchesPattern(t *testing.T) {
	alphabet := []string{".", "..", "doc", "DOCX", "d", "oc", "pdf", "PDF", "wps", "wpſ", "WPS", "ofd", "xls", "XLSX", "xl", "et", "ET", "e", "t", "K", "报告", " ", "\n", "\xff"}
	holdsTo(t, alphabet, 7, 80000, namesAttachment, attachHintRe.MatchString)
}

func TestIndexNumeralMatchesIndexAny(t *testing.T) {
	alphabet := []string{"一", "二", "三", "四", "五", "六", "七", "八", "丁", "万", "丈", "乙", "人", "亿", "兆", "不", "a", " ", "\xe4", "\xe4\xb8", "\xe5\x9b", "\xb8\x80", "\xff"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 100000; i++ {
		s := randomFrom(r, alphabet, 8)
		for _, nums := range []string{headingNums6, headingNums7, "一"} {
			if got, want := indexNumeral(s, nums), strings.IndexAny(s, nums); got != want {
				t.Fatalf("%q in %q: %d, want %d", nums, s, got, want)
			}
		}
	}
}

// TestMayEndInValue holds the quick test of piecesIn to what it stands
// for: every cell whose last word reads as a value passes it.
func TestMayEndInValue(t *testing.T) {
	alphabet := []string{"1", "23", "1,234", ",", ".", "5", "+", "-", "—", "——", "--", "/", "无", "－", "―", "─", "–", "万元", "元", "件", "个", "项", "条",
		"申请", "a", " ", "\t", "\u3000", "\u00a0", "\xff", "\xe5"}
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 100000; i++ {
		s := randomFrom(r, alphabet, 6)
		last := lastField(s)
		k, _, _ := parseValue(last)
		if value := last != "" && last != "无" && k != notValue; value && !mayEndInValue(s) {
			t.Fatalf("%q: its last word %q reads as a value", s, last)
		}
	}
}

// TestColumnRelationsMatchRunChecks holds columnRelations to the balance
// and results checks of model.RunChecks on tables filled at random.
func TestColumnRelationsMatchRunChecks(t *testing.T) {
	r := rand.New(rand.NewSource(15))
	for i := 0; i < 3000; i++ {
		g := []model.Generation{model.Gen2019, model.Gen2021}[r.Intn(2)]
		var keys []string
		for _, d := range model.ApplicationRowsFor(g) {
			keys = append(keys, d.Key)
		}
		var cols []string
		for _, c := range model.ApplicationColumns {
			cols = append(cols, c.Key)
		}
		tb := model.NewTable(keys, func(string) []string { return cols })
		for _, k := range keys {
			for _, c := range cols {
				if r.Intn(8) > 0 {
					tb.Set(k, c, float64(r.Intn(3)))
				}
			}
		}
		evaluated, hold := 0, true
		for _, c := range model.RunChecks(&model.Report{Template: g, Applications: tb}) {
			if c.Rule == "balance" || c.Rule == "results" {
				evaluated++
				hold = hold && c.OK
			}
		}
		if e, h := columnRelations(tb, g); e != evaluated || h != hold {
			t.Fatalf("table %d: %d %v, checks %d %v", i, e, h, evaluated, hold)
		}
	}
}

// TestGroupLabelsGate keeps matchApplicationRow's quick test true: every
// group label holds a parenthesis or 办理结果.
func TestGroupLabelsGate(t *testing.T) {
	for _, g := range groupLabels {
		if !strings.Contains(g, "(") && !strings.Contains(g, "办理结果") {
			t.Errorf("group label %q has neither ( nor 办理结果", g)
		}
	}
}
