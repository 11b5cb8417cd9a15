package pdf

import (
	"strings"
	"testing"
)

// tl makes a line of words at the given x positions (each word 10 points
// wide per rune, size 10).
func tl(page int, y float64, words ...any) *tline {
	l := &tline{page: page, y: y, size: 10}
	for i := 0; i+1 < len(words); i += 2 {
		text := words[i].(string)
		x := float64(words[i+1].(int))
		w := float64(len([]rune(text))) * 10
		if text[0] < 0x80 {
			w = float64(len(text)) * 5
		}
		l.words = append(l.words, word{raw: text, text: text, x0: x, x1: x + w, y: y, size: 10, col: -1})
	}
	return l
}

func rowsOf(lines []*tline) []string {
	var out []string
	for _, l := range lines {
		if l.table == 0 {
			continue
		}
		var parts []string
		if l.label != nil {
			parts = append(parts, l.label.text)
		}
		for _, w := range l.words {
			parts = append(parts, w.text+"#"+string(rune('0'+w.col)))
		}
		out = append(out, strings.Join(parts, " "))
	}
	return out
}

// TestTableWithoutHeading: a table 三 without its heading and without the
// 申请人情况 row is still found from its column headers; blank cells stay
// absent and a label wrapped over two lines is joined.
func TestTableWithoutHeading(t *testing.T) {
	cols := []int{300, 330, 360, 390, 420, 450, 480}
	hdr := tl(1, 700, "自然人", cols[0]-5, "商业", cols[1], "科研", cols[2], "社会", cols[3], "法律", cols[4], "其他", cols[5], "总计", cols[6])
	hdr2 := tl(1, 688, "企业", cols[1], "机构", cols[2], "公益", cols[3], "服务", cols[4])
	hdr3 := tl(1, 676, "组织", cols[3], "机构", cols[4])
	r1 := tl(1, 660, "一、本年新收政府信息公开申请数量", 80, "5", cols[0]+5, "5", cols[6]+5)
	r2a := tl(1, 644, "二、上年结转政府信息公开申", 80)
	r2 := tl(1, 636, "2", cols[0]+5, "1", cols[1]+5, "3", cols[6]+5)
	r2b := tl(1, 628, "请数量", 80)
	r3 := tl(1, 612, "四、结转下年度继续办理", 80)
	after := tl(1, 590, "四、政府信息公开行政复议、行政诉讼情况", 80)
	out := buildTables([]*tline{tl(1, 720, "Some text", 80), hdr, hdr2, hdr3, r1, r2a, r2, r2b, r3, after})
	got := strings.Join(rowsOf(out), "\n")
	want := strings.Join([]string{
		"自然人#1 商业企业#2 科研机构#3 社会公益组织#4 法律服务机构#5 其他#6 总计#7",
		"一、本年新收政府信息公开申请数量 5#1 5#7",
		"二、上年结转政府信息公开申请数量 2#1 1#2 3#7",
		"四、结转下年度继续办理",
	}, "\n")
	if got != want {
		t.Errorf("grid\n%s\nwant\n%s", got, want)
	}
}

// TestRepeatedHeader: a header printed again on the continuation page
// does not become values or labels.
func TestRepeatedHeader(t *testing.T) {
	cols := []int{300, 330, 360, 390, 420, 450, 480}
	head := func(page int, y float64) []*tline {
		return []*tline{
			tl(page, y+12, "申请人情况", 380),
			tl(page, y, "(本列数据的勾稽关系为:第一项加第二", 80, "自然人", cols[0]-5, "商业", cols[1], "科研", cols[2], "社会", cols[3], "法律", cols[4], "其他", cols[5], "总计", cols[6]),
			tl(page, y-12, "项之和,等于第三项加第四项之和)", 80, "企业", cols[1], "机构", cols[2], "公益", cols[3], "服务", cols[4]),
			tl(page, y-24, "组织", cols[3], "机构", cols[4]),
		}
	}
	lines := []*tline{tl(1, 740, "三、收到和处理政府信息公开申请情况", 80)}
	lines = append(lines, head(1, 720)...)
	lines = append(lines,
		tl(1, 660, "一、本年新收政府信息公开申请数量", 80, "5", cols[0]+5, "5", cols[6]+5),
		tl(1, 640, "二、上年结转政府信息公开申请数量", 80, "1", cols[0]+5, "1", cols[6]+5))
	lines = append(lines, head(2, 780)...)
	lines = append(lines,
		tl(2, 740, "四、结转下年度继续办理", 80, "0", cols[0]+5, "0", cols[6]+5),
		tl(2, 700, "四、政府信息公开行政复议、行政诉讼情况", 80))
	got := strings.Join(rowsOf(buildTables(lines)), "\n")
	want := strings.Join([]string{
		"自然人#1 商业企业#2 科研机构#3 社会公益组织#4 法律服务机构#5 其他#6 总计#7",
		"一、本年新收政府信息公开申请数量 5#1 5#7",
		"二、上年结转政府信息公开申请数量 1#1 1#7",
		"四、结转下年度继续办理 0#1 0#7",
	}, "\n")
	if got != want {
		t.Errorf("grid\n%s\nwant\n%s", got, want)
	}
}

// TestOuterLabelTwice: a table split over two pages prints its vertical
// group label 三、本年度办理结果 on both; it is one group, not a row.
func TestOuterLabelTwice(t *testing.T) {
	cols := []int{300, 330, 360, 390, 420, 450, 480}
	row := func(page int, y float64, label string, x int, v string) *tline {
		return tl(page, y, label, x, v, cols[0]+5, v, cols[6]+5)
	}
	lines := []*tline{
		tl(1, 740, "三、收到和处理政府信息公开申请情况", 80),
		tl(1, 724, "自然人", cols[0]-5, "商业", cols[1], "科研", cols[2], "社会", cols[3], "法律", cols[4], "其他", cols[5], "总计", cols[6]),
		tl(1, 712, "企业", cols[1], "机构", cols[2], "公益", cols[3], "服务", cols[4]),
		tl(1, 706, "组织", cols[3], "机构", cols[4]),
		row(1, 700, "一、本年新收政府信息公开申请数量", 80, "3"),
		row(1, 680, "二、上年结转政府信息公开申请数量", 80, "0"),
		tl(1, 668, "三、", 80),
		row(1, 660, "(一)予以公开", 110, "2"),
		tl(1, 652, "本年度", 80),
		row(1, 640, "(二)部分公开", 110, "1"),
		tl(1, 632, "办理结果", 80),
		tl(2, 760, "三、本", 80),
		row(2, 750, "(七)总计", 110, "3"),
		tl(2, 742, "年度办理结果", 80),
		row(2, 730, "四、结转下年度继续办理", 80, "0"),
	}
	got := strings.Join(rowsOf(buildTables(lines)), "\n")
	want := strings.Join([]string{
		"自然人#1 商业企业#2 科研机构#3 社会公益组织#4 法律服务机构#5 其他#6 总计#7",
		"一、本年新收政府信息公开申请数量 3#1 3#7",
		"二、上年结转政府信息公开申请数量 0#1 0#7",
		"三、本年度办理结果",
		"(一)予以公开 2#1 2#7",
		"(二)部分公开 1#1 1#7",
		"(七)总计 3#1 3#7",
		"四、结转下年度继续办理 0#1 0#7",
	}, "\n")
	if got != want {
		t.Errorf("grid\n%s\nwant\n%s", got, want)
	}
}
