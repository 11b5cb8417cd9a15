// Package reportpdf draws a disclosure report (from a number set in the
// expected-JSON form) as a PDF with the layout habits of WPS exports:
// narrow table cells with wrapped headers, the group label 三、本年度办理结果
// one character per line, a requests table that crosses a page break,
// page numbers "- N -". Its fonts are the old non-embedded set-up: SimSun
// through a predefined CMap (GBK-EUC-H or UniGB-UCS2-H) without ToUnicode,
// so a reader must decode the bytes with the CMap's own encoding.
package reportpdf

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/pdf/internal/pdfgen"
)

// Report is the part of an expected JSON the renderer draws.
type Report struct {
	Agency           string                        `json:"agency"`
	Year             int                           `json:"year"`
	Template         string                        `json:"template"`
	ActiveDisclosure map[string]map[string]float64 `json:"active_disclosure"`
	Applications     map[string]map[string]int     `json:"applications"`
	ReviewLitigation map[string]map[string]int     `json:"review_litigation"`
}

// Options choose the font encoding and the page structure.
type Options struct {
	Encoding string // "GBK-EUC-H" (default) or "UniGB-UCS2-H"
	Form     bool   // draw each page's content inside a Form XObject
	Compress bool
	// WrapDigits, when positive, wraps the numbers of table 三 longer than
	// that many digits onto two lines inside their cell (1361 / 2), as
	// narrow cells do.
	WrapDigits int
	// RepeatHeader draws table 三's header again at the top of a page the
	// table continues on (Word's repeated header rows).
	RepeatHeader bool
}

const (
	pageW, pageH = 595.0, 842.0
	left, right  = 74.0, 521.0
	top, bottom  = 770.0, 80.0
	body         = 12.0
	small        = 9.0
)

type page struct{ ops bytes.Buffer }

type renderer struct {
	opt   Options
	pages []*page
	cur   *page
	y     float64
}

func (r *renderer) newPage() {
	r.cur = &page{}
	r.pages = append(r.pages, r.cur)
	r.y = top
}

func (r *renderer) ensure(h float64) {
	if r.cur == nil || r.y-h < bottom {
		r.newPage()
	}
}

// encode returns the bytes of s in the font's encoding.
func (r *renderer) encode(s string) []byte {
	if r.opt.Encoding == "UniGB-UCS2-H" {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return b
	}
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(fmt.Sprintf("cannot encode %q in GBK: %v", s, err))
	}
	return b
}

// width of s at size: full-width for CJK, half for ASCII.
func width(s string, size float64) float64 {
	w := 0.0
	for _, c := range s {
		if c < 0x80 {
			w += size / 2
		} else {
			w += size
		}
	}
	return w
}

func (r *renderer) text(x, y, size float64, s string) {
	if s == "" {
		return
	}
	fmt.Fprintf(&r.cur.ops, "BT /F1 %.1f Tf %.2f %.2f Td %s Tj ET\n", size, x, y, pdfgen.HexString(r.encode(s)))
}

func (r *renderer) centre(x0, x1, y, size float64, s string) {
	r.text((x0+x1)/2-width(s, size)/2, y, size, s)
}

func (r *renderer) rect(x0, y0, x1, y1 float64) {
	fmt.Fprintf(&r.cur.ops, "%.2f %.2f %.2f %.2f re S\n", x0, y0, x1-x0, y1-y0)
}

// wrap splits s into lines of at most w points at size.
func wrap(s string, w, size float64) []string {
	var out []string
	var cur strings.Builder
	cw := 0.0
	for _, c := range s {
		cwid := width(string(c), size)
		if cw+cwid > w+0.01 && cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
			cw = 0
		}
		cur.WriteRune(c)
		cw += cwid
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

func (r *renderer) paragraph(s string, indent bool, size float64) {
	lh := size * 1.6
	first := left
	if indent {
		first = left + 2*size
	}
	lines := wrap(s, right-first, size)
	if len(lines) > 0 && indent {
		// first line indented, the rest at the margin
		rest := wrap(strings.TrimPrefix(s, lines[0]), right-left, size)
		lines = append(lines[:1], rest...)
	}
	for i, l := range lines {
		r.ensure(lh)
		x := left
		if i == 0 {
			x = first
		}
		r.y -= lh
		r.text(x, r.y, size, l)
	}
}

func num(v int) string { return strconv.Itoa(v) }

// Render draws the report.
func Render(rep Report, prose Prose, opt Options) []byte {
	if opt.Encoding == "" {
		opt.Encoding = "GBK-EUC-H"
	}
	r := &renderer{opt: opt}
	r.newPage()
	title1 := rep.Agency
	title2 := fmt.Sprintf("%d年政府信息公开工作年度报告", rep.Year)
	r.y -= 22
	r.centre(left, right, r.y, 18, title1)
	r.y -= 26
	r.centre(left, right, r.y, 18, title2)
	r.y -= 10
	for _, p := range prose.Preamble {
		r.paragraph(p, true, body)
	}
	r.heading("一、总体情况")
	for _, p := range prose.Overview {
		r.paragraph(p, true, body)
	}
	r.heading("二、主动公开政府信息情况")
	r.disclosure(rep)
	r.heading("三、收到和处理政府信息公开申请情况")
	r.requests(rep)
	r.heading("四、政府信息公开行政复议、行政诉讼情况")
	r.review(rep)
	r.heading("五、存在的主要问题及改进情况")
	for _, p := range prose.Problems {
		r.paragraph(p, true, body)
	}
	r.heading("六、其他需要报告的事项")
	for _, p := range prose.Other {
		r.paragraph(p, true, body)
	}
	for i, p := range r.pages {
		r.cur = p
		r.centre(left, right, 50, 10.5, fmt.Sprintf("- %d -", i+1))
	}
	return r.assemble(rep)
}

// Prose is the report's running text, paragraph by paragraph.
type Prose struct {
	Preamble, Overview, Problems, Other []string
}

func (r *renderer) heading(s string) {
	r.ensure(body * 3)
	r.y -= body * 1.8
	r.text(left+2*body, r.y, body, s)
}

// cells draws one table row: borders for each [x0,x1) and the text lines
// of each cell centred vertically.
type cellSpec struct {
	x0, x1 float64
	lines  []string
	alignL bool
}

func (r *renderer) row(cells []cellSpec, size float64, minH float64) {
	lh := size * 1.35
	h := minH
	for _, c := range cells {
		if hh := float64(len(c.lines))*lh + 6; hh > h {
			h = hh
		}
	}
	r.ensure(h)
	topY := r.y
	for _, c := range cells {
		r.rect(c.x0, topY-h, c.x1, topY)
		n := float64(len(c.lines))
		y := topY - (h-n*lh)/2 - lh + (lh-size)/2 + 1.5
		for _, l := range c.lines {
			if c.alignL {
				r.text(c.x0+3, y, size, l)
			} else {
				r.centre(c.x0, c.x1, y, size, l)
			}
			y -= lh
		}
	}
	r.y -= h
}

func (r *renderer) disclosure(rep Report) {
	ad := rep.ActiveDisclosure
	x := []float64{left, 180, 295, 410, right}
	block := func(caption string, header []string, rows [][]string) {
		r.ensure(60)
		r.y -= 4
		r.row([]cellSpec{{x0: left, x1: right, lines: []string{caption}}}, small, 18)
		var hc []cellSpec
		if len(header) == 2 {
			hc = []cellSpec{{x0: x[0], x1: x[1], lines: []string{header[0]}}, {x0: x[1], x1: x[4], lines: []string{header[1]}}}
		} else {
			for i, h := range header {
				hc = append(hc, cellSpec{x0: x[i], x1: x[i+1], lines: []string{h}})
			}
		}
		r.row(hc, small, 18)
		for _, rw := range rows {
			var rc []cellSpec
			if len(rw) == 2 {
				rc = []cellSpec{{x0: x[0], x1: x[1], lines: []string{rw[0]}, alignL: true}, {x0: x[1], x1: x[4], lines: []string{rw[1]}}}
			} else {
				for i, v := range rw {
					rc = append(rc, cellSpec{x0: x[i], x1: x[i+1], lines: []string{v}, alignL: i == 0})
				}
			}
			r.row(rc, small, 18)
		}
	}
	f := func(row, field string) string {
		v, ok := ad[row][field]
		if !ok {
			return ""
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	block("第二十条第（一）项", []string{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}, [][]string{
		{"规章", f("rules", "issued"), f("rules", "repealed"), f("rules", "in_force")},
		{"行政规范性文件", f("normative_documents", "issued"), f("normative_documents", "repealed"), f("normative_documents", "in_force")},
	})
	block("第二十条第（五）项", []string{"信息内容", "本年处理决定数量"}, [][]string{{"行政许可", f("licensing", "decisions")}})
	block("第二十条第（六）项", []string{"信息内容", "本年处理决定数量"}, [][]string{
		{"行政处罚", f("punishment", "decisions")}, {"行政强制", f("coercion", "decisions")}})
	block("第二十条第（八）项", []string{"信息内容", "本年收费金额（单位：万元）"}, [][]string{{"行政事业性收费", f("fees", "amount_10k_yuan")}})
}

// requestsHeader draws table 三's header at the current position.
func (r *renderer) requestsHeader() {
	size := small
	lh := size * 1.35
	// corner note | 申请人情况 / 自然人 | 法人或其他组织 (5) | 总计
	topY := r.y
	hh := 3 * 16.0
	r.rect(xOuter, topY-hh-16, xData, topY)
	note := wrap("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", xData-xOuter-6, size)
	y := topY - 18
	for _, l := range note {
		r.text(xOuter+3, y, size, l)
		y -= lh
	}
	r.rect(xData, topY-16, right, topY)
	r.centre(xData, right, topY-12, size, "申请人情况")
	r.rect(xData+colW, topY-32, xData+6*colW, topY-16)
	r.centre(xData+colW, xData+6*colW, topY-28, size, "法人或其他组织")
	heads := [][]string{{"自然人"}, {"商业", "企业"}, {"科研", "机构"}, {"社会", "公益", "组织"}, {"法律", "服务", "机构"}, {"其他"}, {"总计"}}
	for i, h := range heads {
		x0 := xData + float64(i)*colW
		cellTop := topY - 32
		if i == 0 || i == 6 {
			cellTop = topY - 16
		}
		r.rect(x0, topY-hh-16, x0+colW, cellTop)
		n := float64(len(h))
		yy := cellTop - ((cellTop-(topY-hh-16))-n*lh)/2 - size
		for _, l := range h {
			r.centre(x0, x0+colW, yy, size, l)
			yy -= lh
		}
	}
	r.y = topY - hh - 16
}

// table 三 geometry
var (
	xOuter, xMid, xRow, xData = left, 96.0, 140.0, 250.0
	colW                      = (right - xData) / 7
)

func (r *renderer) requests(rep Report) {
	gen := model.Gen2021
	if _, ok := rep.Applications["other"]; ok {
		gen = model.Gen2019
	}
	size := small
	lh := size * 1.35
	r.ensure(120)
	r.requestsHeader()

	type rowOut struct {
		def        model.RowDef
		page       int
		top, bottm float64
	}
	var outs []rowOut
	rows := model.ApplicationRowsFor(gen)
	for _, def := range rows {
		label := def.Label
		x0 := xRow
		switch def.Key {
		case "new_requests", "carried_over", "carried_forward":
			x0 = xOuter
		case "granted", "partially_granted", "total", "other":
			x0 = xMid
		}
		lines := wrap(label, xData-x0-6, size)
		h := math.Max(16, float64(len(lines))*lh+6)
		if r.opt.WrapDigits > 0 {
			h = math.Max(h, 2*lh+6)
		}
		if r.opt.RepeatHeader && r.y-h < bottom {
			r.newPage()
			r.requestsHeader()
		}
		r.ensure(h)
		t := r.y
		r.rect(x0, t-h, xData, t)
		yy := t - (h-float64(len(lines))*lh)/2 - size
		for _, l := range lines {
			r.text(x0+3, yy, size, l)
			yy -= lh
		}
		vals := rep.Applications[def.Key]
		for i, c := range model.ApplicationColumns {
			cx := xData + float64(i)*colW
			r.rect(cx, t-h, cx+colW, t)
			if v, ok := vals[c.Key]; ok {
				s := num(v)
				if n := r.opt.WrapDigits; n > 0 && len(s) > n {
					r.centre(cx, cx+colW, t-h/2-size/2+1+lh/2, size, s[:n])
					r.centre(cx, cx+colW, t-h/2-size/2+1-lh/2, size, s[n:])
				} else {
					r.centre(cx, cx+colW, t-h/2-size/2+1, size, s)
				}
			}
		}
		r.y -= h
		outs = append(outs, rowOut{def: def, page: len(r.pages) - 1, top: t, bottm: t - h})
	}
	// group labels: per page segment, centred, wrapped in their column
	drawGroup := func(label string, x0, x1 float64, match func(model.RowDef) bool, perChar bool) {
		segs := map[int][2]float64{}
		var order []int
		for _, o := range outs {
			if !match(o.def) {
				continue
			}
			s, ok := segs[o.page]
			if !ok {
				s = [2]float64{o.top, o.bottm}
				order = append(order, o.page)
			}
			s[1] = o.bottm
			segs[o.page] = s
		}
		if len(order) == 0 {
			return
		}
		// the label goes on the segment with the most height
		best := order[0]
		for _, p := range order {
			if segs[p][0]-segs[p][1] > segs[best][0]-segs[best][1] {
				best = p
			}
		}
		saved := r.cur
		for _, p := range order {
			r.cur = r.pages[p]
			s := segs[p]
			r.rect(x0, s[1], x1, s[0])
			if p != best {
				continue
			}
			var lines []string
			if perChar {
				for _, c := range label {
					lines = append(lines, string(c))
				}
				// keep 、 with the character before it
				var joined []string
				for _, l := range lines {
					if l == "、" && len(joined) > 0 {
						joined[len(joined)-1] += l
						continue
					}
					joined = append(joined, l)
				}
				lines = joined
			} else {
				lines = wrap(label, x1-x0-6, size)
			}
			pitch := lh * 1.25
			yy := (s[0]+s[1])/2 + float64(len(lines))*pitch/2 - size
			for _, l := range lines {
				r.centre(x0, x1, yy, size, l)
				yy -= pitch
			}
		}
		r.cur = saved
	}
	isResult := func(d model.RowDef) bool {
		switch d.Key {
		case "new_requests", "carried_over", "total", "carried_forward":
			return false
		}
		return true
	}
	drawGroup("三、本年度办理结果", xOuter, xMid, func(d model.RowDef) bool { return isResult(d) || d.Key == "total" }, true)
	for _, g := range []string{"（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"} {
		g := g
		drawGroup(g, xMid, xRow, func(d model.RowDef) bool { return d.Group == g }, false)
	}
}

func (r *renderer) review(rep Report) {
	size := small
	w := (right - left) / 15
	r.ensure(110)
	t := r.y
	r.rect(left, t-16, left+5*w, t)
	r.centre(left, left+5*w, t-12, size, "行政复议")
	r.rect(left+5*w, t-16, right, t)
	r.centre(left+5*w, right, t-12, size, "行政诉讼")
	r.rect(left+5*w, t-32, left+10*w, t-16)
	r.centre(left+5*w, left+10*w, t-28, size, "未经复议直接起诉")
	r.rect(left+10*w, t-32, right, t-16)
	r.centre(left+10*w, right, t-28, size, "复议后起诉")
	for g := 0; g < 3; g++ {
		for i, o := range model.ReviewOutcomes {
			x0 := left + float64(g*5+i)*w
			cellTop := t - 32
			if g == 0 {
				cellTop = t - 16
			}
			r.rect(x0, t-64, x0+w, cellTop)
			var lines []string
			if o.Label == "总计" {
				lines = []string{"总计"}
			} else {
				lines = []string{o.Label[:6], o.Label[6:]}
			}
			yy := cellTop - ((cellTop-(t-64))-float64(len(lines))*size*1.35)/2 - size
			for _, l := range lines {
				r.centre(x0, x0+w, yy, size, l)
				yy -= size * 1.35
			}
		}
	}
	for g, grp := range model.ReviewGroups {
		for i, o := range model.ReviewOutcomes {
			x0 := left + float64(g*5+i)*w
			r.rect(x0, t-84, x0+w, t-64)
			if v, ok := rep.ReviewLitigation[grp.Key][o.Key]; ok {
				r.centre(x0, x0+w, t-78, size, num(v))
			}
		}
	}
	r.y = t - 84
}

// assemble writes the PDF.
func (r *renderer) assemble(rep Report) []byte {
	d := &pdfgen.Doc{}
	catalog := d.Reserve()
	pagesID := d.Reserve()
	cid := d.Add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /W [1 95 500] /FontDescriptor ` +
		fmt.Sprint(d.Add(`<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 996 855] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 91 >>`)) + ` 0 R >>`)
	font := d.Add(fmt.Sprintf(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /%s /DescendantFonts [%d 0 R] >>`, r.opt.Encoding, cid))
	res := d.Add(fmt.Sprintf(`<< /Font << /F1 %d 0 R >> /ProcSet [/PDF /Text] >>`, font))
	var kids []string
	for _, p := range r.pages {
		content := append([]byte("0.5 w\n"), p.ops.Bytes()...)
		var contentID int
		if r.opt.Form {
			form := d.AddStream(fmt.Sprintf(`/Type /XObject /Subtype /Form /BBox [0 0 %g %g] /Matrix [1 0 0 1 0 0] /Resources %d 0 R`, pageW, pageH, res), content, r.opt.Compress)
			contentID = d.AddStream("", []byte("q 1 0 0 1 0 0 cm /Fm1 Do Q\n"), r.opt.Compress)
			pageRes := d.Add(fmt.Sprintf(`<< /XObject << /Fm1 %d 0 R >> /ProcSet [/PDF /Text] >>`, form))
			kids = append(kids, fmt.Sprint(d.Add(fmt.Sprintf(`<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources %d 0 R /Contents %d 0 R >>`, pagesID, pageW, pageH, pageRes, contentID)))+" 0 R")
			continue
		}
		contentID = d.AddStream("", content, r.opt.Compress)
		kids = append(kids, fmt.Sprint(d.Add(fmt.Sprintf(`<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources %d 0 R /Contents %d 0 R >>`, pagesID, pageW, pageH, res, contentID)))+" 0 R")
	}
	d.Set(pagesID, fmt.Sprintf(`<< /Type /Pages /Kids [%s] /Count %d >>`, strings.Join(kids, " "), len(kids)))
	d.Set(catalog, fmt.Sprintf(`<< /Type /Catalog /Pages %d 0 R >>`, pagesID))
	info := d.Add(fmt.Sprintf(`<< /Title %s /Producer (govreport reportpdf) >>`, pdfgen.UTF16Text(rep.Agency+fmt.Sprintf("%d年政府信息公开工作年度报告", rep.Year))))
	return d.Bytes(catalog, info)
}
