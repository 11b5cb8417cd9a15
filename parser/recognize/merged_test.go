package recognize

import (
	"testing"

	"github.com/govreport/govreport/parser/layout"
)

// gridLine is a table line of grid cells; a cell text prefixed "v" is
// the rowspan copy of the cell printed on line origin.
func gridLine(num, origin int, cells ...string) layout.Line {
	l := layout.Line{Num: num, Table: 1}
	for i, t := range cells {
		c := layout.Cell{Text: t, Raw: t, Col: i}
		if len(t) > 1 && t[0] == 'v' {
			c.Text, c.Raw = t[1:], t[1:]
			c.Copy, c.RowCopy, c.Origin = true, true, origin
		}
		l.Cells = append(l.Cells, c)
	}
	return l
}

func plain(num int, t string) layout.Line {
	return layout.Line{Num: num, Cells: []layout.Cell{{Text: t, Raw: t, Col: -1}}}
}

func disclosureMerged(value string) *layout.Document {
	return &layout.Document{Format: "html", Lines: []layout.Line{
		plain(1, "示例区人民政府2023年政府信息公开工作年度报告"),
		plain(2, "二、主动公开政府信息情况"),
		gridLine(3, 0, "第二十条第(六)项"),
		gridLine(4, 0, "信息内容", "本年处理决定数量"),
		gridLine(5, 0, "行政处罚", value),
		gridLine(6, 5, "行政强制", "v"+value),
		plain(7, "三、收到和处理政府信息公开申请情况"),
	}}
}

// In table 二, a value merged over two rows is theirs together: a 0 is 0
// in each, another number in neither.
func TestDisclosureValueMergedOverRows(t *testing.T) {
	r, err := Recognize(disclosureMerged("40"))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"punishment", "coercion"} {
		if v, ok := r.ActiveDisclosure.Get(row, "decisions"); ok {
			t.Errorf("%s.decisions = %v, want null", row, v)
		}
		found := false
		for _, w := range r.Warnings {
			found = found || (w.Code == "value_spans_rows" && w.Field == "active_disclosure."+row+".decisions")
		}
		if !found {
			t.Errorf("no value_spans_rows warning for %s: %v", row, r.Warnings)
		}
	}
	r, err = Recognize(disclosureMerged("0"))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"punishment", "coercion"} {
		if v, ok := r.ActiveDisclosure.Get(row, "decisions"); !ok || v != 0 {
			t.Errorf("%s.decisions = %v (known %v), want 0", row, v, ok)
		}
		if p := r.Provenance["active_disclosure."+row+".decisions"]; p.Line != 5 {
			t.Errorf("%s provenance %+v, want line 5 where the merged 0 is printed", row, p)
		}
	}
}
