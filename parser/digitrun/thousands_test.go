package digitrun

import (
	"testing"

	"github.com/govreport/govreport/model"
)

// A fee printed with thousands separators is read with its printed text;
// a comma that is no thousands separator refuses the run instead of being
// dropped (1,20.5 is not 120.5).
func TestDisclosureThousands(t *testing.T) {
	row := disclosureRow(model.Gen2021, "fees")
	got, _ := DecodeDisclosure("1,204.5", row)
	if got[0].Value == nil || *got[0].Value != 1204.5 || got[0].Raw != "1,204.5" {
		t.Errorf("1,204.5: got %+v", got[0])
	}
	for _, run := range []string{"1,20.5", "12,34", "1,2345", "1,204,5"} {
		got, warns := DecodeDisclosure(run, row)
		if got[0].Value != nil {
			t.Errorf("%s: read %v from %q", run, *got[0].Value, got[0].Raw)
		}
		if len(warns) == 0 {
			t.Errorf("%s: null without a warning", run)
		}
	}
}
