package output

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/govreport/govreport/model"
	_ "modernc.org/sqlite" // tests only: SQLite reads and checks the files we write
)

// corpusRecords are the reports of the corpus snapshots.
func corpusRecords(t testing.TB) []*Record {
	t.Helper()
	files, _ := filepath.Glob("../corpus/*/*.golden.json")
	if len(files) == 0 {
		t.Skip("no corpus snapshots")
	}
	var out []*Record
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var r model.Report
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, NewRecord(&r))
	}
	return out
}

func writeSQLiteFile(t testing.TB, path string, recs []*Record, o Options) {
	t.Helper()
	w, err := newSQLite(path, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		r.ID = 0
		if err := w.WriteReport(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.WriteFailure(&Failure{Path: "bad.pdf", Kind: "unreadable", Reason: "no text"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
}

func sqliteQuery(t testing.TB, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%#v", vals))
	}
	return out
}

// The SQLite output passes SQLite's own checks, has the schema SQLite
// makes of our statements, and its index serves lookups by path.
func TestSQLiteFile(t *testing.T) {
	recs := corpusRecords(t)
	for _, o := range []Options{{}, {Names: "short"}} {
		dir := t.TempDir()
		out := filepath.Join(dir, "out.sqlite")
		writeSQLiteFile(t, out, recs, o)
		db, err := sql.Open("sqlite", out)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, p := range []string{"PRAGMA integrity_check", "PRAGMA quick_check"} {
			if got := sqliteQuery(t, db, p); strings.Join(got, "") != `[]interface {}{"ok"}` {
				t.Fatalf("%s: %s", p, got)
			}
		}
		if cli, err := exec.LookPath("sqlite3"); err == nil {
			if b, err := exec.Command(cli, out, "PRAGMA integrity_check").CombinedOutput(); err != nil || strings.TrimSpace(string(b)) != "ok" {
				t.Fatalf("sqlite3 integrity_check: %s %v", b, err)
			}
		}
		// The same statements run by SQLite give the same schema.
		ref, _ := sql.Open("sqlite", filepath.Join(dir, "ref.sqlite"))
		defer ref.Close()
		if _, err := ref.Exec(sqliteSchema + WideTableSQL(o.short()) + "CREATE INDEX cells_path ON cells(path);"); err != nil {
			t.Fatal(err)
		}
		schema := `SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid`
		if got, want := sqliteQuery(t, db, schema), sqliteQuery(t, ref, schema); !reflect.DeepEqual(got, want) {
			t.Errorf("schema\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for _, tb := range []string{"reports", "cells", "checks", "warnings", "findings", "findings_evidence", "errors", "reports_wide"} {
			q := fmt.Sprintf("PRAGMA table_info(%s)", tb)
			if got, want := sqliteQuery(t, db, q), sqliteQuery(t, ref, q); !reflect.DeepEqual(got, want) || len(got) == 0 {
				t.Errorf("%s: columns differ", tb)
			}
		}
		// One report per record, with its cells; the index finds them.
		var n, cells, withPath int
		db.QueryRow(`SELECT count(*) FROM reports`).Scan(&n)
		db.QueryRow(`SELECT count(*) FROM cells`).Scan(&cells)
		db.QueryRow(`SELECT count(*) FROM cells INDEXED BY cells_path WHERE path = 'applications.new_requests.total'`).Scan(&withPath)
		if n != len(recs) || cells < 10*n || withPath == 0 || withPath > n {
			t.Errorf("%d reports (want %d), %d cells, %d with applications.new_requests.total", n, len(recs), cells, withPath)
		}
		plan := strings.Join(sqliteQuery(t, db, `EXPLAIN QUERY PLAN SELECT value FROM cells WHERE path = ?`, "x"), " ")
		if !strings.Contains(plan, "cells_path") {
			t.Errorf("lookups by path do not use the index: %s", plan)
		}
		// Values of the long form read back as written.
		var want []string
		for _, r := range recs[:5] {
			for _, c := range CellRows(r) {
				var v any = i64(c.Value)
				if c.Amount != nil {
					v = *c.Amount
				}
				want = append(want, fmt.Sprintf("%d %s %v %q", r.ID, c.Field, v, c.RawText))
			}
		}
		rows, err := db.Query(`SELECT report_id, path, value, raw_text FROM cells WHERE report_id <= 5`)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for rows.Next() {
			var id int64
			var path, raw string
			var v any
			rows.Scan(&id, &path, &v, &raw)
			got[fmt.Sprintf("%d %s %v %q", id, path, v, raw)] = true
		}
		rows.Close()
		for _, w := range want {
			if !got[w] {
				t.Errorf("cell %s not read back", w)
				break
			}
		}
	}
}

// A conversion without a report still writes a valid database.
func TestSQLiteEmpty(t *testing.T) {
	out := filepath.Join(t.TempDir(), "empty.sqlite")
	w, err := newSQLite(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	db, _ := sql.Open("sqlite", out)
	defer db.Close()
	if got := sqliteQuery(t, db, "PRAGMA integrity_check"); strings.Join(got, "") != `[]interface {}{"ok"}` {
		t.Fatal(got)
	}
	if got := sqliteQuery(t, db, "SELECT count(*) FROM reports_wide"); got[0] != `[]interface {}{0}` {
		t.Error(got)
	}
}

// BenchmarkSQLite writes the corpus reports as a convert SQLite output.
func BenchmarkSQLite(b *testing.B) {
	recs := corpusRecords(b)
	dir := b.TempDir()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		writeSQLiteFile(b, filepath.Join(dir, "out.sqlite"), recs, Options{})
	}
	b.ReportMetric(float64(len(recs)), "reports/op")
}

// The program does not link SQLite: only the tests use modernc.org/sqlite.
func TestSQLiteNotLinked(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goCmd, "list", "-deps", "github.com/govreport/govreport/cmd/govreport").Output()
	if err != nil {
		t.Skip("go list:", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "modernc.org/") {
			t.Errorf("govreport links %s", p)
		}
	}
}

// member finds a top-level member of a JSON object as encoding/json reads
// it, past strings holding quotes, braces and the key itself, and says
// when it cannot.
func TestMember(t *testing.T) {
	type doc struct {
		Title  string          `json:"title"`
		Nested map[string]any  `json:"nested"`
		Checks []model.Check   `json:"checks"`
		After  json.RawMessage `json:"after"`
	}
	d := doc{Title: `say "checks": [1] \ {`, Nested: map[string]any{"checks": []any{"x", map[string]any{"}": "]"}}},
		Checks: []model.Check{{Rule: "row_total", Scope: "granted", Message: `a "quote" and \ and ]`}}, After: json.RawMessage(`[1,{"a":null}]`)}
	for _, indent := range []bool{false, true} {
		var b []byte
		if indent {
			b, _ = json.MarshalIndent(d, "", "  ")
		} else {
			b, _ = json.Marshal(d)
		}
		for _, key := range []string{"title", "nested", "checks", "after"} {
			v, ok := member(b, key)
			var all map[string]json.RawMessage
			if err := json.Unmarshal(b, &all); err != nil {
				t.Fatal(err)
			}
			if !ok || !bytes.Equal(v, all[key]) {
				t.Errorf("member %q of %s: %s %v, want %s", key, b, v, ok, all[key])
			}
		}
		if _, ok := member(b, "missing"); ok {
			t.Error("found a member that is not there")
		}
	}
	for _, bad := range []string{``, `[]`, `{"a":`, `{"a" 1}`, `{"a":"x`, `{"a":{"b":1}`, `{"a":1 "checks":[]}`} {
		if v, ok := member([]byte(bad), "checks"); ok {
			t.Errorf("member of %q: %q", bad, v)
		}
	}
	// every corpus report: the checks found alone are the report's
	for _, rec := range corpusRecords(t) {
		r := rec.report
		js, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		plain := &Record{Path: rec.Path, Summary: Summarize(r), JSON: js}
		checks, warnings, err := plain.checksAndWarnings()
		if err != nil || !reflect.DeepEqual(checks, r.Checks) || len(warnings) != len(r.Warnings) || len(warnings) > 0 && !reflect.DeepEqual(warnings, r.Warnings) {
			t.Fatalf("%s: checks or warnings differ (%v)", rec.Path, err)
		}
	}
}
