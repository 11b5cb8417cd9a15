package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"

	"github.com/govreport/govreport/compare"
	"github.com/govreport/govreport/derive"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/docerr"
)

// apiError is the body of every error of the API.
type apiError struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":{"status":500,"message":"cannot write JSON"}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

func writeError(w http.ResponseWriter, status int, format string, args ...any) {
	var e apiError
	e.Error.Status = status
	e.Error.Message = fmt.Sprintf(format, args...)
	writeJSON(w, status, e)
}

// result is one part of an upload: a report or the reason it is none.
type result struct {
	File   string        `json:"file"`
	ID     string        `json:"id,omitempty"`
	Report *model.Report `json:"report,omitempty"`
	Error  *resultError  `json:"error,omitempty"`
}

type resultError struct {
	Status int    `json:"status"` // what the part alone would have been answered with
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

// statusOfKind maps why a document is not a report to an HTTP status.
func statusOfKind(kind, reason string) int {
	switch kind {
	case docerr.Unsupported.String():
		return http.StatusUnsupportedMediaType
	case docerr.TooLarge.String():
		if strings.Contains(reason, "took longer") || strings.Contains(reason, "memory") {
			return http.StatusUnprocessableEntity
		}
		return http.StatusRequestEntityTooLarge
	case "limit":
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusUnprocessableEntity
}

// upload reads the parts named "file" of a multipart request: each is
// bounded in size, the request in size and count, and each document is
// read in a worker process (at once, as many as there are workers).
func (s *Server) upload(w http.ResponseWriter, r *http.Request) ([]result, bool) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		writeError(w, http.StatusUnsupportedMediaType, "send the documents as multipart/form-data, one part named \"file\" each")
		return nil, false
	}
	if r.ContentLength > s.o.MaxRequestBytes {
		writeError(w, http.StatusRequestEntityTooLarge, "the upload is %d bytes; at most %d are taken at once", r.ContentLength, s.o.MaxRequestBytes)
		return nil, false
	}
	// Uploads are held in memory: a few at a time.
	select {
	case s.uploads <- struct{}{}:
		defer func() { <-s.uploads }()
	case <-r.Context().Done():
		return nil, false
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxRequestBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		writeError(w, http.StatusBadRequest, "not a multipart upload: %v", err)
		return nil, false
	}
	type doc struct {
		name string
		src  []byte
	}
	var (
		docs    []doc
		results []result
	)
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				writeError(w, http.StatusRequestEntityTooLarge, "the upload is larger than %d bytes in all", s.o.MaxRequestBytes)
			} else {
				writeError(w, http.StatusBadRequest, "cannot read the upload: %v", err)
			}
			return nil, false
		}
		if part.FormName() != "file" {
			part.Close()
			continue
		}
		if len(results) >= s.o.MaxFiles {
			part.Close()
			writeError(w, http.StatusRequestEntityTooLarge, "more than %d documents in one upload; send them in several", s.o.MaxFiles)
			return nil, false
		}
		name := fileName(part.FileName())
		src, err := io.ReadAll(io.LimitReader(part, s.o.MaxFileBytes+1))
		part.Close()
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				writeError(w, http.StatusRequestEntityTooLarge, "the upload is larger than %d bytes in all", s.o.MaxRequestBytes)
			} else {
				writeError(w, http.StatusBadRequest, "cannot read %s: %v", name, err)
			}
			return nil, false
		}
		results = append(results, result{File: name})
		if int64(len(src)) > s.o.MaxFileBytes {
			reason := fmt.Sprintf("the file is larger than %s, the limit of one document", sizeText(s.o.MaxFileBytes))
			results[len(results)-1].Error = &resultError{Status: http.StatusRequestEntityTooLarge, Kind: docerr.TooLarge.String(), Reason: reason}
			s.fail(Failed{File: name, Kind: docerr.TooLarge.String(), Reason: reason})
			docs = append(docs, doc{name: name})
			continue
		}
		docs = append(docs, doc{name: name, src: src})
	}
	if len(results) == 0 {
		writeError(w, http.StatusBadRequest, "no part named \"file\" in the upload")
		return nil, false
	}
	var wg sync.WaitGroup
	for i := range docs {
		if results[i].Error != nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			h, f, err := s.read(r.Context(), docs[i].name, docs[i].src)
			switch {
			case err != nil: // the client went away, or no worker could start
				results[i].Error = &resultError{Status: http.StatusUnprocessableEntity, Kind: "unreadable", Reason: err.Error()}
			case f != nil:
				results[i].Error = &resultError{Status: statusOfKind(f.Kind, f.Reason), Kind: f.Kind, Reason: f.Reason}
			default:
				results[i].ID, results[i].Report = h.ID, h.Report
				s.mu.Lock()
				s.keep.add(h.ID, docs[i].src)
				s.mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return results, true
}

// uploadStatus is 200 when some part was read as a report; else the
// status the parts share, or 422.
func uploadStatus(rs []result) int {
	st := 0
	for _, x := range rs {
		if x.Error == nil {
			return http.StatusOK
		}
		if st == 0 {
			st = x.Error.Status
		} else if st != x.Error.Status {
			st = http.StatusUnprocessableEntity
		}
	}
	return st
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func (s *Server) apiPostReports(w http.ResponseWriter, r *http.Request) {
	rs, ok := s.upload(w, r)
	if !ok {
		return
	}
	writeJSON(w, uploadStatus(rs), rs)
}

func (s *Server) apiListReports(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.all())
}

func (s *Server) apiGetReport(w http.ResponseWriter, r *http.Request) {
	h := s.get(r.PathValue("id"))
	if h == nil {
		writeError(w, http.StatusNotFound, "no report %q (GET /api/reports lists them)", r.PathValue("id"))
		return
	}
	type withFindings struct {
		*Held
		Findings []Finding `json:"findings,omitempty"`
	}
	writeJSON(w, http.StatusOK, withFindings{h, s.findings(h.Report)})
}

func (s *Server) apiStatus(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.status())
}

// findings are the hook's, or else the audit findings the parser put in
// the report, each naming the cells of its evidence.
func (s *Server) findings(r *model.Report) []Finding {
	if s.o.Findings != nil {
		return s.o.Findings(r)
	}
	var out []Finding
	for _, f := range r.Findings {
		x := Finding{Code: f.Rule, Severity: f.Severity, Message: f.Message}
		for _, e := range f.Evidence {
			x.Fields = append(x.Fields, e.Field)
		}
		out = append(out, x)
	}
	return out
}

// selection returns the reports the ids parameter names (comma
// separated; empty: all held), or an error status and message.
func (s *Server) selection(r *http.Request) ([]*Held, int, string) {
	q := strings.TrimSpace(r.URL.Query().Get("ids"))
	if q == "" {
		all := s.all()
		if len(all) == 0 {
			return nil, http.StatusNotFound, "no reports held yet: upload some first"
		}
		return all, 0, ""
	}
	var out []*Held
	seen := map[string]bool{}
	for _, id := range strings.Split(q, ",") {
		id = strings.TrimSpace(id)
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		h := s.get(id)
		if h == nil {
			return nil, http.StatusNotFound, fmt.Sprintf("no report %q", id)
		}
		out = append(out, h)
	}
	if len(out) == 0 {
		return nil, http.StatusBadRequest, "ids names no report"
	}
	return out, 0, ""
}

// set builds the comparison of the reports, on copies (Build fills in
// regions, and reports are shared between requests).
func set(hs []*Held, order string) (*compare.Set, error) {
	reports := make([]*model.Report, len(hs))
	names := make([]string, len(hs))
	for i, h := range hs {
		cp := *h.Report
		reports[i], names[i] = &cp, h.ID
	}
	return compare.Build(reports, names, order)
}

// compareJSON is the comparison for scripts.
type compareJSON struct {
	Columns  []compareColumn   `json:"columns"`
	Rows     []compareRow      `json:"rows"`
	Warnings []compare.Warning `json:"warnings"`
}

type compareColumn struct {
	ID         string   `json:"id"`
	File       string   `json:"file"`
	Label      string   `json:"label"`
	Agency     *string  `json:"agency"`
	Year       *int     `json:"year"`
	RegionCode *string  `json:"region_code"`
	Failed     []string `json:"failed_checks"`
	Merged     []string `json:"merged,omitempty"` // ids of other documents of the same agency and year
}

type compareRow struct {
	Key   string        `json:"key"`
	Label string        `json:"label"`
	Cells []compareCell `json:"cells"`
}

type compareCell struct {
	Text  string   `json:"text"`
	Value *float64 `json:"value"`
	Unit  string   `json:"unit,omitempty"`
}

func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) {
	hs, st, msg := s.selection(r)
	if st != 0 {
		writeError(w, st, "%s", msg)
		return
	}
	order := r.URL.Query().Get("order")
	cs, err := set(hs, order)
	if err != nil {
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	}
	files := map[string]string{}
	for _, h := range hs {
		files[h.ID] = h.File
	}
	switch f := r.URL.Query().Get("format"); f {
	case "", "json":
		out := compareJSON{Warnings: cs.Warnings}
		if out.Warnings == nil {
			out.Warnings = []compare.Warning{}
		}
		for _, e := range cs.Entries {
			c := compareColumn{ID: e.Name, File: files[e.Name], Label: e.Label(), Agency: e.Report.Agency, Year: e.Report.Year, Failed: []string{}}
			if e.Report.Region != nil {
				c.RegionCode = e.Report.Region.Code
			}
			for _, x := range e.Failed {
				c.Failed = append(c.Failed, x.Message)
			}
			for _, d := range e.Merged {
				c.Merged = append(c.Merged, d.Name)
			}
			out.Columns = append(out.Columns, c)
		}
		for _, row := range cs.Grid().Rows {
			cr := compareRow{Key: row.Key, Label: row.Label}
			for _, c := range row.Cells {
				cc := compareCell{Text: c.Text, Value: c.Value}
				if c.Value != nil {
					cc.Unit = "count"
					if c.Unit == derive.Share {
						cc.Unit = "share"
					}
				}
				cr.Cells = append(cr.Cells, cc)
			}
			out.Rows = append(out.Rows, cr)
		}
		writeJSON(w, http.StatusOK, out)
	case "csv":
		var b bytes.Buffer
		if err := cs.WriteCSV(&b); err != nil {
			writeError(w, http.StatusInternalServerError, "%v", err)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="govreport-compare.csv"`)
		w.Write(b.Bytes())
	case "xlsx":
		var b bytes.Buffer
		if err := cs.WriteXLSX(&b); err != nil {
			writeError(w, http.StatusInternalServerError, "%v", err)
			return
		}
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", `attachment; filename="govreport-compare.xlsx"`)
		w.Write(b.Bytes())
	case "html":
		var b bytes.Buffer
		if err := cs.WriteHTMLWith(&b, compare.HTMLOptions{Names: files}); err != nil {
			writeError(w, http.StatusInternalServerError, "%v", err)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Query().Get("download") != "" {
			w.Header().Set("Content-Disposition", `attachment; filename="govreport-compare.html"`)
		}
		w.Write(b.Bytes())
	default:
		writeError(w, http.StatusBadRequest, "format %q: json, csv, xlsx or html", f)
	}
}
