package output

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // pure-Go driver "sqlite"
)

// sqliteWriter builds a database in a temporary file inside one
// transaction and renames it into place on Commit.
type sqliteWriter struct {
	path, tmp string
	db        *sql.DB
	tx        *sql.Tx
	stmts     map[string]*sql.Stmt
	multi     map[string]*sql.Stmt // multi-row inserts by table and row count
	args      []any
	id        int64
	opt       Options
	log       findingLog
}

// maxInsertParams bounds the parameters of one multi-row INSERT.
const maxInsertParams = 2400

// insertRows inserts rows of width values each, gathered in args, several
// rows per statement: a few calls per report instead of one per value.
func (w *sqliteWriter) insertRows(table string, width int, args []any) error {
	for len(args) > 0 {
		n := min(len(args)/width, maxInsertParams/width)
		key := fmt.Sprintf("%s/%d", table, n)
		st := w.multi[key]
		if st == nil {
			row := "(" + strings.TrimSuffix(strings.Repeat("?,", width), ",") + "),"
			var err error
			if st, err = w.tx.Prepare("INSERT INTO " + table + " VALUES " + strings.TrimSuffix(strings.Repeat(row, n), ",")); err != nil {
				return err
			}
			w.multi[key] = st
		}
		if _, err := st.Exec(args[:n*width]...); err != nil {
			return err
		}
		args = args[n*width:]
	}
	return nil
}

// sqliteSchema creates the tables; the view reports_wide is added on Commit.
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
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	tmp := f.Name()
	f.Close()
	dsn := "file:" + (&url.URL{Path: tmp}).EscapedPath() + "?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		os.Remove(tmp)
		return nil, err
	}
	db.SetMaxOpenConns(1)
	w := &sqliteWriter{path: path, tmp: tmp, db: db, stmts: map[string]*sql.Stmt{}, multi: map[string]*sql.Stmt{}, opt: o}
	if err := w.init(); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

func (w *sqliteWriter) init() error {
	if _, err := w.db.Exec(sqliteSchema + WideTableSQL(w.opt.short())); err != nil {
		return err
	}
	var err error
	if w.tx, err = w.db.Begin(); err != nil {
		return err
	}
	for name, q := range map[string]string{
		"report": `INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		"error":  `INSERT INTO errors VALUES (?,?,?,?,?)`,
	} {
		if w.stmts[name], err = w.tx.Prepare(q); err != nil {
			return err
		}
	}
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (w *sqliteWriter) WriteReport(rec *Record) error {
	fl := Flatten(rec)
	r, err := rec.Report()
	if err != nil {
		return err
	}
	if rec.Summary.Prov == nil {
		rec.Summary = Summarize(r) // a record made before the long form
	}
	w.id++
	rec.ID = w.id
	fl.ID = w.id
	args := append(append([]any{w.id}, fl.Meta()...), nullable(fl.PathBase64))
	if _, err := w.stmts["report"].Exec(args...); err != nil {
		return err
	}
	if err := w.insertRows("reports_wide", len(cols().defs), fl.Values()); err != nil {
		return err
	}
	for _, c := range CellRows(rec) {
		var v any = i64(c.Value)
		if c.Amount != nil {
			v = *c.Amount // value keeps amounts too, as before amount existed
		}
		inf := 0
		if c.Inferred {
			inf = 1
		}
		w.args = append(w.args, w.id, c.Field, v, c.RawText, i64(c.Page), i64(c.Line),
			c.Table, c.Row, c.Col, c.RowLabel, c.ColLabel, f64(c.Amount), nullable(c.Unit), inf, nullable(c.NullReason))
	}
	if err := w.insertRows("cells", 15, w.args); err != nil {
		return err
	}
	w.args = w.args[:0]
	for _, c := range r.Checks {
		w.args = append(w.args, w.id, c.Rule, c.Scope, c.OK, c.Expected, c.Actual, c.Message)
	}
	if err := w.insertRows("checks", 7, w.args); err != nil {
		return err
	}
	w.args = w.args[:0]
	for _, x := range r.Warnings {
		w.args = append(w.args, w.id, x.Code, nullable(x.Field), x.Message)
	}
	err = w.insertRows("warnings", 4, w.args)
	w.args = w.args[:0]
	if err != nil {
		return err
	}
	return w.writeFindings(w.log.add(rec))
}

func (w *sqliteWriter) writeFindings(rows []FindingRow) error {
	var ev []any
	for _, f := range rows {
		w.args = append(w.args, f.Values()...)
		for _, e := range f.Evidence {
			ev = append(ev, e.Values()...)
		}
	}
	err := w.insertRows("findings", len(FindingColumns), w.args)
	w.args = w.args[:0]
	if err != nil {
		return err
	}
	return w.insertRows("findings_evidence", len(EvidenceColumns), ev)
}

func (w *sqliteWriter) WriteFailure(f *Failure) error {
	f = f.fixPath()
	_, err := w.stmts["error"].Exec(f.Path, nullable(f.SHA256), f.Kind, f.Reason, nullable(f.PathBase64))
	return err
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
	for _, s := range w.stmts {
		s.Close()
	}
	for _, s := range w.multi {
		s.Close()
	}
	if _, err := w.tx.Exec(`CREATE INDEX cells_path ON cells(path)`); err != nil {
		return fail(err)
	}
	if err := w.tx.Commit(); err != nil {
		return fail(err)
	}
	if err := w.db.Close(); err != nil {
		os.Remove(w.tmp)
		return err
	}
	f, err := os.OpenFile(w.tmp, os.O_RDWR, 0)
	if err != nil {
		os.Remove(w.tmp)
		return err
	}
	p := &pending{final: w.path, f: f}
	return p.commit()
}

func (w *sqliteWriter) Abort() {
	if w.tx != nil {
		w.tx.Rollback()
	}
	w.db.Close()
	os.Remove(w.tmp)
}

func (w *sqliteWriter) Paths() []string { return []string{w.path} }
