package compare

import (
	"fmt"
	"html"
	"io"
	"math"
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

const css = `body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1100px;color:#222;line-height:1.5;padding:0 16px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:18px 0 4px}
.summary{color:#555}.chart{margin:4px 0 16px}.chart svg{display:block;max-width:100%;height:auto}
svg text{font-size:12px;fill:#333}svg .axis{stroke:#999;stroke-width:1}svg .grid{stroke:#e5e5e5;stroke-width:1}svg .na{fill:#999}
table{border-collapse:collapse;font-size:13px;width:100%}th,td{border:1px solid #ddd;padding:3px 6px}th{background:#f4f4f4;text-align:center;min-width:6.5em}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.bad,th.bad{color:#b00020;font-weight:bold}td.label{white-space:nowrap}
.wrap{overflow-x:auto}ul.checks li{margin:2px 0}.note{color:#666;font-size:12px}`

// the page checks that its charts were laid out and records the counts on
// <body>, for tests and for anyone who opens the console.
const selfCheck = `(function(){var n=0,m=0;document.querySelectorAll("rect.bar").forEach(function(r){var b=r.getBBox();if(b.width>0&&b.height>0)n++});document.querySelectorAll("circle.point").forEach(function(c){var b=c.getBBox();if(b.width>0)m++});document.body.setAttribute("data-bars-drawn",n);document.body.setAttribute("data-points-drawn",m)})();`

func esc(s string) string { return html.EscapeString(s) }

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
	const rowH, left, right, width = 28, 230, 120, 760
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
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, left-8, y+14, esc(label))
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

// lineChart draws several figures of one agency over its years.
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
	xOf := func(i int) float64 {
		if len(es) == 1 {
			return float64(left) + pw/2
		}
		return float64(left) + 20 + float64(i)*(pw-40)/float64(len(es)-1)
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
	for i, e := range es {
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle">%d</text>`, xOf(i), height-12, year(e))
	}
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
		for i, e := range es {
			x := e.Figures.Find(k)
			if x.Value == nil {
				flush()
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xOf(i), yOf(*x.Value)))
		}
		flush()
		for i, e := range es {
			x := e.Figures.Find(k)
			if x.Value == nil {
				continue
			}
			fmt.Fprintf(b, `<circle class="point" cx="%.1f" cy="%.1f" r="3.5" fill="%s" data-series="%s" data-year="%d" data-value="%s"><title>%d %s：%s</title></circle>`,
				xOf(i), yOf(*x.Value), col, esc(k), year(e), attrNum(x.Value), year(e), esc(f.Label), esc(Format(x.Value, x.Unit)))
			dy := -7.0 // labels of alternate series above and below their points
			if si%2 == 1 {
				dy = 16
			}
			fmt.Fprintf(b, `<text class="value" x="%.1f" y="%.1f" text-anchor="middle" fill="%s" data-series="%s" data-year="%d">%s</text>`,
				xOf(i), yOf(*x.Value)+dy, col, esc(k), year(e), esc(Format(x.Value, x.Unit)))
		}
		ly := top + 10 + si*20
		fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="3"/><text x="%d" y="%d">%s</text>`,
			width-right+12, ly, width-right+32, ly, col, width-right+38, ly+4, esc(f.Label))
	}
	b.WriteString(`</svg></figure>`)
}

// WriteHTML writes one self-contained page (no scripts or styles from the
// network): a summary, bar charts across agencies, line charts over the
// years of each agency with several, the failed checks with the numbers
// that disagree, the carry-over warnings and the side-by-side table.
func (s *Set) WriteHTML(w io.Writer) error {
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
	b.WriteString(`<section id="checks"><h2>数字核对</h2>`)
	if failed == 0 && len(s.Warnings) == 0 {
		b.WriteString(`<p>所有报告的数字核对均通过，结转数据前后衔接。</p>`)
	}
	for _, e := range s.Entries {
		if len(e.Failed) == 0 {
			continue
		}
		fmt.Fprintf(&b, `<h3 class="bad">%s — %d 项不符</h3><table class="failed" data-report="%s"><tr><th>规则</th><th>范围</th><th>应为</th><th>实际</th><th>说明</th></tr>`,
			esc(e.Label()), len(e.Failed), esc(e.Label()))
		for _, c := range e.Failed {
			fmt.Fprintf(&b, `<tr><td>%s</td><td>%s</td><td class="num" data-expected="%s">%s</td><td class="num" data-actual="%s">%s</td><td>%s</td></tr>`,
				esc(c.Rule), esc(c.Scope), num(c.Expected), num(c.Expected), num(c.Actual), num(c.Actual), esc(c.Message))
		}
		b.WriteString(`</table>`)
	}
	if len(s.Warnings) > 0 {
		b.WriteString(`<h3>结转不衔接（提示，非错误）</h3><ul class="checks" id="carry">`)
		for _, x := range s.Warnings {
			fmt.Fprintf(&b, `<li data-agency="%s" data-year="%d" data-expected="%s" data-actual="%s">⚠ %s（%s ↔ %s）</li>`,
				esc(x.Agency), x.Year, num(x.Expected), num(x.Actual), esc(x.Message), esc(x.Prev), esc(x.Cur))
		}
		b.WriteString(`</ul>`)
	}
	if other := s.otherFindings(); len(other) > 0 {
		b.WriteString(`<h3>其他审计发现（docs/AUDIT.md）</h3><ul class="checks" id="findings">`)
		for _, f := range other {
			fmt.Fprintf(&b, `<li data-rule="%s" data-severity="%s">⚑ %s：%s</li>`, esc(f.Rule), esc(f.Severity), esc(findingLabel(f)), esc(f.Message))
		}
		b.WriteString(`</ul>`)
	}
	b.WriteString(`</section><section id="table"><h2>对比表</h2><div class="wrap"><table class="compare"><tr><th>指标</th>`)
	for i, h := range s.headers() {
		cls := ""
		if len(s.Entries[i].Failed) > 0 {
			cls = ` class="bad"`
		}
		fmt.Fprintf(&b, `<th%s data-col="%d">%s</th>`, cls, i, esc(h))
	}
	b.WriteString(`</tr>`)
	for _, r := range g.Rows {
		fmt.Fprintf(&b, `<tr data-row="%s"><td class="label">%s</td>`, esc(r.Key), esc(r.Label))
		for i, c := range r.Cells {
			cls := "txt"
			if c.Value != nil || c.Text == "—" {
				cls = "num"
			}
			if c.Bad {
				cls += " bad"
			}
			fmt.Fprintf(&b, `<td class="%s" data-col="%d" data-value="%s">%s</td>`, cls, i, attrNum(c.Value), strings.ReplaceAll(esc(c.Text), "/", "/<wbr>"))
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</table></div><p class="note">公式见 docs/DERIVED.md：占比的分母为（七）总计；法人或其他组织占比按本年新收申请计；纠错率 = 结果纠正 ÷（总计 − 尚未审结）。</p></section>`)
	b.WriteString(`<footer class="note"><p>由 govreport compare 生成。输入：`)
	for i, e := range s.Entries {
		if i > 0 {
			b.WriteString("，")
		}
		b.WriteString(esc(e.Name))
	}
	b.WriteString(`</p></footer><script>` + selfCheck + `</script></body></html>` + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}
