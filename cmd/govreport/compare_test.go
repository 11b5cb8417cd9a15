package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func compareDocs(t *testing.T) []string {
	docs, err := filepath.Glob("../../corpus/compare/tabs-*.txt")
	if err != nil || len(docs) < 10 {
		t.Fatalf("%d documents: %v", len(docs), err)
	}
	return docs
}

func TestCompareFormats(t *testing.T) {
	docs := compareDocs(t)
	dir := t.TempDir()
	xlsx, page := filepath.Join(dir, "c.xlsx"), filepath.Join(dir, "c.html")
	code, out, errs := runCmd("", append([]string{"compare", "--format", "xlsx", "-o", xlsx, "--html", page}, docs...)...)
	if code != 0 || errs != "" || out != "" {
		t.Fatalf("exit %d, stderr %q, stdout %d bytes", code, errs, len(out))
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("对比", "B1"); v != "洪泽区人民政府 2023 ✗" {
		t.Errorf("B1 = %q", v)
	}
	html, err := os.ReadFile(page)
	if err != nil || !strings.Contains(string(html), "<svg") {
		t.Fatalf("no page with charts: %v", err)
	}

	code, out, _ = runCmd("", append([]string{"compare", "--format", "markdown", "--sort", "year"}, docs...)...)
	if code != 0 || !strings.HasPrefix(out, "| 指标 | 平潭综合实验区 2019 |") || !strings.Contains(out, "| 收到申请合计 |") {
		t.Errorf("exit %d, markdown:\n%.300s", code, out)
	}
	code, out, _ = runCmd("", append([]string{"compare", "--format", "csv"}, docs...)...)
	if code != 0 || !strings.HasPrefix(out, "\ufeffkey,指标,") {
		t.Errorf("exit %d, csv:\n%.200s", code, out)
	}
}

// The JSON Lines output of parse compares exactly like the documents.
func TestCompareReadsParseOutput(t *testing.T) {
	docs := compareDocs(t)
	code, jsonl, _ := runCmd("", append([]string{"parse", "--compact"}, docs...)...)
	if code != 0 {
		t.Fatalf("parse exit %d", code)
	}
	path := filepath.Join(t.TempDir(), "reports.jsonl")
	if err := os.WriteFile(path, []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	_, fromDocs, _ := runCmd("", append([]string{"compare"}, docs...)...)
	code, fromJSON, errs := runCmd("", "compare", path)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if fromJSON != fromDocs {
		t.Errorf("compare of the JSONL differs from compare of the documents:\n%s\n---\n%s", fromJSON, fromDocs)
	}
	if !strings.Contains(fromDocs, "⚠ 鼓楼区人民政府 2023 [carry_over] 鼓楼区人民政府2023年度“上年结转”为3件，而2022年度报告“结转下年度继续办理”为5件。") {
		t.Error("carry-over finding missing")
	}
}

func TestCompareBadInput(t *testing.T) {
	docs := compareDocs(t)
	code, out, errs := runCmd("", "compare", docs[0], "no-such-file.txt")
	if code != 1 || !strings.Contains(errs, "no-such-file.txt") || !strings.Contains(out, "鼓楼区人民政府 2022") {
		t.Errorf("exit %d, stderr %q, stdout %.100q", code, errs, out)
	}
	if code, _, errs := runCmd("", "compare", "--format", "pdf", docs[0]); code != 2 || !strings.Contains(errs, "unknown format") {
		t.Errorf("exit %d, %q", code, errs)
	}
	if code, _, _ := runCmd("", "compare"); code != 2 {
		t.Errorf("no inputs: exit %d", code)
	}
}
