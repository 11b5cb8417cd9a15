package batch

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"sync"
	"time"

	"github.com/govreport/govreport/output"
)

// StatePath is the journal kept beside an output: one short line per
// converted file, appended as each file is done, so that a rerun after an
// interruption converts only what is missing.
func StatePath(output string) string { return output + ".govreport-state.jsonl" }

// ResultsPath is the spool the journal's lines point into: each file's
// result (summary and report), compressed, appended once. The final
// writers read it back; the journal itself stays small.
func ResultsPath(output string) string { return output + ".govreport-results" }

// stateHeader is the first line of a state file. The summaries hold one
// value per flat column, so the header names the column list: a state file
// of a version with other columns, or of the first state format (which
// held whole reports), is started afresh.
var stateHeader = sync.OnceValue(func() string {
	return `{"govreport_convert_state":2,"schema":"govreport/1","columns":"` + output.ColumnsSignature() + `"}`
})

// entry is a file's result, keyed by the content's SHA-256: a report's
// summary (output.Summary) and, for the formats that write whole reports,
// the report itself; or why the file is not a report.
type entry struct {
	SHA256  string
	Path    string // where the content was first found; the report's source.path
	Summary json.RawMessage
	Report  json.RawMessage
	Error   *errInfo
}

// stateLine is one line of the journal: the file's hash, and either its
// error (with the file's name) or where its result lies in the spool (At,
// N: the compressed bytes, CRC their checksum; P, S and R the lengths of
// the name, the summary and the report once inflated). The name goes into
// the spool with the result: names can be long, and the line short.
type stateLine struct {
	SHA256 string   `json:"sha256"`
	Path   string   `json:"path,omitempty"`
	Error  *errInfo `json:"error,omitempty"`
	At     int64    `json:"at,omitempty"`
	N      int64    `json:"n,omitempty"`
	P      int64    `json:"p,omitempty"`
	S      int64    `json:"s,omitempty"`
	R      int64    `json:"r,omitempty"`
	CRC    uint32   `json:"crc,omitempty"`
}

type errInfo struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

// span is where a result lies in the spool.
type span struct {
	at, n            int64
	plen, slen, rlen int64
	crc              uint32
}

// journal is the state file and its spool. A result is appended to the
// spool before its line to the state file, each with one write, and both
// are synced in groups by a background goroutine: a kill leaves at most a
// torn last line and a result no line points to, which the next open cuts
// off; a crash of the machine loses at most the results of the last
// moments (a line whose result did not reach the disk fails its checksum),
// which are converted again.
type journal struct {
	f, spool  *os.File
	mu        sync.Mutex
	size      int64 // of the state file
	spoolSize int64
	idx       map[string]span
	errs      map[string]*errInfo
	dirty     chan struct{}
	closing   chan struct{}
	synced    chan struct{}
	unlock    func()
	// restarted says why an existing state file was set aside ("" when
	// it was taken up, or there was none).
	restarted string
}

var errLocked = errors.New("another conversion is writing this output (its state file is locked)")

// openJournal opens or creates the state file at path and its spool at
// spoolPath. With retryErrors, files recorded as errors are converted
// again.
func openJournal(path, spoolPath string, retryErrors bool) (*journal, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	unlock, err := lockFile(f)
	if err != nil {
		f.Close()
		return nil, errLocked
	}
	sp, err := os.OpenFile(spoolPath, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		unlock()
		f.Close()
		return nil, err
	}
	j := &journal{f: f, spool: sp, idx: map[string]span{}, errs: map[string]*errInfo{}, unlock: unlock,
		dirty: make(chan struct{}, 1), closing: make(chan struct{}), synced: make(chan struct{})}
	if err := j.load(retryErrors); err != nil {
		unlock()
		f.Close()
		sp.Close()
		return nil, fmt.Errorf("state file %s: %v", path, err)
	}
	go j.syncLoop()
	return j, nil
}

func (j *journal) load(retryErrors bool) error {
	st, err := j.spool.Stat()
	if err != nil {
		return err
	}
	spoolSize := st.Size()
	br := bufio.NewReaderSize(j.f, 1<<16)
	var off, end int64
	first := true
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			break // a last line without its newline was torn by a kill: cut it off
		}
		if err != nil {
			return err
		}
		n := int64(len(line))
		if first {
			first = false
			if !bytes.Equal(bytes.TrimSpace(line), []byte(stateHeader())) {
				if !bytes.HasPrefix(line, []byte(`{"govreport_convert_state":`)) {
					return fmt.Errorf("not a govreport convert state file (delete it, or use --fresh, to start over)")
				}
				// Written by a version with other columns or another
				// state format: start afresh.
				j.restarted = "it was written by another version of govreport"
				break
			}
			off += n
			continue
		}
		var l stateLine
		if json.Unmarshal(line, &l) == nil && l.SHA256 != "" {
			if l.Error != nil {
				delete(j.idx, l.SHA256)
				if !retryErrors {
					j.errs[l.SHA256] = l.Error
				}
			} else if sp := (span{l.At, l.N, l.P, l.S, l.R, l.CRC}); l.S > 0 && j.valid(sp, spoolSize) {
				delete(j.errs, l.SHA256)
				j.idx[l.SHA256] = sp
				end = max(end, l.At+l.N)
			}
		}
		off += n
	}
	if j.restarted != "" {
		off, end = 0, 0
	}
	if err := j.f.Truncate(off); err != nil {
		return err
	}
	if _, err := j.f.Seek(off, io.SeekStart); err != nil {
		return err
	}
	// Results past the last one a line points to were left by a kill
	// between the two writes.
	if err := j.spool.Truncate(end); err != nil {
		return err
	}
	j.size, j.spoolSize = off, end
	if off == 0 {
		return j.write([]byte(stateHeader() + "\n"))
	}
	return nil
}

// valid reports whether a result lies whole in the spool, with its
// checksum.
func (j *journal) valid(sp span, spoolSize int64) bool {
	if sp.at < 0 || sp.n <= 0 || sp.at+sp.n > spoolSize {
		return false
	}
	buf := make([]byte, sp.n)
	if _, err := j.spool.ReadAt(buf, sp.at); err != nil {
		return false
	}
	return crc32.ChecksumIEEE(buf) == sp.crc
}

func (j *journal) write(line []byte) error {
	n, err := j.f.Write(line)
	j.size += int64(n)
	return err
}

// syncLoop syncs the files after appends, at most five times a second: a
// machine crash loses at most the last 200 ms of results, which the next
// run reads again.
func (j *journal) syncLoop() {
	defer close(j.synced)
	for range j.dirty {
		j.spool.Sync()
		j.f.Sync()
		select {
		case <-j.closing:
			return
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// has reports whether the content is already converted (or recorded as
// not a report); with whole, an entry with only a summary does not count.
func (j *journal) has(sha string, whole bool) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	sp, ok := j.idx[sha]
	return ok && (sp.rlen > 0 || !whole) || j.errs[sha] != nil
}

// flaters are reused: a flate writer allocates its window each time.
var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// deflate compresses the summary and the report, one after the other.
func deflate(parts ...[]byte) ([]byte, error) {
	var buf bytes.Buffer
	w := flaters.Get().(*flate.Writer)
	defer flaters.Put(w)
	w.Reset(&buf)
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// add appends an entry: its result to the spool, then its line.
func (j *journal) add(e *entry) error {
	l := stateLine{SHA256: e.SHA256, Error: e.Error}
	var blob []byte
	if e.Error != nil {
		l.Path = e.Path
	} else {
		var err error
		if blob, err = deflate([]byte(e.Path), e.Summary, e.Report); err != nil {
			return err
		}
		l.N, l.CRC = int64(len(blob)), crc32.ChecksumIEEE(blob)
		l.P, l.S, l.R = int64(len(e.Path)), int64(len(e.Summary)), int64(len(e.Report))
	}
	j.mu.Lock()
	err := func() error {
		if blob != nil {
			l.At = j.spoolSize
			n, err := j.spool.WriteAt(blob, l.At)
			j.spoolSize += int64(n)
			if err != nil {
				return err
			}
		}
		line, err := json.Marshal(l)
		if err != nil {
			return err
		}
		if err := j.write(append(line, '\n')); err != nil {
			return err
		}
		if e.Error != nil {
			j.errs[e.SHA256] = e.Error
			delete(j.idx, e.SHA256)
		} else {
			j.idx[e.SHA256] = span{l.At, l.N, l.P, l.S, l.R, l.CRC}
			delete(j.errs, e.SHA256)
		}
		return nil
	}()
	j.mu.Unlock()
	select {
	case j.dirty <- struct{}{}:
	default:
	}
	return err
}

// get returns the recorded result for a content hash.
func (j *journal) get(sha string) (*entry, error) {
	j.mu.Lock()
	sp, ok := j.idx[sha]
	ei := j.errs[sha]
	j.mu.Unlock()
	if ei != nil {
		return &entry{SHA256: sha, Error: ei}, nil
	}
	if !ok {
		return nil, nil
	}
	blob := make([]byte, sp.n)
	if _, err := j.spool.ReadAt(blob, sp.at); err != nil {
		return nil, err
	}
	if crc32.ChecksumIEEE(blob) != sp.crc {
		return nil, fmt.Errorf("the result of content %s in %s is damaged", sha, j.spool.Name())
	}
	buf := make([]byte, sp.plen+sp.slen+sp.rlen)
	r := flate.NewReader(bytes.NewReader(blob))
	defer r.Close()
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, fmt.Errorf("the result of content %s in %s: %v", sha, j.spool.Name(), err)
	}
	e := &entry{SHA256: sha, Path: string(buf[:sp.plen])}
	buf = buf[sp.plen:]
	e.Summary = buf[:sp.slen:sp.slen]
	if sp.rlen > 0 {
		e.Report = buf[sp.slen:]
	}
	return e, nil
}

// close syncs and closes the file.
func (j *journal) close() error {
	close(j.closing)
	close(j.dirty)
	<-j.synced
	err := j.spool.Sync()
	if serr := j.f.Sync(); err == nil {
		err = serr
	}
	j.unlock()
	if cerr := j.spool.Close(); err == nil {
		err = cerr
	}
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	return err
}
