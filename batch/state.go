package batch

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"sync"
	"time"

	"github.com/govreport/govreport/internal/lazy"
	"github.com/govreport/govreport/output"
)

// StatePath is the state file kept beside an output: one header line that
// names the version of the results spool beside it (ResultsPath), and the
// lock that keeps two conversions of one output apart. What each file
// gave is in the spool; the state file does not grow with the files.
func StatePath(output string) string { return output + ".govreport-state.jsonl" }

// ResultsPath is the spool of results: one record per converted content,
// appended as each file is done, so that a rerun after an interruption
// converts only what is missing. The final writers read it back.
func ResultsPath(output string) string { return output + ".govreport-results" }

// stateHeader is the state file. The summaries hold one value per flat
// column, so the header names the column list: a state file of a version
// with other columns, or of an earlier state format (whole reports in the
// state file, then one line per file there), is started afresh.
var stateHeaderV lazy.Value[string]

func stateHeader() string {
	return stateHeaderV.Get(func() string {
		return `{"govreport_convert_state":3,"schema":"govreport/1","columns":"` + output.ColumnsSignature() + `"}`
	})
}

// entry is a file's result, keyed by the content's SHA-256: a report's
// summary (output.Summary) and, for the formats that write whole reports,
// the report itself; or why the file is not a report. A worker may send
// the result already compressed (Packed, with the lengths of the name, the
// summary and the report it inflates to) instead of Summary and Report.
type entry struct {
	SHA256  string
	Path    string // where the content was first found; the report's source.path
	Summary json.RawMessage
	Report  json.RawMessage
	Error   *errInfo

	Packed     []byte
	plen, slen int
	rlen       int
}

type errInfo struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

// A record of the spool is
//
//	uvarint(len(body)) body crc32(body) (4 bytes, little-endian)
//	body: kind ('R' a result, 'E' an error), the SHA-256 (32 bytes),
//	      uvarint name length, uvarint summary length, uvarint report length,
//	      then the payload
//
// A result's payload is the name, the summary and the report compressed
// together (the lengths are those once inflated); an error's is the name
// and the error as JSON, as they are (an error says why in words: the
// spool can be searched for it). Each record is one write; a kill leaves
// at most a torn last record, which the next open cuts off, as it cuts off
// everything from a record that fails its checksum (a machine crash before
// the record reached the disk): those files are converted again.
const (
	kindResult = 'R'
	kindError  = 'E'
	maxRecord  = 1 << 31 // a body longer than this is damage, not a record
)

// span is where a result lies in the spool: its body, and the payload's
// start within it.
type span struct {
	at, n            int64
	payload          int
	plen, slen, rlen int64
}

// journal is the state file and its spool. The spool is synced by a
// background goroutine: a crash of the machine loses at most the results
// of the last moments, which are converted again.
type journal struct {
	f, spool  *os.File
	mu        sync.Mutex
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
	line, err := bufio.NewReader(j.f).ReadBytes('\n')
	if err != nil && err != io.EOF {
		return err
	}
	fresh := len(line) == 0
	if !fresh && !bytes.Equal(bytes.TrimSpace(line), []byte(stateHeader())) {
		if !bytes.HasPrefix(line, []byte(`{"govreport_convert_state":`)) {
			return fmt.Errorf("not a govreport convert state file (delete it, or use --fresh, to start over)")
		}
		// Written by a version with other columns or another state
		// format: start afresh.
		j.restarted = "it was written by another version of govreport"
		fresh = true
	}
	if fresh {
		if err := j.spool.Truncate(0); err != nil {
			return err
		}
		if err := j.f.Truncate(0); err != nil {
			return err
		}
		if _, err := j.f.WriteAt([]byte(stateHeader()+"\n"), 0); err != nil {
			return err
		}
		return nil
	}
	if _, err := j.spool.Seek(0, io.SeekStart); err != nil {
		return err
	}
	end, err := scanSpool(j.spool, func(kind byte, sha string, sp span, body []byte) {
		switch kind {
		case kindError:
			delete(j.idx, sha)
			if ei := errorOf(body, sp); ei != nil && !retryErrors {
				j.errs[sha] = ei
			}
		case kindResult:
			delete(j.errs, sha)
			j.idx[sha] = sp
		}
	})
	if err != nil {
		return err
	}
	// Past end lies a record torn by a kill, or one that never reached
	// the disk whole: cut it off.
	if err := j.spool.Truncate(end); err != nil {
		return err
	}
	j.spoolSize = end
	return nil
}

// scanSpool reads the records of a spool from its start and calls fn for
// each whole one; it returns where the whole records end.
func scanSpool(r io.Reader, fn func(kind byte, sha string, sp span, body []byte)) (int64, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var off int64
	var body []byte
	for {
		n, err := binary.ReadUvarint(br)
		if err != nil || n < 1+32+3 || n > maxRecord {
			return off, nil
		}
		head := int64(uvarintLen(n))
		if int64(cap(body)) < int64(n)+4 {
			body = make([]byte, n+4)
		}
		body = body[:n+4]
		if _, err := io.ReadFull(br, body); err != nil {
			return off, nil
		}
		if crc32.ChecksumIEEE(body[:n]) != binary.LittleEndian.Uint32(body[n:]) {
			return off, nil
		}
		sp, ok := parseBody(body[:n])
		if !ok {
			return off, nil
		}
		sp.at, sp.n = off+head, int64(n)
		fn(body[0], hex.EncodeToString(body[1:33]), sp, body[:n])
		off += head + int64(n) + 4
	}
}

func uvarintLen(n uint64) int {
	var b [binary.MaxVarintLen64]byte
	return binary.PutUvarint(b[:], n)
}

// parseBody reads the kind and lengths at the head of a record's body.
func parseBody(body []byte) (span, bool) {
	if body[0] != kindResult && body[0] != kindError {
		return span{}, false
	}
	rest := body[33:]
	var lens [3]int64
	for i := range lens {
		v, k := binary.Uvarint(rest)
		if k <= 0 || v > maxRecord {
			return span{}, false
		}
		lens[i], rest = int64(v), rest[k:]
	}
	sp := span{payload: len(body) - len(rest), plen: lens[0], slen: lens[1], rlen: lens[2]}
	if body[0] == kindResult && sp.slen == 0 || body[0] == kindError && int64(len(rest)) != sp.plen+sp.slen {
		return span{}, false
	}
	return sp, true
}

// errorOf is the error a record's body holds (nil if it does not parse).
func errorOf(body []byte, sp span) *errInfo {
	var ei errInfo
	if json.Unmarshal(body[sp.payload+int(sp.plen):], &ei) != nil || ei.Kind == "" {
		return nil
	}
	return &ei
}

// Recorded is the content hash of each record in the spool of a
// conversion to out, in the order written (a content read twice appears
// twice): how far an interrupted conversion got.
func Recorded(out string) ([]string, error) {
	f, err := os.Open(ResultsPath(out))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var shas []string
	_, err = scanSpool(f, func(_ byte, sha string, _ span, _ []byte) { shas = append(shas, sha) })
	return shas, err
}

// syncLoop syncs the spool after appends, at most five times a second: a
// machine crash loses at most the last 200 ms of results, which the next
// run reads again.
func (j *journal) syncLoop() {
	defer close(j.synced)
	for range j.dirty {
		j.spool.Sync()
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

// inflaters are reused: a flate reader allocates some 40 KB (its window
// and tables) each time, once per record read back.
var inflaters = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}

// deflate compresses the name, the summary and the report, one after the
// other.
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

// pack compresses an entry's result into Packed, unless a worker did.
func (e *entry) pack() error {
	if e.Packed != nil || e.Error != nil {
		return nil
	}
	b, err := deflate([]byte(e.Path), e.Summary, e.Report)
	if err != nil {
		return err
	}
	e.Packed, e.plen, e.slen, e.rlen = b, len(e.Path), len(e.Summary), len(e.Report)
	e.Summary, e.Report = nil, nil
	return nil
}

// add appends an entry to the spool, as one record.
func (j *journal) add(e *entry) error {
	sha, err := hex.DecodeString(e.SHA256)
	if err != nil || len(sha) != 32 {
		return fmt.Errorf("bad content hash %q", e.SHA256)
	}
	if err := e.pack(); err != nil {
		return err
	}
	kind, payload := byte(kindResult), [][]byte{e.Packed}
	plen, slen, rlen := e.plen, e.slen, e.rlen
	if e.Error != nil {
		ej, err := json.Marshal(e.Error)
		if err != nil {
			return err
		}
		kind, payload = kindError, [][]byte{[]byte(e.Path), ej}
		plen, slen, rlen = len(e.Path), len(ej), 0
	} else if slen == 0 {
		return fmt.Errorf("no summary for %s", e.Path)
	}
	// The record is built in one buffer: its head (the body's length)
	// is known once the lengths are.
	var lens [3 * binary.MaxVarintLen64]byte
	nl := 0
	for _, n := range []int{plen, slen, rlen} {
		nl += binary.PutUvarint(lens[nl:], uint64(n))
	}
	n := 1 + len(sha) + nl
	for _, p := range payload {
		n += len(p)
	}
	rec := binary.AppendUvarint(make([]byte, 0, n+binary.MaxVarintLen64+4), uint64(n))
	head := len(rec)
	rec = append(append(append(rec, kind), sha...), lens[:nl]...)
	start := len(rec) - head
	for _, p := range payload {
		rec = append(rec, p...)
	}
	rec = binary.LittleEndian.AppendUint32(rec, crc32.ChecksumIEEE(rec[head:]))
	j.mu.Lock()
	at := j.spoolSize
	w, err := j.spool.WriteAt(rec, at)
	j.spoolSize += int64(w)
	if err == nil {
		if e.Error != nil {
			j.errs[e.SHA256] = e.Error
			delete(j.idx, e.SHA256)
		} else {
			j.idx[e.SHA256] = span{at: at + int64(head), n: int64(n), payload: start,
				plen: int64(plen), slen: int64(slen), rlen: int64(rlen)}
			delete(j.errs, e.SHA256)
		}
	}
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
	body := make([]byte, sp.n+4)
	if _, err := j.spool.ReadAt(body, sp.at); err != nil {
		return nil, err
	}
	if crc32.ChecksumIEEE(body[:sp.n]) != binary.LittleEndian.Uint32(body[sp.n:]) {
		return nil, fmt.Errorf("the result of content %s in %s is damaged", sha, j.spool.Name())
	}
	buf := make([]byte, sp.plen+sp.slen+sp.rlen)
	r := inflaters.Get().(io.ReadCloser)
	defer inflaters.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(body[sp.payload:sp.n]), nil); err != nil {
		return nil, err
	}
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

// close syncs and closes the files.
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
