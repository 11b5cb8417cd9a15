package output

import (
	"bytes"
	"errors"
)

// SideFiles lists every file a conversion to path may write besides path
// itself, whatever its format and shape: the errors, reports, cells and
// findings side files and the dictionary. A walk of the inputs skips them.
func SideFiles(path string) []string {
	var out []string
	for _, side := range []string{"errors", "reports", "cells", "findings", "findings_evidence"} {
		for _, ext := range []string{"csv", "jsonl", "parquet"} {
			out = append(out, SidePath(path, side, ext))
		}
	}
	return append(out, DictionaryPath(path))
}

// DictionaryPath is the data dictionary written beside an output.
func DictionaryPath(path string) string { return SidePath(path, "dictionary", "csv") }

// withDictionary adds the data dictionary (OUT.dictionary.csv) to a
// writer's files.
type withDictionary struct {
	Writer
	path string
}

func (w withDictionary) Commit() error {
	var b bytes.Buffer
	if err := WriteDictionary(&b, "csv"); err != nil {
		w.Writer.Abort()
		return err
	}
	p, err := createPending(w.path)
	if err != nil {
		w.Writer.Abort()
		return err
	}
	if _, err := p.f.Write(b.Bytes()); err != nil {
		p.abort()
		w.Writer.Abort()
		return err
	}
	if err := w.Writer.Commit(); err != nil {
		p.abort()
		return err
	}
	return p.commit()
}

func (w withDictionary) Abort() { w.Writer.Abort() }

func (w withDictionary) Paths() []string { return append(w.Writer.Paths(), w.path) }

// Multi writes the same records to several writers: several outputs of
// one conversion, from one reading of each file.
type Multi []Writer

// WriteReport writes the record to every writer; each numbers its
// reports itself.
func (m Multi) WriteReport(rec *Record) error {
	for _, w := range m {
		r := *rec
		r.ID = 0
		if err := w.WriteReport(&r); err != nil {
			return err
		}
	}
	return nil
}

func (m Multi) WriteFailure(f *Failure) error {
	for _, w := range m {
		if err := w.WriteFailure(f); err != nil {
			return err
		}
	}
	return nil
}

// Commit commits every writer; after the first failure the rest are
// aborted (the ones already committed stay).
func (m Multi) Commit() error {
	var errs []error
	for _, w := range m {
		if len(errs) > 0 {
			w.Abort()
			continue
		}
		if err := w.Commit(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (m Multi) Abort() {
	for _, w := range m {
		w.Abort()
	}
}

func (m Multi) Paths() []string {
	var out []string
	for _, w := range m {
		out = append(out, w.Paths()...)
	}
	return out
}

// Notes returns what a writer has to say of its output once committed,
// besides errors: an XLSX sheet that went on on other sheets. A writer
// says it with a method Notes() []string.
func Notes(w Writer) []string {
	switch w := w.(type) {
	case Multi:
		var out []string
		for _, x := range w {
			out = append(out, Notes(x)...)
		}
		return out
	case withDictionary:
		return Notes(w.Writer)
	case interface{ Notes() []string }:
		return w.Notes()
	}
	return nil
}
