package audit_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/audit"
	"github.com/govreport/govreport/parser"
)

const fieldDir = "../../shared/field"

// fieldSays lists, for each real report of the field set, what its free
// text says about its tables (claim, the number said, the table's value),
// read by a person from the report. Every one agrees with the table, so
// the field set must raise no text_table finding.
var fieldSays = map[string][]string{
	"01-huaian-city-2024.pdf": {
		"received 3119 = 3119",  // 全市共受理政府信息公开申请3119件 (= 本年新收)
		"carried_over 34 = 34",  // 含上年度结转申请34件
		"concluded 3050 = 3050", // 答复3050件
		"review 351 = 351",      // 政府信息公开行政复议351件
		"litigation 46 = 46",    // 政府信息公开行政诉讼46件 (26 direct + 20 after review)
	},
	"02-hongze-district-2023.pdf": {"received 21 = 21"},
	"04-shanghai-govoffice-2019.html": {
		"received 859 = 859",   // 共受理政府信息公开申请859件
		"carried_over 18 = 18", // 含上年度结转申请18件
		"concluded 805 = 805",  // 答复政府信息公开申请805件
		"review 7 = 7",         // 信息公开类行政复议7件
	},
	"06-pingtan-2020.txt": {"received 21 = 21"}, // 全区各级行政机关共受理政府信息公开申请21件 (wider scope, agrees)
	"08-pingtan-2022.txt": {
		"nd_in_force 698 = ?", // 集中公开现行有效行政规范性文件698件; the dump's run 8855698 splits more than one way
		"received 75 = 75",    // 全区收到政府信息公开申请75件
		"review 2 = 2",        // 共有行政诉讼案件1件、行政复议案件2件
		"litigation 1 = 1",
	},
	"09-pingtan-2023.txt": {
		"nd_in_force 393 = ?", // 集中发布现行有效行政规范性文件393件; run 77132470 undecided
		"review 2 = 2",        // 因政府信息公开引起的行政复议案件2件、行政诉讼案件7件
		"litigation 7 = 7",    // (予以公开及部分公开42件 counts two outcomes together: not compared)
	},
	"14-shuyang-county-2025-ocrmd.txt": {
		"received 749 = 749",      // 全县全年共受理…749件 (= 新收713 + 上年结转36)
		"carried_forward 31 = 31", // 结转下一年31件
	},
	"16-pingtan-2025-TRS_Editor-slice.html": {
		"received 154 = 154", "carried_forward 6 = 6", "concluded 148 = 148", // 收到154件，办结148件，结转至2026年6件
		"review 36 = 36", "litigation 9 = 9", // 行政复议36起，行政诉讼9起
	},
	"31-pingtan-scj-2024.html": {
		"received 4 = 4", "granted 1 = 1", "partially_granted 1 = 1", "unavailable 2 = 2", // 同意公开答复数1件，区分处理后公开数1件，无法提供数2件
	},
	"31-pingtan-scj-2024-dump.txt": {
		"received 4 = 4", "granted 1 = 1", "partially_granted 1 = 1", "unavailable 2 = 2", // the page's text, dumped
	},
	"33-pingtan-spp-2020-letter-dump.txt": {"received 2 = 2", "granted 2 = 2"},
	"33-pingtan-spp-2020-letter.html": {
		"received 2 = 2", // 共受理2件依申请公开信息
		"granted 2 = 2",  // 其中同意公开信息数2件
	},
}

// TestFieldTextTable reads every field report and compares what the
// audit reads in its text with the list above: nothing missed that is
// listed, nothing read that is not, and no text_table finding.
func TestFieldTextTable(t *testing.T) {
	if _, err := os.Stat(fieldDir); err != nil {
		t.Skip("field set absent")
	}
	files, _ := filepath.Glob(filepath.Join(fieldDir, "*"))
	for _, f := range files {
		base := filepath.Base(f)
		if strings.HasSuffix(base, ".json") || base == "README.md" {
			continue
		}
		r, err := parser.ParseFile(f)
		if err != nil {
			continue
		}
		var got []string
		for _, s := range audit.Statements(r) {
			tv := "?"
			if s.Table != nil {
				tv = fmt.Sprint(*s.Table)
			}
			got = append(got, fmt.Sprintf("%s %v = %s", s.Claim, s.Value, tv))
		}
		want := fieldSays[base]
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: the text was read as\n  %s\nwant\n  %s", base, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		for _, fd := range r.Findings {
			if fd.Rule == audit.RuleTextTable {
				t.Errorf("%s: wrong text_table finding: %s", base, fd.Message)
			}
		}
	}
}
