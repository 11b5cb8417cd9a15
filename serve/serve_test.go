package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/govreport/govreport/batch"
	"github.com/govreport/govreport/internal/scancorpus"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
)

// TestMain lets the test binary serve as a worker process.
func TestMain(m *testing.M) {
	if os.Getenv("GOVREPORT_SERVE_TEST_WORKER") == "1" {
		os.Exit(batch.WorkerMain(os.Args[2:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// newServer starts a workbench on a test server whose workers are this
// test binary.
func newServer(t *testing.T, o Options, env ...string) (*Server, *httptest.Server) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	o.WorkerArgv = []string{exe, "worker"}
	o.WorkerEnv = append(env, "GOVREPORT_SERVE_TEST_WORKER=1")
	if o.Workers == 0 {
		o.Workers = 2
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { ts.Close(); s.Close() })
	return s, ts
}

type part struct {
	name string // the file name the client sends
	data []byte
}

func corpusPart(t *testing.T, rel string) part {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "corpus", rel))
	if err != nil {
		t.Fatal(err)
	}
	return part{filepath.Base(rel), b}
}

func post(t *testing.T, url string, parts ...part) (*http.Response, []byte) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, p := range parts {
		w, err := mw.CreateFormFile("file", p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.data)
	}
	mw.Close()
	resp, err := http.Post(url+"/api/reports", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func results(t *testing.T, b []byte) []result {
	t.Helper()
	var rs []result
	if err := json.Unmarshal(b, &rs); err != nil {
		t.Fatalf("not an array of results: %v\n%s", err, b)
	}
	return rs
}

func apiErr(t *testing.T, b []byte) apiError {
	t.Helper()
	var e apiError
	if err := json.Unmarshal(b, &e); err != nil || e.Error.Message == "" {
		t.Fatalf("not a JSON error: %v\n%s", err, b)
	}
	return e
}

// Documents of every format are read by the workers into the very report
// the parser gives, kept under their file name, listed, served one by one
// and compared.
func TestUploadCorpusDocuments(t *testing.T) {
	_, ts := newServer(t, Options{})
	files := []string{"html/legacy-gb18030-2021-jianghuai-city-2024.html", "pdf/chromium-2021-nanpu-district-2022-bad-sums.pdf",
		"docx/gen-2021-qinglan-county-2023.docx", "compare/tabs-gulou-district-2023.txt"}
	var parts []part
	for _, f := range files {
		parts = append(parts, corpusPart(t, f))
	}
	resp, b := post(t, ts.URL, parts...)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, b)
	}
	rs := results(t, b)
	if len(rs) != len(files) {
		t.Fatalf("%d results for %d files", len(rs), len(files))
	}
	p := parser.New()
	for i, r := range rs {
		if r.Error != nil || r.Report == nil || r.ID == "" {
			t.Fatalf("%s: %+v", files[i], r.Error)
		}
		if r.File != filepath.Base(files[i]) || r.Report.Source.Path != r.File {
			t.Errorf("%s: file %q, source.path %q", files[i], r.File, r.Report.Source.Path)
		}
		want, err := p.ParseFile(filepath.Join("..", "corpus", files[i]))
		if err != nil {
			t.Fatal(err)
		}
		wa, _ := json.Marshal(want.Applications)
		ga, _ := json.Marshal(r.Report.Applications)
		wr, _ := json.Marshal(want.ReviewLitigation)
		gr, _ := json.Marshal(r.Report.ReviewLitigation)
		if !bytes.Equal(wa, ga) || !bytes.Equal(wr, gr) || len(want.Checks) != len(r.Report.Checks) {
			t.Errorf("%s: the workbench's report differs from the parser's", files[i])
		}
	}
	// The same document again is the same report.
	_, b = post(t, ts.URL, parts[0])
	if again := results(t, b); again[0].ID != rs[0].ID {
		t.Errorf("the same document got ids %s and %s", rs[0].ID, again[0].ID)
	}

	_, b = get(t, ts.URL+"/api/reports")
	var all []Held
	if err := json.Unmarshal(b, &all); err != nil || len(all) != len(files) {
		t.Fatalf("GET /api/reports: %d reports (%v)", len(all), err)
	}
	resp, b = get(t, ts.URL+"/api/reports/"+rs[1].ID)
	var one Held
	if err := json.Unmarshal(b, &one); err != nil || resp.StatusCode != 200 || one.ID != rs[1].ID || one.Report.Agency == nil {
		t.Fatalf("GET /api/reports/{id}: %d %v", resp.StatusCode, err)
	}

	ids := rs[0].ID + "," + rs[1].ID + "," + rs[3].ID
	resp, b = get(t, ts.URL+"/api/compare?format=json&ids="+ids)
	var cj compareJSON
	if err := json.Unmarshal(b, &cj); err != nil || resp.StatusCode != 200 {
		t.Fatalf("compare json: %d %v", resp.StatusCode, err)
	}
	if len(cj.Columns) != 3 || len(cj.Rows) < 20 {
		t.Errorf("compare json: %d columns, %d rows", len(cj.Columns), len(cj.Rows))
	}
	for _, c := range cj.Columns {
		if c.File == "" || strings.ContainsAny(c.File, `/\`) {
			t.Errorf("column %s: file %q", c.ID, c.File)
		}
	}
	resp, b = get(t, ts.URL+"/api/compare?format=csv&ids="+ids)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || !strings.Contains(string(b), "received,收到申请合计") {
		t.Errorf("compare csv: %d %s\n%.300s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	resp, b = get(t, ts.URL+"/api/compare?format=html&download=1&ids="+ids)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") || !strings.Contains(string(b), `<table class="compare">`) {
		t.Errorf("compare html: %d", resp.StatusCode)
	}
	for _, c := range []struct {
		url    string
		status int
	}{
		{"/api/reports/0000000000000000", 404},
		{"/api/compare?ids=0000000000000000", 404},
		{"/api/compare?ids=" + rs[0].ID + "&format=pdf", 400},
		{"/api/nothing", 404},
	} {
		resp, b := get(t, ts.URL+c.url)
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d", c.url, resp.StatusCode, c.status)
		}
		if e := apiErr(t, b); e.Error.Status != c.status {
			t.Errorf("%s: error says %d", c.url, e.Error.Status)
		}
	}
}

// The limits: a document over its size, an upload over its size or
// count, a body that is not multipart, no file part, a file that is not a
// report, a format not read. Each gets a JSON error with the status that
// says why, and the server keeps serving.
func TestUploadLimits(t *testing.T) {
	_, ts := newServer(t, Options{MaxFileBytes: 64 << 10, MaxFiles: 3, MaxRequestBytes: 512 << 10})
	good := corpusPart(t, "compare/tabs-pingtan-2021.txt")
	big := part{"big.txt", bytes.Repeat([]byte("一二三四五六七八九十\n"), 4000)} // 124 KB

	resp, b := post(t, ts.URL, big)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized document: status %d: %s", resp.StatusCode, b)
	}
	if rs := results(t, b); rs[0].Error == nil || rs[0].Error.Status != 413 || !strings.Contains(rs[0].Error.Reason, "64 KiB") {
		t.Errorf("oversized document: %s", b)
	}
	// One too large among good ones: the good one is read.
	resp, b = post(t, ts.URL, big, good)
	if rs := results(t, b); resp.StatusCode != 200 || rs[0].Error == nil || rs[1].Error != nil || rs[1].Report == nil {
		t.Errorf("mixed upload: %d %s", resp.StatusCode, b)
	}
	resp, b = post(t, ts.URL, good, good, good, good)
	if resp.StatusCode != 413 || !strings.Contains(apiErr(t, b).Error.Message, "more than 3") {
		t.Errorf("too many documents: %d %s", resp.StatusCode, b)
	}
	var many []part
	for i := range 8 {
		many = append(many, part{fmt.Sprintf("f%d.txt", i), bytes.Repeat([]byte("x"), 60<<10)})
	}
	resp, b = post(t, ts.URL, many[:3]...) // 180 KB: within the request limit
	if resp.StatusCode == 413 && apiErr(t, b).Error.Status == 413 && strings.Contains(string(b), "in all") {
		t.Errorf("an upload within the limits was refused: %s", b)
	}
	_, ts2 := newServer(t, Options{MaxFileBytes: 64 << 10, MaxFiles: 10, MaxRequestBytes: 256 << 10})
	resp, b = post(t, ts2.URL, many...) // 480 KB
	if resp.StatusCode != 413 || apiErr(t, b).Error.Status != 413 {
		t.Errorf("upload over the request limit: %d %s", resp.StatusCode, b)
	}

	resp, err := http.Post(ts.URL+"/api/reports", "application/pdf", bytes.NewReader(good.data))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("a body that is not multipart: %d", resp.StatusCode)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("note", "no file here")
	mw.Close()
	resp, err = http.Post(ts.URL+"/api/reports", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("no part named file: %d", resp.StatusCode)
	}

	resp, b = post(t, ts.URL, part{"notes.txt", []byte("今天开会，讨论了很多事情。\n明天继续。\n")})
	if rs := results(t, b); resp.StatusCode != 422 || rs[0].Error == nil || rs[0].Error.Kind != "not a report" {
		t.Errorf("not a report: %d %s", resp.StatusCode, b)
	}
	ole := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 2048)...)
	resp, b = post(t, ts.URL, part{"report.doc", ole})
	if rs := results(t, b); resp.StatusCode != 415 || rs[0].Error == nil || rs[0].Error.Kind != "unsupported format" {
		t.Errorf("legacy .doc: %d %s", resp.StatusCode, b)
	}
	// Still serving.
	resp, b = post(t, ts.URL, corpusPart(t, "compare/tabs-pingtan-2022.txt"))
	if resp.StatusCode != 200 {
		t.Errorf("after the refusals: %d %s", resp.StatusCode, b)
	}
}

// A file name is a name, never a path: whatever directories it carries
// are dropped, nothing is written anywhere, and no URL reaches a file
// outside the embedded assets.
func TestPathTraversal(t *testing.T) {
	dir := t.TempDir()
	inside := filepath.Join(dir, "served")
	os.MkdirAll(inside, 0o755)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	_, ts := newServer(t, Options{Folders: []string{inside}})
	docs := []string{"tabs-zhanhe-district-2023.txt", "tabs-pingtan-2019.txt", "tabs-pingtan-2020.txt", "tabs-pingtan-2021.txt", "tabs-pingtan-2022.txt"}
	for i, name := range []string{"../../../secret.txt", `..\..\secret.txt`, "/etc/passwd", "..", "a/../../b c.txt"} {
		resp, b := post(t, ts.URL, part{name, corpusPart(t, "compare/"+docs[i]).data})
		rs := results(t, b)
		if resp.StatusCode != 200 || rs[0].Report == nil {
			t.Fatalf("%q: %d %s", name, resp.StatusCode, b)
		}
		if strings.ContainsAny(rs[0].File, `/\`+"\x00") || rs[0].File == ".." || rs[0].Report.Source.Path != rs[0].File {
			t.Errorf("%q kept as %q", name, rs[0].File)
		}
	}
	// An encoded name (RFC 2231) is decoded, then reduced the same way.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename*=UTF-8''..%2F..%2Fsecret%E6%8A%A5%E5%91%8A.txt`)
	w, _ := mw.CreatePart(h)
	w.Write(corpusPart(t, "compare/tabs-pingtan-2023.txt").data)
	mw.Close()
	resp, err := http.Post(ts.URL+"/api/reports", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if rs := results(t, b); rs[0].File != "secret报告.txt" {
		t.Errorf("encoded name kept as %q", rs[0].File)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the upload wrote into the file system: %v", entries)
	}
	for _, u := range []string{"/assets/..%2fserve.go", "/assets/serve.go", "/assets/../serve.go", "/reports/..%2f..%2fsecret.txt",
		"/api/reports/..%2f..%2fsecret.txt", "/secret.txt", "/../secret.txt", "/served/../secret.txt"} {
		resp, b := get(t, ts.URL+u)
		if resp.StatusCode != 404 || bytes.Contains(b, []byte("secret")) && !bytes.Contains(b, []byte("secret.txt")) {
			t.Errorf("%s: status %d", u, resp.StatusCode)
		}
		if bytes.Contains(b, []byte("package serve")) {
			t.Errorf("%s served source", u)
		}
	}
}

// A document whose reading never ends costs one worker until its
// deadline; meanwhile the server reads other documents and answers, and
// the hanging one gets a clear error.
func TestHangingDocument(t *testing.T) {
	s, ts := newServer(t, Options{Workers: 2, Timeout: 2 * time.Second}, "GOVREPORT_WORKER_TEST_HANG=hangs-forever")
	hung := make(chan []byte, 1)
	status := make(chan int, 1)
	go func() {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		w, _ := mw.CreateFormFile("file", "hangs-forever.txt")
		w.Write([]byte("whatever"))
		mw.Close()
		resp, err := http.Post(ts.URL+"/api/reports", mw.FormDataContentType(), &body)
		if err != nil {
			hung <- []byte(err.Error())
			status <- 0
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		hung <- b
		status <- resp.StatusCode
	}()
	for s.status().Reading == 0 { // until the worker has it
		time.Sleep(10 * time.Millisecond)
	}
	resp, b := post(t, ts.URL, corpusPart(t, "compare/tabs-shuyang-county-2025.txt"))
	if resp.StatusCode != 200 {
		t.Fatalf("an upload beside a hanging one: %d %s", resp.StatusCode, b)
	}
	resp, _ = get(t, ts.URL+"/api/reports")
	if resp.StatusCode != 200 {
		t.Fatalf("GET /api/reports beside a hanging upload: %d", resp.StatusCode)
	}
	b = <-hung
	st := <-status
	rs := results(t, b)
	if st != 422 || rs[0].Error == nil || !strings.Contains(rs[0].Error.Reason, "took longer than 2s") {
		t.Errorf("the hanging document: %d %s", st, b)
	}
	resp, b = post(t, ts.URL, corpusPart(t, "compare/tabs-pingtan-2019.txt"))
	if resp.StatusCode != 200 {
		t.Errorf("after the hanging document: %d %s", resp.StatusCode, b)
	}
	if st := s.status(); st.Reading != 0 || st.Reports != 2 {
		t.Errorf("status after: %+v", st)
	}
}

// The report view: every number is a button carrying its provenance, the
// cells of a failed check are marked with the check, nulls say why, and
// the audit hook's findings mark their cells.
func TestReportPage(t *testing.T) {
	_, ts := newServer(t, Options{Findings: func(r *model.Report) []Finding {
		return []Finding{{Code: "test_finding", Severity: "warning", Message: "复议数字可疑", Fields: []string{"review_litigation.review.pending"}}}
	}})
	_, b := post(t, ts.URL, corpusPart(t, "compare/tabs-hongze-district-2023.txt"))
	rs := results(t, b)
	r := rs[0].Report
	resp, page := get(t, ts.URL+"/reports/"+rs[0].ID)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	buttons := doc.Find("button.val")
	cells := 0
	for _, tb := range []*model.Table{r.ActiveDisclosure, r.Applications, r.ReviewLitigation} {
		for _, row := range tb.Rows {
			cells += len(row.Cells)
		}
	}
	if n := buttons.Length(); n != cells || n < 150 {
		t.Errorf("%d numbers on the page, the report has %d", n, cells)
	}
	checked := 0
	buttons.Each(func(_ int, b *goquery.Selection) {
		path := b.AttrOr("data-path", "")
		p, ok := r.Provenance[path]
		if !ok {
			return
		}
		checked++
		if b.AttrOr("data-raw", "?") != p.Text || b.AttrOr("data-line", "") != fmt.Sprint(p.Line) {
			t.Errorf("%s: page says raw %q line %s, provenance %q line %d", path, b.AttrOr("data-raw", ""), b.AttrOr("data-line", ""), p.Text, p.Line)
		}
	})
	if checked < 100 {
		t.Errorf("only %d numbers carry a provenance", checked)
	}
	v, _ := r.Applications.Get("granted", "total")
	if got := doc.Find(`button[data-path="applications.granted.total"]`).Text(); got != fmt.Sprint(v) {
		t.Errorf("granted total shown %q, report %v", got, v)
	}
	bad := doc.Find(`td.v.bad button[data-path^="review_litigation.review."]`)
	if bad.Length() != 5 || !strings.Contains(bad.First().AttrOr("data-notes", ""), "行政复议") {
		t.Errorf("%d review cells marked for the failed check: %q", bad.Length(), bad.First().AttrOr("data-notes", ""))
	}
	if n := doc.Find(`td.v.bad button[data-path^="applications."]`).Length(); n != 0 {
		t.Errorf("%d cells of table 三 marked, the checks there pass", n)
	}
	if !strings.Contains(doc.Find(`button[data-path="review_litigation.review.pending"]`).AttrOr("data-notes", ""), "复议数字可疑") {
		t.Error("the finding is not on its cell")
	}
	if doc.Find("ul.findings li[data-code=test_finding]").Length() != 1 {
		t.Error("the finding is not listed")
	}
	if doc.Find("#prov").Length() != 1 || doc.Find(`script[src="/assets/app.js"]`).Length() != 1 {
		t.Error("no provenance panel or script")
	}
}

// Whatever a file name or a document holds is escaped on every page.
func TestPagesEscape(t *testing.T) {
	_, ts := newServer(t, Options{})
	name := `<img src=x onerror=alert(1)>.txt`
	resp, b := post(t, ts.URL, part{name, corpusPart(t, "compare/tabs-pingtan-2020.txt").data})
	rs := results(t, b)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	for _, u := range []string{"/", "/reports/" + rs[0].ID, "/compare"} {
		_, page := get(t, ts.URL+u)
		if bytes.Contains(page, []byte("<img src=x")) {
			t.Errorf("%s: the file name is not escaped", u)
		}
		if !bytes.Contains(page, []byte("&lt;img src=x onerror=alert(1)&gt;.txt")) {
			t.Errorf("%s: the file name is not shown", u)
		}
	}
	_, page := get(t, ts.URL+"/compare")
	if !bytes.Contains(page, []byte(`id="download-csv"`)) || !bytes.Contains(page, []byte(`href="/reports/`+rs[0].ID+`"`)) {
		t.Error("the comparison page lacks its links")
	}
}

// The folders given are read at start (documents and the reports of JSON
// files; other files are listed as not read); the home page lists them
// with a region tree and the years to pick from.
func TestFolderAndRegionTree(t *testing.T) {
	s, ts := newServer(t, Options{Folders: []string{"../corpus/compare"}})
	for st := s.status(); st.Folder.Done < st.Folder.Total; st = s.status() {
		time.Sleep(20 * time.Millisecond)
	}
	docs, _ := filepath.Glob("../corpus/compare/*.txt")
	if st := s.status(); st.Reports != len(docs) || st.Failures != 1 { // README.md
		t.Fatalf("status %+v for %d documents", st, len(docs))
	}
	_, page := get(t, ts.URL+"/")
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if n := doc.Find("#report-list tbody tr").Length(); n != len(docs) {
		t.Errorf("%d reports listed", n)
	}
	js := doc.Find(`input.region[value="320000"]`).Parent()
	if !strings.Contains(js.Text(), "江苏省（2）") {
		t.Errorf("江苏省 in the tree: %q", js.Text())
	}
	if n := doc.Find(`#report-list tr[data-regions~="320000"]`).Length(); n != 2 {
		t.Errorf("%d reports under 江苏省", n)
	}
	if n := doc.Find("input.year").Length(); n < 5 {
		t.Errorf("%d years to pick", n)
	}
	if !strings.Contains(doc.Find("#failures").Text(), "README.md") {
		t.Error("the file that is not a report is not listed")
	}
}

// Another site cannot use the workbench through the reader's browser: a
// page posting from elsewhere is refused, and so is a host name that
// resolves to 127.0.0.1 (DNS rebinding).
func TestForeignSitesRefused(t *testing.T) {
	_, ts := newServer(t, Options{})
	doc := corpusPart(t, "compare/tabs-pingtan-2019.txt")
	upload := func(origin, host string) (int, []byte) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		w, _ := mw.CreateFormFile("file", doc.name)
		w.Write(doc.data)
		mw.Close()
		req, _ := http.NewRequest("POST", ts.URL+"/api/reports", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if host != "" {
			req.Host = host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	if st, b := upload("http://evil.example", ""); st != 403 || apiErr(t, b).Error.Status != 403 {
		t.Errorf("a post from another site: %d %s", st, b)
	}
	if st, b := upload("", "evil.example:8080"); st != 403 {
		t.Errorf("a rebound host name: %d %s", st, b)
	}
	if st, b := upload(ts.URL, ""); st != 200 {
		t.Errorf("a post from the workbench's own page: %d %s", st, b)
	}
	if st, b := upload("", "localhost:1"); st != 200 {
		t.Errorf("localhost: %d %s", st, b)
	}
}

// The text around a number: the document's lines near the provenance
// line hold the number as printed, for an upload (kept in memory) and for
// a served folder's file (read again from its recorded path).
func TestLinesAroundANumber(t *testing.T) {
	s, ts := newServer(t, Options{Folders: []string{"../corpus/compare"}})
	for st := s.status(); st.Folder.Done < st.Folder.Total; st = s.status() {
		time.Sleep(20 * time.Millisecond)
	}
	_, b := post(t, ts.URL, corpusPart(t, "pdf/chromium-2021-nanpu-district-2022-bad-sums.pdf"))
	up := results(t, b)[0]
	var folder *Held
	for _, h := range s.all() {
		if h.File == "tabs-shuyang-county-2025.txt" {
			folder = h
		}
	}
	if folder == nil || up.Report == nil {
		t.Fatal("missing reports")
	}
	for _, h := range []*Held{{ID: up.ID, Report: up.Report}, folder} {
		n := 0
		for path, p := range h.Report.Provenance {
			if p.Text == "" || !strings.HasPrefix(path, "applications.") {
				continue
			}
			resp, b := get(t, fmt.Sprintf("%s/api/reports/%s/lines?line=%d&around=2", ts.URL, h.ID, p.Line))
			var res struct {
				Lines []ctxLine `json:"lines"`
			}
			if err := json.Unmarshal(b, &res); err != nil || resp.StatusCode != 200 {
				t.Fatalf("%s: %d %s", path, resp.StatusCode, b)
			}
			found := false
			for _, l := range res.Lines {
				if l.Line < p.Line-2 || l.Line > p.Line+2 {
					t.Errorf("%s: line %d outside %d±2", path, l.Line, p.Line)
				}
				if l.Line == p.Line && l.Page == p.Page && strings.Contains(l.Text, p.Text) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: %q not on line %d:%d of %v", path, p.Text, p.Page, p.Line, res.Lines)
			}
			if n++; n == 20 {
				break
			}
		}
	}
	for _, c := range []struct {
		url    string
		status int
	}{
		{"/api/reports/" + up.ID + "/lines?line=x", 400},
		{"/api/reports/" + up.ID + "/lines?line=3&around=500", 400},
		{"/api/reports/0000000000000000/lines?line=3", 404},
	} {
		if resp, b := get(t, ts.URL+c.url); resp.StatusCode != c.status || apiErr(t, b).Error.Status != c.status {
			t.Errorf("%s: %d", c.url, resp.StatusCode)
		}
	}
}

// The upload form works without script: one document leads to its
// report, several to a page of results.
func TestUploadFormWithoutScript(t *testing.T) {
	_, ts := newServer(t, Options{})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	send := func(parts ...part) (*http.Response, []byte) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for _, p := range parts {
			w, _ := mw.CreateFormFile("file", p.name)
			w.Write(p.data)
		}
		mw.Close()
		resp, err := client.Post(ts.URL+"/upload", mw.FormDataContentType(), &body)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	resp, _ := send(corpusPart(t, "compare/tabs-pingtan-2021.txt"))
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/reports/") {
		t.Errorf("one document: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, b := send(corpusPart(t, "compare/tabs-pingtan-2022.txt"), part{"notes.txt", []byte("会议记录\n")})
	if resp.StatusCode != 200 || !bytes.Contains(b, []byte("查看报告")) || !bytes.Contains(b, []byte("不是政府信息公开工作年度报告")) {
		t.Errorf("two documents: %d\n%s", resp.StatusCode, b)
	}
}

// Without a hook, the report view lists the audit's findings that the
// parser put in the report and marks the cells of their evidence: the
// hybrid Hongze report (2023, table 三 in the 2019 tables) is outdated.
func TestReportPageShowsTheAuditsFindings(t *testing.T) {
	_, ts := newServer(t, Options{})
	_, b := post(t, ts.URL, corpusPart(t, "compare/tabs-hongze-district-2023.txt"))
	rs := results(t, b)
	if len(rs[0].Report.Findings) == 0 {
		t.Fatal("the report carries no findings: not a test of showing them")
	}
	_, page := get(t, ts.URL+"/reports/"+rs[0].ID)
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rs[0].Report.Findings {
		if doc.Find(`ul.findings li[data-code="`+f.Rule+`"]`).Length() == 0 {
			t.Errorf("finding %s (%s) not listed", f.Rule, f.Message)
		}
	}
	if !strings.Contains(doc.Find(`button[data-path="review_litigation.review.total"]`).AttrOr("data-notes", ""), "行政复议") {
		t.Error("the arithmetic finding on 行政复议 总计 is not on its cell")
	}
}

// A scanned report dropped on the workbench is read by OCR in its worker
// (where Tesseract is installed), as parse and convert read it.
func TestUploadScannedReport(t *testing.T) {
	if _, err := exec.LookPath("tesseract"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tesseract is not installed (.ci/run installs tesseract-ocr tesseract-ocr-chi-sim)")
		}
		t.Skip("tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is needed to make the scan")
	}
	s, err := scancorpus.Make(filepath.Join("..", "corpus", "pdf", "gowriter-repeated-header-2021-qinglan-county-2023.pdf"), 200, 75, 1)
	if err != nil {
		t.Fatal(err)
	}
	_, ts := newServer(t, Options{Timeout: 5 * time.Minute})
	resp, b := post(t, ts.URL, part{"scan.pdf", s.PDF})
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, b)
	}
	rs := results(t, b)
	if len(rs) != 1 || rs[0].Report == nil {
		t.Fatalf("the scan was not read: %s", b)
	}
	ocr := 0
	for _, p := range rs[0].Report.Provenance {
		if p.Method == "ocr" {
			ocr++
		}
	}
	if ocr < 100 {
		t.Errorf("%d values read by OCR", ocr)
	}
	// --ocr never reaches the workers: the scan is then said to be one.
	_, ts = newServer(t, Options{OCR: parser.OCRSettings{Mode: parser.OCRNever}})
	_, b = post(t, ts.URL, part{"scan.pdf", s.PDF})
	if !strings.Contains(string(b), `"kind":"scanned"`) {
		t.Errorf("with OCR off, the scan: %s", b)
	}
}
