package batch

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"

	"github.com/govreport/govreport/output"
)

// A summary travels from the worker to the spool, and back to the writers,
// in a form of its own: its cells and their provenance (nine tenths of it,
// one entry per flat column) in binary, the rest as JSON. Decoding JSON was
// most of the parent's CPU while writing; this form decodes several times
// faster. A summary that starts with '{' is all JSON (the form before, and
// the tests' journals); this one starts with summaryMagic.
const summaryMagic = 0x01

// encodeSummary appends s in the spool's form to dst.
func encodeSummary(dst []byte, s *output.Summary) ([]byte, error) {
	rest := *s
	rest.Cells, rest.Prov = nil, nil
	js, err := json.Marshal(&rest)
	if err != nil {
		return nil, err
	}
	dst = append(dst, summaryMagic)
	dst = binary.AppendUvarint(dst, uint64(len(js)))
	dst = append(dst, js...)
	dst = binary.AppendUvarint(dst, sliceLen(s.Cells == nil, len(s.Cells)))
	for _, c := range s.Cells {
		switch {
		case c == nil:
			dst = append(dst, 0)
		case *c == math.Trunc(*c) && math.Abs(*c) < 1<<53 && !(*c == 0 && math.Signbit(*c)):
			dst = binary.AppendVarint(append(dst, 1), int64(*c))
		default:
			dst = binary.LittleEndian.AppendUint64(append(dst, 2), math.Float64bits(*c))
		}
	}
	// an empty Prov is nil, as JSON gave it (omitempty)
	dst = binary.AppendUvarint(dst, sliceLen(len(s.Prov) == 0, len(s.Prov)))
	for _, p := range s.Prov {
		if p == nil {
			dst = append(dst, 0)
			continue
		}
		flags := byte(1)
		if p.Inferred {
			flags |= 2
		}
		dst = append(dst, flags)
		dst = appendString(dst, p.Text)
		dst = binary.AppendVarint(dst, int64(p.Page))
		dst = binary.AppendVarint(dst, int64(p.Line))
		dst = appendString(dst, p.Null)
	}
	return dst, nil
}

// sliceLen is a slice's length plus one, 0 for a nil slice.
func sliceLen(isNil bool, n int) uint64 {
	if isNil {
		return 0
	}
	return uint64(n) + 1
}

func appendString(dst []byte, s string) []byte {
	return append(binary.AppendUvarint(dst, uint64(len(s))), s...)
}

var errSummary = errors.New("damaged summary")

// decodeSummary reads a summary written by encodeSummary, or as JSON, into s.
func decodeSummary(b []byte, s *output.Summary) error {
	if len(b) == 0 || b[0] != summaryMagic {
		return json.Unmarshal(b, s)
	}
	d := summaryDecoder{b: b[1:]}
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		return errSummary
	}
	if err := json.Unmarshal(d.b[:n], s); err != nil {
		return err
	}
	d.b = d.b[n:]
	if n := d.count(); n >= 0 {
		s.Cells = make([]*float64, n)
		vals := make([]float64, n) // one allocation for the values
		for i := range s.Cells {
			switch d.byte() {
			case 0:
				continue
			case 1:
				vals[i] = float64(d.varint())
			case 2:
				if len(d.b) < 8 {
					return errSummary
				}
				vals[i] = math.Float64frombits(binary.LittleEndian.Uint64(d.b))
				d.b = d.b[8:]
			default:
				return errSummary
			}
			s.Cells[i] = &vals[i]
		}
	}
	if n := d.count(); n >= 0 {
		s.Prov = make([]*output.CellInfo, n)
		var infos []output.CellInfo
		for i := range s.Prov {
			flags := d.byte()
			if flags == 0 {
				continue
			}
			if infos == nil {
				infos = make([]output.CellInfo, 0, n-i)
			}
			infos = append(infos, output.CellInfo{Text: d.string(), Inferred: flags&2 != 0,
				Page: int(d.varint()), Line: int(d.varint()), Null: d.string()})
			s.Prov[i] = &infos[len(infos)-1]
		}
	}
	if d.err != nil || len(d.b) != 0 {
		return errSummary
	}
	return nil
}

type summaryDecoder struct {
	b   []byte
	err error
}

func (d *summaryDecoder) uvarint() uint64 {
	v, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.err, d.b = errSummary, nil
		return 0
	}
	d.b = d.b[k:]
	return v
}

// varint is binary.Varint's zig-zag decoding of a uvarint.
func (d *summaryDecoder) varint() int64 {
	u := d.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *summaryDecoder) byte() byte {
	if len(d.b) == 0 {
		d.err = errSummary
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

// count reads a slice's length (-1 for nil), which cannot exceed the
// bytes left (each element takes one at least).
func (d *summaryDecoder) count() int {
	n := d.uvarint()
	if d.err != nil || n == 0 {
		return -1
	}
	if n-1 > uint64(len(d.b)) {
		d.err, d.b = errSummary, nil
		return -1
	}
	return int(n - 1)
}

func (d *summaryDecoder) string() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err, d.b = errSummary, nil
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}
