package ocr

import (
	"image"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/layout"
)

// gateFixture builds one table line of a scan: a label and seven cells of table
// 三 (six applicant columns and the total), each nil (blank, no ink) or
// the readings OCR made of it.
func gateFixture(rows map[string][]*Reading) (*Document, *model.Report) {
	d := &Document{Document: &layout.Document{}, Numbers: map[int]map[int]*Reading{}}
	r := &model.Report{Template: "2021", Provenance: model.Provenances{}}
	keys := []string{}
	for k := range rows {
		keys = append(keys, k)
	}
	r.Applications = model.NewTable(keys, func(string) []string {
		var cs []string
		for _, c := range model.ApplicationColumns {
			cs = append(cs, c.Key)
		}
		return cs
	})
	for _, k := range keys {
		num := len(d.Lines) + 1
		line := layout.Line{Num: num, Page: 1, Table: 1, Cells: []layout.Cell{{Text: k, Raw: k, Col: 0}}}
		nums := map[int]*Reading{}
		for i, rd := range rows[k] {
			col := model.ApplicationColumns[i].Key
			cell := layout.Cell{Col: i + 1}
			text := ""
			if rd != nil {
				rd.DPI, rd.Page = 200, 1
				rd.Box = image.Rect(100*i, 10*num, 100*i+50, 10*num+20)
				text = rd.Candidates[0].Text
				nums[len(line.Cells)] = rd
			}
			cell.Raw, cell.Text = text, text
			line.Cells = append(line.Cells, cell)
			// the recognizer reads the top reading, a blank as 0
			v, _ := strconv.ParseFloat(text, 64)
			r.Applications.Set(k, col, v)
			r.Provenance["applications."+k+"."+col] = model.Provenance{Text: text, Page: 1, Line: num}
		}
		d.Numbers[num] = nums
		d.Lines = append(d.Lines, line)
	}
	return d, r
}

func unsure(cs ...Candidate) *Reading { return &Reading{Candidates: cs} }
func sureRd(t string) *Reading        { return &Reading{Candidates: []Candidate{{t, 96}}, Sure: true} }

func value(r *model.Report, row, col string) *float64 { return r.Applications.Cell(row, col).Value }

func TestGateConfirmsByRowTotal(t *testing.T) {
	d, r := gateFixture(map[string][]*Reading{
		// 自然人 read 6 (70) or 5 (65); the total, sure, is 5: only 5 holds
		"new_requests": {unsure(Candidate{"6", 70}, Candidate{"5", 65}), nil, nil, nil, nil, nil, sureRd("5")},
	})
	d.Gate(r)
	if v := value(r, "new_requests", "natural_person"); v == nil || *v != 5 {
		t.Fatalf("natural_person = %v, want 5 (the reading the row total confirms)", v)
	}
	p := r.Provenance["applications.new_requests.natural_person"]
	if p.Method != "ocr" || p.Confidence != 65 || p.Box == nil || p.Box.Page != 1 || p.Text != "5" {
		t.Errorf("provenance %+v: want method ocr, the kept reading's confidence 65, its box", p)
	}
	if p := r.Provenance["applications.new_requests.commercial_enterprise"]; p.Method != "ocr" {
		t.Errorf("a blank cell's provenance %+v: want method ocr", p)
	}
	if len(r.Checks) == 0 || !r.Checks[0].OK {
		t.Errorf("checks %+v: want the row total evaluated and holding", r.Checks)
	}
}

func TestGateNeverInvents(t *testing.T) {
	d, r := gateFixture(map[string][]*Reading{
		// no reading of 自然人 makes the row hold (the total is 9): null,
		// though the arithmetic alone would say 9
		"new_requests": {unsure(Candidate{"7", 60}, Candidate{"1", 40}), nil, nil, nil, nil, nil, sureRd("9")},
		// two unsure cells that can be read two ways that both hold
		"carried_over": {unsure(Candidate{"3", 70}, Candidate{"2", 60}), unsure(Candidate{"1", 70}, Candidate{"2", 60}), nil, nil, nil, nil, sureRd("4")},
	})
	d.Gate(r)
	if v := value(r, "new_requests", "natural_person"); v != nil {
		t.Errorf("natural_person = %v, want null: no reading holds", *v)
	}
	for _, c := range []string{"natural_person", "commercial_enterprise"} {
		if v := value(r, "carried_over", c); v != nil {
			t.Errorf("carried_over.%s = %v, want null: 3+1 and 2+2 both hold", c, *v)
		}
	}
	// the row cannot hold with any reading: its sure total is not
	// confirmed either (two readings can agree on a wrong digit)
	if v := value(r, "new_requests", "total"); v != nil {
		t.Errorf("new_requests.total = %v, want null: its row fails whatever the readings", *v)
	}
	// a sure reading in a row that some readings satisfy stays
	if v := value(r, "carried_over", "total"); v == nil || *v != 4 {
		t.Errorf("a sure reading was dropped: carried_over.total = %v", v)
	}
	var msgs []string
	for _, w := range r.Warnings {
		if w.Code == "ocr_unconfirmed" {
			msgs = append(msgs, w.Field+": "+w.Message)
		}
	}
	all := strings.Join(msgs, "\n")
	if len(msgs) != 4 || !strings.Contains(all, "7 (60%) or 1 (40%)") || !strings.Contains(all, "9 (96%) in two readings, but the relation row new_requests") {
		t.Errorf("warnings:\n%s\nwant four ocr_unconfirmed, the candidates named", all)
	}
	if _, ok := r.Provenance["applications.new_requests.natural_person"]; ok {
		t.Error("a null value keeps a provenance")
	}
}

func TestGateConfirmsTotal(t *testing.T) {
	d, r := gateFixture(map[string][]*Reading{
		// the total itself unsure and nothing else to check it against
		"new_requests": {sureRd("2"), nil, nil, nil, nil, nil, unsure(Candidate{"2", 80})},
	})
	d.Gate(r)
	if v := value(r, "new_requests", "total"); v == nil || *v != 2 {
		t.Errorf("total = %v, want 2: the row's sure cells confirm it", v)
	}
	d, r = gateFixture(map[string][]*Reading{
		"new_requests": {unsure(Candidate{"2", 80}), nil, nil, nil, nil, nil, unsure(Candidate{"2", 80}, Candidate{"3", 50})},
	})
	d.Gate(r)
	// 2 = 2 is the one way the two unsure cells agree: both confirmed
	if v := value(r, "new_requests", "total"); v == nil || *v != 2 {
		t.Errorf("total = %v, want 2", v)
	}
}
