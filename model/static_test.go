package model

import (
	"reflect"
	"testing"
)

// ApplicationColumns is written out (static data, no init code): it must
// stay ApplicantColumns and the total.
func TestApplicationColumnsAreApplicantsAndTotal(t *testing.T) {
	want := append(append([]ColDef(nil), ApplicantColumns...), ColDef{Key: "total", Label: "总计"})
	if !reflect.DeepEqual(ApplicationColumns, want) {
		t.Fatalf("ApplicationColumns = %v, want %v", ApplicationColumns, want)
	}
}

func TestDisclosureRowsByGeneration(t *testing.T) {
	if len(DisclosureRows(Gen2021)) != 6 || len(DisclosureRows(Gen2019)) != 8 || DisclosureRows("1999") != nil {
		t.Fatal("wrong rows by generation")
	}
}
