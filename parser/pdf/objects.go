package pdf

import (
	"errors"
	"io"
	"reflect"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/govreport/govreport/internal/lazy"
)

// The object layer: thin wrappers over github.com/ledongthuc/pdf that turn
// its panics on damaged objects into null values, so that one broken object
// costs that object and not the document.

// errStreamTooLarge is returned when a decoded stream exceeds its budget.
var errStreamTooLarge = errors.New("decoded stream over budget")

func key(v lpdf.Value, k string) (out lpdf.Value) {
	defer func() {
		if recover() != nil {
			out = lpdf.Value{}
		}
	}()
	return v.Key(k)
}

func index(v lpdf.Value, i int) (out lpdf.Value) {
	defer func() {
		if recover() != nil {
			out = lpdf.Value{}
		}
	}()
	return v.Index(i)
}

func length(v lpdf.Value) int {
	if v.Kind() != lpdf.Array {
		return 0
	}
	return v.Len()
}

func keys(v lpdf.Value) (out []string) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	return v.Keys()
}

// num returns a numeric value as float64 and whether it was a number.
func num(v lpdf.Value) (float64, bool) {
	switch v.Kind() {
	case lpdf.Integer:
		return float64(v.Int64()), true
	case lpdf.Real:
		return v.Float64(), true
	}
	return 0, false
}

func numOr(v lpdf.Value, def float64) float64 {
	if f, ok := num(v); ok {
		return f
	}
	return def
}

func nameOf(v lpdf.Value) string {
	if v.Kind() != lpdf.Name {
		return ""
	}
	return v.Name()
}

// rawString returns the bytes of a string value.
func rawString(v lpdf.Value) string {
	if v.Kind() != lpdf.String {
		return ""
	}
	return v.RawString()
}

// objKey identifies the object a value was loaded from (its own object
// number for an indirect object, its container's for a direct one). The
// library keeps it unexported; reading it through reflect lets us detect
// cycles and cache per object without trusting the file's structure.
type objKey struct {
	id  uint64
	gen uint64
}

// lib is where the library keeps the fields it does not export, found
// through reflect on first use rather than at init (every command of the
// binary would pay for it).
var libV lazy.Value[libFields]

func lib() libFields { return libV.Get(findLibFields) }

type libFields struct {
	ptr, ptrID, ptrGen, data int
	objptr                   reflect.Type
}

func findLibFields() (l libFields) {
	l.ptr, l.ptrID, l.ptrGen, l.data = -1, -1, -1, -1
	t := reflect.TypeOf(lpdf.Value{})
	if f, ok := t.FieldByName("ptr"); ok {
		l.ptr, l.objptr = f.Index[0], f.Type
		if id, ok := f.Type.FieldByName("id"); ok {
			l.ptrID = id.Index[0]
		}
		if g, ok := f.Type.FieldByName("gen"); ok {
			l.ptrGen = g.Index[0]
		}
	}
	if f, ok := t.FieldByName("data"); ok {
		l.data = f.Index[0]
	}
	return l
}

func keyOf(v lpdf.Value) objKey {
	l := lib()
	if l.ptr < 0 || l.ptrID < 0 {
		return objKey{}
	}
	p := reflect.ValueOf(v).Field(l.ptr)
	k := objKey{id: p.Field(l.ptrID).Uint()}
	if l.ptrGen >= 0 {
		k.gen = p.Field(l.ptrGen).Uint()
	}
	return k
}

// streamData returns the decoded data of a stream, at most limit bytes. A
// stream that fails to decode part way returns what was decoded; one that
// exceeds limit returns errStreamTooLarge.
func streamData(v lpdf.Value, limit int64) (data []byte, err error) {
	if v.Kind() != lpdf.Stream {
		return nil, errors.New("not a stream")
	}
	defer func() {
		if x := recover(); x != nil {
			if e, ok := x.(error); ok {
				err = e
			} else {
				err = errors.New("unreadable stream")
			}
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, limit+1))
	if int64(len(data)) > limit {
		return data[:limit], errStreamTooLarge
	}
	if err == io.ErrUnexpectedEOF {
		err = nil // a truncated deflate stream: keep what we have
	}
	return data, err
}

// refOf returns the object a dictionary entry refers to, without loading
// it (the library would parse the object again at every access). ok is
// false when the entry is not an indirect reference.
func refOf(dict lpdf.Value, k string) (ref objKey, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	l := lib()
	if l.data < 0 || l.objptr == nil || l.ptrID < 0 {
		return objKey{}, false
	}
	m := reflect.ValueOf(dict).Field(l.data)
	if m.Kind() == reflect.Interface {
		m = m.Elem()
	}
	if m.Kind() != reflect.Map {
		return objKey{}, false
	}
	e := m.MapIndex(reflect.ValueOf(k).Convert(m.Type().Key()))
	if !e.IsValid() {
		return objKey{}, false
	}
	if e.Kind() == reflect.Interface {
		e = e.Elem()
	}
	if !e.IsValid() || e.Type() != l.objptr {
		return objKey{}, false
	}
	ref = objKey{id: e.Field(l.ptrID).Uint()}
	if l.ptrGen >= 0 {
		ref.gen = e.Field(l.ptrGen).Uint()
	}
	return ref, true
}

// xrefSane checks the library's cross-reference table (unexported; read
// through reflect) for entries the library would follow without end: an
// object stored in an object stream that is itself stored in an object
// stream recurses until the stack overflows, which no recover catches.
func xrefSane(r *lpdf.Reader) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = true // cannot inspect: trust it
		}
	}()
	rv := reflect.ValueOf(r).Elem()
	x := rv.FieldByName("xref")
	if !x.IsValid() || x.Kind() != reflect.Slice {
		return true
	}
	n := x.Len()
	inStream := func(i int) bool { return x.Index(i).FieldByName("inStream").Bool() }
	for i := 0; i < n; i++ {
		e := x.Index(i)
		if !e.FieldByName("inStream").Bool() {
			continue
		}
		s := int(e.FieldByName("stream").FieldByName("id").Uint())
		if s < n && inStream(s) {
			return false
		}
	}
	return true
}
