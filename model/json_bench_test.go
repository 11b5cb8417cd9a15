package model_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/govreport/govreport/model"
)

// BenchmarkMarshalReport encodes a whole report as parse prints it; batch
// conversion pays this for every report it keeps whole.
func BenchmarkMarshalReport(b *testing.B) {
	src, err := os.ReadFile("../corpus/html/portal-2021-qinglan-county-2023.golden.json")
	if err != nil {
		b.Skip(err)
	}
	var r model.Report
	if err := json.Unmarshal(src, &r); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := json.Marshal(&r); err != nil {
			b.Fatal(err)
		}
	}
}

// The hand-written encoders must write what encoding/json would.
func TestProvenanceJSONLikeEncodingJSON(t *testing.T) {
	p := model.Provenances{
		"a": {Text: "say \"12\"\\ <b>&\t\n\x01 一二", Page: 2, Line: 7, Inferred: true},
		"b": {Text: "", Line: 1},
	}
	got, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	type plain struct {
		Text     string `json:"text"`
		Page     int    `json:"page,omitempty"`
		Line     int    `json:"line"`
		Inferred bool   `json:"inferred,omitempty"`
	}
	want, _ := json.Marshal(map[string]plain{"a": plain(p["a"]), "b": plain(p["b"])})
	if string(got) != string(want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
