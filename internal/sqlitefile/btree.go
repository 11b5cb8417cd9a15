package sqlitefile

import (
	"encoding/binary"
	"errors"
)

// PageSize is the size of every page of the files written here; no bytes
// are reserved at the end of a page, so the usable size is the same.
const PageSize = 4096

// Page types (the first byte of a b-tree page header).
const (
	interiorIndex = 0x02
	interiorTable = 0x05
	leafIndex     = 0x0a
	leafTable     = 0x0d
)

// maxLocal and minLocal bound the part of a payload kept on a b-tree page
// (file format, section 1.6): the rest goes to overflow pages.
func maxLocal(index bool) int {
	if index {
		return (PageSize-12)*64/255 - 23
	}
	return PageSize - 35
}

const minLocal = (PageSize-12)*32/255 - 23

// localSize is the number of bytes of a payload of p bytes stored on the
// b-tree page itself.
func localSize(p int, index bool) int {
	x := maxLocal(index)
	if p <= x {
		return p
	}
	k := minLocal + (p-minLocal)%(PageSize-4)
	if k <= x {
		return k
	}
	return minLocal
}

// A btree is built bottom-up from cells appended in key order. Each level
// keeps the page it is filling (cur) and the page it filled before
// (prev), whose number is known but which is written only once it can no
// longer change: at the end, a last page left with one child (or an empty
// last leaf of an index) takes an entry from prev, so that no interior
// page is without cells and no leaf is empty.
type btree struct {
	f      *File
	index  bool // an index b-tree (indexes and WITHOUT ROWID tables)
	levels []*level
	root   uint32 // set by finish
	fixed  uint32 // the root must be this page (1 for sqlite_schema)
}

type level struct {
	cur  page
	prev *page
}

// page is a page being filled. A leaf holds cells (buf cut at ends; and
// the rowids of a table leaf); an interior page holds children, each with
// what separates it from the next: a table child's largest rowid or an
// index child's following entry.
type page struct {
	pg     uint32
	leaf   bool
	size   int // bytes the page needs: header, cell pointers, cells
	buf    []byte
	ends   []int
	rowids []int64
	items  []item
}

type item struct {
	pg  uint32
	key int64  // table: the largest rowid under pg
	sep []byte // the separator as stored in an interior cell after the child pointer
}

func newPage(leaf bool) page {
	if leaf {
		return page{leaf: true, size: 8}
	}
	return page{size: 12}
}

func (p *page) cell(i int) []byte {
	start := 0
	if i > 0 {
		start = p.ends[i-1]
	}
	return p.buf[start:p.ends[i]]
}

func (p *page) addCell(c []byte, rowid int64) {
	p.buf = append(p.buf, c...)
	p.ends = append(p.ends, len(p.buf))
	p.rowids = append(p.rowids, rowid)
	p.size += 2 + len(c)
}

func (p *page) popCell() []byte {
	n := len(p.ends) - 1
	c := append([]byte(nil), p.cell(n)...)
	p.buf = p.buf[:len(p.buf)-len(c)]
	p.ends, p.rowids = p.ends[:n], p.rowids[:n]
	p.size -= 2 + len(c)
	return c
}

func newBtree(f *File, index bool) *btree {
	return &btree{f: f, index: index, levels: []*level{{cur: newPage(true)}}}
}

// addTable appends the cell of a table row (rowids ascending).
func (t *btree) addTable(rowid int64, cell []byte) {
	l := t.levels[0]
	if len(l.cur.ends) > 0 && l.cur.size+2+len(cell) > PageSize {
		last := l.cur.rowids[len(l.cur.rowids)-1]
		t.finishPage(0, item{key: last, sep: appendVarint(nil, uint64(last))})
	}
	l.cur.addCell(cell, rowid)
}

// addIndex appends an index cell (keys ascending). When the leaf is full
// the cell becomes the separator between it and the next leaf.
func (t *btree) addIndex(cell []byte) {
	l := t.levels[0]
	if len(l.cur.ends) > 0 && l.cur.size+2+len(cell) > PageSize {
		t.finishPage(0, item{sep: append([]byte(nil), cell...)})
		return
	}
	l.cur.addCell(cell, 0)
}

// finishPage gives level n's current page a number, hands it to the level
// above with sep (up.pg is filled in here), writes the page filled before
// it and starts a new one.
func (t *btree) finishPage(n int, up item) {
	l := t.levels[n]
	var done *page
	if l.prev != nil {
		t.f.writePage(l.prev, t.index)
		done = l.prev
	}
	p := l.cur
	p.pg = t.f.alloc(1)
	l.prev = &p
	l.cur = newPage(n == 0)
	if done != nil && n == 0 {
		// The written leaf's buffers serve the next one: growing fresh
		// ones per page was ~7% of an insert's CPU.
		l.cur.buf, l.cur.ends, l.cur.rowids = done.buf[:0], done.ends[:0], done.rowids[:0]
	}
	up.pg = p.pg
	t.push(n+1, up)
}

// push appends a child to the page being filled at level n (n ≥ 1).
func (t *btree) push(n int, it item) {
	if n == len(t.levels) {
		t.levels = append(t.levels, &level{cur: newPage(false)})
	}
	c := &t.levels[n].cur
	if k := len(c.items); k > 0 {
		need := 2 + 4 + len(c.items[k-1].sep) // the last child gets a cell
		if c.size+need > PageSize {
			last := c.items[k-1]
			t.finishPage(n, item{key: last.key, sep: last.sep})
			c = &t.levels[n].cur
		} else {
			c.size += need
		}
	}
	c.items = append(c.items, it)
}

// finish writes the pages still held and returns the root page.
func (t *btree) finish() error {
	for n := 0; n < len(t.levels); n++ {
		l := t.levels[n]
		if n == len(t.levels)-1 {
			return t.writeRoot(&l.cur)
		}
		up := &t.levels[n+1].cur.items[len(t.levels[n+1].cur.items)-1] // l.prev's entry above
		if l.cur.leaf && len(l.cur.ends) == 0 {
			// An index's last entry went up as a separator: bring it
			// down to the last leaf and take prev's last entry up instead.
			e := up.sep
			up.sep = l.prev.popCell()
			l.cur.addCell(e, 0)
		} else if !l.cur.leaf && len(l.cur.items) == 1 {
			pv := l.prev
			moved := pv.items[len(pv.items)-1]
			pv.items = pv.items[:len(pv.items)-1]
			nl := pv.items[len(pv.items)-1]
			pv.size -= 2 + 4 + len(nl.sep)
			up.key, up.sep = nl.key, nl.sep
			l.cur.items = append([]item{moved}, l.cur.items...)
			l.cur.size += 2 + 4 + len(moved.sep)
		}
		var it item
		if l.cur.leaf && !t.index {
			it.key = l.cur.rowids[len(l.cur.rowids)-1]
			it.sep = appendVarint(nil, uint64(it.key))
		} else if !l.cur.leaf {
			last := l.cur.items[len(l.cur.items)-1]
			it.key, it.sep = last.key, last.sep
		}
		t.finishPage(n, it)
		t.f.writePage(l.prev, t.index)
		l.prev = nil
	}
	return errors.New("sqlitefile: b-tree without levels")
}

// writeRoot writes the top page. A root fixed to page 1 has 100 bytes less
// room (the file header); if it does not fit there it is split in two
// pages under a new root.
func (t *btree) writeRoot(p *page) error {
	if t.fixed == 0 {
		p.pg = t.f.alloc(1)
		t.root = p.pg
		t.f.writePage(p, t.index)
		return nil
	}
	t.root = t.fixed
	if p.size <= PageSize-100 {
		p.pg = t.fixed
		t.f.writePage(p, t.index)
		return nil
	}
	if t.index || p.leaf && len(p.ends) < 2 {
		return errors.New("sqlitefile: the schema does not fit on page 1")
	}
	a, b := newPage(p.leaf), newPage(p.leaf)
	if p.leaf {
		h := len(p.ends) / 2
		for i := range p.ends {
			if i < h {
				a.addCell(p.cell(i), p.rowids[i])
			} else {
				b.addCell(p.cell(i), p.rowids[i])
			}
		}
	} else {
		h := len(p.items) / 2
		a.items, b.items = p.items[:h], p.items[h:]
	}
	a.pg, b.pg = t.f.alloc(1), t.f.alloc(1)
	t.f.writePage(&a, false)
	t.f.writePage(&b, false)
	r := newPage(false)
	r.pg = t.fixed
	r.items = []item{{pg: a.pg, sep: appendVarint(nil, uint64(maxKey(&a)))}, {pg: b.pg}}
	t.f.writePage(&r, false)
	return nil
}

func maxKey(p *page) int64 {
	if p.leaf {
		return p.rowids[len(p.rowids)-1]
	}
	return p.items[len(p.items)-1].key
}

// serialize lays a page out: the header (at offset 100 on page 1), the
// cell pointers, then the cells packed at the end of the page.
func serialize(buf []byte, p *page, index bool) {
	clear(buf)
	h := 0
	if p.pg == 1 {
		h = 100
	}
	end := PageSize
	var n int
	if p.leaf {
		buf[h] = leafTable
		if index {
			buf[h] = leafIndex
		}
		n = len(p.ends)
		ptr := h + 8
		for i := 0; i < n; i++ {
			c := p.cell(i)
			end -= len(c)
			copy(buf[end:], c)
			binary.BigEndian.PutUint16(buf[ptr+2*i:], uint16(end))
		}
	} else {
		buf[h] = interiorTable
		if index {
			buf[h] = interiorIndex
		}
		n = len(p.items) - 1
		ptr := h + 12
		for i := 0; i < n; i++ {
			it := p.items[i]
			end -= 4 + len(it.sep)
			binary.BigEndian.PutUint32(buf[end:], it.pg)
			copy(buf[end+4:], it.sep)
			binary.BigEndian.PutUint16(buf[ptr+2*i:], uint16(end))
		}
		binary.BigEndian.PutUint32(buf[h+8:], p.items[n].pg)
	}
	binary.BigEndian.PutUint16(buf[h+3:], uint16(n))
	binary.BigEndian.PutUint16(buf[h+5:], uint16(end)) // PageSize < 65536
}
