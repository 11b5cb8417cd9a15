package compare

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestXLSX(t *testing.T) {
	s := corpusSet(t, ByRegion)
	var b bytes.Buffer
	if err := s.WriteXLSX(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("对比", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][1] != "洪泽区人民政府 2023 ✗" || rows[0][2] != "沭阳县人民政府 2025" {
		t.Errorf("header %q", rows[0][:3])
	}
	find := func(label string) []string {
		for _, r := range rows {
			if r[0] == label {
				return r
			}
		}
		t.Fatalf("no row %s", label)
		return nil
	}
	if r := find("收到申请合计"); r[2] != "749" {
		t.Errorf("沭阳 received %q", r[2])
	}
	v, err := strconv.ParseFloat(find("予以公开占比")[2], 64)
	if err != nil || math.Abs(v-294.0/718) > 1e-12 {
		t.Errorf("沭阳 granted share stored as %v (%v), want the fraction 294/718", v, err)
	}
	if r := find("行政复议纠错率"); len(r) > 1 && r[1] != "" {
		t.Errorf("undefined rate written as %q, want an empty cell", r[1])
	}
	st, _ := f.GetCellStyle("对比", "C8")
	if st == 0 {
		t.Error("numbers without a number format")
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "对比,发现" {
		t.Errorf("sheets %s: the failed checks are findings now", got)
	}
	found, _ := f.GetRows("发现", excelize.Options{RawCellValue: true})
	var got []string
	for _, r := range found[1:] {
		if r[1] == "arithmetic" || r[1] == "carry_over" {
			got = append(got, r[0]+" "+r[1]+" "+r[4]+"="+r[5])
		}
	}
	if len(got) < 5 || !strings.Contains(strings.Join(got, "|"), "鼓楼区人民政府 2023 carry_over applications.carried_over.total=3|鼓楼区人民政府 2023 carry_over applications.carried_forward.total=5") {
		t.Errorf("sheet 发现:\n%s", strings.Join(got, "\n"))
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := corpusSet(t, ByRegion).WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\ufeff")) {
		t.Error("no byte-order mark")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		switch r[0] {
		case "received":
			if r[3] != "749" {
				t.Errorf("received %q", r[3])
			}
		case "review_correction_rate":
			if r[2] != "" || r[3] != strconv.FormatFloat(10.0/46, 'f', -1, 64) {
				t.Errorf("review_correction_rate %q", r[2:4])
			}
		case "failed_checks":
			t.Error("a failed_checks row beside the findings")
		case "findings":
			if !strings.Contains(r[2], "[arithmetic] 表四“行政复议”") || r[3] != "" {
				t.Errorf("findings %q", r[2:4])
			}
		}
	}
}
