package serve

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const chromiumBin = "/usr/bin/chromium"

// chromium returns the browser, skipping the test on a machine without it
// unless CI is set (CI installs it with scripts/ci/install-chromium.sh).
func chromium(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(chromiumBin); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set and %s is missing: run scripts/ci/install-chromium.sh first", chromiumBin)
		}
		t.Skipf("%s not installed: the workbench is not tested in a browser (scripts/ci/install-chromium.sh installs it)", chromiumBin)
	}
	return chromiumBin
}

// browser drives headless Chromium over the DevTools protocol on a pipe
// (--remote-debugging-pipe: commands on fd 3, answers on fd 4, each JSON
// message ended by a NUL byte), with the standard library only.
type browser struct {
	t       *testing.T
	ctx     context.Context
	cmd     *exec.Cmd
	w       io.WriteCloser
	mu      sync.Mutex
	next    int
	waiting map[int]chan cdpMsg
	session string
}

type cdpMsg struct {
	ID     int             `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

func startBrowser(t *testing.T, ctx context.Context, bin string) *browser {
	t.Helper()
	toBrowser, cmdIn, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmdOut, fromBrowser, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions", "--window-size=1280,1000",
		"--remote-debugging-pipe", "--user-data-dir="+t.TempDir(), "about:blank")
	cmd.ExtraFiles = []*os.File{toBrowser, fromBrowser}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	toBrowser.Close()
	fromBrowser.Close()
	b := &browser{t: t, ctx: ctx, cmd: cmd, w: cmdIn, waiting: map[int]chan cdpMsg{}}
	go func() {
		r := bufio.NewReader(cmdOut)
		for {
			line, err := r.ReadBytes(0)
			if err != nil {
				return
			}
			var m cdpMsg
			if json.Unmarshal(line[:len(line)-1], &m) != nil || m.ID == 0 {
				continue // an event: the test polls the page instead
			}
			b.mu.Lock()
			ch := b.waiting[m.ID]
			delete(b.waiting, m.ID)
			b.mu.Unlock()
			if ch != nil {
				ch <- m
			}
		}
	}()
	t.Cleanup(func() {
		cmdIn.Close()
		cmd.Process.Kill()
		cmd.Wait()
	})
	return b
}

// call sends a command (to the page's session unless browserLevel) and
// decodes its result into out.
func (b *browser) call(browserLevel bool, method string, params any, out any) error {
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan cdpMsg, 1)
	b.waiting[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method, "params": params}
	if !browserLevel && b.session != "" {
		msg["sessionId"] = b.session
	}
	data, _ := json.Marshal(msg)
	if _, err := b.w.Write(append(data, 0)); err != nil {
		return err
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if out != nil {
			return json.Unmarshal(m.Result, out)
		}
		return nil
	case <-b.ctx.Done():
		return fmt.Errorf("%s: %v", method, b.ctx.Err())
	}
}

func (b *browser) must(browserLevel bool, method string, params any, out any) {
	b.t.Helper()
	if err := b.call(browserLevel, method, params, out); err != nil {
		b.t.Fatal(err)
	}
}

// eval runs JavaScript in the page and decodes its value.
func (b *browser) eval(js string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		Exception *struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	if err := b.call(false, "Runtime.evaluate", map[string]any{"expression": js, "returnByValue": true, "awaitPromise": true}, &res); err != nil {
		return err
	}
	if res.Exception != nil {
		return fmt.Errorf("%s: %s", js, res.Exception.Text)
	}
	if out != nil {
		return json.Unmarshal(res.Result.Value, out)
	}
	return nil
}

func (b *browser) value(js string, out any) {
	b.t.Helper()
	if err := b.eval(js, out); err != nil {
		b.t.Fatal(err)
	}
}

// waitFor polls until the expression is true (a page loading in between
// is no error); the test's deadline bounds it.
func (b *browser) waitFor(what, js string) {
	b.t.Helper()
	for {
		var ok bool
		if b.eval(js, &ok) == nil && ok {
			return
		}
		select {
		case <-b.ctx.Done():
			b.t.Fatalf("waiting for %s: %v", what, b.ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// TestWorkbenchInChromium uses the workbench as a journalist would: it
// uploads corpus documents through the file chooser, opens a report,
// clicks a number and reads its provenance, opens the comparison, sorts
// and filters it, and downloads the CSV.
func TestWorkbenchInChromium(t *testing.T) {
	bin := chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	s, ts := newServer(t, Options{})
	b := startBrowser(t, ctx, bin)

	var target struct {
		TargetID string `json:"targetId"`
	}
	b.must(true, "Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var att struct {
		SessionID string `json:"sessionId"`
	}
	b.must(true, "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att)
	b.session = att.SessionID
	downloads := t.TempDir()
	b.must(true, "Browser.setDownloadBehavior", map[string]any{"behavior": "allow", "downloadPath": downloads}, nil)
	b.must(false, "Page.enable", map[string]any{}, nil)
	b.must(false, "Page.navigate", map[string]any{"url": ts.URL + "/"}, nil)
	b.waitFor("the upload page", `document.readyState==="complete" && !!document.querySelector("#file-input")`)

	// Upload through the file chooser, several at once.
	var files []string
	for _, f := range []string{"tabs-gulou-district-2022.txt", "tabs-gulou-district-2023.txt", "tabs-hongze-district-2023.txt",
		"tabs-shuyang-county-2025.txt", "tabs-zhanhe-district-2023.txt"} {
		p, err := filepath.Abs(filepath.Join("..", "corpus", "compare", f))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	var doc struct {
		Root struct {
			NodeID int `json:"nodeId"`
		} `json:"root"`
	}
	b.must(false, "DOM.getDocument", map[string]any{}, &doc)
	var node struct {
		NodeID int `json:"nodeId"`
	}
	b.must(false, "DOM.querySelector", map[string]any{"nodeId": doc.Root.NodeID, "selector": "#file-input"}, &node)
	b.must(false, "DOM.setFileInputFiles", map[string]any{"nodeId": node.NodeID, "files": files}, nil)
	// The page reloads itself once the uploads are read: wait for the
	// reloaded page's script too (its rows can be there before it ran, and
	// ticking a box then picks nothing).
	b.waitFor("the list of uploaded reports", fmt.Sprintf(`document.readyState==="complete" && document.querySelectorAll("#report-list tbody tr").length===%d`, len(files)))
	if st := s.status(); st.Reports != len(files) {
		t.Fatalf("the server holds %d reports", st.Reports)
	}

	// Years and the region tree pick the reports to compare.
	var picked []int
	b.value(`(function(){function n(){return document.querySelectorAll("input.pick:checked").length}
function tick(sel,on){var c=document.querySelector(sel);c.checked=on;c.dispatchEvent(new Event("change"))}
var out=[];tick('input.year[value="2023"]',true);out.push(n());tick('input.region[value="320000"]',true);out.push(n());
tick('input.year[value="2023"]',false);out.push(n());tick('input.region[value="320000"]',false);out.push(n());return out})()`, &picked)
	if fmt.Sprint(picked) != "[3 1 2 0]" { // 2023: 鼓楼区, 洪泽区, 湛河区; 江苏省: 洪泽区 2023, 沭阳县 2025
		t.Errorf("picked by year, region and both: %v", picked)
	}

	// Open 洪泽区's report and click a number of its failed check.
	b.value(`(function(){var a=[].slice.call(document.querySelectorAll("#report-list a.open")).filter(function(a){return a.textContent.indexOf("洪泽区")>=0})[0];a.click();return true})()`, nil)
	b.waitFor("the report view", `document.readyState==="complete" && !!document.querySelector("main.report")`)
	var id string
	b.value(`document.querySelector("main.report").getAttribute("data-id")`, &id)
	h := s.get(id)
	if h == nil {
		t.Fatalf("the page shows report %q, which the server does not hold", id)
	}
	for _, path := range []string{"applications.new_requests.natural_person", "review_litigation.review.total"} {
		var got struct {
			Hidden            bool
			Raw, Where, Notes string
			Bad               bool
		}
		b.value(fmt.Sprintf(`(function(){var b=document.querySelector('button[data-path="%s"]');b.click();var p=document.getElementById("prov");
return {Hidden:p.hidden,Raw:document.getElementById("prov-raw").textContent,Where:document.getElementById("prov-where").textContent,
Notes:document.getElementById("prov-notes").textContent,Bad:b.parentNode.classList.contains("bad")}})()`, path), &got)
		p := h.Report.Provenance[path]
		if got.Hidden || got.Raw != p.Text || !strings.Contains(got.Where, "第 "+strconv.Itoa(p.Line)+" 行") {
			t.Errorf("%s: the panel shows %+v; provenance %+v", path, got, p)
		}
		b.waitFor("the lines around "+path, fmt.Sprintf(`document.getElementById("prov-context").getAttribute("data-line")==="%d"`, p.Line))
		var here string
		b.value(`document.querySelector("#prov-context tr.here").textContent`, &here)
		if !strings.Contains(here, p.Text) || !strings.HasPrefix(here, strconv.Itoa(p.Line)) {
			t.Errorf("%s: the line around shows %q, provenance %+v", path, here, p)
		}
		if strings.HasPrefix(path, "review") != got.Bad || got.Bad && !strings.Contains(got.Notes, "行政复议") {
			t.Errorf("%s: marked %v, notes %q", path, got.Bad, got.Notes)
		}
	}

	b.screenshot("govreport-workbench-report.png")

	// The comparison: one column per report, charts drawn.
	b.value(`document.querySelector('nav.top a[href="/compare"]').click()`, nil)
	b.waitFor("the comparison", `document.readyState==="complete" && !!document.querySelector("table.compare") && document.body.hasAttribute("data-bars-drawn")`)
	var cols, bars int
	b.value(`document.querySelectorAll("table.compare thead th[data-col]").length`, &cols)
	b.value(`+document.body.getAttribute("data-bars-drawn")`, &bars)
	if cols != len(files) || bars < 20 {
		t.Errorf("%d columns, %d bars drawn", cols, bars)
	}
	// Sort by requests received: the values in order, both ways.
	row := func() []float64 {
		var vs []float64
		b.value(`[].slice.call(document.querySelectorAll('table.compare tr[data-row="received"] td[data-col]')).map(function(td){return parseFloat(td.getAttribute("data-value"))})`, &vs)
		return vs
	}
	before := row()
	b.value(`document.querySelector('tr[data-row="received"] button.sort').click()`, nil)
	asc := row()
	if !sort.Float64sAreSorted(asc) || len(asc) != len(files) {
		t.Errorf("sorted up: %v (before %v)", asc, before)
	}
	b.value(`document.querySelector('tr[data-row="received"] button.sort').click()`, nil)
	desc := row()
	for i := 1; i < len(desc); i++ {
		if desc[i] > desc[i-1] {
			t.Errorf("sorted down: %v", desc)
			break
		}
	}
	// Whole columns move: every row's cells follow the sorted one.
	var moved bool
	b.value(`(function(){var rows=[].slice.call(document.querySelectorAll("table.compare tbody tr"));var ref=[].slice.call(rows[0].querySelectorAll("td[data-col]")).map(function(td){return td.getAttribute("data-col")}).join();
return rows.every(function(r){return [].slice.call(r.querySelectorAll("td[data-col]")).map(function(td){return td.getAttribute("data-col")}).join()===ref})})()`, &moved)
	if !moved {
		t.Error("sorting did not move whole columns")
	}
	var shown int
	b.value(`(function(){var e=document.getElementById("filter-cols");e.value="鼓楼";e.dispatchEvent(new Event("input"));return +document.querySelector("table.compare").getAttribute("data-shown")})()`, &shown)
	if shown != 2 {
		t.Errorf("filtering 鼓楼 shows %d columns, want 2", shown)
	}

	// Download the CSV.
	b.value(`document.getElementById("download-csv").click()`, nil)
	var csvPath string
	for csvPath == "" {
		ms, _ := filepath.Glob(filepath.Join(downloads, "*.csv"))
		if len(ms) > 0 {
			csvPath = ms[0]
			break
		}
		select {
		case <-ctx.Done():
			t.Fatal("the CSV was not downloaded")
		case <-time.After(100 * time.Millisecond):
		}
	}
	data, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
	if err != nil || len(recs) < 20 || len(recs[0]) != 2+len(files) {
		t.Fatalf("downloaded CSV: %d records, %v", len(recs), err)
	}
	for _, r := range recs {
		if r[0] == "received" {
			var got []float64
			for _, c := range r[2:] {
				v, _ := strconv.ParseFloat(c, 64)
				got = append(got, v)
			}
			sort.Float64s(got)
			if fmt.Sprint(got) != fmt.Sprint(asc) {
				t.Errorf("CSV received %v, page %v", got, asc)
			}
		}
	}

	b.screenshot("govreport-workbench.png")

	// Printed (A4 landscape less its margins, 277 mm ≈ 1047 px): the
	// screen table gives way to parts that each fit the page's width
	// and together hold every report.
	b.must(false, "Emulation.setDeviceMetricsOverride", map[string]any{"width": 1047, "height": 740, "deviceScaleFactor": 1, "mobile": false}, nil)
	b.must(false, "Emulation.setEmulatedMedia", map[string]any{"media": "print"}, nil)
	var printed struct {
		ScreenShown bool
		Parts, Cols int
		Widest      float64
	}
	b.value(`(function(){var ps=[].slice.call(document.querySelectorAll("table.print"));return {ScreenShown:document.querySelector("table.compare").offsetParent!==null,
Parts:ps.filter(function(p){return p.offsetParent!==null}).length,
Cols:ps.reduce(function(n,p){return n+p.querySelectorAll("thead th").length-1},0),
Widest:Math.max.apply(null,ps.map(function(p){return p.getBoundingClientRect().width}))}})()`, &printed)
	if printed.ScreenShown || printed.Parts < 1 || printed.Cols != len(files) || printed.Widest > 1047 {
		t.Errorf("printed: %+v", printed)
	}
}

// screenshot saves the page as a PNG in the temporary folder, for a
// person to look at; the test itself reads the DOM.
func (b *browser) screenshot(name string) {
	b.t.Helper()
	var shot struct {
		Data string `json:"data"`
	}
	b.must(false, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	png, _ := base64.StdEncoding.DecodeString(shot.Data)
	if !strings.HasPrefix(string(png), "\x89PNG") {
		b.t.Errorf("%s: not a PNG", name)
		return
	}
	out := filepath.Join(os.TempDir(), name)
	if err := os.WriteFile(out, png, 0o644); err == nil {
		b.t.Logf("screenshot: %s", out)
	}
}
