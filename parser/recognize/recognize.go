// Package recognize finds the national template in a document's lines: the
// sections, the three tables and the title, and maps row labels and column
// headers onto the fields of the JSON contract. It anchors every number on
// its row label and its column header, never on the order of numbers, so a
// blank cell cannot shift the rest.
package recognize

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/docerr"
	"github.com/govreport/govreport/parser/layout"
	"github.com/govreport/govreport/parser/textnorm"
)

// section kinds, in template order.
const (
	secOverview = iota
	secActive
	secRequests
	secReview
	secProblems
	secOther
	numSections
)

// state is the recognizer's view of one document.
type state struct {
	doc       *layout.Document
	lines     []layout.Line // lines with page markers removed
	sections  [numSections]int
	infos     []lineInfo               // per line, filled lazily by info
	rowKeys   []string                 // the row keys lineInfo.rowKey indexes (applicationRowOf)
	pieceBuf  []piece                  // free part of the block info takes lines' pieces from
	valueBuf  []value                  // and their values
	proseOf   [numSections][]proseLine // by proseLines
	proseDone [numSections]bool
	byNum     map[int]int       // Line.Num to index in lines, filled by indexOf
	text      string            // the whole document, spaces squeezed, built once by allText
	textStart []int             // where each line starts in text
	spans     map[spanKey][]int // merged cells' copies, filled by mergedLines
	spanNull  map[string]bool   // paths left null because their cell is merged over rows
	// totalHolds: table 三 rows read from runs whose every split kept fits
	// the row's own total, and that no merged cell may cover (fillFromRuns).
	totalHolds map[string]bool
	noTables   bool   // neither table 二 nor 三 was found line by line
	attached   string // the attachment a page without tables offers, if any
	// cellsInOrder: table 三's rows that stand one cell per line have
	// exactly seven numbers each after their labels (scanApplications).
	cellsInOrder bool
	wrap         float64                // the free text's wrap width, -1 when it does not wrap, 0 before wrapWidth
	marks        *[numSections]textMark // the sections' headings for the free text, filled by textMarks
	running      map[int]bool           // lines that hold a heading inside them (textMarks)
	proseCache   []proseForms           // per line, its prose forms (prose)
	report       *model.Report

	ctx   context.Context // the recognition stops when it ends (see check)
	steps int
}

// Recognize reads the report in doc. It returns a *docerr.Error when the
// document is not a readable report (empty, not a disclosure report, the
// pre-2019 format).
func Recognize(doc *layout.Document) (*model.Report, error) {
	return RecognizeContext(context.Background(), doc)
}

func recognize(ctx context.Context, doc *layout.Document) (*model.Report, error) {
	st := &state{doc: doc, report: &model.Report{Schema: model.Schema, Provenance: make(model.Provenances, provenanceHint)}, ctx: ctx}
	st.lines = make([]layout.Line, 0, len(doc.Lines))
	for _, l := range doc.Lines {
		st.check()
		if !isPageMarker(l) {
			st.lines = append(st.lines, l)
		}
	}
	if len(st.lines) == 0 {
		return nil, docerr.New(docerr.Empty, "the document has no text")
	}
	for _, w := range doc.Warnings {
		st.report.Warn(w.Code, w.Field, w.Message)
	}
	st.findSections()
	st.readMeta()
	st.checkNow()

	if err := st.rejectOldFormat(); err != nil {
		return nil, err
	}
	apps := st.readApplications()
	st.checkNow()
	disc := st.readDisclosure()
	st.checkNow()
	if apps == nil && disc == nil {
		if err := st.classifyFailure(); err != nil {
			return nil, err
		}
	}
	st.readReview(apps)
	st.checkNow()
	st.readText()
	st.checkNow()
	r := st.report
	if apps != nil {
		r.Template = apps.gen
	}
	st.fillFromRuns()
	st.checkNow()
	st.rejectNonCounts()
	st.inferLostCells()
	st.inferBlankRows()
	st.checkNow()
	if st.noTables {
		st.warnMissingTables()
	}
	st.warnPlaceholders()
	if r.Template == "" && r.Templates.ActiveDisclosure != "" {
		r.Template = r.Templates.ActiveDisclosure
		r.Warn("template_from_table_2", "template", "table 三 was not read; the template generation was decided from table 二")
	}
	r.Checks = model.RunChecks(r)
	if r.Checks == nil {
		r.Checks = []model.Check{}
	}
	if r.Warnings == nil {
		r.Warnings = []model.Warning{}
	}
	return r, nil
}

var pageMarkerRe = lazyre.New(`^(?:[-—–－―─]+\s*\d{1,3}\s*[-—–－―─]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$`)

// isPageMarker reports a page number line (— 4 —, -4-, 第4页) that a PDF
// or a converter left between two halves of a table.
func isPageMarker(l layout.Line) bool {
	if len(l.Cells) > 3 || l.Table != 0 {
		return false
	}
	if n := len(l.Cells); n == 0 || len(l.Cells[0].Text) > 40 {
		return false
	}
	return pageMarker(strings.TrimSpace(l.Joined())) || pageMarker(textnorm.Squeeze(l.Joined()))
}

// pageMarker is pageMarkerRe by hand (it ran on every short line); the
// test holds the two together.
func pageMarker(s string) bool {
	if d := pageDashes(s); d > 0 { // — 4 —
		s = trimSpaceASCII(s[d:])
		k := leadingDigits(s)
		if k < 1 || k > 3 {
			return false
		}
		s = trimSpaceASCII(s[k:])
		d = pageDashes(s)
		return d > 0 && d == len(s)
	}
	if rest, ok := strings.CutPrefix(s, "第"); ok { // 第4页, 第4页,共9页
		rest, ok = pageOf(rest)
		if !ok || rest == "" {
			return ok
		}
		rest = trimSpaceASCII(rest)
		if rest != "" && (rest[0] == ',' || rest[0] == '/') {
			rest = rest[1:]
		} else {
			rest = strings.TrimPrefix(rest, "，")
		}
		rest, ok = strings.CutPrefix(trimSpaceASCII(rest), "共")
		if !ok {
			return false
		}
		rest, ok = pageOf(rest)
		return ok && rest == ""
	}
	k := leadingDigits(s) // 4/9
	if k < 1 || k > 3 {
		return false
	}
	s, ok := strings.CutPrefix(trimSpaceASCII(s[k:]), "/")
	if !ok {
		return false
	}
	s = trimSpaceASCII(s)
	k = leadingDigits(s)
	return k >= 1 && k <= 3 && k == len(s)
}

// pageOf reads \s*\d{1,3}\s*页 and returns what follows.
func pageOf(s string) (string, bool) {
	s = trimSpaceASCII(s)
	k := leadingDigits(s)
	if k < 1 || k > 3 {
		return s, false
	}
	return strings.CutPrefix(trimSpaceASCII(s[k:]), "页")
}

// pageDashes returns the length of the dashes that open s.
func pageDashes(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("-—–－―─", r) {
			break
		}
		i += n
	}
	return i
}

// leadingDigits returns the number of ASCII digits that open s.
func leadingDigits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

var headingStart = lazyre.New(`^[一二三四五六七][、.,]`)

// sectionOf returns the section a heading line opens, or -1.
func sectionOf(l layout.Line) int {
	if l.Table != 0 || len(l.Cells) > 2 || len(l.Cells) == 0 {
		return -1
	}
	first := strings.TrimLeft(l.Cells[0].Text, " #*")
	if !strings.HasPrefix(first, "一") && !strings.HasPrefix(first, "二") && !strings.HasPrefix(first, "三") &&
		!strings.HasPrefix(first, "四") && !strings.HasPrefix(first, "五") && !strings.HasPrefix(first, "六") {
		return -1
	}
	t := textnorm.LabelFolded(strings.TrimLeft(l.Joined(), " #*"))
	if !atHeadingStart(t) || utf8.RuneCountInString(t) > 45 {
		return -1
	}
	switch {
	case strings.Contains(t, "总体情况") || strings.Contains(t, "概述") || strings.Contains(t, "基本情况"):
		return secOverview
	case strings.Contains(t, "主动公开"):
		return secActive
	case strings.Contains(t, "复议") || strings.Contains(t, "诉讼"):
		return secReview
	case strings.Contains(t, "收到和处理") || strings.Contains(t, "收到与处理") || (strings.Contains(t, "申请") && strings.Contains(t, "情况") && !strings.Contains(t, "数量")):
		return secRequests
	case strings.Contains(t, "问题") || strings.Contains(t, "改进"):
		return secProblems
	case strings.Contains(t, "其他需要报告") || strings.Contains(t, "其他事项") || strings.Contains(t, "需要报告的事项"):
		return secOther
	}
	return -1
}

// findSections records the line index of each section heading, taking the
// first heading of each kind that follows the previous one found.
func (st *state) findSections() {
	for i := range st.sections {
		st.sections[i] = -1
	}
	last := -1
	for i, l := range st.lines {
		st.check()
		k := sectionOf(l)
		if k < 0 || st.sections[k] >= 0 {
			continue
		}
		if k < last {
			continue
		}
		st.sections[k] = i
		last = k
	}
}

// region returns the lines [from, to) of section k: from its heading to
// the next heading found, or the empty range when it has no heading.
func (st *state) region(k int) (int, int) {
	from := st.sections[k]
	if from < 0 {
		return 0, 0
	}
	to := len(st.lines)
	for j := k + 1; j < numSections; j++ {
		if st.sections[j] > from {
			to = st.sections[j]
			break
		}
	}
	return from + 1, to
}

// provenanceHint sizes a report's provenance map: a template report
// records about 200 cells, and growing the map there was a tenth of the
// bytes a parse allocates.
const provenanceHint = 224

// provenance records where the value at path was read.
func (st *state) provenance(path string, v value) {
	p := model.Provenance{Text: v.cell.Raw}
	if v.line != nil {
		p.Page, p.Line = v.line.Page, v.line.Num
	}
	st.report.Provenance[path] = p
}

var oldFormatMarkers = []string{"依申请公开政府信息情况", "同意公开答复数", "政府信息公开的收费及减免情况", "咨询处理情况", "行政申诉",
	"政府信息公开情况统计表", "受理依申请公开信息总数", "同意部分公开答复数", "当面申请数", "指标名称"}

// newFormatMarkers are found only in reports of the national template.
var newFormatMarkers = []string{"自然人", "商业企业", "第二十条", "勾稽", "本年新收政府信息公开申请数量", "法律服务机构"}

// rejectOldFormat refuses a report of the 2008 条例: its statistics table
// has rows that look like the template's (同意部分公开答复数) but mean
// something else, so it must not be read as the template at all.
func (st *state) rejectOldFormat() error {
	all := st.allText()
	if hasAny(all, newFormatMarkers) {
		return nil
	}
	year := st.report.Year
	if hasAny(all, oldFormatMarkers) || (year != nil && *year <= 2018) {
		reason := "pre-2019 format: a report under the 2008 条例 without the national tables of 国办公开办函〔2019〕60号"
		if year != nil {
			reason += " (report year " + strconv.Itoa(*year) + ")"
		}
		return docerr.New(docerr.Pre2019, reason)
	}
	return nil
}

// classifyFailure explains a document in which neither table 二 nor table
// 三 was found: empty, the pre-2019 format, or no report at all.
func (st *state) classifyFailure() error {
	headings := 0
	for _, h := range st.sections {
		if h >= 0 {
			headings++
		}
	}
	attached := st.attachment()
	if headings < 3 && attached != "" && !hasAny(st.allText(), newFormatMarkers) && st.aboutReport(attached) {
		// A CMS page that holds only the title and 附件：XX年度报告.doc.
		return docerr.New(docerr.Attachment, "report in an attachment: the report is in the attached "+attached+" (the page holds no report text or table); download it and parse that file")
	}
	if st.report.Title != nil && (headings >= 3 || hasAny(st.allText(), newFormatMarkers)) {
		// A report whose tables are missing still has a title, a year and
		// text worth keeping: the caller gets it with null tables. Runs
		// of digits may still give some (warnMissingTables).
		st.noTables, st.attached = true, attached
		return nil
	}
	if garbled(st.lines) {
		return docerr.New(docerr.Scanned, "the text layer decodes to symbols, not words (fonts without a usable character mapping, as some print-to-PDF round trips leave); run OCR on the rendered pages")
	}
	return docerr.New(docerr.NotReport, "not a 政府信息公开工作年度报告: no title, section or table of the national template found")
}

// warnMissingTables says which tables are null in a report whose tables
// 二 and 三 were not found line by line: every one, or those the runs of
// digits did not give either.
func (st *state) warnMissingTables() {
	r := st.report
	empty := func(t *model.Table) bool { return t == nil || known(t) == 0 }
	if empty(r.ActiveDisclosure) && empty(r.Applications) && empty(r.ReviewLitigation) {
		msg := "no table of the national template was found in the document"
		if st.attached != "" {
			msg += "; the document offers the attached " + st.attached + ", which may hold them"
		}
		r.Warn("tables_missing", "", msg)
		return
	}
	if empty(r.ActiveDisclosure) {
		r.Warn("table_missing", "active_disclosure", "table 二 (主动公开) was not found; its values are null")
	}
	if empty(r.Applications) {
		r.Warn("table_missing", "applications", "table 三 (收到和处理政府信息公开申请) was not found; its values are null")
	}
}

// warnPlaceholders says why a table is null when a converter wrote a
// placeholder ([TABLE], as pandoc's plain text does for a table with
// merged cells) instead of it: its numbers are not in the text at all.
func (st *state) warnPlaceholders() {
	r := st.report
	if !strings.Contains(st.allText(), "[TABLE]") {
		return // no line can be the placeholder (Joined made a string of each)
	}
	placeholder := false
	for _, l := range st.lines {
		placeholder = placeholder || strings.TrimSpace(l.Joined()) == "[TABLE]"
	}
	if !placeholder {
		return
	}
	for _, t := range []struct {
		field, name string
		table       *model.Table
	}{
		{"active_disclosure", "二", r.ActiveDisclosure},
		{"applications", "三", r.Applications},
		{"review_litigation", "四", r.ReviewLitigation},
	} {
		if t.table != nil && known(t.table) > 0 {
			continue
		}
		msg := "table " + t.name + " was not found, and the document holds a placeholder [TABLE] where its converter left a table out: its values are not in the text, so they are null"
		said := false
		for i, w := range r.Warnings {
			if w.Code == "table_missing" && w.Field == t.field {
				r.Warnings[i].Message, said = msg, true
			}
		}
		if !said {
			r.Warn("table_missing", t.field, msg)
		}
	}
}

// garbled reports text that is mostly not words: Chinese characters,
// Latin letters and digits make up under a third of it.
func garbled(lines []layout.Line) bool {
	words, all := 0, 0
	for _, l := range lines {
		for _, c := range l.Cells {
			for _, r := range c.Text {
				switch {
				case r == ' ':
					continue
				case r >= 0x4e00 && r <= 0x9fff, r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
					words++
				}
				all++
			}
		}
	}
	return all >= 50 && words*3 < all
}

func (st *state) allText() string {
	if st.text != "" {
		return st.text
	}
	// Squeeze(Joined()) of every line, written cell by cell into one
	// buffer sized first: no string per line, no regrowth.
	n := len(st.lines)
	for _, l := range st.lines {
		for _, c := range l.Cells {
			n += len(c.Text)
		}
	}
	var b strings.Builder
	b.Grow(n)
	st.textStart = make([]int, len(st.lines))
	for i, l := range st.lines {
		st.check()
		st.textStart[i] = b.Len()
		for _, c := range l.Cells {
			if c.Copy {
				continue
			}
			for t := c.Text; ; {
				i := strings.IndexByte(t, ' ')
				if i < 0 {
					b.WriteString(t)
					break
				}
				b.WriteString(t[:i])
				t = t[i+1:]
			}
		}
		b.WriteByte('\n')
	}
	st.text = b.String()
	return st.text
}

// firstLineWith returns the index of the first line whose text, spaces
// squeezed, holds sub (which holds no line break), or -1: one search of
// allText instead of a string built for every line.
func (st *state) firstLineWith(sub string) int {
	k := strings.Index(st.allText(), sub)
	if k < 0 {
		return -1
	}
	// The last line starting at or before k.
	return sort.Search(len(st.textStart), func(i int) bool { return st.textStart[i] > k }) - 1
}

func hasAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// rejectNonCounts leaves null a value its field cannot hold: a count
// printed with a fraction or a minus sign, or so large that it cannot be
// kept exactly (model.MaxCount), is not a count; rounding or dropping the
// sign would invent a number. The raw text stays in the provenance.
func (st *state) rejectNonCounts() {
	r := st.report
	for _, t := range r.Tables() {
		if t.Table == nil {
			continue
		}
		for ri := range t.Table.Rows {
			row := &t.Table.Rows[ri]
			for ci := range row.Cells {
				c := &row.Cells[ci]
				// A valid count is valid for every kind: most cells need
				// no path built (this loop built one for every cell).
				if c.Value == nil || model.ValidValue(model.Count, *c.Value) {
					continue
				}
				path := t.Name + "." + row.Key + "." + c.Key
				k := model.KindOf(path)
				if model.ValidValue(k, *c.Value) {
					continue
				}
				raw := r.Provenance[path].Text
				if raw == "" {
					raw = strconv.FormatFloat(*c.Value, 'f', -1, 64)
				}
				c.Value = nil
				switch {
				case k == model.Count && strings.HasPrefix(strings.TrimSpace(raw), "-"):
					r.Warn("negative_count", path, fmt.Sprintf("a count printed as %s; left null", raw))
				case k == model.Amount:
					r.Warn("not_a_count", path, fmt.Sprintf("an amount printed as %s is too large to be kept exactly; left null", raw))
				default:
					r.Warn("not_a_count", path, fmt.Sprintf("a count printed as %s is not a whole number of at most %d; left null, not rounded", raw, model.MaxCount))
				}
			}
		}
	}
}
