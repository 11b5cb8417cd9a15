package output

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/govreport/govreport/internal/sqlitefile"
)

// sqliteWriter writes the database with our own writer of SQLite files
// (internal/sqlitefile): SQLite itself is not linked into the program.
// Rows go to the b-trees as they come; the file is built under a
// temporary name and renamed into place on Commit.
type sqliteWriter struct {
	p   *pending
	db  *sqlitefile.File
	t   map[string]*sqlitefile.Table
	id  int64
	opt Options
	log findingLog
	// byPath collects the index cells_path, (path, report_id) in order:
	// per path, its report ids as varint deltas. Paths come from the
	// catalogue (a few hundred), ids grow, so this costs about a byte a
	// cell, against the ~100 the cell takes in the file.
	byPath map[string]*idList
	cells  []CellRow
	order  []int32 // cells' indices in path order
}

type idList struct {
	last int64
	buf  []byte
}

// sqliteSchema creates the tables, then reports_wide (WideTableSQL); the
// index cells_path is added on Commit.
const sqliteSchema = `
CREATE TABLE reports (
  id INTEGER PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, format TEXT,
  pages INTEGER, title TEXT, agency TEXT, region TEXT, year INTEGER, template TEXT,
  failed_checks INTEGER NOT NULL, warnings INTEGER NOT NULL, path_base64 TEXT);
CREATE TABLE cells (
  report_id INTEGER NOT NULL REFERENCES reports(id), path TEXT NOT NULL,
  value NUMERIC, raw_text TEXT, page INTEGER, line INTEGER,
  table_key TEXT, row_key TEXT, column_key TEXT, row_label TEXT, column_label TEXT,
  amount REAL, unit TEXT, inferred INTEGER, null_reason TEXT,
  PRIMARY KEY (report_id, path)) WITHOUT ROWID;
CREATE TABLE checks (
  report_id INTEGER NOT NULL REFERENCES reports(id), rule TEXT NOT NULL, scope TEXT NOT NULL,
  ok INTEGER NOT NULL, expected NUMERIC, actual NUMERIC, message TEXT);
CREATE TABLE warnings (
  report_id INTEGER NOT NULL REFERENCES reports(id), code TEXT NOT NULL, field TEXT, message TEXT);
CREATE TABLE findings (
  finding_id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id), path TEXT NOT NULL,
  rule TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, other_report_id INTEGER REFERENCES reports(id));
CREATE TABLE findings_evidence (
  finding_id INTEGER NOT NULL REFERENCES findings(finding_id), report_id INTEGER NOT NULL REFERENCES reports(id),
  path TEXT NOT NULL, field TEXT NOT NULL, value NUMERIC, text TEXT, page INTEGER, line INTEGER);
CREATE TABLE errors (path TEXT NOT NULL, sha256 TEXT, kind TEXT NOT NULL, reason TEXT NOT NULL, path_base64 TEXT);
`

func newSQLite(path string, o Options) (Writer, error) {
	p, err := createPending(path)
	if err != nil {
		return nil, err
	}
	w := &sqliteWriter{p: p, db: sqlitefile.New(p.f), t: map[string]*sqlitefile.Table{}, opt: o, byPath: map[string]*idList{}}
	for _, q := range strings.Split(sqliteSchema+WideTableSQL(o.short()), ";") {
		if q = strings.TrimSpace(q); q == "" {
			continue
		}
		t, err := w.db.CreateTable(q)
		if err != nil {
			p.abort()
			return nil, err
		}
		w.t[strings.Fields(q)[2]] = t
	}
	return w, nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (w *sqliteWriter) WriteReport(rec *Record) error {
	fl := Flatten(rec)
	if rec.Summary.Prov == nil {
		r, err := rec.Report()
		if err != nil {
			return err
		}
		rec.Summary = Summarize(r) // a record made before the long form
	}
	checks, warnings, err := rec.checksAndWarnings()
	if err != nil {
		return err
	}
	w.id++
	rec.ID = w.id
	fl.ID = w.id
	if err := w.t["reports"].Insert(append(append([]any{w.id}, fl.Meta()...), nullable(fl.PathBase64))...); err != nil {
		return err
	}
	if err := w.t["reports_wide"].Insert(fl.Values()...); err != nil {
		return err
	}
	// cells is WITHOUT ROWID: its rows go in (report_id, path) order.
	w.cells = append(w.cells[:0], CellRows(rec)...)
	// A stable sort of indices, not of the rows: a CellRow is ~200 bytes,
	// and moving them (with sort.SliceStable's reflection) was 10% of the
	// writer's CPU. The order is the same.
	w.order = w.order[:0]
	for i := range w.cells {
		w.order = append(w.order, int32(i))
	}
	slices.SortStableFunc(w.order, func(a, b int32) int { return strings.Compare(w.cells[a].Field, w.cells[b].Field) })
	for _, i := range w.order {
		c := &w.cells[i]
		var v any = i64(c.Value)
		if c.Amount != nil {
			v = *c.Amount // value keeps amounts too, as before amount existed
		}
		inf := 0
		if c.Inferred {
			inf = 1
		}
		if err := w.t["cells"].Insert(w.id, c.Field, v, c.RawText, i64(c.Page), i64(c.Line),
			c.Table, c.Row, c.Col, c.RowLabel, c.ColLabel, f64(c.Amount), nullable(c.Unit), inf, nullable(c.NullReason)); err != nil {
			return err
		}
		l := w.byPath[c.Field]
		if l == nil {
			l = &idList{}
			w.byPath[c.Field] = l
		}
		l.buf = binary.AppendUvarint(l.buf, uint64(w.id-l.last))
		l.last = w.id
	}
	for _, c := range checks {
		if err := w.t["checks"].Insert(w.id, c.Rule, c.Scope, c.OK, c.Expected, c.Actual, c.Message); err != nil {
			return err
		}
	}
	for _, x := range warnings {
		if err := w.t["warnings"].Insert(w.id, x.Code, nullable(x.Field), x.Message); err != nil {
			return err
		}
	}
	return w.writeFindings(w.log.add(rec))
}

func (w *sqliteWriter) writeFindings(rows []FindingRow) error {
	for _, f := range rows {
		if err := w.t["findings"].Insert(f.Values()...); err != nil {
			return err
		}
	}
	for _, f := range rows {
		for _, e := range f.Evidence {
			if err := w.t["findings_evidence"].Insert(e.Values()...); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *sqliteWriter) WriteFailure(f *Failure) error {
	f = f.fixPath()
	return w.t["errors"].Insert(f.Path, nullable(f.SHA256), f.Kind, f.Reason, nullable(f.PathBase64))
}

// WideTableSQL creates the table reports_wide: the rows of the CSV, typed
// (INTEGER, REAL, TEXT), with the long or the short column names.
func WideTableSQL(short bool) string {
	var b strings.Builder
	b.WriteString("CREATE TABLE reports_wide (")
	for i, c := range cols().defs {
		if i > 0 {
			b.WriteString(",\n ")
		}
		name := c.Name
		if short {
			name = c.Short
		}
		typ := map[string]string{TypeString: "TEXT", TypeInteger: "INTEGER", TypeDecimal: "REAL"}[c.Type]
		fmt.Fprintf(&b, "\"%s\" %s", name, typ)
	}
	b.WriteString(");\n")
	return b.String()
}

func (w *sqliteWriter) Commit() error {
	fail := func(err error) error { w.Abort(); return err }
	if err := w.writeFindings(w.log.cross()); err != nil {
		return fail(err)
	}
	x, err := w.db.CreateIndex(`CREATE INDEX cells_path ON cells(path)`)
	if err != nil {
		return fail(err)
	}
	paths := make([]string, 0, len(w.byPath))
	for p := range w.byPath {
		paths = append(paths, p)
	}
	sort.Strings(paths) // byte order: SQLite's BINARY collation
	for _, p := range paths {
		var id int64
		for b := w.byPath[p].buf; len(b) > 0; {
			d, n := binary.Uvarint(b)
			b = b[n:]
			id += int64(d)
			if err := x.Insert(p, id); err != nil {
				return fail(err)
			}
		}
	}
	if err := w.db.Close(); err != nil {
		return fail(err)
	}
	return w.p.commit()
}

func (w *sqliteWriter) Abort() { w.p.abort() }

func (w *sqliteWriter) Paths() []string { return []string{w.p.final} }
