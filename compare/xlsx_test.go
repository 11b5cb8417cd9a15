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
	checks, _ := f.GetRows("核对")
	var got []string
	for _, r := range checks[1:] {
		got = append(got, r[0]+" "+r[1]+" "+r[3]+"/"+r[4])
	}
	want := "洪泽区人民政府 2023 review_total 11/0|洪泽区人民政府 2023 litigation_after_review_total 5/0|平潭综合实验区 2020 results 26/20|平潭综合实验区 2020 results 27/21|鼓楼区人民政府 2023 carry_over 5/3"
	if strings.Join(got, "|") != want {
		t.Errorf("sheet 核对:\n%s\nwant\n%s", strings.Join(got, "|"), want)
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
			if !strings.Contains(r[2], "总计 printed 0") || r[3] != "" {
				t.Errorf("failed checks %q", r[2:4])
			}
		}
	}
}
