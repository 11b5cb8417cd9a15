package serve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

// The text around a number: the document's extracted lines (those that
// `govreport lines` prints and provenance counts) near a line. Uploads
// keep their bytes in memory within a budget, oldest dropped first; a
// served folder's file is read again from its own path, recorded at start
// (never from a request), and used only while its content is unchanged.

// ctxLine is one extracted line.
type ctxLine struct {
	Page int    `json:"page,omitempty"`
	Line int    `json:"line"`
	Text string `json:"text"` // its cells joined by " | "
}

type sourceKeep struct {
	budget int64
	used   int64
	order  []string
	bytes  map[string][]byte
	paths  map[string]string // id → a served folder's file
	lines  map[string][]ctxLine
	lorder []string
}

func (k *sourceKeep) add(id string, src []byte) {
	if k.bytes[id] != nil || int64(len(src)) > k.budget {
		return
	}
	for k.used+int64(len(src)) > k.budget && len(k.order) > 0 {
		old := k.order[0]
		k.order = k.order[1:]
		k.used -= int64(len(k.bytes[old]))
		delete(k.bytes, old)
	}
	k.bytes[id] = src
	k.order = append(k.order, id)
	k.used += int64(len(src))
}

// source returns the document of a report, or nil when it is no longer
// held.
func (s *Server) source(id string) []byte {
	s.mu.RLock()
	src, path := s.keep.bytes[id], s.keep.paths[id]
	s.mu.RUnlock()
	if src != nil || path == "" {
		return src
	}
	b, err := parser.New(parser.WithMaxBytes(s.o.MaxFileBytes)).ReadFile(path)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(b)
	if !strings.HasPrefix(hex.EncodeToString(sum[:]), id) {
		return nil // changed since it was read
	}
	return b
}

// docLines reads the document's lines (in this process: the document was
// read within its budget by a worker already; a reading that still
// overruns is abandoned, a few at a time at most).
func (s *Server) docLines(ctx context.Context, id string) ([]ctxLine, int, string) {
	s.mu.RLock()
	ls := s.keep.lines[id]
	s.mu.RUnlock()
	if ls != nil {
		return ls, 0, ""
	}
	src := s.source(id)
	if src == nil {
		return nil, http.StatusNotFound, "the document of this report is no longer held (uploads are kept within a memory budget); upload it again"
	}
	select {
	case s.layouts <- struct{}{}:
	case <-ctx.Done():
		return nil, http.StatusServiceUnavailable, "canceled"
	}
	type res struct {
		ls  []ctxLine
		err error
	}
	ch := make(chan res, 1)
	go func() {
		defer func() { <-s.layouts }()
		doc, err := parser.New(parser.WithTimeout(s.o.Timeout), parser.WithMaxBytes(s.o.MaxFileBytes)).Layout(id, src)
		if err != nil {
			ch <- res{err: err}
			return
		}
		out := make([]ctxLine, 0, len(doc.Lines))
		for _, l := range doc.Lines {
			var cs []string
			for _, c := range l.Cells {
				if !c.Copy {
					cs = append(cs, c.Text)
				}
			}
			out = append(out, ctxLine{Page: l.Page, Line: l.Num, Text: strings.Join(cs, " | ")})
		}
		ch <- res{ls: out}
	}()
	t := time.NewTimer(s.o.Timeout + 2*time.Second)
	defer t.Stop()
	select {
	case r := <-ch:
		if r.err != nil {
			return nil, http.StatusUnprocessableEntity, reasonOf(r.err)
		}
		s.mu.Lock()
		if s.keep.lines[id] == nil {
			s.keep.lines[id] = r.ls
			s.keep.lorder = append(s.keep.lorder, id)
			if len(s.keep.lorder) > 16 {
				delete(s.keep.lines, s.keep.lorder[0])
				s.keep.lorder = s.keep.lorder[1:]
			}
		}
		s.mu.Unlock()
		return r.ls, 0, ""
	case <-t.C:
		return nil, http.StatusUnprocessableEntity, docerr.TooLarge.String() + ": took longer than " + s.o.Timeout.String()
	case <-ctx.Done():
		return nil, http.StatusServiceUnavailable, "canceled"
	}
}

// apiLines is GET /api/reports/{id}/lines?line=N&around=K: the lines
// from N−K to N+K (K 4 by default, at most 50), or the first 2000 lines
// without N.
func (s *Server) apiLines(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if s.get(id) == nil {
		writeError(w, http.StatusNotFound, "no report %q", id)
		return
	}
	q := r.URL.Query()
	line, around := 0, 4
	if v := q.Get("line"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			writeError(w, http.StatusBadRequest, "line %q: a line number from 1", v)
			return
		}
		line = n
	}
	if v := q.Get("around"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 50 {
			writeError(w, http.StatusBadRequest, "around %q: 0 to 50 lines", v)
			return
		}
		around = n
	}
	ls, st, msg := s.docLines(r.Context(), id)
	if st != 0 {
		writeError(w, st, "%s", msg)
		return
	}
	out := []ctxLine{}
	for _, l := range ls {
		if line == 0 && len(out) < 2000 || line > 0 && l.Line >= line-around && l.Line <= line+around {
			out = append(out, l)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "lines": out})
}
