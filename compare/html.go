package compare

import (
	"fmt"
	"html"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/govreport/govreport/derive"
)

// BarIndicators are charted as bars across agencies (the latest report of
// each), LineCounts and LineShares as lines over the years of one agency.
var (
	BarIndicators = []string{"new_requests", "received", "granted_share", "withheld_share", "unavailable_share",
		"legal_person_share", "review_correction_rate", "litigation_correction_rate"}
	LineCounts = []string{"new_requests", "concluded", "granted", "withheld", "unavailable"}
	LineShares = []string{"granted_share", "partially_granted_share", "withheld_share", "unavailable_share"}
)

var palette = []string{"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"}

const css = `body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1400px;color:#222;line-height:1.5;padding:0 16px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:18px 0 4px}
.summary{color:#555}.chart{margin:4px 0 16px}.chart svg{display:block;max-width:100%;height:auto}
svg text{font-size:12px;fill:#333}svg .axis{stroke:#999;stroke-width:1}svg .grid{stroke:#e5e5e5;stroke-width:1}svg .na{fill:#999}svg text.gap{fill:#bbb}
table{border-collapse:collapse;font-size:13px;width:100%}th,td{border:1px solid #ddd;padding:3px 6px}th{background:#f4f4f4;text-align:center;min-width:6.5em}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.bad,th.bad{color:#b00020;font-weight:bold}td.label{white-space:nowrap}
.wrap{overflow-x:auto;max-width:100%}ul.checks li{margin:2px 0}.note{color:#666;font-size:12px}
table.compare td.label,table.compare th.corner{position:sticky;left:0;background:#fff;z-index:1}table.compare th.corner{background:#f4f4f4}
button.sort{font:inherit;border:0;background:none;padding:0;cursor:pointer;text-align:left;color:inherit}button.sort:hover{text-decoration:underline}
table.compare[data-sorted] tr.sorted td.label{background:#fff6d5}.tools{margin:8px 0;display:flex;gap:16px;flex-wrap:wrap}.tools input{font:inherit;padding:2px 6px}
dl.formulas dt{font-weight:bold;margin-top:4px}dl.formulas dd{margin:0 0 0 1.5em;color:#444}
.print-only{display:none}
@media print{@page{size:A4 landscape;margin:10mm}body{max-width:none;margin:0;padding:0;font-size:11px}.tools,.screen-only{display:none}.print-only{display:block}
.chart,h3,tr{break-inside:avoid}thead{display:table-header-group}table.print{margin-bottom:6mm;break-inside:auto}h2{break-after:avoid}a{color:inherit;text-decoration:none}}`

// the page checks that its charts were laid out and records the counts on
// <body>, for tests and for anyone who opens the console.
const selfCheck = `(function(){var n=0,m=0;document.querySelectorAll("rect.bar").forEach(function(r){var b=r.getBBox();if(b.width>0&&b.height>0)n++});document.querySelectorAll("circle.point").forEach(function(c){var b=c.getBBox();if(b.width>0)m++});document.body.setAttribute("data-bars-drawn",n);document.body.setAttribute("data-points-drawn",m)})();`

// sortScript sorts the report columns by a row (a click on its label,
// again for the other direction; undefined values last) and filters
// columns and rows by what is typed, in the page itself: it works from a
// file, without a server.
const sortScript = `(function(){var t=document.querySelector("table.compare");if(!t)return;
var rows=[].slice.call(t.querySelectorAll("tr"));function cells(r){return [].slice.call(r.children).slice(1)}
function sortBy(tr){var key=tr.getAttribute("data-row"),d=(t.getAttribute("data-sorted")===key&&t.getAttribute("data-dir")==="asc")?-1:1;
var vs=cells(tr).map(function(td,i){var v=td.getAttribute("data-value");return{i:i,v:v==="null"?null:parseFloat(v),s:td.textContent}});
var num=vs.some(function(x){return x.v!==null});
vs.sort(function(a,b){if(num){if(a.v===null||b.v===null)return a.v===b.v?a.i-b.i:(a.v===null?1:-1);return a.v===b.v?a.i-b.i:d*(a.v-b.v)}var c=a.s.localeCompare(b.s,"zh");return c?d*c:a.i-b.i});
rows.forEach(function(r){var cs=cells(r);vs.forEach(function(x){r.appendChild(cs[x.i])});r.classList.toggle("sorted",r===tr)});
t.setAttribute("data-sorted",key);t.setAttribute("data-dir",d>0?"asc":"desc")}
t.querySelectorAll("button.sort").forEach(function(b){b.addEventListener("click",function(){sortBy(b.closest("tr"))})});
function filter(){var qc=(document.getElementById("filter-cols")||{}).value||"",qr=(document.getElementById("filter-rows")||{}).value||"";qc=qc.trim();qr=qr.trim();var shown=0;
var head=cells(rows[0]);head.forEach(function(th,i){var txt=th.textContent;rows.forEach(function(r){if(r.getAttribute("data-row")==="agency"||r.getAttribute("data-row")==="region"||r.getAttribute("data-row")==="region_code")txt+=" "+cells(r)[i].textContent});
var ok=!qc||txt.indexOf(qc)>=0;if(ok)shown++;rows.forEach(function(r){cells(r)[i].style.display=ok?"":"none"})});
rows.slice(1).forEach(function(r){var ok=!qr||r.children[0].textContent.indexOf(qr)>=0;r.style.display=ok?"":"none"});t.setAttribute("data-shown",shown)}
["filter-cols","filter-rows"].forEach(function(id){var e=document.getElementById(id);if(e)e.addEventListener("input",filter)})})();`

func esc(s string) string { return html.EscapeString(s) }

// HTMLOptions adapt the page to where it is shown.
type HTMLOptions struct {
	// Names are the file names shown for the entries' inputs (by
	// Entry.Name); without one the base name of the input is shown, never
	// its path.
	Names map[string]string
	// Links are URLs of the entries' own pages (by Entry.Name): the
	// column headers link there.
	Links map[string]string
	// Toolbar is trusted HTML put at the top of the page.
	Toolbar string
}

func (o HTMLOptions) name(e *Entry) string {
	if n, ok := o.Names[e.Name]; ok {
		return n
	}
	return filepath.Base(e.Name)
}

// fitLabel cuts a chart label to at most px pixels (12px type: a wide
// character 12, another about 6.5), ending it with … when cut.
func fitLabel(s string, px int) (string, bool) {
	if labelWidth(s) <= px {
		return s, false
	}
	w := 12.0 // the …
	for i, r := range s {
		if DisplayWidth(string(r)) == 2 {
			w += 12
		} else {
			w += 6.5
		}
		if w > float64(px) {
			return s[:i] + "…", true
		}
	}
	return s, false
}

func labelWidth(s string) int {
	w := 0.0
	for _, r := range s {
		if DisplayWidth(string(r)) == 2 {
			w += 12
		} else {
			w += 6.5
		}
	}
	return int(w)
}

func attrNum(v *float64) string {
	if v == nil {
		return "null"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// latest returns the latest report of each agency, in the set's order.
func (s *Set) latest() []*Entry {
	best := map[string]*Entry{}
	var keys []string
	for _, e := range s.Entries {
		k := AgencyKey(e.Report)
		if k == "" {
			k = "file:" + e.Name
		}
		if best[k] == nil {
			keys = append(keys, k)
		}
		if best[k] == nil || year(e) > year(best[k]) {
			best[k] = e
		}
	}
	out := make([]*Entry, len(keys))
	for i, k := range keys {
		out[i] = best[k]
	}
	return out
}

// series returns each agency's reports by year, for agencies with at
// least two years.
func (s *Set) series() [][]*Entry {
	by := map[string][]*Entry{}
	var keys []string
	for _, e := range s.Entries {
		k := AgencyKey(e.Report)
		if k == "" || e.Report.Year == nil {
			continue
		}
		if by[k] == nil {
			keys = append(keys, k)
		}
		by[k] = append(by[k], e)
	}
	var out [][]*Entry
	for _, k := range keys {
		es := by[k]
		if len(es) < 2 {
			continue
		}
		sort.SliceStable(es, func(i, j int) bool { return year(es[i]) < year(es[j]) })
		out = append(out, es)
	}
	return out
}

// barChart draws one indicator across entries as horizontal bars.
func barChart(b *strings.Builder, key string, es []*Entry) {
	f := es[0].Figures.Find(key)
	const rowH, right, width = 28, 120, 760
	left := 120
	for _, e := range es {
		left = max(left, labelWidth(e.Label()+failedMark)+16)
	}
	left = min(left, 300)
	area := float64(width - left - right)
	maxV := 0.0
	for _, e := range es {
		if v, ok := e.Figures.Get(key); ok {
			maxV = math.Max(maxV, v)
		}
	}
	if f.Unit == derive.Share && maxV < 1 && maxV > 0 {
		maxV = math.Max(maxV, 0.0001)
	}
	h := len(es)*rowH + 12
	fmt.Fprintf(b, `<figure class="chart" data-chart="bars" data-indicator="%s"><figcaption><h3>%s</h3></figcaption>`, esc(key), esc(f.Label))
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s">`, width, h, width, h, esc(f.Label))
	fmt.Fprintf(b, `<line class="axis" x1="%d" y1="4" x2="%d" y2="%d"/>`, left, left, h-6)
	for i, e := range es {
		y := 8 + i*rowH
		label := e.Label()
		if len(e.Failed) > 0 {
			label += failedMark
		}
		if short, cut := fitLabel(label, left-12); cut {
			fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s<title>%s</title></text>`, left-8, y+14, esc(short), esc(label))
		} else {
			fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, left-8, y+14, esc(label))
		}
		x := e.Figures.Find(key)
		if x.Value == nil {
			fmt.Fprintf(b, `<text class="na value" x="%d" y="%d" data-value="null">— 无法计算</text>`, left+6, y+14)
			continue
		}
		w := 0.0
		if maxV > 0 {
			w = *x.Value / maxV * area
		}
		fmt.Fprintf(b, `<rect class="bar" x="%d" y="%d" width="%.1f" height="18" fill="%s" data-label="%s" data-value="%s"><title>%s：%s</title></rect>`,
			left+1, y, w, palette[0], esc(e.Label()), attrNum(x.Value), esc(e.Label()), esc(Format(x.Value, x.Unit)))
		fmt.Fprintf(b, `<text class="value" x="%.1f" y="%d" data-value="%s">%s</text>`, float64(left)+w+6, y+14, attrNum(x.Value), esc(Format(x.Value, x.Unit)))
	}
	b.WriteString(`</svg></figure>`)
}

// niceMax rounds a maximum up to 1, 2 or 5 times a power of ten.
func niceMax(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// lineChart draws several figures of one agency over its years. The
// year axis is numeric: a year without a report keeps its place (its
// label greyed) and no line is drawn across it. Value labels of one year
// are moved apart so that they never overlap.
func lineChart(b *strings.Builder, title string, keys []string, es []*Entry) {
	const width, height, left, right, top, bottom = 760, 280, 56, 170, 24, 34
	pw, ph := float64(width-left-right), float64(height-top-bottom)
	unit := es[0].Figures.Find(keys[0]).Unit
	maxV := 0.0
	for _, e := range es {
		for _, k := range keys {
			if v, ok := e.Figures.Get(k); ok {
				maxV = math.Max(maxV, v)
			}
		}
	}
	maxV = niceMax(maxV)
	if unit == derive.Share {
		maxV = math.Min(maxV, 1)
	}
	y0, y1 := year(es[0]), year(es[len(es)-1])
	xOf := func(y int) float64 {
		if y1 == y0 {
			return float64(left) + pw/2
		}
		return float64(left) + 20 + float64(y-y0)*(pw-40)/float64(y1-y0)
	}
	yOf := func(v float64) float64 { return float64(top) + ph - v/maxV*ph }
	fmt.Fprintf(b, `<figure class="chart" data-chart="lines" data-agency="%s"><figcaption><h3>%s</h3></figcaption>`, esc(agencyName(es[0].Report)), esc(title))
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s">`, width, height, width, height, esc(title))
	for _, t := range []float64{0, 0.25, 0.5, 0.75, 1} {
		y := yOf(t * maxV)
		fmt.Fprintf(b, `<line class="grid" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, left, y, width-right, y)
		v := t * maxV
		fmt.Fprintf(b, `<text x="%d" y="%.1f" text-anchor="end">%s</text>`, left-6, y+4, esc(Format(&v, unit)))
	}
	fmt.Fprintf(b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%.1f"/>`, left, top, left, float64(top)+ph)
	fmt.Fprintf(b, `<line class="axis" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, left, float64(top)+ph, width-right, float64(top)+ph)
	have := map[int]bool{}
	for _, e := range es {
		have[year(e)] = true
	}
	for y := y0; y <= y1; y++ {
		if have[y] {
			fmt.Fprintf(b, `<text class="year" x="%.1f" y="%d" text-anchor="middle">%d</text>`, xOf(y), height-12, y)
		} else {
			fmt.Fprintf(b, `<text class="year gap" x="%.1f" y="%d" text-anchor="middle">%d<title>%d年无报告</title></text>`, xOf(y), height-12, y, y)
		}
	}
	type label struct {
		x, y  float64
		text  string
		color string
		key   string
		year  int
	}
	byYear := map[int][]*label{}
	for si, k := range keys {
		col := palette[si%len(palette)]
		f := es[0].Figures.Find(k)
		var pts []string
		flush := func() {
			if len(pts) > 1 {
				fmt.Fprintf(b, `<polyline class="series" data-series="%s" fill="none" stroke="%s" stroke-width="2" points="%s"/>`, esc(k), col, strings.Join(pts, " "))
			}
			pts = nil
		}
		last := 0
		for _, e := range es {
			x := e.Figures.Find(k)
			if x.Value == nil || (last != 0 && year(e) != last+1) {
				flush()
			}
			last = year(e)
			if x.Value == nil {
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xOf(year(e)), yOf(*x.Value)))
		}
		flush()
		for _, e := range es {
			x := e.Figures.Find(k)
			if x.Value == nil {
				continue
			}
			px, py := xOf(year(e)), yOf(*x.Value)
			fmt.Fprintf(b, `<circle class="point" cx="%.1f" cy="%.1f" r="3.5" fill="%s" data-series="%s" data-year="%d" data-value="%s"><title>%d %s：%s</title></circle>`,
				px, py, col, esc(k), year(e), attrNum(x.Value), year(e), esc(f.Label), esc(Format(x.Value, x.Unit)))
			byYear[year(e)] = append(byYear[year(e)], &label{x: px, y: py - 7, text: Format(x.Value, x.Unit), color: col, key: k, year: year(e)})
		}
		ly := top + 10 + si*20
		fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="3"/><text x="%d" y="%d">%s</text>`,
			width-right+12, ly, width-right+32, ly, col, width-right+38, ly+4, esc(f.Label))
	}
	// Labels of one year, top to bottom, at least a line apart.
	const gap = 13
	for y := y0; y <= y1; y++ {
		ls := byYear[y]
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].y < ls[j].y })
		for i := range ls {
			ls[i].y = math.Max(ls[i].y, float64(top)+4)
			if i > 0 && ls[i].y < ls[i-1].y+gap {
				ls[i].y = ls[i-1].y + gap
			}
		}
		// pushed below the plot: move the stack up as a whole
		if n := len(ls); n > 0 && ls[n-1].y > float64(top)+ph+12 {
			d := ls[n-1].y - (float64(top) + ph + 12)
			for _, l := range ls {
				l.y -= d
			}
		}
		for _, l := range ls {
			fmt.Fprintf(b, `<text class="value" x="%.1f" y="%.1f" text-anchor="middle" fill="%s" data-series="%s" data-year="%d">%s</text>`,
				l.x, l.y, l.color, esc(l.key), l.year, esc(l.text))
		}
	}
	b.WriteString(`</svg></figure>`)
}

// WriteHTML writes one self-contained page (no scripts or styles from the
// network): a summary, bar charts across agencies, line charts over the
// years of each agency with several, the failed checks with the numbers
// that disagree, the carry-over warnings, the side-by-side table (sortable
// and filterable in the page, split into parts with the label column
// repeated when printed) and the formulas.
func (s *Set) WriteHTML(w io.Writer) error { return s.WriteHTMLWith(w, HTMLOptions{}) }

// printColumns is how many report columns one printed part of the table
// holds (landscape A4).
const printColumns = 6

// WriteHTMLWith writes the page adapted by o.
func (s *Set) WriteHTMLWith(w io.Writer, o HTMLOptions) error {
	var b strings.Builder
	g := s.Grid()
	failed := 0
	years := map[int]bool{}
	for _, e := range s.Entries {
		if len(e.Failed) > 0 {
			failed++
		}
		if e.Report.Year != nil {
			years[*e.Report.Year] = true
		}
	}
	latest := s.latest()
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
	b.WriteString("<title>政府信息公开工作年度报告对比</title><style>" + css + "</style></head><body>")
	b.WriteString(o.Toolbar)
	b.WriteString("<h1>政府信息公开工作年度报告对比</h1>")
	fmt.Fprintf(&b, `<p class="summary" id="summary">%d 份报告，%d 个机关，%d 个年度；<span data-failed="%d">%d 份报告数字核对未通过</span>；<span data-carry="%d">%d 处结转不衔接</span>。比例的分母为零时记作“—”，不记作 0。</p>`,
		len(s.Entries), len(latest), len(years), failed, failed, len(s.Warnings), len(s.Warnings))
	if len(latest) > 1 {
		b.WriteString(`<section id="bars"><h2>各机关对比（每个机关取最近一年）</h2>`)
		for _, k := range BarIndicators {
			barChart(&b, k, latest)
		}
		b.WriteString(`</section>`)
	}
	if ser := s.series(); len(ser) > 0 {
		b.WriteString(`<section id="lines"><h2>历年变化</h2>`)
		for _, es := range ser {
			a := agencyName(es[0].Report)
			lineChart(&b, a+"：申请数量与办理结果（件）", LineCounts, es)
			lineChart(&b, a+"：办理结果占比", LineShares, es)
		}
		b.WriteString(`</section>`)
	}
	// The audit's findings: the failed checks with the numbers that
	// disagree (rule arithmetic), the carry-over between years, the rest.
	b.WriteString(`<section id="checks"><h2>审计发现</h2>`)
	if failed == 0 && len(s.Warnings) == 0 {
		b.WriteString(`<p>所有报告的数字核对均通过，结转数据前后衔接。</p>`)
	}
	if failed > 0 {
		b.WriteString(`<h3>数字核对未通过</h3>`)
	}
	for _, e := range s.Entries {
		if len(e.Failed) == 0 {
			continue
		}
		fmt.Fprintf(&b, `<h3 class="bad">%s — %d 项不符</h3><table class="failed" data-report="%s"><tr><th>核对</th><th>范围</th><th>应为</th><th>实际</th><th>说明</th></tr>`,
			esc(e.Label()), len(e.Failed), esc(e.Label()))
		for _, c := range e.Failed {
			fmt.Fprintf(&b, `<tr data-rule="%s"><td>%s</td><td>%s</td><td class="num" data-expected="%s">%s</td><td class="num" data-actual="%s">%s</td><td>%s</td></tr>`,
				esc(c.Rule), esc(RuleText(c.Rule)), esc(ScopeText(c)), num(c.Expected), num(c.Expected), num(c.Actual), num(c.Actual), esc(CheckText(c)))
		}
		b.WriteString(`</table>`)
	}
	if len(s.Warnings) > 0 {
		b.WriteString(`<h3>结转不衔接（提示，非错误）</h3><ul class="checks" id="carry">`)
		for _, x := range s.Warnings {
			fmt.Fprintf(&b, `<li data-agency="%s" data-year="%d" data-expected="%s" data-actual="%s">⚠ %s（%s ↔ %s）</li>`,
				esc(x.Agency), x.Year, num(x.Expected), num(x.Actual), esc(x.Message), esc(o.nameOf(s, x.Prev)), esc(o.nameOf(s, x.Cur)))
		}
		b.WriteString(`</ul>`)
	}
	if other := s.otherFindings(); len(other) > 0 {
		b.WriteString(`<h3>其他审计发现</h3><ul class="checks" id="findings">`)
		for _, f := range other {
			fmt.Fprintf(&b, `<li data-rule="%s" data-severity="%s">⚑ %s：%s</li>`, esc(f.Rule), esc(f.Severity), esc(findingLabel(f)), esc(f.Message))
		}
		b.WriteString(`</ul>`)
	}
	heads := s.headers()
	b.WriteString(`</section><section id="table"><h2>对比表</h2>`)
	b.WriteString(`<div class="tools screen-only"><label>筛选机关、地区或年度 <input id="filter-cols" type="search" placeholder="如 鼓楼 或 2023"></label><label>筛选指标 <input id="filter-rows" type="search" placeholder="如 占比"></label><span class="note">点击指标名称按该项排序，再点一次反向。</span></div>`)
	b.WriteString(`<div class="wrap screen-only"><table class="compare"><thead><tr><th class="corner">指标</th>`)
	for i, h := range heads {
		cls := ""
		if len(s.Entries[i].Failed) > 0 {
			cls = ` class="bad"`
		}
		hv := esc(h)
		if u, ok := o.Links[s.Entries[i].Name]; ok {
			hv = `<a href="` + esc(u) + `">` + hv + `</a>`
		}
		if len(s.Entries[i].Merged) > 0 {
			hv += fmt.Sprintf(`<sup class="merged" title="同一机关同一年度的 %d 份文件">%d份</sup>`, len(s.Entries[i].Merged)+1, len(s.Entries[i].Merged)+1)
		}
		fmt.Fprintf(&b, `<th%s data-col="%d">%s</th>`, cls, i, hv)
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, r := range g.Rows {
		fmt.Fprintf(&b, `<tr data-row="%s"><td class="label"><button type="button" class="sort" title="按此项排序">%s</button></td>`, esc(r.Key), esc(r.Label))
		writeCells(&b, r.Cells, 0, len(r.Cells))
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table></div>`)
	if notes := s.FigureNotes(g); notes != "" {
		b.WriteString(`<ul class="checks" id="figure-notes">`)
		for _, n := range strings.Split(strings.TrimSpace(notes), "\n") {
			fmt.Fprintf(&b, `<li>%s</li>`, esc(n))
		}
		b.WriteString(`</ul>`)
	}
	// For print: the columns in parts, each with the label column.
	b.WriteString(`<div class="print-only">`)
	for lo := 0; lo < len(heads); lo += printColumns {
		hi := min(lo+printColumns, len(heads))
		fmt.Fprintf(&b, `<table class="print" data-part="%d"><thead><tr><th>指标</th>`, lo/printColumns+1)
		for i := lo; i < hi; i++ {
			fmt.Fprintf(&b, `<th>%s</th>`, esc(heads[i]))
		}
		b.WriteString(`</tr></thead><tbody>`)
		for _, r := range g.Rows {
			fmt.Fprintf(&b, `<tr><td class="label">%s</td>`, esc(r.Label))
			writeCells(&b, r.Cells, lo, hi)
			b.WriteString(`</tr>`)
		}
		b.WriteString(`</tbody></table>`)
	}
	b.WriteString(`</div>`)
	var merged []*Entry
	for _, e := range s.Entries {
		if len(e.Merged) > 0 {
			merged = append(merged, e)
		}
	}
	if len(merged) > 0 {
		b.WriteString(`<h3>同一机关同一年度的多份文件（合为一列，取第一份）</h3><ul class="checks" id="merged">`)
		for _, e := range merged {
			names := []string{o.name(e)}
			for _, m := range e.Merged {
				names = append(names, o.name(m))
			}
			note := "数字一致"
			cls := ""
			if e.Differs {
				note, cls = "数字不一致，请核对原文", ` class="bad"`
			}
			fmt.Fprintf(&b, `<li%s data-differs="%t">%s：%s（%s）</li>`, cls, e.Differs, esc(e.Label()), esc(strings.Join(names, "、")), note)
		}
		b.WriteString(`</ul>`)
	}
	b.WriteString(`</section><section id="formulas"><h2>计算方法</h2><p class="note">表中各项均由报告本身的表格算出；分母为零或数字无法读取时记作“—”，不记作 0。</p><dl class="formulas">`)
	for _, k := range Indicators {
		f := s.firstFigure(k)
		if f == nil {
			continue
		}
		if t := Formula(k, f.Label); t != "" {
			fmt.Fprintf(&b, `<dt>%s</dt><dd>%s</dd>`, esc(f.Label), esc(t))
		}
	}
	b.WriteString(`<dt>同比</dt><dd>本年数值 − 同一机关上一年度数值；占比的变化以百分点计。</dd><dt>结转衔接</dt><dd>本年“二、上年结转”应等于上一年度报告的“四、结转下年度继续办理”。</dd></dl></section>`)
	b.WriteString(`<footer class="note"><p>由 govreport 生成。文件：`)
	for i, e := range s.Entries {
		if i > 0 {
			b.WriteString("，")
		}
		b.WriteString(esc(o.name(e)))
	}
	b.WriteString(`</p></footer><script>` + selfCheck + sortScript + `</script></body></html>` + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// nameOf is the file name shown for an input named in a warning.
func (o HTMLOptions) nameOf(s *Set, input string) string {
	for _, e := range s.Entries {
		if e.Name == input {
			return o.name(e)
		}
	}
	if n, ok := o.Names[input]; ok {
		return n
	}
	return filepath.Base(input)
}

func writeCells(b *strings.Builder, cells []Cell, lo, hi int) {
	for i := lo; i < hi; i++ {
		c := cells[i]
		cls := "txt"
		if c.Value != nil || c.Text == "—" {
			cls = "num"
		}
		if c.Bad {
			cls += " bad"
		}
		text := strings.ReplaceAll(esc(c.Text), "/", "/<wbr>")
		title := ""
		if c.Note != "" {
			// A share computed from the parts (a 总计 blank or failing):
			// marked, with the reason on hover and in the notes below.
			text += `<sup class="note">` + noteMark + `</sup>`
			title = ` title="` + esc(c.Note) + `"`
		}
		fmt.Fprintf(b, `<td class="%s" data-col="%d" data-value="%s"%s>%s</td>`, cls, i, attrNum(c.Value), title, text)
	}
}
