package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/govreport/govreport/output"
)

// StatePath is the journal kept beside an output: one line per converted
// file, appended as each file is done, so that a rerun after an
// interruption converts only what is missing.
func StatePath(output string) string { return output + ".govreport-state.jsonl" }

// stateHeader is the first line of a state file. The summaries hold one
// value per flat column, so the header names the column list: a state file
// of a version with other columns is started afresh.
var stateHeader = `{"govreport_convert_state":1,"schema":"govreport/1","columns":"` + output.ColumnsSignature() + `"}`

// entry is one line of the journal, keyed by the content's SHA-256: a
// report's summary (output.Summary) and, for the formats that write whole
// reports, the report itself; or why the file is not a report.
type entry struct {
	SHA256  string          `json:"sha256"`
	Path    string          `json:"path"` // where the content was first found; the report's source.path
	Summary json.RawMessage `json:"summary,omitempty"`
	Report  json.RawMessage `json:"report,omitempty"`
	Error   *errInfo        `json:"error,omitempty"`
}

// line returns the entry as a journal line. The parts already in JSON are
// copied, not encoded again.
func (e *entry) line() ([]byte, error) {
	sha, _ := json.Marshal(e.SHA256)
	path, _ := json.Marshal(e.Path)
	b := make([]byte, 0, len(e.Summary)+len(e.Report)+len(path)+128)
	b = append(append(append(b, `{"sha256":`...), sha...), `,"path":`...)
	b = append(b, path...)
	if e.Error != nil {
		ej, err := json.Marshal(e.Error)
		if err != nil {
			return nil, err
		}
		b = append(append(b, `,"error":`...), ej...)
	} else {
		// Summary and Report come from json.Marshal, directly or checked
		// when read from a worker: valid and compact.
		b = append(append(b, `,"summary":`...), e.Summary...)
		if e.Report != nil {
			b = append(append(b, `,"report":`...), e.Report...)
		}
	}
	return append(b, "}\n"...), nil
}

type errInfo struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

type span struct {
	off, n int64
	whole  bool // the entry has the whole report, not only its summary
}

// journal is the state file. Lines are written with one write each and
// synced in groups by a background goroutine: a kill leaves at most a torn
// last line, which the next open cuts off; a crash of the machine loses at
// most the lines of the last moments, which are converted again.
type journal struct {
	f       *os.File
	mu      sync.Mutex
	size    int64
	idx     map[string]span
	errs    map[string]*errInfo
	dirty   chan struct{}
	closing chan struct{}
	synced  chan struct{}
	unlock  func()
}

var errLocked = errors.New("another conversion is writing this output (its state file is locked)")

// openJournal opens or creates the state file at path. With retryErrors,
// files recorded as errors are converted again.
func openJournal(path string, retryErrors bool) (*journal, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	unlock, err := lockFile(f)
	if err != nil {
		f.Close()
		return nil, errLocked
	}
	j := &journal{f: f, idx: map[string]span{}, errs: map[string]*errInfo{}, unlock: unlock,
		dirty: make(chan struct{}, 1), closing: make(chan struct{}), synced: make(chan struct{})}
	if err := j.load(retryErrors); err != nil {
		unlock()
		f.Close()
		return nil, fmt.Errorf("state file %s: %v", path, err)
	}
	go j.syncLoop()
	return j, nil
}

func (j *journal) load(retryErrors bool) error {
	br := bufio.NewReaderSize(j.f, 1<<20)
	var off int64
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
			if !bytes.Equal(bytes.TrimSpace(line), []byte(stateHeader)) {
				if !bytes.HasPrefix(line, []byte(`{"govreport_convert_state":`)) {
					return fmt.Errorf("not a govreport convert state file (delete it, or use --fresh, to start over)")
				}
				break // written by a version with other columns: start afresh
			}
			off += n
			continue
		}
		var e entry
		if json.Unmarshal(line, &e) == nil && e.SHA256 != "" {
			if e.Error != nil {
				delete(j.idx, e.SHA256)
				if !retryErrors {
					j.errs[e.SHA256] = e.Error
				}
			} else if e.Summary != nil {
				delete(j.errs, e.SHA256)
				j.idx[e.SHA256] = span{off, n, e.Report != nil}
			}
		}
		off += n
	}
	if err := j.f.Truncate(off); err != nil {
		return err
	}
	if _, err := j.f.Seek(off, io.SeekStart); err != nil {
		return err
	}
	j.size = off
	if off == 0 {
		return j.write([]byte(stateHeader + "\n"))
	}
	return nil
}

func (j *journal) write(line []byte) error {
	n, err := j.f.Write(line)
	j.size += int64(n)
	return err
}

// syncLoop syncs the file after appends, at most five times a second: a
// machine crash loses at most the last 200 ms of results, which the next
// run reads again.
func (j *journal) syncLoop() {
	defer close(j.synced)
	for range j.dirty {
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
	return ok && (sp.whole || !whole) || j.errs[sha] != nil
}

// add appends an entry.
func (j *journal) add(e *entry) error {
	line, err := e.line()
	if err != nil {
		return err
	}
	j.mu.Lock()
	off := j.size
	err = j.write(line)
	if err == nil {
		if e.Error != nil {
			j.errs[e.SHA256] = e.Error
			delete(j.idx, e.SHA256)
		} else {
			j.idx[e.SHA256] = span{off, int64(len(line)), e.Report != nil}
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
	buf := make([]byte, sp.n)
	if _, err := j.f.ReadAt(buf, sp.off); err != nil {
		return nil, err
	}
	if e := splitLine(buf); e != nil {
		return e, nil
	}
	var e entry
	if err := json.Unmarshal(buf, &e); err != nil {
		return nil, err
	}
	return &e, nil
}

// splitLine cuts a journal line of a report, as line writes it, into its
// parts without decoding the report; nil when the line has another shape.
// Inside a JSON string every quote is escaped, so the first unescaped
// `,"summary":` and `,"report":` are the entry's own keys (the summary has
// no key "report").
func splitLine(b []byte) *entry {
	const shaKey, pathKey, sumKey, repKey = `{"sha256":"`, `","path":`, `,"summary":`, `,"report":`
	if !bytes.HasPrefix(b, []byte(shaKey)) || !bytes.HasSuffix(b, []byte("}\n")) || len(b) < len(shaKey)+64+len(pathKey) {
		return nil
	}
	e := &entry{SHA256: string(b[len(shaKey) : len(shaKey)+64])}
	rest := b[len(shaKey)+64:]
	if !bytes.HasPrefix(rest, []byte(pathKey)) {
		return nil
	}
	rest = rest[len(pathKey):]
	i := bytes.Index(rest, []byte(sumKey))
	if i < 0 || json.Unmarshal(rest[:i], &e.Path) != nil {
		return nil
	}
	rest = rest[i+len(sumKey) : len(rest)-2]
	if k := bytes.Index(rest, []byte(repKey)); k >= 0 {
		e.Summary, e.Report = rest[:k], rest[k+len(repKey):]
	} else {
		e.Summary = rest
	}
	return e
}

// close syncs and closes the file.
func (j *journal) close() error {
	close(j.closing)
	close(j.dirty)
	<-j.synced
	err := j.f.Sync()
	j.unlock()
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	return err
}
