package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAuditCommand(t *testing.T) {
	doc := "../../corpus/text/tabs-hybrid-hebin-district-2023.txt"
	var out, errb bytes.Buffer
	if code := run([]string{"audit", doc}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var f struct {
		Rule     string   `json:"rule"`
		Reports  []string `json:"reports"`
		Evidence []struct {
			Path  string `json:"path"`
			Field string `json:"field"`
		} `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &f); err != nil {
		t.Fatalf("not JSON Lines: %v\n%s", err, out.String())
	}
	if f.Rule != "arithmetic" || len(f.Reports) != 1 || f.Evidence[0].Path != doc || !strings.Contains(out.String(), `"rule":"template_outdated"`) {
		t.Errorf("finding %+v", f)
	}

	// The JSON that parse prints is audited again, with the same findings.
	var parsed bytes.Buffer
	run([]string{"parse", "--compact", doc}, nil, &parsed, &errb)
	js := filepath.Join(t.TempDir(), "r.jsonl")
	os.WriteFile(js, parsed.Bytes(), 0o644)
	var again bytes.Buffer
	if code := run([]string{"audit", js}, nil, &again, &errb); code != 0 || again.String() != out.String() {
		t.Errorf("audit of parse's JSON: exit %d\n%s\nwant\n%s", code, again.String(), out.String())
	}

	// Findings are data: 0. An unreadable input: 1, the others still audited.
	out.Reset()
	if code := run([]string{"audit", "--format", "csv", doc, "/nonexistent.pdf"}, nil, &out, &errb); code != 1 {
		t.Errorf("unreadable input: exit %d, want 1", code)
	}
	if !strings.Contains(out.String(), "template_outdated") || !strings.HasPrefix(out.String(), "finding,rule,severity") {
		t.Errorf("csv: %s", out.String())
	}
	if code := run([]string{"audit", "--format", "xml", doc}, nil, &out, &errb); code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
	if code := run([]string{"audit", "--rules", "nosuch", doc}, nil, &out, &errb); code != 2 {
		t.Errorf("unknown rule: exit %d, want 2", code)
	}
}
