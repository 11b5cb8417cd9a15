package corpusgen

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

func dumpDocs() []*Doc {
	var out []*Doc
	for _, d := range Docs() {
		if d.Dump != nil {
			out = append(out, d)
		}
	}
	return out
}

var dumpHeader = regexp.MustCompile(`^标题: .+\n发布时间: \d{4}-\d\d-\d\d \d\d:\d\d\n文号: \n发布机构: .*\n栏目: 政府信息公开年报\n原文链接: https://[^\s]+\.htm\n本地目录: zwgk/[^\n]+/\d+_[^\n]+\n[^\n]*links\.tsv[^\n]*\n=+ 正文 =+\n`)

// TestDumpShape checks the crawler's form: the header fields, then the
// body on one line.
func TestDumpShape(t *testing.T) {
	docs := dumpDocs()
	if len(docs) < 3 {
		t.Fatalf("%d dumps", len(docs))
	}
	for _, d := range docs {
		b, _ := d.Render()
		s := string(b)
		h := dumpHeader.FindString(s)
		if h == "" {
			t.Errorf("%s: header not in the crawler's form:\n%s", d.Name, s[:min(len(s), 600)])
			continue
		}
		body := s[len(h):]
		if strings.ContainsAny(body, "\n\t") {
			t.Errorf("%s: body is not one line without tabs", d.Name)
		}
		if !strings.Contains(body, "四、结转下年度继续办理") || !strings.Contains(body, "六、其他需要报告的事项") {
			t.Errorf("%s: body lacks the tables or section 六", d.Name)
		}
	}
}

// canonical is the token the printed text of a cell should read as: the
// number without the + of a change or the 元 of an amount.
func canonical(tok string) string {
	return strings.TrimSuffix(strings.TrimPrefix(tok, "+"), "元")
}

// TestDumpRuns checks every value run of every dump: it occurs in the
// body in reading order, and the numbers the document was written from
// are one of its readings, so the expected values can be read from it.
func TestDumpRuns(t *testing.T) {
	for _, d := range dumpDocs() {
		b, _ := d.Render()
		body := strings.Join(strings.Fields(strings.ReplaceAll(string(b), "\u3000", " ")), "")
		at := strings.Index(body, "二、主动公开政府信息情况")
		t2, t3, t4 := dumpRuns(d.Report, d.Style, *d.Dump)
		for _, run := range append(append(t2, t3...), t4) {
			joined := strings.Join(strings.Fields(strings.ReplaceAll(strings.Join(run.texts, ""), "\u3000", " ")), "")
			i := strings.Index(body[at:], joined)
			if i < 0 {
				t.Errorf("%s: run %q not found in order", d.Name, joined)
				continue
			}
			at += i + len(joined)
			var want []string
			for _, c := range run.cells {
				want = append(want, c.Number)
			}
			found := false
			for _, s := range splits(run) {
				var got []string
				for _, tok := range s {
					got = append(got, canonical(tok))
				}
				if fmt.Sprint(got) == fmt.Sprint(want) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: run %q cannot be read as %v", d.Name, joined, want)
			}
		}
	}
}

func TestSplits(t *testing.T) {
	cells := func(fields ...string) []*Cell {
		var out []*Cell
		for _, f := range fields {
			out = append(out, &Cell{Kind: kindValue, Field: f, Path: "x." + f})
		}
		return out
	}
	cases := []struct {
		texts  []string
		fields []string
		n      int
	}{
		{[]string{"0", "+1", "1"}, []string{"previous_items", "change", "decisions"}, 1},           // the sign fixes the cut
		{[]string{"0", "0", "0"}, []string{"new_made", "new_published", "total_published"}, 1},     // no number starts with 0
		{[]string{"22", "22", "33"}, []string{"new_made", "new_published", "total_published"}, 10}, // 2|2|2233 … 22|22|33 …
		{[]string{"22", " 22", "33"}, []string{"new_made", "new_published", "total_published"}, 4}, // a space is a boundary: 2|2|2233, 22|2|233, 22|22|33, 22|223|3
		{[]string{"21", "5419886元"}, []string{"projects", "amount_yuan"}, 8},
	}
	for _, c := range cases {
		got := splits(dumpRun{cells: cells(c.fields...), texts: c.texts})
		if len(got) != c.n {
			t.Errorf("%q: %d readings %v, want %d", c.texts, len(got), got, c.n)
		}
	}
}

// TestUndeterminable pins down what the dumps leave open: table 二 runs
// that split several ways, never a cell of table 三 (its arithmetic
// decides, as 151|3|0|0|0|0|154 against 15|1|30|…).
func TestUndeterminable(t *testing.T) {
	want := map[string]string{
		"text/dump-2021-hailan-zone-2025.txt":           "[active_disclosure.normative_documents.issued active_disclosure.normative_documents.repealed active_disclosure.normative_documents.in_force]",
		"text/dump-2021-chengchuan-market-2024.txt":     "[active_disclosure.normative_documents.issued active_disclosure.normative_documents.repealed active_disclosure.normative_documents.in_force]",
		"text/dump-letter-2021-chengchuan-edu-2022.txt": "[active_disclosure.normative_documents.issued active_disclosure.normative_documents.repealed active_disclosure.normative_documents.in_force]",
	}
	for _, d := range dumpDocs() {
		u, err := d.undet()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range u {
			if !strings.HasPrefix(p, "active_disclosure.") {
				t.Errorf("%s: %s undeterminable outside table 二", d.Name, p)
			}
		}
		if w, ok := want[d.Name]; ok && fmt.Sprint(u) != w {
			t.Errorf("%s: undeterminable %v, want %s", d.Name, u, w)
		}
		if d.Report.Slug == "dongyu-county-2020" {
			got := strings.Join(u, " ")
			// 396-18181 after a padded 396: the sign and the space fix
			// 上一年项目数量; 35-2 has one reading.
			for _, p := range []string{"licensing.previous_items", "fees.previous_items", "fees.change", "rules."} {
				if strings.Contains(got, p) {
					t.Errorf("%s: %s should be decided: %v", d.Name, p, u)
				}
			}
			if !strings.Contains(got, "procurement.amount_yuan") {
				t.Errorf("%s: procurement run should be undeterminable: %v", d.Name, u)
			}
		}
	}
}

// TestNullCells checks the cells a document cannot tell: a table 二 row
// it lacks, and merged （六） cells that are not 0.
func TestNullCells(t *testing.T) {
	exp := func(name string) map[string]map[string]map[string]any {
		for _, d := range Docs() {
			if d.Name == name {
				b, err := d.Expected()
				if err != nil {
					t.Fatal(err)
				}
				var m map[string]map[string]map[string]any
				var raw map[string]json.RawMessage
				json.Unmarshal(b, &raw)
				m = map[string]map[string]map[string]any{}
				for _, sec := range []string{"active_disclosure", "applications"} {
					var x map[string]map[string]any
					json.Unmarshal(raw[sec], &x)
					m[sec] = x
				}
				return m
			}
		}
		t.Fatalf("%s not found", name)
		return nil
	}
	m := exp("html/portal-2021-chengchuan-market-2024-merged-other.html")
	if v, ok := m["active_disclosure"]["rules"]["issued"]; !ok || v != nil {
		t.Errorf("market: rules.issued = %v (present %v), want null", v, ok)
	}
	for _, k := range otherRows {
		if v := m["applications"][k]["natural_person"]; v != float64(0) {
			t.Errorf("market: %s = %v, want 0 under a merged 0", k, v)
		}
	}
	m = exp("html/portal-2021-hailan-zone-2025-merged-other-nonzero.html")
	for _, k := range otherRows {
		if v := m["applications"][k]["natural_person"]; v != nil {
			t.Errorf("hailan merged: %s.natural_person = %v, want null", k, v)
		}
		if v := m["applications"][k]["total"]; v != nil {
			t.Errorf("hailan merged: %s.total = %v, want null", k, v)
		}
		if v := m["applications"][k]["commercial_enterprise"]; v != float64(0) {
			t.Errorf("hailan merged: %s.commercial_enterprise = %v, want 0", k, v)
		}
	}
	if v := m["applications"]["granted"]["natural_person"]; v != float64(33) {
		t.Errorf("hailan merged: granted = %v", v)
	}
}

// TestMisspelt checks that the misspelt documents carry every variant and
// no template spelling of them.
func TestMisspelt(t *testing.T) {
	n := 0
	for _, d := range Docs() {
		if !d.Style.Misspell {
			continue
		}
		n++
		b, _ := d.Render()
		s := string(b)
		for _, w := range []string{"先行有效件数", "钩稽", "其他法律和行政法规禁止公开", "行政执法案件", "不再受理", "行政法复议"} {
			if !strings.Contains(s, w) {
				t.Errorf("%s: lacks %s", d.Name, w)
			}
		}
		for _, w := range []string{"现行有效件数", "勾稽", "行政执法案卷", "行政规范性文件"} {
			i := strings.Index(s, "二、主动公开政府信息情况")
			if strings.Contains(s[i:strings.Index(s, "五、")], w) {
				t.Errorf("%s: tables still print %s", d.Name, w)
			}
		}
	}
	if n < 2 {
		t.Errorf("%d misspelt documents", n)
	}
}
