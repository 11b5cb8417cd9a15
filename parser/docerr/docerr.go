// Package docerr names the reasons a file is not a readable report, so that
// the command line, batch conversion and library users can tell a scanned
// PDF from an encrypted one or from a page that is not a report at all.
package docerr

import (
	"errors"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Kind classifies why a document could not be read.
type Kind int

const (
	Unknown     Kind = iota
	Empty            // no content at all
	NotReport        // readable, but not a 政府信息公开工作年度报告
	Pre2019          // a report under the 2008 条例, without the national tables
	Scanned          // a PDF without a text layer
	Encrypted        // encrypted with a password we do not have
	Damaged          // broken beyond reading
	Unsupported      // a format we recognise but do not read (.doc, .wps, .ofd, images)
	TooLarge         // over a size or time budget
	Attachment       // a page that only links the report as an attached file
)

// An array, not a map: nothing to build at start-up.
var kindNames = [...]string{
	Unknown: "unknown", Empty: "empty", NotReport: "not a report", Pre2019: "pre-2019 format",
	Scanned: "scanned", Encrypted: "encrypted", Damaged: "damaged", Unsupported: "unsupported format",
	TooLarge: "too large", Attachment: "report in an attachment",
}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return ""
	}
	return kindNames[k]
}

// Error is a document that could not be read, with the reason in words a
// researcher understands.
type Error struct {
	File   string // the file's path, filled in by the pipeline
	Kind   Kind
	Reason string // one line, no trailing period
	Err    error  // the underlying cause, if any
}

func (e *Error) Error() string {
	if e.File == "" {
		return e.Reason
	}
	return Name(e.File) + ": " + e.Reason
}

// Name returns a file name fit to print on one line of a terminal: as it
// is when it holds only printable characters, else quoted with Go escapes
// (\n, \x1b, \xff for a byte that is not UTF-8), so that a name cannot
// forge a second line or send escape codes to the terminal.
func Name(name string) string {
	if !utf8.ValidString(name) {
		return strconv.QuoteToGraphic(name)
	}
	for _, r := range name {
		if !unicode.IsGraphic(r) {
			return strconv.QuoteToGraphic(name)
		}
	}
	return name
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an Error of kind k with the given reason.
func New(k Kind, reason string) *Error { return &Error{Kind: k, Reason: reason} }

// Wrap returns an Error of kind k with the given reason and cause.
func Wrap(k Kind, reason string, err error) *Error { return &Error{Kind: k, Reason: reason, Err: err} }

// KindOf returns the Kind of err, or Unknown.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Unknown
}

// Fault returns the error of a document whose reading panicked with x,
// when x is a memory fault (runtime/debug.SetPanicOnFault) rather than a
// bug: the file was mapped and then truncated, so that its lost pages
// fault when read. It returns nil for any other panic.
func Fault(x any) *Error {
	if _, ok := x.(interface{ Addr() uintptr }); !ok {
		return nil
	}
	return New(Unknown, "cannot read the file: it was truncated while it was read")
}
