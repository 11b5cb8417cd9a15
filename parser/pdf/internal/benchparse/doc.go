// Package benchparse benchmarks the whole parse of the PDF corpus:
//
//	go test ./parser/pdf/internal/benchparse -bench .
package benchparse
