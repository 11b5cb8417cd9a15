package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/parser/docerr"
)

// opened is a PDF whose object layer is ready.
type opened struct {
	r        *lpdf.Reader
	title    string
	rebuilt  bool   // the cross-reference table was rebuilt by scanning
	src      []byte // the file's bytes as the reader sees them (offsets valid)
	aesKey   []byte // AES-256 file key: streams are decrypted by us
	complete bool   // the file ends with %%EOF after a startxref
}

const maxObjects = 1 << 20

// open opens src (starting at %PDF-) with the library, repairing what is
// cheap to repair: a header other than 1.0–1.7, a missing %%EOF, and a
// missing or broken cross-reference table (rebuilt by scanning for
// "N G obj").
func open(src []byte, d *doc) (*opened, error) {
	fixed := src
	patch := func() {
		if &fixed[0] == &src[0] {
			fixed = append([]byte(nil), src...)
		}
	}
	// The library accepts only %PDF-1.[0-7] followed by an end of line.
	if len(src) < 10 || !(src[5] == '1' && src[6] == '.' && src[7] >= '0' && src[7] <= '7') || (src[8] != '\n' && src[8] != '\r') {
		if len(src) < 10 {
			return nil, docerr.New(docerr.Damaged, "damaged PDF: the file ends right after its header")
		}
		patch()
		copy(fixed[5:8], "1.7")
		if fixed[8] != '\n' && fixed[8] != '\r' {
			fixed[8] = '\n'
		}
	}
	// The names the checks below look for, found in one pass.
	sc := scanSlashes(src)
	scFixed := &sc
	if len(fixed) > 0 && &fixed[0] != &src[0] {
		// the header was patched: a name at its bytes may be gone
		f := scanSlashes(fixed)
		scFixed = &f
	}
	// An object stream's /Extends chain is followed by the library without
	// a cycle check; the xref names the right stream anyway.
	if sc.extends {
		patch()
		fixed = bytes.ReplaceAll(fixed, []byte("/Extends"), []byte("/Extendz"))
	}
	tail := bytes.TrimRight(src[max(0, len(src)-1024):], "\r\n\t \x00")
	complete := bytes.HasSuffix(tail, []byte("%%EOF")) && bytes.Contains(tail, []byte("startxref"))
	if !bytes.HasSuffix(tail, []byte("%%EOF")) && bytes.Contains(tail, []byte("startxref")) {
		patch()
		fixed = append(fixed, "\n%%EOF\n"...)
		complete = true // only the marker was missing
		d.warn("repaired", "the file lacks its final %%EOF marker")
	}
	encrypted := bytes.Contains(src[max(0, len(src)-4096):], []byte("/Encrypt"))

	// (replacing /Extends and appending %%EOF leave the other names as
	// they are in scFixed)
	guarded, risky := guardObjStms(fixed, d.budget.maxStream, scFixed.objStm)
	if risky {
		fixed = guarded
		d.warn("repaired", "an object stream ends inside a string; it was closed")
	}
	var firstErr error
	if !hugeSizeIn(src, &sc) && !prevCycleIf(fixed, scFixed.prev) && !risky {
		r, err := newReader(fixed)
		if err == nil && !xrefSane(r) {
			r, err = nil, errors.New("an object stream is stored inside an object stream")
		}
		if err == nil {
			o := &opened{r: r, complete: complete, src: fixed}
			if rootOK(r) {
				o.title = title(r)
				return o, nil
			}
			firstErr = errors.New("the document catalog cannot be read")
		} else {
			firstErr = err
			if errors.Is(err, lpdf.ErrInvalidPassword) {
				return nil, docerr.Wrap(docerr.Encrypted, "encrypted PDF: it needs a password we do not have", err)
			}
			if strings.Contains(err.Error(), "encryption") {
				if o, e := openAES256(fixed, complete, d); o != nil || e != nil {
					return o, e
				}
				return nil, docerr.Wrap(docerr.Encrypted, "encrypted PDF with an encryption method we cannot read", err)
			}
		}
	}
	if encrypted && !complete {
		return nil, docerr.Wrap(docerr.Damaged, "damaged encrypted PDF", firstErr)
	}
	r, err := rebuild(fixed, d)
	if err != nil {
		if !complete {
			return nil, docerr.Wrap(docerr.Damaged, "truncated PDF: the objects that hold its pages are missing ("+reason(err)+")", err)
		}
		if firstErr == nil {
			firstErr = err
		}
		return nil, docerr.Wrap(docerr.Damaged, "damaged PDF: "+reason(firstErr)+"; repair failed: "+reason(err), firstErr)
	}
	o := &opened{r: r, rebuilt: true, complete: complete, title: title(r), src: fixed}
	return o, nil
}

func reason(err error) string {
	s := err.Error()
	if len(s) > 120 {
		s = s[:120]
	}
	return s
}

func newReader(b []byte) (r *lpdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("malformed PDF: %v", x)
		}
	}()
	return lpdf.NewReader(bytes.NewReader(b), int64(len(b)))
}

var (
	prevRe      = lazyre.New(`/Prev\s+(\d+)`)
	startxrefRe = lazyre.New(`startxref\s+(\d+)`)
)

// prevCycle reports whether the chain of cross-reference sections (the
// last startxref, then each trailer's /Prev) comes back on itself: the
// library would follow it forever.
func prevCycle(b []byte) bool { return prevCycleIf(b, bytes.Contains(b, []byte("/Prev"))) }

// prevCycleIf is prevCycle where hasPrev says whether b holds "/Prev".
func prevCycleIf(b []byte, hasPrev bool) bool {
	if !hasPrev {
		return false
	}
	all := startxrefRe.FindAllSubmatch(b, -1)
	if len(all) == 0 {
		return false
	}
	off, _ := strconv.Atoi(string(all[len(all)-1][1]))
	seen := map[int]bool{}
	for i := 0; i < 4096; i++ {
		if off <= 0 || off >= len(b) {
			return false
		}
		if seen[off] {
			return true
		}
		seen[off] = true
		region := b[off:]
		if k := bytes.Index(region, []byte("startxref")); k >= 0 {
			region = region[:k]
		}
		m := prevRe.FindSubmatch(region)
		if m == nil {
			return false
		}
		off, _ = strconv.Atoi(string(m[1]))
	}
	return true
}

var (
	subsectionRe = lazyre.New(`(?m)^\s*(\d+)\s+(\d+)\s*$`)
)

// hugeSize reports whether the cross-reference data declares more objects
// than we accept, or entries wider than any real file: the library would
// allocate tables that large, and running out of memory is fatal, not a
// panic.
func hugeSize(b []byte) bool {
	sc := scanSlashes(b)
	return hugeSizeIn(b, &sc)
}

// maxMarks bounds the offsets scanSlashes keeps of one name.
const maxMarks = 1024

// slashScan is what open's checks look for in a file, found in one pass
// over its slashes instead of one pass each: whether /Extends, /ObjStm and
// /Prev occur, and where /Size and /XRef do (nil after maxMarks of them:
// then they are searched again).
type slashScan struct {
	extends, objStm, prev bool
	size, xref            []int
	sizeOver, xrefOver    bool
}

func scanSlashes(b []byte) slashScan {
	var sc slashScan
	for i := 0; ; {
		k := bytes.IndexByte(b[i:], '/')
		if k < 0 {
			return sc
		}
		at := i + k
		i = at + 1
		switch rest := b[i:]; {
		case bytes.HasPrefix(rest, []byte("Extends")):
			sc.extends = true
		case bytes.HasPrefix(rest, []byte("ObjStm")):
			sc.objStm = true
		case bytes.HasPrefix(rest, []byte("Prev")):
			sc.prev = true
		case bytes.HasPrefix(rest, []byte("Size")):
			if len(sc.size) < maxMarks {
				sc.size = append(sc.size, at)
			} else {
				sc.sizeOver = true
			}
		case bytes.HasPrefix(rest, []byte("XRef")):
			if len(sc.xref) < maxMarks {
				sc.xref = append(sc.xref, at)
			} else {
				sc.xrefOver = true
			}
		}
	}
}

// hugeSizeIn is hugeSize with b's slashScan.
func hugeSizeIn(b []byte, sc *slashScan) bool {
	if sc.sizeOver {
		if sizesHuge(b) {
			return true
		}
	} else {
		for _, at := range sc.size {
			if n, _, ok := spacedNum(b, at+len("/Size")); ok && bigNum(n) {
				return true
			}
		}
	}
	// cross-reference stream dictionaries: /Index and /W
	xrefDict := func(i int) bool {
		// the dictionary: from its object's "obj" to its "stream"
		from := bytes.LastIndex(b[max(0, i-4096):i], []byte("obj"))
		if from < 0 {
			return false
		}
		from += max(0, i-4096)
		to := min(len(b), i+4096)
		if e := bytes.Index(b[i:to], []byte("stream")); e >= 0 {
			to = i + e
		}
		return xrefDictHuge(b[from:to])
	}
	if sc.xrefOver {
		for i := 0; ; {
			k := bytes.Index(b[i:], []byte("/XRef"))
			if k < 0 {
				break
			}
			i += k + 5
			if xrefDict(i) {
				return true
			}
		}
	} else {
		for _, at := range sc.xref {
			if xrefDict(at + len("/XRef")) {
				return true
			}
		}
	}
	// classic tables: the subsection headers after each "xref"
	for i := 0; ; {
		k := bytes.Index(b[i:], []byte("xref"))
		if k < 0 {
			break
		}
		i += k + 4
		if i-5 >= 0 && b[i-5] == 't' { // startxref
			continue
		}
		seg := b[i:min(len(b), i+64)]
		if m := subsectionRe.FindSubmatch(seg); m != nil && (bigNum(m[1]) || bigNum(m[2])) {
			return true
		}
	}
	return false
}

// bigNum reports a decimal number over maxObjects (or too long to read).
func bigNum(s []byte) bool {
	n, err := strconv.Atoi(string(s))
	return err != nil || n > maxObjects
}

// The scans below read the few dictionary entries hugeSize checks by hand,
// as the patterns /Size\s+(\d+), /Index\s*\[([^\]]*)\], /Columns\s+(\d+)
// and /W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\] did (\s and \d are ASCII):
// compiling those and running /Size over the whole file was a measurable
// part of opening a PDF.

// isReSpace is \s of the regexp package.
func isReSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func skipSpaces(b []byte, i int) int {
	for i < len(b) && isReSpace(b[i]) {
		i++
	}
	return i
}

func skipDigits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}

// spacedNum reads \s+(\d+) at b[i:]: the digits and where they end.
func spacedNum(b []byte, i int) ([]byte, int, bool) {
	j := skipSpaces(b, i)
	if j == i {
		return nil, i, false
	}
	e := skipDigits(b, j)
	if e == j {
		return nil, i, false
	}
	return b[j:e], e, true
}

// sizesHuge reports a /Size entry anywhere in b over maxObjects.
func sizesHuge(b []byte) bool {
	for i := 0; ; {
		k := bytes.Index(b[i:], []byte("/Size"))
		if k < 0 {
			return false
		}
		i += k + len("/Size")
		if n, _, ok := spacedNum(b, i); ok && bigNum(n) {
			return true
		}
	}
}

// xrefDictHuge reports a cross-reference stream dictionary whose /Index
// or /Columns names more objects than we accept, or whose /W has a field
// wider than 8 bytes.
func xrefDictHuge(dict []byte) bool {
	for i := 0; ; { // every /Index [ … ]
		k := bytes.Index(dict[i:], []byte("/Index"))
		if k < 0 {
			break
		}
		i += k + len("/Index")
		j := skipSpaces(dict, i)
		if j == len(dict) || dict[j] != '[' {
			continue
		}
		e := bytes.IndexByte(dict[j+1:], ']')
		if e < 0 {
			break // no later /Index has its ] either
		}
		for _, f := range bytes.Fields(dict[j+1 : j+1+e]) {
			if bigNum(f) {
				return true
			}
		}
		i = j + 1 + e + 1
	}
	for i := 0; ; { // the first /Columns N
		k := bytes.Index(dict[i:], []byte("/Columns"))
		if k < 0 {
			break
		}
		i += k + len("/Columns")
		if n, _, ok := spacedNum(dict, i); ok {
			if bigNum(n) {
				return true
			}
			break
		}
	}
	for i := 0; ; { // every /W [a b c]
		k := bytes.Index(dict[i:], []byte("/W"))
		if k < 0 {
			return false
		}
		i += k + len("/W")
		j := skipSpaces(dict, i)
		if j == len(dict) || dict[j] != '[' {
			continue
		}
		j = skipSpaces(dict, j+1)
		var w [3][]byte
		e := skipDigits(dict, j)
		if e == j {
			continue
		}
		w[0] = dict[j:e]
		ok := true
		for f := 1; f < 3 && ok; f++ {
			w[f], e, ok = spacedNum(dict, e)
		}
		if !ok {
			continue
		}
		e = skipSpaces(dict, e)
		if e == len(dict) || dict[e] != ']' {
			continue
		}
		for _, f := range w {
			if n, err := strconv.Atoi(string(f)); err != nil || n > 8 {
				return true
			}
		}
		i = e + 1
	}
}

func rootOK(r *lpdf.Reader) bool {
	root := key(r.Trailer(), "Root")
	return root.Kind() == lpdf.Dict && key(root, "Pages").Kind() == lpdf.Dict
}

func title(r *lpdf.Reader) (t string) {
	defer func() {
		if recover() != nil {
			t = ""
		}
	}()
	v := key(key(r.Trailer(), "Info"), "Title")
	if v.Kind() != lpdf.String {
		return ""
	}
	raw := v.RawString()
	if enc := key(r.Trailer(), "Encrypt"); nameOf(key(key(key(enc, "CF"), "StdCF"), "CFM")) == "AESV2" {
		// the library leaves the padding of AES-decrypted strings
		if n := len(raw); n > 0 {
			p := int(raw[n-1])
			if p >= 1 && p <= 16 && p <= n && strings.Count(raw[n-p:], raw[n-1:]) == p {
				raw = raw[:n-p]
			}
		}
	}
	return strings.TrimSpace(decodeTextString(raw))
}

// decodeTextString decodes a PDF text string: UTF-16 with a byte order
// mark (big-endian as the standard says, little-endian as some Chinese
// producers write), UTF-8, or PDFDocEncoding (taken as Latin-1).
func decodeTextString(s string) string {
	if len(s) >= 2 && (s[0] == 0xFE && s[1] == 0xFF || s[0] == 0xFF && s[1] == 0xFE) {
		le := s[0] == 0xFF
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			if le {
				u = append(u, uint16(s[i+1])<<8|uint16(s[i]))
			} else {
				u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
			}
		}
		return strings.ReplaceAll(string(utf16.Decode(u)), "\x00", "")
	}
	s = strings.TrimPrefix(s, "\xEF\xBB\xBF")
	if utf8.ValidString(s) {
		return s
	}
	r := make([]rune, 0, len(s))
	for i := 0; i < len(s); i++ {
		r = append(r, rune(s[i]))
	}
	return string(r)
}

// objLoc is an object found by scanning.
type objLoc struct {
	id, gen int
	off     int
}

// scanObjects finds every "N G obj" in b.
func scanObjects(b []byte) []objLoc {
	var out []objLoc
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("obj"))
		if j < 0 {
			break
		}
		p := i + j
		i = p + 3
		if p+3 < len(b) && !isSpace(b[p+3]) && !isDelim(b[p+3]) {
			continue
		}
		q := p - 1
		if q < 0 || !isSpace(b[q]) {
			continue
		}
		for q >= 0 && isSpace(b[q]) {
			q--
		}
		ge := q + 1
		for q >= 0 && b[q] >= '0' && b[q] <= '9' {
			q--
		}
		gs := q + 1
		if gs == ge || q < 0 || !isSpace(b[q]) {
			continue
		}
		for q >= 0 && isSpace(b[q]) {
			q--
		}
		ie := q + 1
		for q >= 0 && b[q] >= '0' && b[q] <= '9' {
			q--
		}
		is := q + 1
		if is == ie || (q >= 0 && !isSpace(b[q]) && !isDelim(b[q])) {
			continue
		}
		id, err1 := strconv.Atoi(string(b[is:ie]))
		gen, err2 := strconv.Atoi(string(b[gs:ge]))
		if err1 != nil || err2 != nil || id <= 0 || id >= maxObjects || gen > 65535 {
			continue
		}
		out = append(out, objLoc{id: id, gen: gen, off: is})
	}
	return out
}

var (
	rootRe    = lazyre.New(`/Root\s+(\d+)\s+(\d+)\s+R`)
	infoRe    = lazyre.New(`/Info\s+(\d+)\s+(\d+)\s+R`)
	catalogRe = lazyre.New(`/Type\s*/Catalog\b`)
	objStmRe  = lazyre.New(`/Type\s*/ObjStm\b`)
	pageRe    = lazyre.New(`/Type\s*/Page(?:[^a-zA-Z0-9]|$)`)
)

type xentry struct {
	typ byte
	f2  uint32
	f3  uint16
}

// rebuild makes a reader over b with a cross-reference stream built by
// scanning b for objects, appended to a copy of b. When the catalog or the
// page tree is lost (a truncated file whose tree was written last), a
// synthetic catalog lists the page objects found, in file order.
func rebuild(b []byte, d *doc) (*lpdf.Reader, error) {
	locs := scanObjects(b)
	if len(locs) == 0 {
		return nil, errors.New("no objects found")
	}
	byID := map[int]objLoc{}
	maxID := 0
	for _, l := range locs {
		byID[l.id] = l // a later definition (incremental update) wins
		if l.id > maxID {
			maxID = l.id
		}
	}
	var objStms []int
	var pageLocs []objLoc
	var roots []string
	info := ""
	for _, l := range locs {
		if byID[l.id] != l {
			continue
		}
		head := b[l.off:min(len(b), l.off+1024)]
		if k := bytes.Index(head, []byte("stream")); k >= 0 {
			head = head[:k]
		}
		if k := bytes.Index(head, []byte("endobj")); k >= 0 {
			head = head[:k]
		}
		if catalogRe.Match(head) {
			roots = append(roots, fmt.Sprintf("%d %d R", l.id, l.gen))
		}
		if objStmRe.Match(head) {
			objStms = append(objStms, l.id)
		}
		if pageRe.Match(head) {
			pageLocs = append(pageLocs, l)
		}
	}
	// the trailer's /Root and /Info, checked once the object streams are
	// known (they may be inside one)
	rootID, infoID := -1, -1
	var rootRef string
	if m := rootRe.FindAllSubmatch(b, -1); len(m) > 0 {
		last := m[len(m)-1]
		rootID, _ = strconv.Atoi(string(last[1]))
		rootRef = string(last[1]) + " " + string(last[2]) + " R"
	}
	if m := infoRe.FindAllSubmatch(b, -1); len(m) > 0 {
		last := m[len(m)-1]
		infoID, _ = strconv.Atoi(string(last[1]))
		if byID[infoID].off > 0 {
			info = string(last[1]) + " " + string(last[2]) + " R"
		}
	}
	if rootID > 0 && byID[rootID].off > 0 {
		roots = append([]string{rootRef}, roots...)
		rootID = -1
	}
	entries := make([]xentry, maxID+1)
	for id, l := range byID {
		entries[id] = xentry{typ: 1, f2: uint32(l.off), f3: uint16(l.gen)}
	}
	anyRoot := "0 0 R"
	if len(roots) > 0 {
		anyRoot = roots[0]
	}
	if len(objStms) > 0 {
		// First pass: a reader over the direct objects, to decode the
		// object streams and learn which objects they hold.
		var refs []string
		for _, id := range objStms {
			refs = append(refs, fmt.Sprintf("%d %d R", id, byID[id].gen))
		}
		extra := "/GovObjStms [" + strings.Join(refs, " ") + "]"
		r1, _, err := xrefReader(b, entries, anyRoot, info, extra, nil)
		if err == nil {
			list := key(r1.Trailer(), "GovObjStms")
			for i, id := range objStms {
				s := index(list, i)
				data, _ := streamData(s, d.budget.maxStream)
				n := int(numOr(key(s, "N"), 0))
				first := int(numOr(key(s, "First"), 0))
				lx := &lexer{b: data}
				type member struct{ id, off int }
				var members []member
				for k := 0; k < n && k < maxObjects; k++ {
					t1, t2 := lx.next(), lx.next()
					if t1.kind != tNum || t2.kind != tNum {
						break
					}
					members = append(members, member{int(t1.num), int(t2.num)})
				}
				for k, m := range members {
					// the object's text, to find the catalog and the pages
					lo, hi := first+m.off, len(data)
					if k+1 < len(members) {
						hi = first + members[k+1].off
					}
					if lo >= 0 && lo < hi && hi <= len(data) && byID[m.id].off == 0 {
						text := data[lo:min(hi, lo+1024)]
						if catalogRe.Match(text) {
							roots = append(roots, fmt.Sprintf("%d 0 R", m.id))
						}
						if pageRe.Match(text) {
							pageLocs = append(pageLocs, objLoc{id: m.id, off: byID[id].off + k})
						}
					}
					oid := m.id
					if oid <= 0 || oid >= maxObjects {
						continue
					}
					if oid >= len(entries) {
						entries = append(entries, make([]xentry, oid-len(entries)+1)...)
					}
					if entries[oid].typ == 1 {
						continue // a direct definition wins
					}
					entries[oid] = xentry{typ: 2, f2: uint32(id), f3: uint16(k)}
				}
			}
		}
	}
	if rootID > 0 && rootID < len(entries) && entries[rootID].typ == 2 {
		roots = append([]string{rootRef}, roots...)
	}
	if info == "" && infoID > 0 && infoID < len(entries) && entries[infoID].typ == 2 {
		info = fmt.Sprintf("%d 0 R", infoID)
	}
	var lastErr error
	for _, root := range roots {
		r, _, err := xrefReader(b, entries, root, info, "", nil)
		if err != nil {
			lastErr = err
			continue
		}
		if rootOK(r) && len(d.pageTree(r)) > 0 {
			return r, nil
		}
	}
	// A synthetic catalog over the page objects found and, for content
	// streams whose page object was lost, synthetic pages with the
	// resources the surviving pages use; all in file order of contents.
	return synthesize(b, byID, entries, pageLocs, info, d, lastErr)
}

var (
	contentsRe  = lazyre.New(`/Contents\s+(\d+)\s+(\d+)\s+R`)
	resourcesRe = lazyre.New(`/Resources\s+(\d+)\s+(\d+)\s+R`)
	mediaBoxRe  = lazyre.New(`/MediaBox\s*\[[^\]]*\]`)
	notContent  = lazyre.New(`/(Type|Subtype|Length[123]|BBox|Width|N|FunctionType|ShadingType|PatternType)\b`)
	fontDictRe  = lazyre.New(`^\s*<<\s*(/[^\s/]+\s+\d+\s+\d+\s+R\s*)+>>`)
	resDictRe   = lazyre.New(`/Font\s*(<<|\d+\s+\d+\s+R)`)
	typeFontRe  = lazyre.New(`/Type\s*/Font\b`)
)

func objHead(b []byte, l objLoc) (dict []byte, hasStream bool) {
	head := b[l.off:min(len(b), l.off+2048)]
	if k := bytes.Index(head, []byte("endobj")); k >= 0 {
		head = head[:k]
	}
	if k := bytes.Index(head, []byte("stream")); k >= 0 {
		return head[:k], true
	}
	return head, false
}

func synthesize(b []byte, byID map[int]objLoc, entries []xentry, pageLocs []objLoc, info string, d *doc, lastErr error) (*lpdf.Reader, error) {
	type kid struct {
		off int    // file offset of its content stream (or of the page)
		ref string // the page object, or "" for a synthetic page
		cid int    // the content stream of a synthetic page
	}
	var kids []kid
	used := map[int]bool{} // content streams of surviving pages
	resCount := map[string]int{}
	box := "/MediaBox [0 0 595 842]"
	for _, p := range pageLocs {
		head, _ := objHead(b, p)
		off := p.off
		if m := contentsRe.FindSubmatch(head); m != nil {
			id, _ := strconv.Atoi(string(m[1]))
			used[id] = true
			if c, ok := byID[id]; ok {
				off = c.off
			}
		}
		if m := resourcesRe.FindSubmatch(head); m != nil {
			resCount[string(m[1])+" "+string(m[2])+" R"]++
		}
		if m := mediaBoxRe.Find(head); m != nil {
			box = string(m)
		}
		kids = append(kids, kid{off: off, ref: fmt.Sprintf("%d %d R", p.id, p.gen)})
	}
	// the resources for lost pages: the surviving pages' own, else a
	// resources dictionary or font dictionary found alone
	res := ""
	for r, n := range resCount {
		if res == "" || n > resCount[res] {
			res = r
		}
	}
	var candidates []objLoc
	for id, l := range byID {
		head, isStream := objHead(b, l)
		if isStream {
			if !used[id] && !notContent.Match(head) {
				candidates = append(candidates, l)
			}
			continue
		}
		if res == "" && resDictRe.Match(head) && !typeFontRe.Match(head) {
			res = fmt.Sprintf("%d %d R", l.id, l.gen)
		}
	}
	if res == "" {
		for _, l := range byID {
			head, isStream := objHead(b, l)
			if isStream || !fontDictRe.Match(head[bytes.Index(head, []byte("obj"))+3:]) {
				continue
			}
			// a dictionary of font references: make resources of it
			res = fmt.Sprintf("<< /Font %d %d R >>", l.id, l.gen)
			break
		}
	}
	sort.Slice(candidates, func(i, j int) bool { return candidates[i].off < candidates[j].off })
	if len(candidates) > 0 {
		// keep the streams that decode to text-showing content
		var refs []string
		for _, c := range candidates {
			refs = append(refs, fmt.Sprintf("%d %d R", c.id, c.gen))
		}
		r1, _, err := xrefReader(b, entries, "0 0 R", info, "/GovStreams ["+strings.Join(refs, " ")+"]", nil)
		if err == nil {
			list := key(r1.Trailer(), "GovStreams")
			for i, c := range candidates {
				data, _ := streamData(index(list, i), d.budget.maxStream)
				if bytes.Contains(data, []byte("BT")) && bytes.Contains(data, []byte("Tf")) {
					kids = append(kids, kid{off: c.off, cid: c.id})
				}
			}
		}
	}
	if len(kids) == 0 {
		if lastErr == nil {
			lastErr = errors.New("no document catalog and no pages found")
		}
		return nil, lastErr
	}
	sort.SliceStable(kids, func(i, j int) bool { return kids[i].off < kids[j].off })
	next := len(entries)
	cat, pagesID := next, next+1
	synth := []string{
		fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesID),
		"", // the page tree, below
	}
	var refs []string
	lost := 0
	for _, k := range kids {
		if k.ref != "" {
			refs = append(refs, k.ref)
			continue
		}
		lost++
		page := fmt.Sprintf("<< /Type /Page /Parent %d 0 R %s /Contents %d 0 R", pagesID, box, k.cid)
		if res != "" {
			page += " /Resources " + res
		}
		synth = append(synth, page+" >>")
		refs = append(refs, fmt.Sprintf("%d 0 R", next+len(synth)-1))
	}
	synth[1] = fmt.Sprintf("<< /Type /Pages /Kids [ %s ] /Count %d >>", strings.Join(refs, " "), len(refs))
	r, _, err := xrefReader(b, entries, fmt.Sprintf("%d 0 R", cat), info, "", synth)
	if err != nil {
		return nil, err
	}
	msg := "the page tree was lost; pages were taken in file order"
	if lost > 0 {
		msg += fmt.Sprintf("; %d pages were rebuilt from content streams whose page objects are missing", lost)
	}
	d.warn("page_tree_rebuilt", msg)
	return r, nil
}

// xrefReader appends the synthetic objects and an uncompressed
// cross-reference stream to a copy of b and opens the result. Synthetic
// objects are numbered from len(entries).
func xrefReader(b []byte, entries []xentry, root, info, extra string, synth []string) (*lpdf.Reader, []byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(b) + len(entries)*7 + 512)
	buf.Write(b)
	buf.WriteString("\n")
	all := entries
	if len(synth) > 0 {
		all = append([]xentry(nil), entries...)
		for i, s := range synth {
			off := buf.Len()
			fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", len(entries)+i, s)
			all = append(all, xentry{typ: 1, f2: uint32(off)})
		}
	}
	table := make([]byte, 0, len(all)*7)
	var tmp [7]byte
	for _, e := range all {
		tmp[0] = e.typ
		binary.BigEndian.PutUint32(tmp[1:5], e.f2)
		binary.BigEndian.PutUint16(tmp[5:7], e.f3)
		table = append(table, tmp[:]...)
	}
	n := len(all)
	off := buf.Len()
	fmt.Fprintf(&buf, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %s", n, n, root)
	if info != "" {
		fmt.Fprintf(&buf, " /Info %s", info)
	}
	fmt.Fprintf(&buf, " %s /Length %d >>\nstream\n", extra, len(table))
	buf.Write(table)
	fmt.Fprintf(&buf, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", off)
	r, err := newReader(buf.Bytes())
	return r, buf.Bytes(), err
}

var aesV5Re = lazyre.New(`/V\s+5\b`)

// openAES256 opens an AES-256 encrypted file (V 5) whose user password is
// empty: the library is given a copy whose /Encrypt entry it cannot see,
// and the file key is kept for decrypting streams. It returns nil, nil
// when the file is not of that kind.
func openAES256(b []byte, complete bool, d *doc) (*opened, error) {
	if !bytes.Contains(b, []byte("/AESV3")) && !aesV5Re.Match(b) {
		return nil, nil
	}
	hidden := bytes.ReplaceAll(b, []byte("/Encrypt"), []byte("/Encrypz"))
	r, err := newReader(hidden)
	if err != nil {
		return nil, nil
	}
	k, err := aes256Key(key(r.Trailer(), "Encrypz"))
	if errors.Is(err, errNeedsPassword) {
		return nil, docerr.Wrap(docerr.Encrypted, "encrypted PDF (AES-256): it needs a password we do not have", err)
	}
	if err != nil {
		return nil, nil
	}
	rebuilt := false
	if !rootOK(r) {
		// the catalog is in an object stream, which is encrypted as a
		// whole: append decrypted copies of the object streams and
		// rebuild the cross-reference table over them
		hidden = appendDecryptedObjStms(hidden, k)
		if r, err = rebuild(hidden, d); err != nil || !rootOK(r) {
			return nil, docerr.New(docerr.Damaged, "damaged encrypted PDF: the document catalog cannot be read")
		}
		rebuilt = true
	}
	// (a cross-reference table rebuilt over decrypted object streams is
	// not damage: no warning)
	_ = rebuilt
	o := &opened{r: r, complete: complete, src: hidden, aesKey: k}
	if t := key(key(r.Trailer(), "Info"), "Title"); t.Kind() == lpdf.String {
		// strings of direct objects are encrypted, those inside object
		// streams are not
		o.title = title(r)
		if dec, err := aesDecrypt(k, []byte(t.RawString())); err == nil {
			if s := strings.TrimSpace(decodeTextString(string(dec))); plausibleText(s) {
				o.title = s
			}
		}
		if !plausibleText(o.title) {
			o.title = ""
		}
	}
	return o, nil
}

var (
	objStmNRe     = lazyre.New(`/N\s+(\d+)`)
	objStmFirstRe = lazyre.New(`/First\s+(\d+)`)
	lengthRe      = lazyre.New(`/Length\s+(\d+)(\s+\d+\s+R)?`)
)

// appendDecryptedObjStms appends to b, as later definitions of the same
// objects, the object streams of b decrypted (still compressed).
func appendDecryptedObjStms(b, key []byte) []byte {
	out := b
	for _, l := range scanObjects(b) {
		head, isStream := objHead(b, l)
		if !isStream || !objStmRe.Match(head) {
			continue
		}
		n, first := objStmNRe.FindSubmatch(head), objStmFirstRe.FindSubmatch(head)
		if n == nil || first == nil {
			continue
		}
		dec, err := aesDecrypt(key, streamBytes(b, l, head))
		if err != nil {
			continue
		}
		if &out[0] == &b[0] {
			out = append([]byte(nil), b...)
		}
		out = append(out, fmt.Sprintf("\n%d %d obj\n<< /Type /ObjStm /N %s /First %s /Filter /FlateDecode /Length %d >>\nstream\n",
			l.id, l.gen, n[1], first[1], len(dec))...)
		out = append(out, dec...)
		out = append(out, "\nendstream\nendobj\n"...)
	}
	return out
}

// plausibleText rejects decrypted garbage: control characters or
// replacement characters.
func plausibleText(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || r >= 0x7F && r < 0xA0 {
			return false
		}
	}
	return true
}

var filterNamesRe = lazyre.New(`/([A-Za-z0-9]+)`)

var filterNameRe = lazyre.New(`/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)`)

// guardObjStms finds object streams whose data ends inside a string (the
// library's lexer loops forever at the end of an object stream there) and
// appends repaired, uncompressed copies of them as later definitions. It
// reports whether it changed anything; then the cross-reference table must
// be rebuilt for the copies to be used.
// hasObjStm says whether b holds "/ObjStm".
func guardObjStms(b []byte, limit int64, hasObjStm bool) ([]byte, bool) {
	if !hasObjStm || bytes.Contains(b, []byte("/Encrypt")) {
		return b, false
	}
	out := b
	changed := false
	for _, l := range scanObjects(b) {
		head, isStream := objHead(b, l)
		if !isStream || !objStmRe.Match(head) || bytes.Contains(head, []byte("/DecodeParms")) {
			continue
		}
		n, first := objStmNRe.FindSubmatch(head), objStmFirstRe.FindSubmatch(head)
		if n == nil || first == nil {
			continue
		}
		raw := streamBytes(b, l, head)
		var names []string
		if m := filterNameRe.FindSubmatch(head); m != nil {
			for _, f := range filterNamesRe.FindAllSubmatch(m[1], -1) {
				names = append(names, string(f[1]))
			}
		}
		data, err := decodeRaw(raw, names, limit)
		if err != nil && len(data) == 0 || !unterminated(data) {
			continue
		}
		if !changed {
			out = append([]byte(nil), b...)
			changed = true
		}
		data = append(append([]byte(nil), data...), "\n"+strings.Repeat(")", 64)+">\n"...)
		out = append(out, fmt.Sprintf("\n%d %d obj\n<< /Type /ObjStm /N %s /First %s /Length %d >>\nstream\n", l.id, l.gen, n[1], first[1], len(data))...)
		out = append(out, data...)
		out = append(out, "\nendstream\nendobj\n"...)
	}
	return out, changed
}

// streamBytes returns the raw data of the stream object at l whose
// dictionary text is head.
func streamBytes(b []byte, l objLoc, head []byte) []byte {
	start := l.off + len(head) + len("stream")
	if start < len(b) && b[start] == '\r' {
		start++
	}
	if start < len(b) && b[start] == '\n' {
		start++
	}
	if start > len(b) {
		return nil
	}
	end := len(b)
	if m := lengthRe.FindSubmatch(head); m != nil && len(m[2]) == 0 {
		if ln, err := strconv.Atoi(string(m[1])); err == nil && start+ln <= len(b) {
			return b[start : start+ln]
		}
	}
	if k := bytes.Index(b[start:], []byte("endstream")); k >= 0 {
		end = start + k
		for end > start && (b[end-1] == '\n' || b[end-1] == '\r') {
			end--
		}
	}
	return b[start:end]
}

// unterminated reports whether data ends inside a literal or hex string.
func unterminated(data []byte) bool {
	depth := 0   // inside a literal string
	hex := false // inside a hex string
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case depth > 0:
			switch c {
			case '\\':
				i++
			case '(':
				depth++
			case ')':
				depth--
			}
		case hex:
			if c == '>' {
				hex = false
			}
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '(':
			depth = 1
		case c == '<':
			if i+1 < len(data) && data[i+1] == '<' {
				i++
			} else {
				hex = true
			}
		}
	}
	return depth > 0 || hex
}
