package region

import (
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	tb := load()
	if len(tb.provs) != 31 || len(tb.cities) < 330 || len(tb.counts) < 2800 {
		t.Fatalf("%d provinces, %d cities, %d counties", len(tb.provs), len(tb.cities), len(tb.counts))
	}
	for code, want := range map[string]string{"320000": "江苏省", "320800": "淮安市", "320813": "洪泽区", "350128": "平潭县", "410411": "湛河区", "310000": "上海市"} {
		if d := ByCode(code); d == nil || d.Name != want || d.Code != code {
			t.Errorf("ByCode(%s) = %+v, want %s", code, d, want)
		}
	}
	if d := ByCode("110101"); d.Prov.Name != "北京市" || d.City() != nil {
		t.Errorf("东城区 is directly under 北京市: %+v", d)
	}
	if n := len(Lookup("鼓楼区")); n != 4 {
		t.Errorf("鼓楼区: %d divisions, want 4", n)
	}
	if Lookup("市辖区") != nil {
		t.Error("placeholder 市辖区 is a name")
	}
}

func str(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func TestResolve(t *testing.T) {
	cases := []struct {
		c                       Clues
		code, county, kind      string
		dept                    string
		conf                    float64
		candidates              int
		province, city, county2 string
	}{
		{c: Clues{Agency: "淮安市人民政府"}, code: "320800", kind: "government", conf: ConfUnique, province: "江苏省", city: "淮安市"},
		{c: Clues{Agency: "洪泽区人民政府", Text: "按照淮安市政务公开工作要点"}, code: "320813", county: "洪泽区", kind: "government", conf: ConfChain, province: "江苏省", city: "淮安市"},
		{c: Clues{Agency: "江苏省淮安市洪泽区人民政府"}, code: "320813", county: "洪泽区", kind: "government", conf: ConfChain},
		{c: Clues{Agency: "上海市人民政府办公厅"}, code: "310000", kind: "general_office", conf: ConfUnique, province: "上海市"},
		{c: Clues{Agency: "平潭综合实验区"}, code: "350128", county: "平潭县", kind: "government", conf: ConfShort},
		{c: Clues{Agency: "湛河区人民政府办公室"}, code: "410411", county: "湛河区", kind: "general_office", conf: ConfUnique, city: "平顶山市"},
		{c: Clues{Agency: "淮安市发展和改革委员会"}, code: "320800", kind: "department", dept: "发展和改革委员会", conf: ConfUnique},
		{c: Clues{Agency: "洪泽区高良涧街道办事处"}, code: "320813", kind: "township", dept: "高良涧街道", conf: ConfUnique},
		// Shared names: ambiguous unless the document says where.
		{c: Clues{Agency: "鼓楼区人民政府", Text: "坚持以公开为常态"}, kind: "government", candidates: 4},
		{c: Clues{Agency: "鼓楼区人民政府", Text: "根据福州市政务公开工作部署"}, code: "350102", kind: "government", conf: ConfText, city: "福州市"},
		{c: Clues{Agency: "鼓楼区人民政府", Text: "江苏省"}, kind: "government", candidates: 2}, // 南京 and 徐州 both in 江苏
		{c: Clues{Title: "南京市鼓楼区2023年政府信息公开工作年度报告"}, code: "320106", kind: "government", conf: ConfChain},
		{c: Clues{Agency: "朝阳区人民政府"}, kind: "government", candidates: 2},
		// No division named: nothing resolved, kind still told.
		{c: Clues{Agency: "青岚县人民政府办公室"}, kind: "general_office"},
		{c: Clues{Agency: "石门镇人民政府"}, kind: "township", dept: "石门镇"},
		{c: Clues{Agency: "青岚县教育局"}, kind: "department", dept: "教育局"},
		{c: Clues{Agency: "石门镇人民政府", Text: "在沭阳县委、县政府的领导下"}, code: "321322", kind: "township", dept: "石门镇", conf: ConfTownish},
	}
	for _, tc := range cases {
		name := tc.c.Agency + tc.c.Title
		t.Run(name+"/"+tc.c.Text, func(t *testing.T) {
			r := Resolve(tc.c)
			if tc.code == "" {
				if r.Code != nil || r.Province != nil || r.Confidence != 0 {
					t.Errorf("resolved to %s (%v), want none: %s", str(r.Code), r.Confidence, r.Basis)
				}
			} else if str(r.Code) != tc.code {
				t.Fatalf("code %s, want %s (%s; candidates %v)", str(r.Code), tc.code, r.Basis, r.Candidates)
			}
			if tc.county != "" && str(r.County) != tc.county {
				t.Errorf("county %s, want %s", str(r.County), tc.county)
			}
			if tc.province != "" && str(r.Province) != tc.province {
				t.Errorf("province %s, want %s", str(r.Province), tc.province)
			}
			if tc.city != "" && str(r.City) != tc.city {
				t.Errorf("city %s, want %s", str(r.City), tc.city)
			}
			if r.Confidence != tc.conf {
				t.Errorf("confidence %v, want %v (%s)", r.Confidence, tc.conf, r.Basis)
			}
			if len(r.Candidates) != tc.candidates {
				t.Errorf("%d candidates %v, want %d", len(r.Candidates), r.Candidates, tc.candidates)
			}
			if r.AgencyKind != tc.kind {
				t.Errorf("kind %s, want %s", r.AgencyKind, tc.kind)
			}
			if str(r.Department) != map[bool]string{true: "<nil>", false: tc.dept}[tc.dept == ""] {
				t.Errorf("department %s, want %q", str(r.Department), tc.dept)
			}
			if r.Basis == "" {
				t.Error("no basis")
			}
		})
	}
}

func TestAmbiguousCandidates(t *testing.T) {
	r := Resolve(Clues{Agency: "鼓楼区人民政府"})
	var got []string
	for _, c := range r.Candidates {
		got = append(got, c.Code+" "+c.Province+" "+c.City+" "+c.County)
	}
	want := "320106 江苏省 南京市 鼓楼区|320302 江苏省 徐州市 鼓楼区|350102 福建省 福州市 鼓楼区|410204 河南省 开封市 鼓楼区"
	if strings.Join(got, "|") != want {
		t.Errorf("candidates\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	if !strings.Contains(r.Basis, "4 divisions") {
		t.Errorf("basis %q", r.Basis)
	}
}

func TestCorrectAgencyOCRLookalike(t *testing.T) {
	if got, ok := CorrectAgency("沐阳县人民政府"); !ok || got != "沭阳县人民政府" {
		t.Errorf("沐阳县人民政府 corrected to %q, %v", got, ok)
	}
	for _, a := range []string{"淮安市人民政府", "示例区人民政府", "平潭综合实验区"} {
		if got, ok := CorrectAgency(a); ok {
			t.Errorf("%s changed to %s", a, got)
		}
	}
}
