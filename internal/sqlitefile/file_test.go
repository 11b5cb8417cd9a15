package sqlitefile

import (
	"database/sql"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // tests only: SQLite reads and checks what we write
)

// spec is a test database: statements and the rows of each table.
type spec struct {
	schema []string
	rows   map[string][][]any
	index  map[string][][]any // index name: entries in order
}

// writeOurs writes the spec with this package.
func writeOurs(t testing.TB, path string, s spec) {
	t.Helper()
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	f := New(fh)
	tables := map[string]*Table{}
	for _, q := range s.schema {
		switch {
		case strings.HasPrefix(q, "CREATE TABLE"):
			tb, err := f.CreateTable(q)
			if err != nil {
				t.Fatal(err)
			}
			tables[tb.def.name] = tb
			for _, r := range s.rows[tb.def.name] {
				if err := tb.Insert(r...); err != nil {
					t.Fatal(err)
				}
			}
		case strings.HasPrefix(q, "CREATE INDEX"):
			x, err := f.CreateIndex(q)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range s.index[x.def.name] {
				if err := x.Insert(e...); err != nil {
					t.Fatal(err)
				}
			}
		default:
			if err := f.CreateView(q); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// writeSQLite writes the same spec with SQLite itself.
func writeSQLite(t testing.TB, path string, s spec) {
	t.Helper()
	conn := open(t, path)
	defer conn.Close()
	db, err := conn.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Commit()
	for _, q := range s.schema {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(q, "CREATE TABLE") {
			name := strings.Fields(q)[2]
			name = strings.Trim(strings.TrimSuffix(name, "("), `"`)
			for _, r := range s.rows[name] {
				if _, err := db.Exec("INSERT INTO \""+name+"\" VALUES ("+strings.TrimSuffix(strings.Repeat("?,", len(r)), ",")+")", r...); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func open(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	return db
}

// checkFile runs SQLite's integrity checks (and the sqlite3 program's
// when installed) on a file.
func checkFile(t testing.TB, path string) {
	t.Helper()
	db := open(t, path)
	defer db.Close()
	for _, p := range []string{"integrity_check", "quick_check"} {
		var msgs []string
		rows, err := db.Query("PRAGMA " + p)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var m string
			rows.Scan(&m)
			msgs = append(msgs, m)
		}
		rows.Close()
		if strings.Join(msgs, "\n") != "ok" {
			t.Fatalf("%s of %s:\n%s", p, path, strings.Join(msgs, "\n"))
		}
	}
	if cli, err := exec.LookPath("sqlite3"); err == nil {
		out, err := exec.Command(cli, path, "PRAGMA integrity_check").CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != "ok" {
			t.Fatalf("sqlite3 %s: integrity_check: %s %v", path, out, err)
		}
	}
}

// dump reads a database back: the schema and every table's rows with
// their types, in key order.
func dump(t testing.TB, path string) []string {
	t.Helper()
	db := open(t, path)
	defer db.Close()
	var out []string
	out = append(out, query(t, db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid")...)
	for _, n := range names(t, db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid") {
		out = append(out, query(t, db, fmt.Sprintf(`PRAGMA table_info("%s")`, n))...)
		var sel []string
		for _, c := range names(t, db, fmt.Sprintf(`SELECT name FROM pragma_table_info('%s')`, n)) {
			sel = append(sel, fmt.Sprintf(`typeof("%s"), "%s"`, c, c))
		}
		out = append(out, query(t, db, fmt.Sprintf(`SELECT %s FROM "%s"`, strings.Join(sel, ", "), n))...)
	}
	return out
}

func names(t testing.TB, db *sql.DB, q string) []string {
	var out []string
	for _, r := range query(t, db, q) {
		out = append(out, strings.TrimSuffix(strings.TrimPrefix(r, `[]interface {}{"`), `"}`))
	}
	return out
}

func query(t testing.TB, db *sql.DB, q string, args ...any) []string {
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
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// same writes s with this package and with SQLite, checks ours and
// compares what SQLite reads from both.
func same(t *testing.T, s spec) string {
	t.Helper()
	dir := t.TempDir()
	ours, theirs := filepath.Join(dir, "ours.db"), filepath.Join(dir, "sqlite.db")
	writeOurs(t, ours, s)
	checkFile(t, ours)
	writeSQLite(t, theirs, s)
	a, b := dump(t, ours), dump(t, theirs)
	if !reflect.DeepEqual(a, b) {
		for i := 0; i < len(a) && i < len(b); i++ {
			if a[i] != b[i] {
				t.Fatalf("row %d differs:\nours   %s\nsqlite %s", i, a[i], b[i])
			}
		}
		t.Fatalf("%d rows against %d", len(a), len(b))
	}
	return ours
}

func TestValues(t *testing.T) {
	type named string
	n := int64(7)
	ints := []any{int64(math.MinInt64), int64(math.MaxInt64), int64(-1), int64(0), int64(1), int64(2), int64(127), int64(128),
		int64(-128), int64(-129), int64(32767), int64(32768), int64(-32769), int64(1<<23 - 1), int64(1 << 23), int64(-1<<23 - 1),
		int64(1<<31 - 1), int64(1 << 31), int64(1<<47 - 1), int64(1 << 47), int64(-1 << 47), int64(-1<<47 - 1), 42, int32(-5), uint8(200)}
	floats := []any{1.5, -2.25, 0.1, -0.0, 3.0, 1e300, -1e-300, 1e20, 9.2233720368547758e18, -9.2233720368547758e18,
		math.Inf(1), math.Inf(-1), math.NaN(), 4503599627370496.0, 2251799813685248.0, float32(0.5)}
	texts := []any{"", "a", "héllo 世界 🎉", "12", " 3.0 ", "1e3", "-7", "+8", "abc", "0x10", "12abc", "1.", ".5", "-.5e2",
		"99999999999999999999", "  ", "1e999", named("5"), strings.Repeat("长", 300)}
	others := []any{nil, true, false, []byte{0, 1, 2}, []byte{}, &n, (*int64)(nil)}
	var all []any
	for _, g := range [][]any{ints, floats, texts, others} {
		all = append(all, g...)
	}
	var rows [][]any
	for i, v := range all {
		text := v
		if _, ok := v.(float64); ok {
			text = "f" // SQLite's own rendering of floats as text is not reproduced
		}
		if _, ok := v.(float32); ok {
			text = "f"
		}
		rows = append(rows, []any{int64(i * 3), v, v, v, v, text, v})
	}
	same(t, spec{
		schema: []string{`CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, n NUMERIC, b BLOB, s TEXT DEFAULT '', x)`},
		rows:   map[string][][]any{"t": rows},
	})
}

func TestOverflow(t *testing.T) {
	// Payload sizes around each limit: the table's and the index's
	// largest local payload, the smallest, and whole overflow pages.
	var sizes []int
	for _, c := range []int{0, 100, 480, 489, 1002, 1010, 4061, 4092, 4061 + 4092, 489 + 4092, 489 + 2*4092, 4061 + 3*4092, 50000} {
		for d := -4; d <= 4; d++ {
			if c+d > 0 {
				sizes = append(sizes, c+d)
			}
		}
	}
	var rows, wr [][]any
	var idx [][]any
	for i, n := range sizes {
		s := strings.Repeat(string(rune('a'+i%26)), max(n-3, 0)) // the record adds ~3 bytes
		rows = append(rows, []any{s, int64(i)})
		wr = append(wr, []any{int64(i), s})
		idx = append(idx, []any{s, int64(i + 1)})
	}
	sort.Slice(idx, func(i, j int) bool {
		if idx[i][0].(string) != idx[j][0].(string) {
			return idx[i][0].(string) < idx[j][0].(string)
		}
		return idx[i][1].(int64) < idx[j][1].(int64)
	})
	widx := make([][]any, len(wr))
	for i, r := range wr {
		widx[i] = []any{r[1], r[0]}
	}
	sort.Slice(widx, func(i, j int) bool { return widx[i][0].(string) < widx[j][0].(string) })
	p := same(t, spec{
		schema: []string{`CREATE TABLE t (s TEXT, n INTEGER)`, `CREATE TABLE w (k INTEGER PRIMARY KEY, s TEXT) WITHOUT ROWID`,
			`CREATE INDEX t_s ON t(s)`, `CREATE INDEX w_s ON w (s)`},
		rows:  map[string][][]any{"t": rows, "w": wr},
		index: map[string][][]any{"t_s": idx, "w_s": widx},
	})
	db := open(t, p)
	defer db.Close()
	for i, n := range sizes {
		var got int
		if err := db.QueryRow(`SELECT length(s) FROM t INDEXED BY t_s WHERE s = ?`, rows[i][0]).Scan(&got); err != nil || got != max(n-3, 0) {
			t.Errorf("size %d: %d %v", n, got, err)
		}
	}
}

// TestDepth writes b-trees of every size from empty to three levels, so
// that the last page of each level ends in every possible way.
func TestDepth(t *testing.T) {
	if testing.Short() {
		t.Skip("writes hundreds of files")
	}
	dir := t.TempDir()
	key := func(i int) string { return fmt.Sprintf("%05d%s", i, strings.Repeat("x", 280)) }
	maxLevels := 0
	for n := 0; n <= 420; n++ {
		if n > 30 && n%11 != 0 && n < 410 {
			continue
		}
		path := filepath.Join(dir, fmt.Sprint(n, ".db"))
		fh, _ := os.Create(path)
		f := New(fh)
		tb, _ := f.CreateTable(`CREATE TABLE t (k TEXT NOT NULL, v INTEGER, pad TEXT)`)
		w, _ := f.CreateTable(`CREATE TABLE w (k TEXT NOT NULL PRIMARY KEY, v INTEGER) WITHOUT ROWID`)
		x, err := f.CreateIndex(`CREATE INDEX t_k ON t(k)`)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < n; i++ {
			tb.Insert(key(i), int64(i), strings.Repeat("y", 3000))
			w.Insert(key(i), int64(i))
			if err := x.Insert(key(i), int64(i+1)); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		fh.Close()
		maxLevels = max(maxLevels, len(x.tree.levels), len(tb.tree.levels))
		checkFile(t, path)
		db := open(t, path)
		if got := query(t, db, `SELECT count(*), count(DISTINCT k) FROM w`); got[0] != fmt.Sprintf("%#v", []any{int64(n), int64(n)}) {
			t.Errorf("%d rows: %s", n, got)
		}
		db.Close()
	}
	if maxLevels < 3 {
		t.Errorf("the largest b-tree has %d levels", maxLevels)
	}
}

// TestLarge writes a table of thousands of rows with an index, as the
// cells of a conversion, and looks rows up through the index.
func TestLarge(t *testing.T) {
	const reports, paths = 120, 150
	var rows [][]any
	var idx [][]any
	for r := 1; r <= reports; r++ {
		var ps []string
		for p := 0; p < paths; p++ {
			ps = append(ps, fmt.Sprintf("applications.row_%03d.column_%d", (p*37)%paths, p%5))
		}
		sort.Strings(ps)
		for i, p := range ps {
			var v any = int64(r * i)
			if i%3 == 0 {
				v = float64(r) + 0.25
			} else if i%7 == 0 {
				v = nil
			}
			rows = append(rows, []any{int64(r), p, v, fmt.Sprintf("原文 %d", i)})
			idx = append(idx, []any{p, int64(r)})
		}
	}
	sort.SliceStable(idx, func(i, j int) bool { return idx[i][0].(string) < idx[j][0].(string) })
	p := same(t, spec{
		schema: []string{`CREATE TABLE cells (
  report_id INTEGER NOT NULL, path TEXT NOT NULL, value NUMERIC, raw_text TEXT,
  PRIMARY KEY (report_id, path)) WITHOUT ROWID`, `CREATE INDEX cells_path ON cells(path)`},
		rows:  map[string][][]any{"cells": rows},
		index: map[string][][]any{"cells_path": idx},
	})
	db := open(t, p)
	defer db.Close()
	plan := strings.Join(query(t, db, `EXPLAIN QUERY PLAN SELECT report_id, value FROM cells WHERE path = ?`, "x"), " ")
	if !strings.Contains(plan, "cells_path") {
		t.Errorf("the query plan does not use the index: %s", plan)
	}
	got := query(t, db, `SELECT count(*), sum(report_id) FROM cells WHERE path = ?`, "applications.row_037.column_1")
	if got[0] != fmt.Sprintf("%#v", []any{int64(reports), int64(reports * (reports + 1) / 2)}) {
		t.Errorf("lookup: %s", got)
	}
}

// TestSchema: a schema too large for page 1, quoted names, a view, and
// tables without rows; SQLite keeps the same statements.
func TestSchema(t *testing.T) {
	s := spec{rows: map[string][][]any{}}
	for i := 0; i < 40; i++ {
		var cols []string
		for c := 0; c < 30; c++ {
			cols = append(cols, fmt.Sprintf(`"column.%d.%d" %s`, i, c, []string{"TEXT", "INTEGER", "REAL", "NUMERIC", "", "VARCHAR(10)"}[c%6]))
		}
		s.schema = append(s.schema, fmt.Sprintf("CREATE TABLE \"t%d\" (%s)", i, strings.Join(cols, ",\n ")))
	}
	s.schema = append(s.schema,
		`CREATE TABLE reports (id INTEGER PRIMARY KEY, path TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0)`,
		`CREATE TABLE refs (report_id INTEGER NOT NULL REFERENCES reports(id), b TEXT, c, PRIMARY KEY (c, report_id)) WITHOUT ROWID`,
		`CREATE INDEX refs_b ON refs(b)`,
		`CREATE VIEW v AS SELECT id, path FROM reports WHERE n > 0`)
	s.rows["reports"] = [][]any{{nil, "a", 1}, {nil, "b", 0}, {int64(10), "c", 2}, {nil, "d", 3}}
	s.rows["refs"] = [][]any{{int64(1), "y", int64(5)}, {int64(1), nil, "a"}, {int64(2), "x", "a"}, {int64(3), "z", "b"}}
	s.index = map[string][][]any{"refs_b": {{nil, "a", int64(1)}, {"x", "a", int64(2)}, {"y", int64(5), int64(1)}, {"z", "b", int64(3)}}}
	p := same(t, s)
	db := open(t, p)
	defer db.Close()
	if got := query(t, db, `SELECT group_concat(path) FROM v`); got[0] != `[]interface {}{"a,c,d"}` {
		t.Errorf("view: %s", got)
	}
}

func TestErrors(t *testing.T) {
	f := New(discard{})
	for _, q := range []string{`CREATE TABLE a (x UNIQUE)`, `CREATE TABLE a (x TEXT PRIMARY KEY)`, `CREATE TABLE a (x CHECK (x > 0))`,
		`CREATE TABLE a (x) WITHOUT ROWID`, `CREATE TABLE a (x TEXT COLLATE NOCASE)`} {
		if _, err := f.CreateTable(q); err == nil {
			t.Errorf("%s: no error", q)
		}
	}
	tb, _ := f.CreateTable(`CREATE TABLE a (id INTEGER PRIMARY KEY, x NOT NULL)`)
	if err := tb.Insert(int64(1), nil); err == nil {
		t.Error("NULL in a NOT NULL column")
	}
	tb.Insert(int64(5), 1)
	if err := tb.Insert(int64(5), 1); err == nil {
		t.Error("a rowid twice")
	}
	w, _ := f.CreateTable(`CREATE TABLE w (k TEXT PRIMARY KEY) WITHOUT ROWID`)
	w.Insert("b")
	if err := w.Insert("a"); err == nil {
		t.Error("rows out of order")
	}
}

type discard struct{}

func (discard) WriteAt(b []byte, off int64) (int, error) { return len(b), nil }
