package main

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/xuri/excelize/v2"
	_ "modernc.org/sqlite"

	"github.com/govreport/govreport/batch"
	"github.com/govreport/govreport/derive"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/output"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

// TestMain lets the test binary stand in for govreport: convert starts
// its workers by running its own executable with "worker", and the kill
// test runs a whole conversion in a child process.
func TestMain(m *testing.M) {
	if os.Getenv("GOVREPORT_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Setenv("GOVREPORT_TEST_MAIN", "1")
	os.Exit(m.Run())
}

func copyTestFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	writeTestFile(t, dst, b)
}

func writeTestFile(t *testing.T, dst string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func globTest(t *testing.T, pattern string) []string {
	fs, err := filepath.Glob(pattern)
	if err != nil || len(fs) == 0 {
		t.Fatalf("no files %s", pattern)
	}
	return fs
}

// mixedFolder makes a folder as a researcher has one: corpus reports of
// every format in subfolders, the corpus's rejects, damaged files,
// non-reports, a duplicate and a hidden file (which is skipped). It
// returns the folder and the files convert should read.
func mixedFolder(t *testing.T) (string, []string) {
	dir := filepath.Join(t.TempDir(), "reports")
	for _, sub := range []string{"html", "text", "pdf"} {
		for _, f := range globTest(t, filepath.Join("../../corpus", sub, "*")) {
			if strings.HasSuffix(f, ".json") {
				continue
			}
			copyTestFile(t, f, filepath.Join(dir, sub, filepath.Base(f)))
		}
	}
	for _, f := range globTest(t, "../../corpus/reject/*") {
		if !strings.HasSuffix(f, ".json") {
			copyTestFile(t, f, filepath.Join(dir, "misc", filepath.Base(f)))
		}
	}
	pdfs := globTest(t, "../../corpus/pdf/*.pdf")
	b, _ := os.ReadFile(pdfs[0])
	writeTestFile(t, filepath.Join(dir, "damaged", "truncated.pdf"), b[:len(b)/3])
	writeTestFile(t, filepath.Join(dir, "damaged", "empty.pdf"), nil)
	rnd := make([]byte, 5000)
	rand.New(rand.NewSource(1)).Read(rnd)
	writeTestFile(t, filepath.Join(dir, "damaged", "random.bin"), rnd)
	copyTestFile(t, "../../README.md", filepath.Join(dir, "misc", "README.md"))
	copyTestFile(t, "../../corpus/html/portal-2021-qinglan-county-2023.expected.json", filepath.Join(dir, "misc", "values.json"))
	copyTestFile(t, "../../corpus/text/tabs-2021-qinglan-county-2023.txt", filepath.Join(dir, "dup", "same-content.txt"))
	writeTestFile(t, filepath.Join(dir, ".hidden", "x.txt"), []byte("skipped"))
	writeTestFile(t, filepath.Join(dir, "text", ".notes.txt"), []byte("skipped"))

	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			files = append(files, filepath.ToSlash(p))
		}
		return nil
	})
	sort.Strings(files)
	return dir, files
}

// parsed is what govreport parse says about one file.
type parsed struct {
	line   string         // the report's compact JSON line; "" for an error
	report map[string]any // the same, decoded
	kind   string         // the error's kind
	reason string
}

func parseAll(t *testing.T, files []string) map[string]*parsed {
	out := map[string]*parsed{}
	for _, f := range files {
		var so, se bytes.Buffer
		code := run([]string{"parse", "--compact", f}, nil, &so, &se)
		p := &parsed{}
		if code == 0 {
			p.line = strings.TrimSuffix(so.String(), "\n")
			if err := json.Unmarshal(so.Bytes(), &p.report); err != nil {
				t.Fatal(err)
			}
		} else {
			_, err := parser.ParseFile(f)
			if err == nil {
				t.Fatalf("parse failed on %s (%s) but the parser reads it", f, se.String())
			}
			var de *docerr.Error
			if !asDocErr(err, &de) {
				t.Fatalf("%s: %v", f, err)
			}
			p.kind, p.reason = de.Kind.String(), de.Reason
			if !strings.Contains(se.String(), de.Reason) {
				t.Errorf("parse's message %q does not carry the reason %q", se.String(), de.Reason)
			}
		}
		out[f] = p
	}
	return out
}

func asDocErr(err error, de **docerr.Error) bool {
	e, ok := err.(*docerr.Error)
	*de = e
	return ok
}

// flatExpected computes the flat row of a report from parse's JSON alone,
// as text: numbers in shortest decimal form, null as "".
func flatExpected(t *testing.T, rep map[string]any) map[string]string {
	src := rep["source"].(map[string]any)
	str := func(v any) string {
		switch v := v.(type) {
		case nil:
			return ""
		case string:
			return v
		case float64:
			return output.FormatNumber(v)
		}
		t.Fatalf("unexpected %T", v)
		return ""
	}
	failed := 0
	for _, c := range rep["checks"].([]any) {
		if !c.(map[string]any)["ok"].(bool) {
			failed++
		}
	}
	warnings := 0
	if w, ok := rep["warnings"].([]any); ok {
		warnings = len(w)
	}
	m := map[string]string{
		"path": str(src["path"]), "sha256": str(src["sha256"]), "format": str(src["format"]),
		"pages": str(src["pages"]), "title": str(rep["title"]), "agency": str(rep["agency"]), "region": "",
		"year": str(rep["year"]), "template": str(rep["template"]),
		"failed_checks": strconv.Itoa(failed), "warnings": strconv.Itoa(warnings),
	}
	if reg, ok := rep["region"].(map[string]any); ok {
		m["region"] = str(reg["code"])
	}
	cols := map[string]bool{}
	for _, c := range output.CellColumns() {
		cols[c] = true
		m[c] = ""
	}
	// The columns after path_base64, computed from the report independently
	// of the writers: the region's names, the harmonised （六）, the derived
	// figures (report_id is set by checkRows).
	if reg, ok := rep["region"].(map[string]any); ok {
		m["region_province"], m["region_city"], m["region_county"] = str(reg["province"]), str(reg["city"]), str(reg["county"])
	} else {
		m["region_province"], m["region_city"], m["region_county"] = "", "", ""
	}
	b, _ := json.Marshal(rep)
	var mr model.Report
	if err := json.Unmarshal(b, &mr); err != nil {
		t.Fatal(err)
	}
	for _, c := range model.ApplicationColumns {
		m["harmonised.other_handling."+c.Key] = ""
		if mr.Applications == nil {
			continue
		}
		if v, ok := mr.Applications.Get("other", c.Key); ok {
			m["harmonised.other_handling."+c.Key] = output.FormatNumber(v)
			continue
		}
		a, ok1 := mr.Applications.Get("other_no_correction", c.Key)
		b, ok2 := mr.Applications.Get("other_unpaid_fee", c.Key)
		d, ok3 := mr.Applications.Get("other_other", c.Key)
		if ok1 && ok2 && ok3 {
			m["harmonised.other_handling."+c.Key] = output.FormatNumber(a + b + d)
		}
	}
	for _, f := range derive.Compute(&mr) {
		m["derived."+f.Key] = str(nil)
		if f.Value != nil {
			m["derived."+f.Key] = output.FormatNumber(*f.Value)
		}
	}
	for _, table := range []string{"active_disclosure", "applications", "review_litigation"} {
		rows, _ := rep[table].(map[string]any)
		for rk, r := range rows {
			for ck, v := range r.(map[string]any) {
				p := table + "." + rk + "." + ck
				if !cols[p] {
					t.Errorf("%s: cell %s is not a column of the flat outputs", src["path"], p)
				}
				m[p] = str(v)
			}
		}
	}
	return m
}

func convertTo(t *testing.T, in, out string, extra ...string) string {
	t.Helper()
	var so, se bytes.Buffer
	args := append([]string{"convert", in, "-o", out, "-j", "2"}, extra...)
	if code := run(args, nil, &so, &se); code != 0 {
		t.Fatalf("convert exited %d: %s", code, se.String())
	}
	return se.String()
}

// checkRows compares rows read back from a flat output (header first)
// with the reports of parse.
func checkRows(t *testing.T, format string, rows [][]string, want map[string]*parsed, files []string) {
	t.Helper()
	cols := output.Columns()
	if len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(cols, ",") {
		t.Fatalf("%s: header is not the documented column order", format)
	}
	seen := map[string]bool{}
	var wantPaths []string
	for _, f := range files {
		if want[f].line != "" {
			wantPaths = append(wantPaths, f)
		}
	}
	var gotPaths []string
	for _, row := range rows[1:] {
		for len(row) < len(cols) {
			row = append(row, "") // spreadsheets drop trailing empty cells
		}
		path := row[0]
		gotPaths = append(gotPaths, path)
		if seen[path] {
			t.Errorf("%s: %s twice", format, path)
		}
		seen[path] = true
		p := want[path]
		if p == nil || p.line == "" {
			t.Errorf("%s: row for %s, which parse does not read as a report", format, path)
			continue
		}
		exp := flatExpected(t, p.report)
		exp["report_id"] = strconv.Itoa(len(gotPaths))
		for i, c := range cols {
			if row[i] != exp[c] && !sameFloat(row[i], exp[c]) {
				t.Errorf("%s: %s: column %s is %q, parse says %q", format, path, c, row[i], exp[c])
			}
		}
	}
	if strings.Join(gotPaths, "\n") != strings.Join(wantPaths, "\n") {
		t.Errorf("%s: reports\n%v\nwant (in path order)\n%v", format, gotPaths, wantPaths)
	}
}

// sameFloat reports whether two numbers in text agree to 14 significant
// digits (a spreadsheet keeps 15).
func sameFloat(a, b string) bool {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && math.Abs(x-y) <= 1e-14*math.Max(math.Abs(x), math.Abs(y))
}

// checkFailures compares an errors table (path, sha256, kind, reason) with
// parse's errors.
func checkFailures(t *testing.T, format string, rows [][]string, want map[string]*parsed, files []string) {
	t.Helper()
	var wantRows, gotRows []string
	for _, f := range files {
		if p := want[f]; p.line == "" {
			wantRows = append(wantRows, f+" | "+p.kind+" | "+p.reason)
		}
	}
	for _, r := range rows {
		if len(r[1]) != 64 {
			t.Errorf("%s: error row of %s without a sha256", format, r[0])
		}
		gotRows = append(gotRows, r[0]+" | "+r[2]+" | "+r[3])
	}
	if strings.Join(gotRows, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("%s: errors\n%s\nwant\n%s", format, strings.Join(gotRows, "\n"), strings.Join(wantRows, "\n"))
	}
}

func TestConvertEveryFormat(t *testing.T) {
	dir, files := mixedFolder(t)
	want := parseAll(t, files)
	nReports := 0
	for _, f := range files {
		if want[f].line != "" {
			nReports++
		}
	}
	if nReports < 20 || len(files)-nReports < 8 {
		t.Fatalf("the folder should mix reports and errors: %d reports of %d files", nReports, len(files))
	}
	outDir := t.TempDir()

	t.Run("jsonl", func(t *testing.T) {
		out := filepath.Join(outDir, "out.jsonl")
		convertTo(t, dir, out)
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			var r map[string]any
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatal(err)
			}
			path := r["source"].(map[string]any)["path"].(string)
			got = append(got, path)
			if p := want[path]; p == nil || line != p.line {
				t.Errorf("jsonl line of %s differs from parse's JSON", path)
			}
		}
		if len(got) != nReports {
			t.Errorf("%d lines, want %d", len(got), nReports)
		}
		var errRows [][]string
		eb, _ := os.ReadFile(filepath.Join(outDir, "out.errors.jsonl"))
		for _, line := range strings.Split(strings.TrimSpace(string(eb)), "\n") {
			var f output.Failure
			if err := json.Unmarshal([]byte(line), &f); err != nil {
				t.Fatal(err)
			}
			errRows = append(errRows, []string{f.Path, f.SHA256, f.Kind, f.Reason})
		}
		checkFailures(t, "jsonl", errRows, want, files)
	})

	t.Run("csv", func(t *testing.T) {
		out := filepath.Join(outDir, "out.csv")
		convertTo(t, dir, out)
		read := func(p string) [][]string {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte("\ufeff")) {
				t.Errorf("%s does not start with a byte order mark", p)
			}
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			return rows
		}
		checkRows(t, "csv", read(out), want, files)
		errs := read(filepath.Join(outDir, "out.errors.csv"))
		if strings.Join(errs[0], ",") != "path,sha256,kind,reason,path_base64" {
			t.Errorf("errors header %v", errs[0])
		}
		checkFailures(t, "csv", errs[1:], want, files)
	})

	t.Run("xlsx", func(t *testing.T) {
		out := filepath.Join(outDir, "out.xlsx")
		convertTo(t, dir, out)
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if got := strings.Join(f.GetSheetList(), ","); got != "reports,cells,checks,warnings,findings,findings_evidence,errors,dictionary" {
			t.Errorf("sheets %s", got)
		}
		rows, err := f.GetRows("reports", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 2 || rows[1][0] != "文件路径" {
			t.Fatalf("no row of Chinese labels under the header")
		}
		checkRows(t, "xlsx", append(rows[:1:1], rows[2:]...), want, files)
		errs, _ := f.GetRows("errors")
		checkFailures(t, "xlsx", errs[1:], want, files)
		checks, _ := f.GetRows("checks", excelize.Options{RawCellValue: true})
		var wantChecks, gotChecks []string
		for _, file := range files {
			if p := want[file]; p.line != "" {
				for _, c := range p.report["checks"].([]any) {
					c := c.(map[string]any)
					if !c["ok"].(bool) {
						wantChecks = append(wantChecks, fmt.Sprint(file, c["rule"], c["scope"], output.FormatNumber(c["expected"].(float64)), output.FormatNumber(c["actual"].(float64)), c["message"]))
					}
				}
			}
		}
		if strings.Join(checks[0], ",") != strings.Join(output.CheckColumns, ",") {
			t.Errorf("checks header %v", checks[0])
		}
		for _, r := range checks[1:] {
			gotChecks = append(gotChecks, fmt.Sprint(r[0], r[2], r[3], r[4], r[5], r[6]))
		}
		if len(wantChecks) == 0 || strings.Join(gotChecks, "\n") != strings.Join(wantChecks, "\n") {
			t.Errorf("failed checks\n%s\nwant\n%s", strings.Join(gotChecks, "\n"), strings.Join(wantChecks, "\n"))
		}
	})

	t.Run("sqlite", func(t *testing.T) {
		out := filepath.Join(outDir, "out.sqlite")
		convertTo(t, dir, out)
		db, err := sql.Open("sqlite", out)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		checkRows(t, "sqlite", queryText(t, db, "SELECT * FROM reports_wide", true), want, files)
		checkFailures(t, "sqlite", queryText(t, db, "SELECT path, sha256, kind, reason FROM errors ORDER BY rowid", false), want, files)
		// cells keep the provenance of every value.
		cells := queryText(t, db, `SELECT r.path, c.path, c.raw_text, c.line FROM cells c JOIN reports r ON r.id = c.report_id`, false)
		n := 0
		for _, c := range cells {
			p := want[c[0]].report
			prov, ok := p["provenance"].(map[string]any)[c[1]].(map[string]any)
			if !ok {
				if c[2] != "" {
					t.Errorf("%s %s: raw text %q without provenance in parse", c[0], c[1], c[2])
				}
				continue
			}
			n++
			if c[2] != prov["text"] || c[3] != output.FormatNumber(prov["line"].(float64)) {
				t.Errorf("%s %s: raw_text %q line %s, parse says %v", c[0], c[1], c[2], c[3], prov)
			}
		}
		if n < 1000 {
			t.Errorf("only %d cells with provenance", n)
		}
		var failed int
		db.QueryRow(`SELECT count(*) FROM checks WHERE NOT ok`).Scan(&failed)
		if failed == 0 {
			t.Error("no failed checks in the checks table")
		}
	})

	t.Run("parquet", func(t *testing.T) {
		out := filepath.Join(outDir, "out.parquet")
		convertTo(t, dir, out)
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		r := parquet.NewReader(f)
		defer r.Close()
		var header []string
		for _, c := range r.Schema().Columns() {
			header = append(header, strings.Join(c, "."))
		}
		rows := [][]string{header}
		buf := make([]parquet.Row, 16)
		for {
			n, err := r.ReadRows(buf)
			for _, row := range buf[:n] {
				text := make([]string, len(header))
				for _, v := range row {
					switch {
					case v.IsNull():
					case v.Kind() == parquet.ByteArray:
						text[v.Column()] = v.String()
					case v.Kind() == parquet.Int64:
						text[v.Column()] = strconv.FormatInt(v.Int64(), 10)
					case v.Kind() == parquet.Double:
						text[v.Column()] = output.FormatNumber(v.Double())
					default:
						t.Fatalf("column %s: unexpected kind %v", header[v.Column()], v.Kind())
					}
				}
				rows = append(rows, text)
			}
			if err != nil {
				break
			}
		}
		checkRows(t, "parquet", rows, want, files)
		ef, err := os.Open(filepath.Join(outDir, "out.errors.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		defer ef.Close()
		er := parquet.NewGenericReader[output.Failure](ef)
		fs := make([]output.Failure, er.NumRows())
		if _, err := er.Read(fs); err != nil && len(fs) > 0 && fs[len(fs)-1].Path == "" {
			t.Fatal(err)
		}
		var errRows [][]string
		for _, x := range fs {
			errRows = append(errRows, []string{x.Path, x.SHA256, x.Kind, x.Reason})
		}
		checkFailures(t, "parquet", errRows, want, files)
	})
}

// queryText runs a query and returns its rows as text (with the column
// names first when header is set).
func queryText(t *testing.T, db *sql.DB, q string, header bool) [][]string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	if header {
		out = append(out, cols)
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		text := make([]string, len(cols))
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
			case int64:
				text[i] = strconv.FormatInt(v, 10)
			case float64:
				text[i] = output.FormatNumber(v)
			case string:
				text[i] = v
			case []byte:
				text[i] = string(v)
			default:
				t.Fatalf("unexpected %T", v)
			}
		}
		out = append(out, text)
	}
	return out
}

func TestConvertManifest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	copyTestFile(t, "../../corpus/text/tabs-2021-qinglan-county-2023.txt", filepath.Join(dir, "a", "one.txt"))
	copyTestFile(t, "../../corpus/html/portal-2021-hailan-zone-2025.html", filepath.Join(dir, "two.html"))
	manifest := filepath.Join(t.TempDir(), "manifest.csv")
	writeTestFile(t, manifest, []byte("\ufefffile,region,year\na/one.txt,青澜省,2030\ntwo.html,海澜市,\n"))
	out := filepath.Join(t.TempDir(), "out.csv")
	convertTo(t, dir, out, "--manifest", manifest, "--in-process")
	b, _ := os.ReadFile(out)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("%v %d rows", err, len(rows))
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	one, two := rows[1], rows[2]
	if one[col["region"]] != "青澜省" || one[col["year"]] != "2030" {
		t.Errorf("one.txt: region %q year %q, want the manifest's", one[col["region"]], one[col["year"]])
	}
	if two[col["region"]] != "海澜市" || two[col["year"]] != "2025" || two[col["agency"]] == "" {
		t.Errorf("two.html: region %q year %q agency %q: an empty manifest cell overrides nothing", two[col["region"]], two[col["year"]], two[col["agency"]])
	}
}

// TestConvertResumesAfterKill starts a conversion in a child process with
// workers made slow, kills it with SIGKILL once some files are done, and
// runs the same command again: every file is in the output exactly once,
// and no file was read twice.
func TestConvertResumesAfterKill(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	var files []string
	for _, f := range append(globTest(t, "../../corpus/text/*.txt"), globTest(t, "../../corpus/reject/*.txt")...) {
		dst := filepath.Join(dir, filepath.Base(f))
		copyTestFile(t, f, dst)
		files = append(files, filepath.ToSlash(dst))
	}
	sort.Strings(files)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "convert", dir, "-o", out, "-j", "1")
	cmd.Env = append(os.Environ(), "GOVREPORT_TEST_MAIN=1", "GOVREPORT_WORKER_TEST_DELAY=500ms")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	entries := func() []string {
		shas, _ := batch.Recorded(out) // a record torn by the kill is not counted
		return shas
	}
	for deadline := time.Now().Add(2 * time.Minute); len(entries()) < 3; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the conversion did not get going: %s", stderr.String())
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	before := len(entries())
	if before >= len(files) {
		t.Fatalf("all %d files were done before the kill", before)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a killed conversion left an output")
	}

	msg := convertTo(t, dir, out)
	t.Logf("killed after %d of %d files; the rerun said: %s", before, len(files), msg)
	if !strings.Contains(msg, fmt.Sprintf("%d read", len(files)-before)) || !strings.Contains(msg, fmt.Sprintf("%d from an earlier run", before)) {
		t.Errorf("the rerun should read the %d files not done and take %d from the first run: %s", len(files)-before, before, msg)
	}
	shas := map[string]int{}
	for _, sha := range entries() {
		shas[sha]++
	}
	for sha, n := range shas {
		if n != 1 {
			t.Errorf("content %s read %d times", sha, n)
		}
	}
	if len(shas) != len(files) {
		t.Errorf("the results spool has %d files, want %d", len(shas), len(files))
	}

	// The output is that of an uninterrupted conversion.
	whole := filepath.Join(t.TempDir(), "whole.jsonl")
	convertTo(t, dir, whole, "--in-process")
	for _, name := range []string{"", ".errors"} {
		got, _ := os.ReadFile(strings.TrimSuffix(out, ".jsonl") + name + ".jsonl")
		exp, _ := os.ReadFile(strings.TrimSuffix(whole, ".jsonl") + name + ".jsonl")
		if len(exp) == 0 || !bytes.Equal(got, exp) {
			t.Errorf("out%s.jsonl after the kill and rerun differs from an uninterrupted conversion", name)
		}
	}
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(mustRead(t, out)))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		n++
	}
	eb := mustRead(t, strings.TrimSuffix(out, ".jsonl")+".errors.jsonl")
	if m := n + bytes.Count(eb, []byte("\n")); m != len(files) {
		t.Errorf("%d reports and errors, want one for each of %d files", m, len(files))
	}
}

func mustRead(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFailureTextSaysTheKindOnce(t *testing.T) {
	for _, c := range []struct{ kind, reason, want string }{
		{"pre-2019 format", "pre-2019 format: a report under the 2008 条例 (report year 2018)", "pre-2019 format: a report under the 2008 条例 (report year 2018)"},
		{"damaged", "the cross-reference table is unreadable", "damaged: the cross-reference table is unreadable"},
		{"", "cannot read the file", "cannot read the file"},
	} {
		if got := failureText(c.kind, c.reason); got != c.want {
			t.Errorf("failureText(%q, %q) = %q, want %q", c.kind, c.reason, got, c.want)
		}
	}
}

// convert's findings tables hold what `govreport audit` finds on the same
// files, the cross-report rules included (an agency's two years whose
// carry-over disagrees and whose table 二 repeats), read back through the
// state file and the worker processes; a run resumed from the state file
// writes them again.
func TestConvertFindingsMatchAudit(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	var files []string
	for _, f := range []string{"tabs-gulou-district-2022.txt", "tabs-gulou-district-2023.txt", "tabs-hongze-district-2023.txt"} {
		copyTestFile(t, "../../corpus/compare/"+f, filepath.Join(in, f))
		files = append(files, filepath.Join(in, f))
	}
	var so, se bytes.Buffer
	if code := run(append([]string{"audit"}, files...), nil, &so, &se); code != 0 {
		t.Fatalf("audit exited %d: %s", code, se.String())
	}
	var want []string
	for _, line := range strings.Split(strings.TrimSpace(so.String()), "\n") {
		var f struct {
			Rule, Message string
			Evidence      []struct{ Field string }
		}
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatal(err)
		}
		want = append(want, fmt.Sprintf("%s %s (%d)", f.Rule, f.Message, len(f.Evidence)))
	}
	sort.Strings(want)
	if !strings.Contains(strings.Join(want, "\n"), "carry_over ") || !strings.Contains(strings.Join(want, "\n"), "cross_year_identical ") {
		t.Fatalf("the audit of the pair finds no cross-report finding:\n%s", strings.Join(want, "\n"))
	}
	out := filepath.Join(dir, "out.sqlite")
	for pass := 0; pass < 2; pass++ {
		convertTo(t, in, out)
		db, err := sql.Open("sqlite", out)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := db.Query(`SELECT f.rule, f.message, count(e.finding_id), r.path, coalesce(o.path, '')
			FROM findings f JOIN reports r ON r.id = f.report_id LEFT JOIN reports o ON o.id = f.other_report_id
			LEFT JOIN findings_evidence e ON e.finding_id = f.finding_id GROUP BY f.finding_id`)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var rule, msg, path, other string
			var n int
			if err := rows.Scan(&rule, &msg, &n, &path, &other); err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintf("%s %s (%d)", rule, msg, n))
			cross := rule == "carry_over" || rule == "cross_year_identical"
			if cross != (other != "") || cross && (!strings.HasSuffix(path, "2023.txt") || !strings.HasSuffix(other, "gulou-district-2022.txt")) {
				t.Errorf("%s of %s: other report %q", rule, path, other)
			}
		}
		rows.Close()
		db.Close()
		sort.Strings(got)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("run %d: findings table\n%s\nwant (govreport audit)\n%s", pass, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestConvertStateIsSmall converts a few hundred distinct reports and
// measures the state file against the output: it is a header, whatever
// the number of files (each file's result, with its hash, is a record of
// the results spool), so it stays a small fraction of any output.
func TestConvertStateIsSmall(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	srcs := globTest(t, "../../corpus/text/*.txt")
	n := 0
	for copy := 0; n < 300; copy++ {
		for _, f := range srcs {
			// Blank lines at the end make each copy another content
			// (the spool keeps one record per content) read the same.
			b := append(mustRead(t, f), strings.Repeat("\n", copy+1)...)
			writeTestFile(t, filepath.Join(dir, fmt.Sprintf("%03d-%s", copy, filepath.Base(f))), b)
			n++
		}
	}
	for _, ext := range []string{"jsonl", "csv", "parquet"} {
		out := filepath.Join(t.TempDir(), "out."+ext)
		convertTo(t, dir, out, "--in-process")
		state := mustRead(t, out+".govreport-state.jsonl")
		if lines := bytes.Count(state, []byte("\n")); lines != 1 {
			t.Errorf("%s: the state file has %d lines, want its header alone", ext, lines)
		}
		if shas, err := batch.Recorded(out); err != nil || len(shas) != n {
			t.Errorf("%s: the spool has %d records (%v), want one per file (%d)", ext, len(shas), err, n)
		}
		size := int64(len(state))
		outSize := int64(len(mustRead(t, out)))
		st, err := os.Stat(out + ".govreport-results")
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d files, output %d bytes, state %d bytes, results spool %d bytes", ext, n, outSize, size, st.Size())
		if size*50 > outSize {
			t.Errorf("%s: the state file is %d bytes for an output of %d: more than 2%%", ext, size, outSize)
		}
		// The rerun takes everything from the spool and writes the same.
		before := mustRead(t, out)
		if msg := convertTo(t, dir, out, "--in-process"); !strings.Contains(msg, "; 0 read in") {
			t.Errorf("%s: the rerun read files again: %s", ext, msg)
		}
		if !bytes.Equal(before, mustRead(t, out)) {
			t.Errorf("%s: the output written from the spool differs", ext)
		}
	}

	// A state file of an earlier format (whole reports in it, or one line
	// per file) is not taken up: the run says so and reads every file
	// again.
	out := filepath.Join(t.TempDir(), "old.csv")
	writeTestFile(t, out+".govreport-state.jsonl", []byte(`{"govreport_convert_state":1,"schema":"govreport/1","columns":"x"}`+"\n"))
	msg := convertTo(t, srcs[0], out, "--in-process")
	if !strings.Contains(msg, "starting afresh") || !strings.Contains(msg, "another version of govreport") || !strings.Contains(msg, "; 1 read in") {
		t.Errorf("an old state file: %s", msg)
	}
}
