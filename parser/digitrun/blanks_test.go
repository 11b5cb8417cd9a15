package digitrun

import (
	"context"
	"reflect"
	"testing"

	"github.com/govreport/govreport/model"
)

// In a document that prints zeros as empty cells, a dump loses those cells
// without a trace: a run shorter than its fields may be missing one
// anywhere, so only what every such reading agrees on is read.
func TestDisclosureVanishedBlanks(t *testing.T) {
	cases := []struct {
		g    model.Generation
		row  string
		run  string
		want []any
	}{
		{model.Gen2021, "normative_documents", "2 31", []any{nil, nil, nil}}, // 2|3|1 or 2|(blank)|31 …
		{model.Gen2021, "normative_documents", "00", []any{0.0, 0.0, 0.0}},   // every reading is zeros
		{model.Gen2021, "normative_documents", "3 0 25", []any{3.0, 0.0, 25.0}},
		{model.Gen2021, "licensing", "57", []any{57.0}},
		{model.Gen2019, "procurement", "12 251000元", []any{12.0, 251000.0}},
	}
	for _, c := range cases {
		got, _ := DecodeDisclosureContext(context.Background(), c.run, disclosureRow(c.g, c.row), true)
		if g := cellValues(got); !reflect.DeepEqual(g, c.want) {
			t.Errorf("%s %q: got %v, want %v", c.row, c.run, g, c.want)
		}
	}
	// Without that evidence the run is read as printed, blanks aside.
	got, _ := DecodeDisclosure("2 31", disclosureRow(model.Gen2021, "normative_documents"))
	if g := cellValues(got); !reflect.DeepEqual(g, []any{2.0, 3.0, 1.0}) {
		t.Errorf("without blanks: %v", g)
	}
}
