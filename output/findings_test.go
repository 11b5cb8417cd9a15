package output

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// a report of table 三 (2021 format) with every cell read: new requests
// spread over the applicants, granted in full, and the given carry-over.
func findingReport(path string, year int, carriedOver, carriedForward float64) *model.Report {
	agency := "示例区人民政府办公室"
	r := &model.Report{Agency: &agency, Year: &year, Template: model.Gen2021, Provenance: model.Provenances{}}
	r.Source.Path, r.Source.Format = path, "text"
	var rows []string
	for _, d := range model.ApplicationRowsFor(model.Gen2021) {
		rows = append(rows, d.Key)
	}
	cols := func(string) []string { return keys(model.ApplicationColumns) }
	r.Applications = model.NewTable(rows, cols)
	for _, row := range rows {
		for _, c := range cols(row) {
			v := 0.0
			switch {
			case row == "carried_over" && c == "total":
				v = carriedOver
			case row == "carried_forward" && c == "total":
				v = carriedForward
			}
			r.Applications.Set(row, c, v)
			r.Provenance["applications."+row+"."+c] = model.Provenance{Text: FormatNumber(v), Page: 3, Line: 40}
		}
	}
	r.Findings = []model.Finding{{Rule: "narrative_missing", Severity: model.SeverityWarning, Message: "第五部分只有标题。",
		Evidence: []model.Evidence{{Field: "text.problems", Text: "五、存在的主要问题及改进情况", Line: 70}}}}
	return r
}

func readCSV(t *testing.T, p string) [][]string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(bom)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The findings tables hold each report's own findings and, once every
// report is written, the cross-report ones: this year's 上年结转 (2)
// against last year's 结转下年度 (3), whichever order the files come in.
func TestFindingsTables(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.csv")
	w, err := Create(out, "csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*model.Report{
		findingReport("b/2023.txt", 2023, 2, 0),
		findingReport("a/2022.txt", 2022, 0, 3),
	} {
		if err := w.WriteReport(NewRecord(r)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	fs := readCSV(t, SidePath(out, "findings", "csv"))
	if strings.Join(fs[0], ",") != strings.Join(FindingColumnNames(), ",") {
		t.Fatalf("header %v", fs[0])
	}
	var got []string
	for _, r := range fs[1:] {
		got = append(got, strings.Join(r[:5], "|")+"|"+r[6])
	}
	want := []string{
		"1|1|b/2023.txt|narrative_missing|warning|",
		"2|2|a/2022.txt|narrative_missing|warning|",
		"3|1|b/2023.txt|carry_over|warning|2",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(fs[3][5], "上年结转”为2件") {
		t.Errorf("message %q", fs[3][5])
	}
	ev := readCSV(t, SidePath(out, "findings_evidence", "csv"))
	got = got[:0]
	for _, r := range ev[1:] {
		got = append(got, strings.Join(r, "|"))
	}
	want = []string{
		"1|1|b/2023.txt|text.problems||五、存在的主要问题及改进情况||70",
		"2|2|a/2022.txt|text.problems||五、存在的主要问题及改进情况||70",
		"3|1|b/2023.txt|applications.carried_over.total|2|2|3|40",
		"3|2|a/2022.txt|applications.carried_forward.total|3|3|3|40",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("evidence\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
