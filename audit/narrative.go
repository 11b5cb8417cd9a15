package audit

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/model"
)

var (
	// A line that only numbers or names a part: （一）存在的主要问题, 二、改进措施, ### 标题.
	headingLine = lazyre.New(`^(?:#+\s*)?(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．])?[^。，,；;！？!?]{0,30}$`)
	// A line that says there is nothing to report is content, not a heading.
	nothingLine = lazyre.New(`^(?:[（(][一二三四五六七八九十\d]+[）)])?\s*(?:无|暂无|没有|本年度无|本年无)`)
	dateLine    = lazyre.New(`^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$`)
)

// hasBody reports whether a section has a line that says something: not
// a heading-only line, nor the signature (agency and date) that ends the
// last section.
func hasBody(r *model.Report, text string) bool {
	for len(text) > 0 {
		l := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case dateLine.MatchString(l):
		case r.Agency != nil && squeeze(l) == squeeze(*r.Agency):
		case nothingLine.MatchString(l):
			return true
		case headingLine.MatchString(l) && utf8.RuneCountInString(l) <= 30:
		default:
			return true
		}
	}
	return false
}

var topHeading = lazyre.New(`(?m)^\s*(?:#+\s*)?[二三四五六七八九十]、`)

// ownNumbering: a top-level heading (二、…) inside the free text means the
// document numbers its narrative its own way, so the sections were not
// told apart by the template's headings and an empty one proves nothing.
func ownNumbering(r *model.Report) bool {
	return hasTopHeading(r.Text.Overview) || hasTopHeading(r.Text.Problems) || hasTopHeading(r.Text.OtherMatters)
}

// hasTopHeading is topHeading.MatchString by hand, tried at line starts
// only (the pattern ran from every position of the free text).
func hasTopHeading(t string) bool {
	for start := 0; start <= len(t); {
		i := skipSpaces(t, start)
		if i < len(t) && t[i] == '#' {
			for i < len(t) && t[i] == '#' {
				i++
			}
			i = skipSpaces(t, i)
		}
		if r, n := utf8.DecodeRuneInString(t[i:]); strings.ContainsRune("二三四五六七八九十", r) && strings.HasPrefix(t[i+n:], "、") {
			return true
		}
		nl := strings.IndexByte(t[start:], '\n')
		if nl < 0 {
			return false
		}
		start += nl + 1
	}
	return false
}

// skipSpaces skips the regexp's \s from i on.
func skipSpaces(t string, i int) int {
	for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\f' || t[i] == '\r') {
		i++
	}
	return i
}

// narrativeMissing: section 五 or 六 absent, empty or only a heading.
// Only judged when section 一 was read: a report whose free text could
// not be told apart at all (a dump run together) says nothing about its
// sections.
func narrativeMissing(r *model.Report) []model.Finding {
	if strings.TrimSpace(r.Text.Overview) == "" || ownNumbering(r) {
		return nil
	}
	var out []model.Finding
	for _, s := range []struct{ field, text, name string }{
		{"text.problems", r.Text.Problems, "第五部分“存在的主要问题及改进情况”"},
		{"text.other_matters", r.Text.OtherMatters, "第六部分“其他需要报告的事项”"},
	} {
		if hasBody(r, s.text) {
			continue
		}
		what := "缺失或为空"
		if strings.TrimSpace(s.text) != "" {
			what = "只有标题，没有内容"
		}
		out = append(out, model.Finding{
			Rule: RuleNarrativeMissing, Severity: model.SeverityWarning,
			Message:  fmt.Sprintf("%s%s。", s.name, what),
			Evidence: []model.Evidence{{Field: s.field, Text: strings.TrimSpace(s.text)}},
		})
	}
	return out
}

var (
	noFeeRe = lazyre.New(`未收取|不收取|没有收取|未产生|未发生|无收费|未收费|均未|为0|为零|零收费|无`)
	// A verb of charging: 收费 alone is part of the name 行政事业性收费,
	// which a sentence about the fee catalogue or its publication names
	// without saying that anything was charged.
	feeSaid = lazyre.New(`收取|征收|收缴|上缴|缴入`)
	// No unlawful fee (无乱收费现象) says nothing about the lawful ones.
	misconductRe = lazyre.New(`(?:无|未发生|没有|杜绝|未出现|不存在)[^，,。；;]{0,6}?(?:乱收费|违规收费|违法收费|超标准收费|擅自收费)`)
	infoFee      = lazyre.New(`信息处理费|处理费|信息公开收费|公开收费`)
	adminFee     = "行政事业性收费"
)

// feeMismatch: a sentence of section 六 or 一 about 行政事业性收费 that
// says none was charged while table 二 prints an amount, or says fees
// were charged (without an amount: amounts are text_table's) while table
// 二 prints 0. Sentences about the 信息处理费 of disclosure requests are
// not compared: that fee is not table 二's 行政事业性收费.
func feeMismatch(x *reading) []model.Finding {
	r := x.r
	if r.Templates.ActiveDisclosure != model.Gen2021 {
		return nil
	}
	fig := sumFigure(r, r.ActiveDisclosure, "active_disclosure", []string{"fees"}, "amount_10k_yuan")
	if !fig.known {
		return nil
	}
	var out []model.Finding
	for _, si := range []int{2, 0} { // text.other_matters, text.overview
		s := sections[si].field
		for _, st := range x.sentences(si) {
			sent, t := st.text, st.sq
			if !strings.Contains(t, adminFee) || infoFee.MatchString(t) {
				continue
			}
			t = misconductRe.ReplaceAllString(t, "")
			none := noFeeRe.MatchString(t)
			var msg string
			switch {
			case none && fig.value > 0:
				msg = fmt.Sprintf("%s称未收取行政事业性收费（“%s”），而表二本年收费金额为%s万元。", sectionLabel(s), sent, num(fig.value))
			case !none && fig.value == 0 && feeSaid.MatchString(t) && !containsDigit(t):
				msg = fmt.Sprintf("%s称收取了行政事业性收费（“%s”），而表二本年收费金额为0。", sectionLabel(s), sent)
			default:
				continue
			}
			out = append(out, model.Finding{
				Rule: RuleFeeMismatch, Severity: model.SeverityWarning, Message: msg,
				Evidence: append([]model.Evidence{{Field: s, Text: sent}}, fig.cells()...),
			})
		}
	}
	return out
}

func containsDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}
