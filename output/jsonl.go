package output

import (
	"bufio"
	"encoding/json"

	"github.com/govreport/govreport/model"
)

// jsonlWriter writes one govreport/1 object per line to the output and one
// failure object per line to the side file NAME.errors.jsonl.
type jsonlWriter struct {
	out, errs   *pending
	outW, errsW *bufio.Writer
	// With --shape long the output holds one object per value and the
	// reports go to the side file NAME.reports.jsonl.
	cells  *pending
	cellsW *bufio.Writer
	n      int64
	// Every audit finding, the cross-report ones too, one object per line
	// with its evidence: NAME.findings.jsonl.
	finds  *pending
	findsW *bufio.Writer
	log    findingLog
}

// jsonFinding is a line of NAME.findings.jsonl (FindingColumns, with the
// evidence rows inside).
type jsonFinding struct {
	ID       int64          `json:"finding_id"`
	ReportID int64          `json:"report_id"`
	Path     string         `json:"path"`
	Rule     string         `json:"rule"`
	Severity string         `json:"severity"`
	Message  string         `json:"message"`
	Other    *int64         `json:"other_report_id"`
	Evidence []jsonEvidence `json:"evidence"`
}

type jsonEvidence struct {
	ReportID int64    `json:"report_id"`
	Path     string   `json:"path"`
	Field    string   `json:"field"`
	Value    *float64 `json:"value"`
	Text     string   `json:"text"`
	Page     *int64   `json:"page"`
	Line     *int64   `json:"line"`
}

// jsonlReport is a report line: the govreport/1 object, with "manifest"
// added when a manifest row gave values for the file.
type jsonlReport struct {
	*model.Report
	Manifest   *Manifest `json:"manifest,omitempty"`
	PathBase64 string    `json:"path_base64,omitempty"` // see TailColumns
}

func newJSONL(path string, o Options) (Writer, error) {
	reports := path
	if o.long() {
		reports = SidePath(path, "reports", "jsonl")
	}
	out, err := createPending(reports)
	if err != nil {
		return nil, err
	}
	errs, err := createPending(SidePath(path, "errors", "jsonl"))
	if err != nil {
		out.abort()
		return nil, err
	}
	w := &jsonlWriter{out: out, errs: errs, outW: bufio.NewWriterSize(out.f, 1<<16), errsW: bufio.NewWriter(errs.f)}
	if o.long() {
		if w.cells, err = createPending(path); err != nil {
			out.abort()
			errs.abort()
			return nil, err
		}
		w.cellsW = bufio.NewWriterSize(w.cells.f, 1<<16)
	}
	if w.finds, err = createPending(SidePath(path, "findings", "jsonl")); err != nil {
		w.out.abort()
		w.errs.abort()
		if w.cells != nil {
			w.cells.abort()
		}
		return nil, err
	}
	w.findsW = bufio.NewWriter(w.finds.f)
	return w, nil
}

func (w *jsonlWriter) writeFindings(rows []FindingRow) error {
	for _, f := range rows {
		j := jsonFinding{f.ID, f.ReportID, f.Path, f.Rule, f.Severity, f.Message, f.Other, []jsonEvidence{}}
		for _, e := range f.Evidence {
			j.Evidence = append(j.Evidence, jsonEvidence{e.ReportID, e.Path, e.Field, e.Value, e.Text, e.Page, e.Line})
		}
		b, err := json.Marshal(j)
		if err != nil {
			return err
		}
		w.findsW.Write(b)
		if err := w.findsW.WriteByte('\n'); err != nil {
			return err
		}
	}
	return nil
}

// jsonCell is a value of the long form as a JSON object (LongColumns).
type jsonCell struct {
	ReportID   int64    `json:"report_id"`
	Field      string   `json:"field"`
	Table      string   `json:"table_key"`
	Row        string   `json:"row_key"`
	Col        string   `json:"column_key"`
	RowLabel   string   `json:"row_label"`
	ColLabel   string   `json:"column_label"`
	Value      *int64   `json:"value"`
	Amount     *float64 `json:"amount"`
	Unit       string   `json:"unit"`
	RawText    string   `json:"raw_text"`
	Page       *int64   `json:"page"`
	Line       *int64   `json:"line"`
	Inferred   int      `json:"inferred"`
	NullReason string   `json:"null_reason"`
}

func (w *jsonlWriter) WriteReport(rec *Record) error {
	w.n++
	if rec.ID == 0 {
		rec.ID = w.n
	}
	if w.cells != nil {
		for _, c := range CellRows(rec) {
			j := jsonCell{c.ReportID, c.Field, c.Table, c.Row, c.Col, c.RowLabel, c.ColLabel, c.Value, c.Amount, c.Unit, c.RawText, c.Page, c.Line, 0, c.NullReason}
			if c.Inferred {
				j.Inferred = 1
			}
			b, err := json.Marshal(j)
			if err != nil {
				return err
			}
			w.cellsW.Write(b)
			w.cellsW.WriteByte('\n')
		}
	}
	if err := w.writeFindings(w.log.add(rec)); err != nil {
		return err
	}
	return w.writeReport(rec)
}

func (w *jsonlWriter) writeReport(rec *Record) error {
	path, raw := PathText(rec.Path)
	if rec.report == nil && rec.Manifest == nil && rec.JSON != nil && rec.JSONPath == rec.Path && raw == "" {
		w.outW.Write(rec.JSON) // already the line to write
		return w.outW.WriteByte('\n')
	}
	r, err := rec.Report()
	if err != nil {
		return err
	}
	if raw != "" {
		c := *r
		c.Source.Path = path
		r = &c
	}
	b, err := json.Marshal(jsonlReport{r, rec.Manifest, raw})
	if err != nil {
		return err
	}
	w.outW.Write(b)
	return w.outW.WriteByte('\n')
}

func (w *jsonlWriter) WriteFailure(f *Failure) error {
	b, err := json.Marshal(f.fixPath())
	if err != nil {
		return err
	}
	w.errsW.Write(b)
	return w.errsW.WriteByte('\n')
}

func (w *jsonlWriter) Commit() error {
	if err := w.writeFindings(w.log.cross()); err != nil {
		w.Abort()
		return err
	}
	if err := w.findsW.Flush(); err != nil {
		w.Abort()
		return err
	}
	if err := w.finds.commit(); err != nil {
		w.Abort()
		return err
	}
	if err := w.errsW.Flush(); err != nil {
		w.Abort()
		return err
	}
	if err := w.outW.Flush(); err != nil {
		w.Abort()
		return err
	}
	if w.cells != nil {
		if err := w.cellsW.Flush(); err != nil {
			w.Abort()
			return err
		}
		if err := w.cells.commit(); err != nil {
			w.out.abort()
			w.errs.abort()
			return err
		}
	}
	if err := w.errs.commit(); err != nil {
		w.out.abort()
		return err
	}
	return w.out.commit()
}

func (w *jsonlWriter) Abort() {
	w.out.abort()
	w.errs.abort()
	w.finds.abort()
	if w.cells != nil {
		w.cells.abort()
	}
}

func (w *jsonlWriter) Paths() []string {
	if w.cells != nil {
		return []string{w.cells.final, w.out.final, w.errs.final, w.finds.final}
	}
	return []string{w.out.final, w.errs.final, w.finds.final}
}
