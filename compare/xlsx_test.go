package compare

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"os/exec"
	"path/filepath"
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

	// The formats a reader sees: bold headers, red for failed checks,
	// 0.00% for shares and 0 for counts, the frozen corner, the widths.
	rowOf := func(label string) int {
		for i, r := range rows {
			if r[0] == label {
				return i + 1
			}
		}
		return 0
	}
	style := func(ref string) (bold bool, color string, numFmt int) {
		id, _ := f.GetCellStyle("对比", ref)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font != nil {
			bold, color = st.Font.Bold, st.Font.Color
		}
		return bold, color, st.NumFmt
	}
	if b, c, _ := style("B1"); !b || !strings.HasSuffix(c, "C00000") {
		t.Errorf("B1 (failed checks) bold %v colour %q", b, c)
	}
	if b, c, _ := style("C1"); !b || c != "" {
		t.Errorf("C1 bold %v colour %q", b, c)
	}
	share, received := rowOf("予以公开占比"), rowOf("收到申请合计")
	if _, _, n := style("C" + strconv.Itoa(share)); n != 10 {
		t.Errorf("share with number format %d, want 10 (0.00%%)", n)
	}
	if _, _, n := style("C" + strconv.Itoa(received)); n != 1 {
		t.Errorf("count with number format %d, want 1 (0)", n)
	}
	if p, _ := f.GetPanes("对比"); !p.Freeze || p.XSplit != 1 || p.YSplit != 1 || p.TopLeftCell != "B2" {
		t.Errorf("panes %+v", p)
	}
	for _, w := range []struct {
		sheet, col string
		want       float64
	}{{"对比", "A", 36}, {"对比", "B", 22}, {"发现", "A", 28}, {"发现", "D", 80}} {
		if got, _ := f.GetColWidth(w.sheet, w.col); got != w.want {
			t.Errorf("%s column %s is %v wide, want %v", w.sheet, w.col, got, w.want)
		}
	}

	// openpyxl, which pandas uses, reads the same.
	py := ""
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		t.Log("no python3 with openpyxl: not read with openpyxl")
		return
	}
	path := filepath.Join(t.TempDir(), "c.xlsx")
	var again bytes.Buffer
	if err := s.WriteXLSX(&again); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, again.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["对比"]
share, received = ws.cell(int(sys.argv[2]), 3), ws.cell(int(sys.argv[3]), 3)
print(wb.sheetnames, ws["B1"].value, ws["B1"].font.color.rgb, repr(received.value), received.number_format,
      repr(share.value), share.number_format, ws.freeze_panes, sep="|")`, path, strconv.Itoa(share), strconv.Itoa(received)).CombinedOutput()
	if want := "['对比', '发现']|洪泽区人民政府 2023 ✗|FFC00000|749|0|" + strconv.FormatFloat(294.0/718, 'g', -1, 64) + "|0.00%|B2\n"; err != nil || string(out) != want {
		t.Errorf("openpyxl reads %q (%v), want %q", out, err, want)
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
