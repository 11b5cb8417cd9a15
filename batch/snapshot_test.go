package batch

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file that changes between the parent's hashing and the worker's
// parsing (here the worker's start rewrites it) is parsed as hashed: the
// report stored under a content's hash is that content's report.
func TestWorkerParsesTheBytesHashed(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "a.txt")
	put(t, in, corpusFile(t, "text/tabs-2021-qinglan-county-2023.txt"))
	other := filepath.Join(dir, "b.html")
	put(t, other, corpusFile(t, "html/portal-2021-hailan-zone-2025.html"))
	o := workerOptions(t, "CHANGE_FROM="+other, "CHANGE_TO="+in)
	o.WorkerArgv = append([]string{"/bin/sh", "-c", `cp "$CHANGE_FROM" "$CHANGE_TO" && exec "$@"`, "sh"}, o.WorkerArgv...)
	o.Inputs, o.Output, o.Jobs = []string{filepath.Dir(in)}, filepath.Join(dir, "out.jsonl"), 1
	if _, err := Run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Agency string `json:"agency"`
		Source struct {
			SHA256 string `json:"sha256"`
			Format string `json:"format"`
		} `json:"source"`
	}
	b, _ := os.ReadFile(o.Output)
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	if r.Source.Format != "text" || !strings.Contains(r.Agency, "青岚") {
		t.Errorf("the report of the hashed content is %s %q, another content's", r.Source.Format, r.Agency)
	}
}
