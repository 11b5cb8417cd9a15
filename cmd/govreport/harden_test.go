package main

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// A file name with a newline or terminal escape codes is printed escaped
// on its one line of standard error, by parse, compare and convert.
func TestNamesWithControlCharactersPrintedEscaped(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a\nforged: line\x1b[2J.txt")
	writeTestFile(t, name, nil)
	for _, args := range [][]string{{"parse", name}, {"compare", name}, {"lines", name}} {
		_, _, errs := runCmd("", args...)
		if strings.ContainsAny(errs, "\x1b") || strings.Count(errs, "\n") != strings.Count(strings.TrimSpace(errs), "\n")+1 ||
			!strings.Contains(errs, `a\nforged: line\x1b[2J.txt`) {
			t.Errorf("%s: stderr %q", args[0], errs)
		}
	}
	var so, se bytes.Buffer
	run([]string{"convert", dir, "-o", filepath.Join(t.TempDir(), "out.csv"), "--in-process"}, nil, &so, &se)
	if strings.Contains(se.String(), "\x1b") || !strings.Contains(se.String(), `a\nforged: line\x1b[2J.txt`) {
		t.Errorf("convert: stderr %q", se.String())
	}
	if _, _, errs := runCmd("", "parse", filepath.Join(dir, "missing\x1b]0;title\a.txt")); strings.ContainsAny(errs, "\x1b\a") || strings.Count(errs, dir) != 1 {
		t.Errorf("missing file: stderr %q", errs)
	}
}

// A file name that is not valid UTF-8 reaches the worker intact, and the
// outputs write it as valid UTF-8 with its exact bytes in path_base64.
func TestConvertNameNotUTF8(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "\xb1\xa8\xb8\xe6.txt") // 报告 in GBK
	bad := filepath.Join(dir, "\xff-empty.txt")
	copyTestFile(t, "../../corpus/text/tabs-2021-qinglan-county-2023.txt", good)
	writeTestFile(t, bad, nil)
	for _, mode := range [][]string{nil, {"--in-process"}} {
		out := filepath.Join(t.TempDir(), "out.csv")
		convertTo(t, dir, out, mode...)
		for file, want := range map[string]string{out: good, strings.TrimSuffix(out, ".csv") + ".errors.csv": bad} {
			b := mustRead(t, file)
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
			if err != nil || len(rows) != 2 {
				t.Fatalf("%v %s: %d rows, %v", mode, filepath.Base(file), len(rows), err)
			}
			if !utf8.Valid(b) {
				t.Errorf("%v %s: not valid UTF-8", mode, filepath.Base(file))
			}
			h, r := rows[0], rows[1]
			col := slices.Index(h, "path_base64")
			if h[0] != "path" || col < 0 {
				t.Fatalf("%v: header %v without path_base64", mode, h[0])
			}
			raw, _ := base64.StdEncoding.DecodeString(r[col])
			if string(raw) != want || r[0] != strings.ToValidUTF8(want, "\ufffd") {
				t.Errorf("%v %s: path %q, bytes %q, want %q", mode, filepath.Base(file), r[0], raw, want)
			}
			if file == out && r[5] == "" { // the agency was read
				t.Errorf("%v: report row %v", mode, r[:8])
			}
		}
	}
	out := filepath.Join(t.TempDir(), "out.jsonl")
	convertTo(t, dir, out)
	var line struct {
		PathBase64 string `json:"path_base64"`
		Agency     string `json:"agency"`
	}
	if err := json.Unmarshal(bytes.SplitN(mustRead(t, out), []byte("\n"), 2)[0], &line); err != nil || line.Agency == "" {
		t.Fatalf("jsonl: %v %+v", err, line)
	}
	if raw, _ := base64.StdEncoding.DecodeString(line.PathBase64); string(raw) != good {
		t.Errorf("jsonl path_base64 %q", line.PathBase64)
	}
}

// An output that is one of the inputs is a usage error, and the input is
// left as it was: convert -o (named, or inside an input folder), compare -o
// and --html.
func TestOutputNamingAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "qinglan.csv") // a text report, whatever its name
	copyTestFile(t, "../../corpus/text/tabs-2021-qinglan-county-2023.txt", doc)
	before := string(mustRead(t, doc))
	for _, args := range [][]string{
		{"convert", dir, "-o", doc, "--in-process"},
		{"convert", doc, "-o", doc, "--in-process"},
		{"convert", doc, "-o", filepath.Join(dir, ".", "qinglan.csv"), "--in-process"},
		{"compare", "-o", doc, doc},
		{"compare", "--html", doc, doc},
	} {
		code, _, errs := runCmd("", args...)
		if code != 2 || !strings.Contains(errs, "one of the inputs") && !strings.Contains(errs, "inside the input folder") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		if string(mustRead(t, doc)) != before {
			t.Fatalf("%v overwrote the input", args)
		}
	}
	// The output of an earlier run inside the folder is ours: a rerun
	// resumes instead of refusing.
	out := filepath.Join(dir, "all.jsonl")
	for i := 0; i < 2; i++ {
		if code, _, errs := runCmd("", "convert", dir, "-o", out, "--in-process", "-q"); code != 0 {
			t.Fatalf("run %d into the input folder: exit %d, %s", i+1, code, errs)
		}
	}
}
