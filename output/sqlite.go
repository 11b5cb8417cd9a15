package output

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // pure-Go driver "sqlite"

	"github.com/govreport/govreport/model"
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
  PRIMARY KEY (report_id, path)) WITHOUT ROWID;
CREATE TABLE checks (
  report_id INTEGER NOT NULL REFERENCES reports(id), rule TEXT NOT NULL, scope TEXT NOT NULL,
  ok INTEGER NOT NULL, expected NUMERIC, actual NUMERIC, message TEXT);
CREATE TABLE warnings (
  report_id INTEGER NOT NULL REFERENCES reports(id), code TEXT NOT NULL, field TEXT, message TEXT);
CREATE TABLE errors (path TEXT NOT NULL, sha256 TEXT, kind TEXT NOT NULL, reason TEXT NOT NULL, path_base64 TEXT);
`

func newSQLite(path string) (Writer, error) {
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
	w := &sqliteWriter{path: path, tmp: tmp, db: db, stmts: map[string]*sql.Stmt{}, multi: map[string]*sql.Stmt{}}
	if err := w.init(); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

func (w *sqliteWriter) init() error {
	if _, err := w.db.Exec(sqliteSchema); err != nil {
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
	w.id++
	args := append(append([]any{w.id}, fl.Meta()...), nullable(fl.PathBase64))
	if _, err := w.stmts["report"].Exec(args...); err != nil {
		return err
	}
	for _, t := range []struct {
		name string
		t    *model.Table
	}{{"active_disclosure", r.ActiveDisclosure}, {"applications", r.Applications}, {"review_litigation", r.ReviewLitigation}} {
		if t.t == nil {
			continue
		}
		for _, row := range t.t.Rows {
			for _, c := range row.Cells {
				p := t.name + "." + row.Key + "." + c.Key
				var v, text, page, line any
				if c.Value != nil {
					v = *c.Value
				}
				if pv, ok := r.Provenance[p]; ok {
					text, line = pv.Text, pv.Line
					if pv.Page > 0 {
						page = pv.Page
					}
				}
				w.args = append(w.args, w.id, p, v, text, page, line)
			}
		}
	}
	if err := w.insertRows("cells", 6, w.args); err != nil {
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
	return err
}

func (w *sqliteWriter) WriteFailure(f *Failure) error {
	f = f.fixPath()
	_, err := w.stmts["error"].Exec(f.Path, nullable(f.SHA256), f.Kind, f.Reason, nullable(f.PathBase64))
	return err
}

// WideViewSQL is the statement that creates the view reports_wide: the
// reports table with one column per cell path, as in the CSV.
func WideViewSQL() string {
	var b strings.Builder
	b.WriteString("CREATE VIEW reports_wide AS SELECT")
	for i, c := range MetaColumns {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, " r.%s", c)
	}
	for _, c := range cellColumns {
		fmt.Fprintf(&b, ",\n (SELECT value FROM cells WHERE report_id = r.id AND path = '%s') AS \"%s\"", c, c)
	}
	for _, c := range TailColumns {
		fmt.Fprintf(&b, ", r.%s", c)
	}
	b.WriteString("\nFROM reports r ORDER BY r.id")
	return b.String()
}

func (w *sqliteWriter) Commit() error {
	fail := func(err error) error { w.Abort(); return err }
	for _, s := range w.stmts {
		s.Close()
	}
	for _, s := range w.multi {
		s.Close()
	}
	if _, err := w.tx.Exec(WideViewSQL()); err != nil {
		return fail(err)
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
