package parquet

// Thrift compact protocol type ids, as they appear in field headers and
// list headers.
const (
	tTrue   = 1
	tFalse  = 2
	tByte   = 3
	tI32    = 5
	tI64    = 6
	tBinary = 8
	tList   = 9
	tStruct = 12
)

// compact writes the Thrift compact protocol: just the subset the file
// footer and page headers need (structs, i32, i64, byte, bool, binary,
// lists). Field ids are written as deltas from the previous field of the
// same struct, so nesting keeps a stack of the last ids.
type compact struct {
	b     []byte
	last  int16
	stack []int16
}

func (c *compact) uvarint(v uint64) {
	for v >= 0x80 {
		c.b = append(c.b, byte(v)|0x80)
		v >>= 7
	}
	c.b = append(c.b, byte(v))
}

func (c *compact) zigzag(v int64) { c.uvarint(uint64(v<<1) ^ uint64(v>>63)) }

func (c *compact) field(id int16, typ byte) {
	if d := id - c.last; d > 0 && d <= 15 {
		c.b = append(c.b, byte(d)<<4|typ)
	} else {
		c.b = append(c.b, typ)
		c.zigzag(int64(id))
	}
	c.last = id
}

func (c *compact) i32(id int16, v int32) {
	c.field(id, tI32)
	c.zigzag(int64(v))
}

func (c *compact) i64(id int16, v int64) {
	c.field(id, tI64)
	c.zigzag(v)
}

func (c *compact) byte8(id int16, v int8) {
	c.field(id, tByte)
	c.b = append(c.b, byte(v))
}

func (c *compact) bool(id int16, v bool) {
	if v {
		c.field(id, tTrue)
	} else {
		c.field(id, tFalse)
	}
}

func (c *compact) binary(id int16, v []byte) {
	c.field(id, tBinary)
	c.uvarint(uint64(len(v)))
	c.b = append(c.b, v...)
}

func (c *compact) string(id int16, v string) {
	c.field(id, tBinary)
	c.uvarint(uint64(len(v)))
	c.b = append(c.b, v...)
}

// list writes a list field's header; its n elements follow (begin/end
// for struct elements, the raw forms for the others).
func (c *compact) list(id int16, elem byte, n int) {
	c.field(id, tList)
	if n < 15 {
		c.b = append(c.b, byte(n)<<4|elem)
	} else {
		c.b = append(c.b, 0xf0|elem)
		c.uvarint(uint64(n))
	}
}

// structField opens a struct-valued field; end closes it.
func (c *compact) structField(id int16) {
	c.field(id, tStruct)
	c.begin()
}

// begin opens a struct (a list element or a field's value).
func (c *compact) begin() {
	c.stack = append(c.stack, c.last)
	c.last = 0
}

// end writes the stop byte and returns to the enclosing struct.
func (c *compact) end() {
	c.b = append(c.b, 0)
	c.last = c.stack[len(c.stack)-1]
	c.stack = c.stack[:len(c.stack)-1]
}

// elemI32 and elemString write list elements.
func (c *compact) elemI32(v int32) { c.zigzag(int64(v)) }
func (c *compact) elemString(v string) {
	c.uvarint(uint64(len(v)))
	c.b = append(c.b, v...)
}

// le64 is v's 8 little-endian bytes, the PLAIN form of INT64 and DOUBLE
// (statistics use it too).
func le64(v uint64) []byte {
	var b [8]byte
	for i := range b {
		b[i] = byte(v >> (8 * i))
	}
	return b[:]
}
