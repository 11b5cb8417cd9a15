package sqlitefile

import (
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// Storage classes of a value, in SQLite's sort order.
const (
	kNull = iota
	kInt
	kReal
	kText
	kBlob
)

type value struct {
	kind uint8
	i    int64
	f    float64
	s    string // text
	b    []byte // blob
}

// Column affinities (https://www.sqlite.org/datatype3.html, section 3).
const (
	affBlob = iota
	affText
	affNumeric
	affInteger
	affReal
)

// affinityOf gives the affinity of a declared type by SQLite's rules, in
// their order.
func affinityOf(typ string) int {
	t := strings.ToUpper(typ)
	switch {
	case strings.Contains(t, "INT"):
		return affInteger
	case strings.Contains(t, "CHAR"), strings.Contains(t, "CLOB"), strings.Contains(t, "TEXT"):
		return affText
	case t == "" || strings.Contains(t, "BLOB"):
		return affBlob
	case strings.Contains(t, "REAL"), strings.Contains(t, "FLOA"), strings.Contains(t, "DOUB"):
		return affReal
	}
	return affNumeric
}

// toValue turns a Go value into a storage value as database/sql would
// bind it: nil, bool (0 or 1), integers, floats (NaN is NULL), strings,
// []byte, pointers to those and types with such an underlying kind.
func toValue(x any) (value, error) {
	switch v := x.(type) {
	case nil:
		return value{}, nil
	case int64:
		return value{kind: kInt, i: v}, nil
	case int:
		return value{kind: kInt, i: int64(v)}, nil
	case float64:
		if math.IsNaN(v) {
			return value{}, nil
		}
		return value{kind: kReal, f: v}, nil
	case string:
		return value{kind: kText, s: v}, nil
	case bool:
		if v {
			return value{kind: kInt, i: 1}, nil
		}
		return value{kind: kInt}, nil
	case []byte:
		if v == nil {
			return value{}, nil
		}
		return value{kind: kBlob, b: v}, nil
	}
	rv := reflect.ValueOf(x)
	switch rv.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			return value{}, nil
		}
		return toValue(rv.Elem().Interface())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return value{kind: kInt, i: rv.Int()}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := rv.Uint()
		if u > math.MaxInt64 {
			return value{}, fmt.Errorf("sqlitefile: %d does not fit in an INTEGER", u)
		}
		return value{kind: kInt, i: int64(u)}, nil
	case reflect.Float32, reflect.Float64:
		return toValue(rv.Float())
	case reflect.String:
		return value{kind: kText, s: rv.String()}, nil
	case reflect.Bool:
		return toValue(rv.Bool())
	case reflect.Slice:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			return toValue(rv.Bytes())
		}
	}
	return value{}, fmt.Errorf("sqlitefile: unsupported value of type %T", x)
}

// apply converts v as SQLite does when it stores v in a column of the
// affinity.
func (v value) apply(aff int) (value, error) {
	switch aff {
	case affText:
		switch v.kind {
		case kInt:
			return value{kind: kText, s: strconv.FormatInt(v.i, 10)}, nil
		case kReal:
			// SQLite's own float-to-text rendering is not reproduced.
			return value{}, fmt.Errorf("sqlitefile: a REAL value (%v) for a TEXT column", v.f)
		}
	case affNumeric, affInteger, affReal:
		switch v.kind {
		case kText:
			if n, ok := textNumber(v.s); ok {
				v = n
			}
		}
		if v.kind == kReal {
			if i, ok := realAsInt(v.f); ok && (aff != affReal || smallInt(i)) {
				// A REAL column keeps small integral values as integers
				// on disk and reads them back as REAL, as SQLite does.
				return value{kind: kInt, i: i}, nil
			}
		}
	}
	return v, nil
}

// realAsInt reports whether f is an integer strictly between the smallest
// and the largest int64 (SQLite's test for integer affinity).
func realAsInt(f float64) (int64, bool) {
	if f != math.Trunc(f) || f <= -9223372036854775808.0 || f >= 9223372036854775807.0 {
		return 0, false
	}
	return int64(f), true
}

func smallInt(i int64) bool { return i > -(1<<51) && i < 1<<51 }

// textNumber converts text that is a decimal number (leading and trailing
// spaces allowed) as numeric affinity does: an integer literal that fits
// becomes INTEGER, any other number REAL.
func textNumber(s string) (value, bool) {
	t := strings.Trim(s, " \t\n\v\f\r")
	i, digits, isInt := 0, 0, true
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		i++
	}
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(t) && t[i] == '.' {
		isInt = false
		for i++; i < len(t) && t[i] >= '0' && t[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return value{}, false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		isInt = false
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		e := 0
		for ; i < len(t) && t[i] >= '0' && t[i] <= '9'; i++ {
			e++
		}
		if e == 0 {
			return value{}, false
		}
	}
	if i != len(t) {
		return value{}, false
	}
	if isInt {
		if n, err := strconv.ParseInt(t, 10, 64); err == nil {
			return value{kind: kInt, i: n}, true
		}
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(t, "."), 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		return value{}, false
	}
	return value{kind: kReal, f: f}, true
}

// serial returns the serial type of v and the size of its body.
func (v *value) serial() (uint64, int) {
	switch v.kind {
	case kNull:
		return 0, 0
	case kInt:
		switch i := v.i; {
		case i == 0:
			return 8, 0
		case i == 1:
			return 9, 0
		case i >= -1<<7 && i < 1<<7:
			return 1, 1
		case i >= -1<<15 && i < 1<<15:
			return 2, 2
		case i >= -1<<23 && i < 1<<23:
			return 3, 3
		case i >= -1<<31 && i < 1<<31:
			return 4, 4
		case i >= -1<<47 && i < 1<<47:
			return 5, 6
		}
		return 6, 8
	case kReal:
		return 7, 8
	case kText:
		return uint64(len(v.s))*2 + 13, len(v.s)
	}
	return uint64(len(v.b))*2 + 12, len(v.b)
}

// appendRecord appends the record format of vals to dst.
func appendRecord(dst []byte, vals []value) []byte {
	hdr, body := 0, 0
	for i := range vals {
		st, n := vals[i].serial()
		hdr += varintLen(st)
		body += n
	}
	n := 1 // the header's size counts its own varint
	for varintLen(uint64(hdr+n)) > n {
		n++
	}
	hs := hdr + n
	dst = appendVarint(dst, uint64(hs))
	for i := range vals {
		st, _ := vals[i].serial()
		dst = appendVarint(dst, st)
	}
	for i := range vals {
		v := &vals[i]
		st, n := v.serial()
		switch {
		case st >= 1 && st <= 6:
			var b [8]byte
			binary.BigEndian.PutUint64(b[:], uint64(v.i))
			dst = append(dst, b[8-n:]...)
		case st == 7:
			dst = binary.BigEndian.AppendUint64(dst, math.Float64bits(v.f))
		case v.kind == kText:
			dst = append(dst, v.s...)
		case v.kind == kBlob:
			dst = append(dst, v.b...)
		}
	}
	return dst
}

// compare orders values as SQLite does with the BINARY collation: NULL,
// then numbers by value, then text by bytes, then blobs by bytes.
func compare(a, b *value) int {
	ka, kb := a.kind, b.kind
	if ka == kReal {
		ka = kInt
	}
	if kb == kReal {
		kb = kInt
	}
	if ka != kb {
		if ka < kb {
			return -1
		}
		return 1
	}
	switch ka {
	case kNull:
		return 0
	case kText:
		return strings.Compare(a.s, b.s)
	case kBlob:
		return strings.Compare(string(a.b), string(b.b))
	}
	switch {
	case a.kind == kInt && b.kind == kInt:
		return cmpOrdered(a.i, b.i)
	case a.kind == kReal && b.kind == kReal:
		return cmpOrdered(a.f, b.f)
	case a.kind == kInt:
		return -intRealCompare(b.f, a.i)
	}
	return intRealCompare(a.f, b.i)
}

// intRealCompare compares a float with an integer exactly.
func intRealCompare(f float64, i int64) int {
	switch {
	case f < -9223372036854775808.0:
		return -1
	case f >= 9223372036854775808.0:
		return 1
	}
	t := math.Trunc(f)
	if c := cmpOrdered(int64(t), i); c != 0 {
		return c
	}
	return cmpOrdered(f, t)
}

func cmpOrdered[T int64 | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// appendVarint appends SQLite's variable-length integer: big-endian groups
// of 7 bits, the high bit set on all but the last byte; a ninth byte, if
// needed, carries 8 bits.
func appendVarint(dst []byte, v uint64) []byte {
	if v <= 0x7f {
		return append(dst, byte(v))
	}
	if v > 0x00ffffffffffffff {
		var b [9]byte
		b[8] = byte(v)
		v >>= 8
		for i := 7; i >= 0; i-- {
			b[i] = byte(v&0x7f) | 0x80
			v >>= 7
		}
		return append(dst, b[:]...)
	}
	var b [8]byte
	n := 0
	for ; v > 0; v >>= 7 {
		b[7-n] = byte(v&0x7f) | 0x80
		n++
	}
	b[7] &= 0x7f
	return append(dst, b[8-n:]...)
}

func varintLen(v uint64) int {
	n := 1
	for v > 0x7f && n < 9 {
		v >>= 7
		n++
	}
	if n == 9 || v > 0x7f {
		return 9
	}
	return n
}
