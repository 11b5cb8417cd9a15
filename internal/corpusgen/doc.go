// Package corpusgen renders one set of report values into the many layouts
// in which 政府信息公开工作年度报告 are really published: government portal
// pages, Word-exported HTML saved in GBK, old pages in GB18030 without a
// charset declaration, and the text that comes out of copying a web page
// (tab-separated, space-aligned, one cell per line), with the cell variants
// of real reports (blank or dashed zeros, full-width digits, label typos,
// split labels, units, signed changes).
//
// Every document is written together with its expected values, computed
// from the number set itself and never from a parser's output, in the
// format of the field truth files (../shared/field/*.expected.json).
//
// The corpus in the repository's corpus/ folder is produced by
// cmd/corpusgen; regenerate it with `go generate ./internal/corpusgen`.
package corpusgen

//go:generate go run ../../cmd/corpusgen -out ../../corpus
