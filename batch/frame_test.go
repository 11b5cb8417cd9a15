package batch

import (
	"bufio"
	"bytes"
	"reflect"
	"testing"
)

// The worker protocol's frames carry every request and response field,
// a path that is not UTF-8 as its bytes, and refuse what is not a frame.
func TestFrames(t *testing.T) {
	for _, req := range []request{
		{ID: 1, Path: "a/报告.pdf", Whole: true, Inline: true, Len: 12, Pack: true},
		{ID: 1 << 40, Path: "\xb1\xa8\xb8\xe6.pdf"},
		{ID: 7, Path: "", Inline: true},
	} {
		b := appendRequest(nil, &req)
		var got request
		if err := readRequest(bufio.NewReader(bytes.NewReader(b)), &got); err != nil || !reflect.DeepEqual(got, req) {
			t.Errorf("request %+v: read back %+v, %v", req, got, err)
		}
	}
	for _, resp := range []response{
		{ID: 3, SummaryLen: 3, summary: []byte("abc")},
		{ID: 4, SummaryLen: 2, ReportLen: 3, summary: []byte("ab"), report: []byte("{x}")},
		{ID: 5, PackedLen: 4, PathLen: 9, SummaryLen: 100, ReportLen: 2000, packed: []byte("zzzz"), Exit: true},
		{ID: 6, Exit: true, Error: &errInfo{Kind: "too large", Reason: "used more than 2 GiB of memory while reading"}},
	} {
		b := appendResponse(nil, &resp)
		if resp.packed != nil {
			b = append(b, resp.packed...)
		} else {
			b = append(append(b, resp.summary...), resp.report...)
		}
		var got response
		if err := readResponse(bufio.NewReader(bytes.NewReader(b)), &got); err != nil || !reflect.DeepEqual(got, resp) {
			t.Errorf("response %+v: read back %+v, %v", resp, got, err)
		}
	}
	// a line of text (a library printing on the worker's output), a frame
	// cut short, a length past the bound
	for _, b := range [][]byte{
		[]byte("warning: something\n"),
		appendResponse(nil, &response{ID: 3, SummaryLen: 10})[:3],
		append(appendResponse(nil, &response{ID: 3, SummaryLen: 10}), "abc"...),
		{responseMagic, 0, 1, 0xff, 0xff, 0xff, 0xff, 0x7f, 0},
	} {
		var got response
		if err := readResponse(bufio.NewReader(bytes.NewReader(b)), &got); err == nil {
			t.Errorf("%q read as a response: %+v", b, got)
		}
	}
}
