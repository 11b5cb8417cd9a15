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
}

// jsonlReport is a report line: the govreport/1 object, with "manifest"
// added when a manifest row gave values for the file.
type jsonlReport struct {
	*model.Report
	Manifest   *Manifest `json:"manifest,omitempty"`
	PathBase64 string    `json:"path_base64,omitempty"` // see TailColumns
}

func newJSONL(path string) (Writer, error) {
	out, err := createPending(path)
	if err != nil {
		return nil, err
	}
	errs, err := createPending(SidePath(path, "errors", "jsonl"))
	if err != nil {
		out.abort()
		return nil, err
	}
	return &jsonlWriter{out: out, errs: errs, outW: bufio.NewWriterSize(out.f, 1<<16), errsW: bufio.NewWriter(errs.f)}, nil
}

func (w *jsonlWriter) WriteReport(rec *Record) error {
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
	if err := w.errsW.Flush(); err != nil {
		w.Abort()
		return err
	}
	if err := w.outW.Flush(); err != nil {
		w.Abort()
		return err
	}
	if err := w.errs.commit(); err != nil {
		w.out.abort()
		return err
	}
	return w.out.commit()
}

func (w *jsonlWriter) Abort() { w.out.abort(); w.errs.abort() }

func (w *jsonlWriter) Paths() []string { return []string{w.out.final, w.errs.final} }
