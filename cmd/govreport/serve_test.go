package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestServeUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"help"}, nil, &out, &errb); code != 0 || !strings.Contains(out.String(), "govreport serve") {
		t.Errorf("help does not name serve: %d %q", code, out.String())
	}
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"serve", "-h"}, 0, "127.0.0.1:8080"},
		{[]string{"serve", "--max-file", "lots"}, 2, "--max-file"},
		{[]string{"serve", "--max-memory", "x"}, 2, "--max-memory"},
		{[]string{"serve", "/no/such/folder"}, 1, "no such file"},
		{[]string{"serve", "--addr", "256.0.0.1:1"}, 1, "256.0.0.1"},
	} {
		out.Reset()
		errb.Reset()
		// Help goes to standard output, errors to standard error.
		if code := run(c.args, nil, &out, &errb); code != c.code || !strings.Contains(out.String()+errb.String(), c.says) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.args, code, out.String(), errb.String())
		}
	}
}
