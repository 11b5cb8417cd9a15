// Command gencorpus writes the reports of corpus/compare: one agency over
// five years (平潭综合实验区 2019–2023), districts and counties of several
// cities, and an agency whose name several districts share (鼓楼区) with
// two years whose carry-over does not match. The documents are
// tab-separated text as copied from a web page, each beside the values it
// was written from (*.expected.json). Run it with `go generate ./compare`.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/govreport/govreport/internal/corpusgen"
	"github.com/govreport/govreport/model"
)

// set is one report to write.
type set struct {
	Source string // where the numbers come from
	Place  string // the province or city the prose names ("" for none)
	Report corpusgen.Report
	Note   string
}

// rows builds table 三 from rows in the template order of generation g.
func rows(g model.Generation, vals ...[7]int) map[string][7]int {
	defs := model.ApplicationRowsFor(g)
	if len(vals) != len(defs) {
		panic(fmt.Sprintf("table 三 %s: %d rows given, template has %d", g, len(vals), len(defs)))
	}
	m := make(map[string][7]int, len(vals))
	for i, d := range defs {
		m[d.Key] = vals[i]
	}
	return m
}

// row is a table 三 row from the six applicant columns, with its total.
func row(np, ce, ri, sw, ls, oo int) [7]int {
	return [7]int{np, ce, ri, sw, ls, oo, np + ce + ri + sw + ls + oo}
}

// gulouSets are ours: a 鼓楼区 whose documents name no province or city,
// so its division stays ambiguous, and whose 2023 report carries over 3
// requests where the 2022 report carried 5 forward.
func gulouSets() []*set {
	z := row(0, 0, 0, 0, 0, 0)
	d := map[string][]string{
		"rules": {"0", "0", "0"}, "normative_documents": {"3", "1", "25"},
		"licensing": {"1250"}, "punishment": {"310"}, "coercion": {"12"}, "fees": {"1520.5"},
	}
	r22 := corpusgen.Report{Slug: "gulou-district-2022", Agency: "鼓楼区人民政府", Year: 2022, Published: "2023-01-18",
		Site: "鼓楼区人民政府网", Domain: "www.gulou.example", Table2: model.Gen2021, Table3: model.Gen2021, Disclosure: d,
		Apps: rows(model.Gen2021,
			row(34, 4, 0, 0, 2, 0), row(2, 0, 0, 0, 0, 0), // 一, 二
			row(12, 2, 0, 0, 1, 0), row(5, 1, 0, 0, 0, 0), // 予以公开, 部分公开
			z, z, z, row(2, 0, 0, 0, 0, 0), z, row(3, 0, 0, 0, 0, 0), z, z, // 不予公开
			row(7, 1, 0, 0, 0, 0), z, z, // 无法提供
			z, row(2, 0, 0, 0, 0, 0), z, z, z, // 不予处理
			z, z, row(1, 0, 0, 0, 0, 0), // 其他处理
			row(32, 4, 0, 0, 1, 0), row(4, 0, 0, 0, 1, 0)), // 总计, 结转
		Review: [3][5]int{{3, 1, 0, 1, 5}, {2, 0, 1, 0, 3}, {1, 1, 0, 0, 2}},
	}
	r23 := corpusgen.Report{Slug: "gulou-district-2023", Agency: "鼓楼区人民政府", Year: 2023, Published: "2024-01-17",
		Site: "鼓楼区人民政府网", Domain: "www.gulou.example", Table2: model.Gen2021, Table3: model.Gen2021, Disclosure: d,
		Apps: rows(model.Gen2021,
			row(45, 5, 0, 0, 2, 0), row(3, 0, 0, 0, 0, 0),
			row(20, 3, 0, 0, 1, 0), row(8, 1, 0, 0, 0, 0),
			z, z, z, row(1, 0, 0, 0, 0, 0), z, z, row(2, 0, 0, 0, 0, 0), z,
			row(10, 1, 0, 0, 0, 0), z, z,
			row(2, 0, 0, 0, 0, 0), z, z, z, z,
			row(1, 0, 0, 0, 0, 0), z, z,
			row(44, 5, 0, 0, 1, 0), row(4, 0, 0, 0, 1, 0)),
		Review: [3][5]int{{4, 2, 1, 0, 7}, {1, 1, 0, 1, 3}, {0, 0, 0, 0, 0}},
	}
	return []*set{
		{Source: "ours", Report: r22, Note: "Numbers ours. The documents name no province or city: 鼓楼区 stays ambiguous (four divisions)."},
		{Source: "ours", Report: r23, Note: "Numbers ours. Carries over 3 requests where the 2022 report carried 5 forward: the carry-over check of compare fires."},
	}
}

// prose fills the title and the free text of a set.
func prose(s *set) {
	r := &s.Report
	r.Title = fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Agency, r.Year)
	notice := "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
	if r.Table3 == model.Gen2019 && r.Year < 2021 {
		notice = "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）"
	}
	r.Preamble = []string{fmt.Sprintf("本年度报告依据《中华人民共和国政府信息公开条例》和%s编制，统计期限为%d年1月1日至%d年12月31日。报告电子版可在“%s”（%s）查阅。",
		notice, r.Year, r.Year, r.Site, r.Domain)}
	lead := "按照上级政务公开工作安排"
	if s.Place != "" {
		lead = "按照" + s.Place + "政务公开工作要点"
	}
	a := r.Apps["new_requests"][6]
	r.Overview = []string{
		fmt.Sprintf("%d年，%s%s，坚持以公开为常态、不公开为例外，稳步推进决策、执行、管理、服务、结果公开。", r.Year, r.Agency, lead),
		fmt.Sprintf("全年新收政府信息公开申请%d件，均在法定期限内作出答复。", a),
	}
	r.Problems = []string{"政策解读的形式仍较单一，基层公开专栏更新不够及时。下一步将加强培训，完善栏目维护机制。"}
	r.Other = []string{fmt.Sprintf("%d年本机关未收取信息处理费。", r.Year)}
	r.SignOff = []string{r.Agency, r.Published}
	note := s.Note
	if note == "" {
		note = "Number set from " + s.Source + " (" + r.Agency + " " + fmt.Sprint(r.Year) + "), nulls of table 二 written as 0; title, prose and layout are ours."
	}
	r.Notes = []string{note}
}

func main() {
	out := flag.String("out", "../corpus/compare", "folder to write")
	flag.Parse()
	files, err := generate()
	if err != nil {
		fail(err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	for _, name := range sortedKeys(files) {
		if err := os.WriteFile(filepath.Join(*out, name), files[name], 0o644); err != nil {
			fail(err)
		}
	}
}

func sortedKeys(m map[string][]byte) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// generate returns the files of corpus/compare by name.
func generate() (map[string][]byte, error) {
	files := map[string][]byte{}
	all := append(append([]*set(nil), fieldSets...), gulouSets()...)
	var readme strings.Builder
	readme.WriteString(`# Compare corpus

Reports for ` + "`govreport compare`" + ` and its golden test (` + "`compare/golden_test.go`" + `): one agency over
five years, districts and counties of several cities, and a district name that four divisions share.
Tab-separated text as copied from a web page, each beside the values it was written from
(` + "`*.expected.json`" + `) and the reviewed parser snapshot (` + "`*.golden.json`" + `, written by
` + "`go test ./corpus -update`" + `).

**Generated — do not edit by hand.** ` + "`go generate ./compare`" + ` writes the documents and expected files
from ` + "`compare/internal/gencorpus`" + `. Titles and prose are ours; the numbers of the real agencies are
those of their field truths (` + "`../shared/field`" + `), with table 二 cells the truth leaves null written as 0.

| document | agency, year | template (二/三) | numbers |
|---|---|---|---|
`)
	for _, s := range all {
		prose(s)
		r := &s.Report
		exp, err := r.Expected()
		if err != nil {
			return nil, err
		}
		name := "tabs-" + r.Slug
		files[name+".txt"] = corpusgen.RenderTabs(r, corpusgen.Style{}, corpusgen.TabOptions{})
		files[name+".expected.json"] = exp
		fmt.Fprintf(&readme, "| `%s.txt` | %s %d | %s / %s | %s |\n", name, r.Agency, r.Year, r.Table2, r.Table3, r.Notes[0])
	}
	files["README.md"] = []byte(readme.String())
	return files, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gencorpus:", err)
	os.Exit(1)
}
