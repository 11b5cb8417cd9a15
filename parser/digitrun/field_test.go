package digitrun

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
)

// The field samples live beside the repository and are not part of it:
// the test reads them when present and skips otherwise.
const fieldDir = "../../../shared/field"

// sections cuts a field document into the regions a recognizer would
// hand over: table 二 (heading 二 to 三), table 三 (三 to the heading of
// table 四, not the row 四、结转…), table 四 (to 五). The headings are
// found inside lines too, since the text dumps are one long line.
func sections(t *testing.T, text string) (two, three, four []string) {
	t.Helper()
	find := func(from int, re string) int {
		m := regexp.MustCompile(re).FindStringIndex(text[from:])
		if m == nil {
			t.Fatalf("no heading %s", re)
		}
		return from + m[0]
	}
	i2 := find(0, `二、主动公开`)
	i3 := find(i2, `三、收到和处理`)
	i4 := find(i3, `四、[^、\n]{0,12}(复议|诉讼)`)
	i5 := find(i4, `五、`)
	return strings.Split(text[i2:i3], "\n"), strings.Split(text[i3:i4], "\n"), strings.Split(text[i4:i5], "\n")
}

type expected struct {
	Template         string                         `json:"template"`
	ActiveDisclosure map[string]map[string]*float64 `json:"active_disclosure"`
	Applications     map[string]map[string]*float64 `json:"applications"`
	ReviewLitigation map[string]map[string]*float64 `json:"review_litigation"`
}

func sameCell(c Cell, want *float64) bool {
	if want == nil {
		return c.Value == nil
	}
	return c.Value != nil && math.Abs(*c.Value-*want) < 1e-9
}

func show(c Cell) string {
	if c.Value == nil {
		return "null"
	}
	return formatValues([]float64{*c.Value})
}

func showWant(v *float64) string {
	if v == nil {
		return "null"
	}
	return formatValues([]float64{*v})
}

func TestFieldSamples(t *testing.T) {
	// 05–09: crawler dumps whose cells ran together; seed: tab-separated
	// cells; 14: an OCR conversion to Markdown, tables re-chunked.
	files, _ := filepath.Glob(filepath.Join(fieldDir, "0[5-9]-pingtan-*.txt"))
	if len(files) == 0 {
		t.Skip("field samples not present")
	}
	files = append(files, filepath.Join(fieldDir, "seed-zhanhe-2023.txt"), filepath.Join(fieldDir, "14-shuyang-county-2025-ocrmd.txt"))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var want expected
			js, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".expected.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(js, &want); err != nil {
				t.Fatal(err)
			}
			two, three, four := sections(t, string(raw))
			total, right := 0, 0
			check := func(path string, c Cell, w *float64) {
				total++
				if sameCell(c, w) {
					right++
					return
				}
				t.Errorf("%s: got %s (candidates %v), want %s", path, show(c), c.Candidates, showWant(w))
			}

			// Table 三.
			t3, ok := ExtractApplications(three)
			if !ok {
				t.Fatalf("table 三 not extracted")
			}
			if string(t3.Gen) != want.Template {
				t.Errorf("table 三 generation %s, want %s", t3.Gen, want.Template)
			}
			cells, warns := DecodeApplications(t3.Runs, t3.Gen)
			for _, row := range model.ApplicationRowsFor(t3.Gen) {
				for j, col := range model.ApplicationColumns {
					check("applications."+row.Key+"."+col.Key, cells[row.Key][j], want.Applications[row.Key][col.Key])
				}
			}
			for _, w := range warns {
				t.Logf("warning %s %s: %s", w.Code, w.Field, w.Message)
			}
			// The checks fail exactly where they fail on the true values
			// (06: results in 自然人 and 总计), nothing repaired.
			truth := map[string][7]Cell{}
			for _, row := range model.ApplicationRowsFor(t3.Gen) {
				var cs [7]Cell
				for j, col := range model.ApplicationColumns {
					cs[j].Value = want.Applications[row.Key][col.Key]
				}
				truth[row.Key] = cs
			}
			if got, exp := failedChecks(cells, t3.Gen), failedChecks(truth, t3.Gen); !reflect.DeepEqual(got, exp) {
				t.Errorf("failed checks %v, on the true values %v", got, exp)
			} else if len(exp) > 0 {
				t.Logf("failed checks, as in the document: %v", exp)
			}

			// Table 四.
			run, _, ok := ExtractReview(four)
			if !ok {
				t.Fatalf("table 四 not extracted")
			}
			rc, _ := DecodeReview(run)
			for i := range rc {
				g, o := model.ReviewGroups[i/5].Key, model.ReviewOutcomes[i%5].Key
				check(ReviewPath(i), rc[i], want.ReviewLitigation[g][o])
			}

			// Table 二.
			t2 := ExtractDisclosure(two)
			if string(t2.Gen) != want.Template {
				t.Errorf("table 二 generation %s, want %s", t2.Gen, want.Template)
			}
			for _, row := range model.DisclosureRows(t2.Gen) {
				r, ok := t2.Runs[row.Key]
				if !ok {
					t.Errorf("table 二 row %s not found", row.Key)
					continue
				}
				dc, _ := DecodeDisclosure(r, row)
				for j, fd := range row.Fields {
					check("active_disclosure."+row.Key+"."+fd.Key, dc[j], want.ActiveDisclosure[row.Key][fd.Key])
				}
			}
			t.Logf("%d/%d cells as expected", right, total)
		})
	}
}

func failedChecks(cells map[string][7]Cell, g model.Generation) []string {
	rep := &model.Report{Template: g, Applications: toTable(cells, g)}
	var out []string
	for _, c := range model.FailedChecks(model.RunChecks(rep)) {
		out = append(out, c.Rule+":"+c.Scope)
	}
	return out
}
