package digitrun_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/fuzzcheck"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/digitrun"
)

// FuzzDigitrun cuts text into the runs of tables 二, 三 and 四 and decodes
// them. Every value read must be printed in its run (its Raw text, whose
// digits make it), and every cell left nil must be named by a warning (its
// field, its row or its table). Seeds are the corpus's and the field set's
// text files, dumps whose cells ran together among them.
//
//	go test ./parser/digitrun -run XXX -fuzz FuzzDigitrun -fuzztime 1m
func FuzzDigitrun(f *testing.F) {
	for _, b := range fuzzcheck.Seeds(f, ".txt", ".md") {
		f.Add(string(b))
	}
	f.Add("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 15130000154\n四、结转下年度继续办理 1,2040000001,204")
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.Split(text, "\n")
		fuzzcheck.Within(t, func() error {
			if t3, ok := digitrun.ExtractApplications(lines); ok {
				cells, warns := digitrun.DecodeApplications(t3.Runs, t3.Gen)
				for row, cs := range cells {
					for j, c := range cs {
						if err := check(c, t3.Runs[row], warns, "applications."+row+"."+model.ApplicationColumns[j].Key); err != nil {
							return err
						}
					}
				}
			}
			if run, _, ok := digitrun.ExtractReview(lines); ok {
				cells, warns := digitrun.DecodeReview(run)
				for i, c := range cells {
					if err := check(c, run, warns, digitrun.ReviewPath(i)); err != nil {
						return err
					}
				}
			}
			t2 := digitrun.ExtractDisclosure(lines)
			for _, row := range model.DisclosureRows(t2.Gen) {
				run, ok := t2.Runs[row.Key]
				if !ok {
					continue
				}
				cells, warns := digitrun.DecodeDisclosure(run, row)
				if len(cells) != len(row.Fields) {
					return fmt.Errorf("%s: %d cells for %d fields", row.Key, len(cells), len(row.Fields))
				}
				for i, c := range cells {
					if err := check(c, run, warns, "active_disclosure."+row.Key+"."+row.Fields[i].Key); err != nil {
						return err
					}
				}
			}
			return nil
		})
	})
}

// check verifies one decoded cell of path, from run.
func check(c digitrun.Cell, run string, warns []digitrun.Warning, path string) error {
	if c.Value == nil {
		for _, w := range warns {
			if w.Field == path || strings.HasPrefix(path, w.Field+".") {
				return nil
			}
		}
		return fmt.Errorf("%s is nil without a warning (run %q)", path, run)
	}
	if c.Raw == "" || !strings.Contains(run, c.Raw) {
		return fmt.Errorf("%s = %v read from %q, not in the run %q", path, *c.Value, c.Raw, run)
	}
	if !fuzzcheck.DigitsMake(c.Raw, *c.Value) {
		return fmt.Errorf("%s = %v read from %q, whose digits do not make it", path, *c.Value, c.Raw)
	}
	return nil
}
