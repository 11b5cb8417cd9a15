package serve

import (
	"bytes"
	"embed"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/govreport/govreport/compare"
	"github.com/govreport/govreport/model"
)

//go:embed assets
var assets embed.FS

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("POST /api/reports", s.apiPostReports)
	m.HandleFunc("GET /api/reports", s.apiListReports)
	m.HandleFunc("GET /api/reports/{id}", s.apiGetReport)
	m.HandleFunc("GET /api/reports/{id}/lines", s.apiLines)
	m.HandleFunc("GET /api/compare", s.apiCompare)
	m.HandleFunc("GET /api/status", s.apiStatus)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no API at %s %s (see docs/SERVE.md)", r.Method, r.URL.Path)
	})
	m.HandleFunc("GET /{$}", s.pageHome)
	m.HandleFunc("POST /upload", s.pageUpload)
	m.HandleFunc("GET /reports/{id}", s.pageReport)
	m.HandleFunc("GET /compare", s.pageCompare)
	m.HandleFunc("GET /assets/{name}", s.asset)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, http.StatusNotFound, errorPage{Title: "没有这个页面", Message: "地址 " + r.URL.Path + " 没有对应的页面。"})
	})
	s.mux = m
}

// asset serves the embedded files by name only: nothing else of the file
// system is reachable.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	types := map[string]string{"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
	ct, ok := types[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Write(b)
}

type errorPage struct{ Title, Message string }

// send answers with a page written by render.
func send(w http.ResponseWriter, status int, render func(p *page)) {
	var p page
	render(&p)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(p.Bytes())
}

func (s *Server) errorPage(w http.ResponseWriter, status int, d errorPage) {
	send(w, status, func(p *page) { p.errorPage(d) })
}

// reportRow is a line of the list of reports on the home page.
type reportRow struct {
	ID, File, Agency, Place, Format string
	Regions                         string // the codes of its division and those above it, for the region tree
	Year                            string
	Failed                          int
	Nulls                           int
}

type homePage struct {
	Reports  []reportRow
	Tree     []*regionNode
	Years    []string
	Failures []Failed
	Status   status
	MaxFiles int
	MaxFile  string
}

func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) {
	d := homePage{Status: s.status(), MaxFiles: s.o.MaxFiles, MaxFile: sizeText(s.o.MaxFileBytes)}
	all := s.all()
	for _, h := range all {
		rep := h.Report
		row := reportRow{ID: h.ID, File: h.File, Agency: "—", Year: "—", Format: rep.Source.Format,
			Failed: len(model.FailedChecks(rep.Checks)), Nulls: countNulls(rep)}
		if rep.Agency != nil {
			row.Agency = *rep.Agency
		}
		if rep.Year != nil {
			row.Year = fmt.Sprint(*rep.Year)
		}
		row.Place = (&compare.Entry{Report: rep}).Place()
		row.Regions = strings.Join(regionChain(rep), " ")
		d.Reports = append(d.Reports, row)
	}
	d.Tree, d.Years = regionTree(d.Reports, all)
	s.mu.RLock()
	d.Failures = append([]Failed(nil), s.failures...)
	s.mu.RUnlock()
	send(w, http.StatusOK, func(p *page) { p.home(d) })
}

func countNulls(r *model.Report) int {
	n := 0
	for _, t := range []*model.Table{r.ActiveDisclosure, r.Applications, r.ReviewLitigation} {
		if t == nil {
			continue
		}
		for _, row := range t.Rows {
			for _, c := range row.Cells {
				if c.Value == nil {
					n++
				}
			}
		}
	}
	return n
}

// pageUpload is the upload of the page without script: it answers with
// the list of results.
func (s *Server) pageUpload(w http.ResponseWriter, r *http.Request) {
	rs, ok := s.upload(w, r)
	if !ok {
		return
	}
	if len(rs) == 1 && rs[0].Error == nil {
		http.Redirect(w, r, "/reports/"+url.PathEscape(rs[0].ID), http.StatusSeeOther)
		return
	}
	send(w, uploadStatus(rs), func(p *page) { p.uploaded(rs) })
}

func (s *Server) pageReport(w http.ResponseWriter, r *http.Request) {
	h := s.get(r.PathValue("id"))
	if h == nil {
		s.errorPage(w, http.StatusNotFound, errorPage{Title: "没有这份报告", Message: "没有编号为 " + r.PathValue("id") + " 的报告。"})
		return
	}
	v := buildView(h, s.findings(h.Report))
	send(w, http.StatusOK, func(p *page) { p.report(v) })
}

type comparePage struct {
	IDs     string
	Count   int
	CSV     string
	XLSX    string
	HTML    string
	Reports []reportRow
}

// pageCompare shows package compare's page with the workbench's links.
func (s *Server) pageCompare(w http.ResponseWriter, r *http.Request) {
	hs, st, msg := s.selection(r)
	if st != 0 {
		s.errorPage(w, st, errorPage{Title: "无法对比", Message: msg})
		return
	}
	cs, err := set(hs, r.URL.Query().Get("order"))
	if err != nil {
		s.errorPage(w, http.StatusBadRequest, errorPage{Title: "无法对比", Message: err.Error()})
		return
	}
	ids := make([]string, len(hs))
	o := compare.HTMLOptions{Names: map[string]string{}, Links: map[string]string{}}
	for i, h := range hs {
		ids[i] = h.ID
		o.Names[h.ID] = h.File
		o.Links[h.ID] = "/reports/" + url.PathEscape(h.ID)
	}
	sort.Strings(ids)
	q := url.QueryEscape(strings.Join(ids, ","))
	var tb page
	tb.compareBar(comparePage{IDs: strings.Join(ids, ","), Count: len(hs),
		CSV: "/api/compare?format=csv&ids=" + q, XLSX: "/api/compare?format=xlsx&ids=" + q, HTML: "/api/compare?format=html&download=1&ids=" + q})
	o.Toolbar = tb.String()
	var b bytes.Buffer
	if err := cs.WriteHTMLWith(&b, o); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// kindText names in Chinese why a file is not a readable report (a
// switch: a map literal would be built at init in every command).
func kindText(k string) string {
	switch k {
	case "empty":
		return "空文件"
	case "not a report":
		return "不是政府信息公开工作年度报告"
	case "pre-2019 format":
		return "2019 年以前的旧格式（没有全国统一表格）"
	case "scanned":
		return "扫描件，没有文字层（需先做 OCR）"
	case "encrypted":
		return "文件加密"
	case "damaged":
		return "文件损坏"
	case "unsupported format":
		return "不支持的格式"
	case "too large":
		return "超出大小、时间或内存限制"
	case "report in an attachment":
		return "报告在附件中（请下载附件再上传）"
	case "limit":
		return "超出工作台的数量限制"
	}
	return "无法读取"
}

// regionNode is a division of the region tree of the home page, with the
// count of reports under it.
type regionNode struct {
	Code, Name string
	Count      int
	Children   []*regionNode
}

// regionChain is the codes of a report's division and those above it
// (350102 → 350000 350100 350102); "unknown" when unresolved.
func regionChain(r *model.Report) []string {
	g := r.Region
	if g == nil || g.Code == nil || len(*g.Code) != 6 {
		return []string{"unknown"}
	}
	c := *g.Code
	out := []string{c[:2] + "0000"}
	if c[2:4] != "00" {
		out = append(out, c[:4]+"00")
	}
	if c[4:] != "00" {
		out = append(out, c)
	}
	return out
}

func regionTree(rows []reportRow, hs []*Held) ([]*regionNode, []string) {
	var roots []*regionNode
	byCode := map[string]*regionNode{}
	years := map[string]bool{}
	for i, h := range hs {
		years[rows[i].Year] = true
		r := h.Report
		chain := regionChain(r)
		names := []string{"地区未定"}
		if chain[0] != "unknown" {
			names = nil
			for _, p := range []*string{r.Region.Province, r.Region.City, r.Region.County} {
				if p != nil {
					names = append(names, *p)
				}
			}
		}
		var parent *regionNode
		for j, c := range chain {
			n := byCode[c]
			if n == nil {
				name := c
				if j < len(names) {
					name = names[j]
				}
				n = &regionNode{Code: c, Name: name}
				byCode[c] = n
				if parent == nil {
					roots = append(roots, n)
				} else {
					parent.Children = append(parent.Children, n)
				}
			}
			n.Count++
			parent = n
		}
	}
	var ys []string
	for y := range years {
		ys = append(ys, y)
	}
	sort.Strings(ys)
	return roots, ys
}
