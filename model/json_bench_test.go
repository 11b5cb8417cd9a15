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
		"c": {Text: "12", Page: 3, Line: 40, Method: "ocr", Confidence: 91.5, Box: &model.Box{Page: 3, X: 180.5, Y: 96, W: 22.25, H: 14}},
	}
	got, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	type plain struct {
		Text       string     `json:"text"`
		Page       int        `json:"page,omitempty"`
		Line       int        `json:"line"`
		Inferred   bool       `json:"inferred,omitempty"`
		Method     string     `json:"method,omitempty"`
		Confidence float64    `json:"confidence,omitempty"`
		Box        *model.Box `json:"box,omitempty"`
	}
	want, _ := json.Marshal(map[string]plain{"a": plain(p["a"]), "b": plain(p["b"]), "c": plain(p["c"])})
	if string(got) != string(want) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
