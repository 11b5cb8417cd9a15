package recognize

import (
	"testing"

	"github.com/govreport/govreport/parser/layout"
)

// positionedDoc builds a document of positioned lines; each line is a
// list of (text, x0, x1).
type pc struct {
	t      string
	x0, x1 float64
}

func positionedDoc(rows ...[]pc) *layout.Document {
	doc := &layout.Document{Format: "pdf", Pages: 1}
	for i, r := range rows {
		l := layout.Line{Page: 1, Num: i + 1}
		for _, c := range r {
			l.Cells = append(l.Cells, layout.Cell{Text: c.t, Raw: c.t, Col: -1, X0: c.x0, X1: c.x1, HasX: true})
		}
		doc.Lines = append(doc.Lines, l)
	}
	return doc
}

func disclosureDoc(between []pc) *layout.Document {
	head := []pc{{"信息内容", 60, 110}, {"上一年项目数量", 195, 280}, {"本年增/减", 305, 360}, {"处理决定数量", 380, 455}}
	rows := [][]pc{
		{{"示例区人民政府2019年政府信息公开工作年度报告", 100, 500}},
		{{"二、主动公开政府信息情况", 60, 200}},
		{{"第二十条第(五)项", 60, 170}},
		head,
		{{"行政许可", 60, 110}, {"396", 195, 217}, {"0", 305, 313}, {"181", 382, 405}},
	}
	if between != nil {
		rows = append(rows, between)
	}
	rows = append(rows,
		[]pc{{"其他对外管理服务事项", 60, 178}, {"0", 305, 313}, {"153", 382, 405}},
		[]pc{{"三、收到和处理政府信息公开申请情况", 60, 300}},
	)
	return positionedDoc(rows...)
}

// A number on its own baseline between two rows belongs to the row that
// lacks it in that column; without it, the blank reads 0.
func TestNumberOffItsRowsLine(t *testing.T) {
	r, err := Recognize(disclosureDoc([]pc{{"10", 195, 210}}))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := r.ActiveDisclosure.Get("other_services", "previous_items"); !ok || v != 10 {
		t.Errorf("other_services.previous_items = %v (known %v), want the stray 10", v, ok)
	}
	if v, _ := r.ActiveDisclosure.Get("licensing", "previous_items"); v != 396 {
		t.Errorf("licensing.previous_items = %v", v)
	}
	r, err = Recognize(disclosureDoc(nil))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := r.ActiveDisclosure.Get("other_services", "previous_items"); !ok || v != 0 {
		t.Errorf("a blank cell read %v (known %v), want 0", v, ok)
	}
}

// When both neighbouring rows lack the column, the stray number could be
// either's: both cells are null, never 0 and never a guess.
func TestStrayNumberBetweenTwoBlankRowsIsUnknown(t *testing.T) {
	doc := disclosureDoc([]pc{{"10", 195, 210}})
	doc.Lines[4].Cells = doc.Lines[4].Cells[:1]                                                                      // 行政许可 printed blank
	doc.Lines[4].Cells = append(doc.Lines[4].Cells, layout.Cell{Text: "181", Col: -1, X0: 382, X1: 405, HasX: true}) // only its decisions
	r, err := Recognize(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"licensing", "other_services"} {
		if v, ok := r.ActiveDisclosure.Get(row, "previous_items"); ok {
			t.Errorf("%s.previous_items = %v, want null", row, v)
		}
	}
}

// Digits run together (023) on a row are not a row of blanks.
func TestRunTogetherDigitsAreNotABlankRow(t *testing.T) {
	ps := pieces(&layout.Line{Cells: []layout.Cell{{Text: "(七)总计", Col: -1}, {Text: "023", Col: -1}, {Text: "00", Col: -1}}})
	if !digitsBesideLabel(ps) {
		t.Errorf("023 and 00 not seen as digits")
	}
	ps = pieces(&layout.Line{Cells: []layout.Cell{{Text: "(三)不予公开", Col: -1}, {Text: "4.保护第三方合法权益", Col: -1}}})
	if digitsBesideLabel(ps) {
		t.Errorf("a label's numbering taken for digits")
	}
}

// The digit-run splitter may cut only runs whose separators were lost:
// never a number printed as a cell of its own or on a line of its own.
func TestCutsCells(t *testing.T) {
	onePerLine := &sectionText{lines: []string{"(一)予以公开", "258", "12", "1", "1"}}
	for range onePerLine.lines {
		onePerLine.from = append(onePerLine.from, &layout.Line{Cells: []layout.Cell{{Text: "x"}}})
	}
	if !onePerLine.cutsCells(1, "258 12 1 1", 7) {
		t.Errorf("numbers one per line were left to the splitter")
	}
	cells := &sectionText{lines: []string{"(一)予以公开 9 2 0 1 0 12"}, from: []*layout.Line{{Cells: []layout.Cell{{Text: "(一)予以公开"}, {Text: "9"}, {Text: "2"}, {Text: "12"}}}}}
	if !cells.cutsCells(0, "9 2 0 1 0 12", 7) {
		t.Errorf("a row of separate cells was left to the splitter")
	}
	dump := &sectionText{lines: []string{"(一)予以公开 92001012 (二)部分公开"}, from: []*layout.Line{{Cells: []layout.Cell{{Text: "(一)予以公开92001012(二)部分公开"}}}}}
	if dump.cutsCells(0, "92001012", 7) {
		t.Errorf("a run-together dump was kept from the splitter")
	}
	// The same run cut into "cells" by an ideographic space: on a line that
	// holds other rows' runs too, the cut is padding; on a line of its own
	// it is a grid's cell boundary.
	body := &layout.Line{Cells: []layout.Cell{{Text: "(一)予以公开920"}, {Text: "01012(二)部分公开1000001"}}}
	padded := &sectionText{lines: []string{"(一)予以公开920 01012(二)部分公开1000001"}, from: []*layout.Line{body}, items: map[*layout.Line]int{}}
	padded.countRuns(map[string]string{"granted": "920 01012", "partially_granted": "1000001"}, map[string]int{"granted": 0, "partially_granted": 0})
	if padded.cutsCells(0, "920 01012", 7) {
		t.Errorf("padding on a one-line body was taken for cells")
	}
	row := &layout.Line{Cells: []layout.Cell{{Text: "(一)予以公开"}, {Text: "920"}, {Text: "1012"}}}
	grid := &sectionText{lines: []string{"(一)予以公开 920 1012"}, from: []*layout.Line{row}, items: map[*layout.Line]int{}}
	grid.countRuns(map[string]string{"granted": "920 1012"}, map[string]int{"granted": 0})
	if !grid.cutsCells(0, "920 1012", 7) {
		t.Errorf("a grid row's printed cells were left to the splitter")
	}
}
