// Package sqlitefile writes new SQLite database files
// (https://www.sqlite.org/fileformat2.html) without SQLite: tables and
// indexes are b-trees built bottom-up from rows appended in key order, and
// pages are written as they fill, so memory stays bounded by a few pages a
// b-tree level. It has one job: write a whole database once; it cannot
// read, update or delete.
//
// The files have 4096-byte pages, UTF-8 text, schema format 4, no
// freelist, no pointer map (auto_vacuum off) and the rollback journal
// mode. Values are stored as SQLite would store them after applying the
// column's affinity.
package sqlitefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
)

// versionNumber is the SQLITE_VERSION_NUMBER written in the header: the
// format is that of SQLite 3.x since 3.7.0 (2010).
const versionNumber = 3046000

// File is a database being written.
type File struct {
	w      io.WriterAt
	pages  uint32 // pages allocated so far; page 1 is the schema's root
	objs   []*object
	byName map[string]*object
	err    error
	done   bool
	buf    []byte // a page being written
	pend   []byte // pages written but not yet sent to w: a contiguous run
	pendPg uint32 // the first page of pend
	rec    []byte
	cell   []byte
	vals   []value
}

type object struct {
	typ, name, tbl, sql string
	tree                *btree // nil for a view
	table               *Table
}

// New starts a database written to w (a new, empty file).
func New(w io.WriterAt) *File {
	return &File{w: w, pages: 1, byName: map[string]*object{}, buf: make([]byte, PageSize)}
}

func (f *File) alloc(n int) uint32 {
	pg := f.pages + 1
	f.pages += uint32(n)
	return pg
}

// writeAt writes a page at pg. Pages that follow one another are
// gathered into one write (a WriteAt per page was ~8% of the CPU); any
// other page first sends the run, so writes keep their order.
func (f *File) writeAt(b []byte, pg uint32) {
	if f.err != nil {
		return
	}
	if len(b) == PageSize && len(f.pend) > 0 && pg == f.pendPg+uint32(len(f.pend)/PageSize) && len(f.pend) < pendMax {
		f.pend = append(f.pend, b...)
		return
	}
	f.flush()
	if len(b) == PageSize {
		f.pend, f.pendPg = append(f.pend[:0], b...), pg
		return
	}
	if f.err == nil {
		_, f.err = f.w.WriteAt(b, int64(pg-1)*PageSize)
	}
}

// pendMax is the size of the longest run of pages held before writing.
const pendMax = 64 * PageSize

// flush sends the pages held.
func (f *File) flush() {
	if len(f.pend) > 0 && f.err == nil {
		_, f.err = f.w.WriteAt(f.pend, int64(f.pendPg-1)*PageSize)
	}
	f.pend = f.pend[:0]
}

func (f *File) writePage(p *page, index bool) {
	serialize(f.buf, p, index)
	if p.pg == 1 {
		// The file header fills the first 100 bytes; it is written on Close.
		f.flush()
		if f.err == nil {
			_, f.err = f.w.WriteAt(f.buf[100:], 100)
		}
		return
	}
	f.writeAt(f.buf, p.pg)
}

// payloadCell appends to dst the payload part of a cell: what fits on the
// page, then the first overflow page's number, the rest being written to
// overflow pages now.
func (f *File) payloadCell(dst, payload []byte, index bool) []byte {
	local := localSize(len(payload), index)
	dst = append(dst, payload[:local]...)
	if local == len(payload) {
		return dst
	}
	rest := payload[local:]
	per := PageSize - 4
	n := (len(rest) + per - 1) / per
	first := f.alloc(n)
	dst = binary.BigEndian.AppendUint32(dst, first)
	for i := 0; i < n; i++ {
		clear(f.buf)
		if i < n-1 {
			binary.BigEndian.PutUint32(f.buf, first+uint32(i)+1)
		}
		copy(f.buf[4:], rest[i*per:min(len(rest), (i+1)*per)])
		f.writeAt(f.buf, first+uint32(i))
	}
	return dst
}

func (f *File) add(o *object) error {
	if f.done {
		return errors.New("sqlitefile: the file is closed")
	}
	key := strings.ToLower(o.name)
	if f.byName[key] != nil {
		return fmt.Errorf("sqlitefile: %s already exists", o.name)
	}
	f.byName[key] = o
	f.objs = append(f.objs, o)
	return nil
}

// Table is a table being written.
type Table struct {
	f        *File
	def      *tableDef
	tree     *btree
	rowidCol int   // the INTEGER PRIMARY KEY column, or -1
	order    []int // columns in stored order (WITHOUT ROWID: key columns first)
	rowid    int64
	rows     int64
	last     []value // the previous key of a WITHOUT ROWID table
	stored   []value // a WITHOUT ROWID row in stored order
}

// CreateTable adds a table from its CREATE TABLE statement, which is
// kept in the schema as written.
func (f *File) CreateTable(sql string) (*Table, error) {
	d, err := parseTable(sql)
	if err != nil {
		return nil, err
	}
	if !d.withoutRowid && len(d.pk) > 0 && d.rowidColumn() < 0 {
		return nil, fmt.Errorf("sqlitefile: table %s: a PRIMARY KEY other than INTEGER PRIMARY KEY needs an index", d.name)
	}
	t := &Table{f: f, def: d, tree: newBtree(f, d.withoutRowid), rowidCol: d.rowidColumn()}
	if d.withoutRowid {
		t.order = append(t.order, d.pk...)
		for i := range d.cols {
			if !contains(d.pk, i) {
				t.order = append(t.order, i)
			}
		}
	}
	if err := f.add(&object{typ: "table", name: d.name, tbl: d.name, sql: d.sql, tree: t.tree, table: t}); err != nil {
		return nil, err
	}
	return t, nil
}

func contains(s []int, x int) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// Insert appends a row: one value per column (nil, bool, integers, floats,
// strings, []byte or pointers to them). A rowid table's rows take rowids
// 1, 2, … or, with an INTEGER PRIMARY KEY, its value, which must grow; a
// WITHOUT ROWID table's rows must come in ascending order of their
// primary key.
func (t *Table) Insert(row ...any) error {
	f := t.f
	if f.err != nil {
		return f.err
	}
	if f.done {
		return errors.New("sqlitefile: the file is closed")
	}
	d := t.def
	if len(row) != len(d.cols) {
		return fmt.Errorf("sqlitefile: table %s has %d columns but %d values were supplied", d.name, len(d.cols), len(row))
	}
	vals := f.vals[:0]
	for i, x := range row {
		v, err := toValue(x)
		if err != nil {
			return err
		}
		if v, err = v.apply(d.cols[i].aff); err != nil {
			return fmt.Errorf("%w (%s.%s)", err, d.name, d.cols[i].name)
		}
		if v.kind == kNull && d.cols[i].notNull {
			return fmt.Errorf("sqlitefile: NOT NULL constraint failed: %s.%s", d.name, d.cols[i].name)
		}
		vals = append(vals, v)
	}
	f.vals = vals
	if d.withoutRowid {
		stored := t.stored[:0]
		for _, c := range t.order {
			stored = append(stored, vals[c])
		}
		t.stored = stored
		if t.rows > 0 && compareKeys(stored[:len(d.pk)], t.last) <= 0 {
			return fmt.Errorf("sqlitefile: table %s: rows out of primary key order or duplicate key", d.name)
		}
		t.last = append(t.last[:0], stored[:len(d.pk)]...)
		f.rec = appendRecord(f.rec[:0], stored)
		f.cell = f.payloadCell(appendVarint(f.cell[:0], uint64(len(f.rec))), f.rec, true)
		t.tree.addIndex(f.cell)
		t.rows++
		return f.err
	}
	rowid := t.rowid + 1
	if t.rowidCol >= 0 {
		switch v := vals[t.rowidCol]; v.kind {
		case kInt:
			if t.rows > 0 && v.i <= t.rowid {
				return fmt.Errorf("sqlitefile: table %s: rowid %d after %d", d.name, v.i, t.rowid)
			}
			rowid = v.i
		case kNull:
			if t.rows > 0 && t.rowid == 1<<63-1 {
				return fmt.Errorf("sqlitefile: table %s: no rowid left", d.name)
			}
		default:
			return fmt.Errorf("sqlitefile: datatype mismatch: %s.%s", d.name, d.cols[t.rowidCol].name)
		}
		vals[t.rowidCol] = value{} // the rowid alias is stored as NULL
	}
	t.rowid = rowid
	f.rec = appendRecord(f.rec[:0], vals)
	c := appendVarint(f.cell[:0], uint64(len(f.rec)))
	c = appendVarint(c, uint64(rowid))
	f.cell = f.payloadCell(c, f.rec, false)
	t.tree.addTable(rowid, f.cell)
	t.rows++
	return f.err
}

func compareKeys(a, b []value) int {
	for i := range a {
		if c := compare(&a[i], &b[i]); c != 0 {
			return c
		}
	}
	return 0
}

// Index is an index being written.
type Index struct {
	f    *File
	def  *indexDef
	tree *btree
	affs []int
	n    int64
	last []value
}

// CreateIndex adds an index on columns of a table created before. Its
// entries are given with Insert, in ascending order.
func (f *File) CreateIndex(sql string) (*Index, error) {
	d, err := parseIndex(sql)
	if err != nil {
		return nil, err
	}
	o := f.byName[strings.ToLower(d.table)]
	if o == nil || o.table == nil {
		return nil, fmt.Errorf("sqlitefile: no such table: %s", d.table)
	}
	td := o.table.def
	x := &Index{f: f, def: d, tree: newBtree(f, true)}
	var cols []int
	for _, n := range d.cols {
		i := td.column(n)
		if i < 0 {
			return nil, fmt.Errorf("sqlitefile: no such column: %s.%s", d.table, n)
		}
		cols = append(cols, i)
		x.affs = append(x.affs, td.cols[i].aff)
	}
	if td.withoutRowid {
		for _, i := range td.pk {
			if !contains(cols, i) {
				x.affs = append(x.affs, td.cols[i].aff)
			}
		}
	} else {
		x.affs = append(x.affs, affInteger)
	}
	if err := f.add(&object{typ: "index", name: d.name, tbl: td.name, sql: d.sql, tree: x.tree}); err != nil {
		return nil, err
	}
	return x, nil
}

// Insert appends an index entry: the indexed columns' values, then the
// row's rowid (or, for a WITHOUT ROWID table, its primary key columns not
// indexed already). Entries must come in ascending order, as SQLite sorts
// them (BINARY collation), and there must be one per row of the table.
func (x *Index) Insert(key ...any) error {
	f := x.f
	if f.err != nil {
		return f.err
	}
	if f.done {
		return errors.New("sqlitefile: the file is closed")
	}
	if len(key) != len(x.affs) {
		return fmt.Errorf("sqlitefile: index %s takes %d values, not %d", x.def.name, len(x.affs), len(key))
	}
	vals := f.vals[:0]
	for i, k := range key {
		v, err := toValue(k)
		if err != nil {
			return err
		}
		if v, err = v.apply(x.affs[i]); err != nil {
			return err
		}
		vals = append(vals, v)
	}
	f.vals = vals
	if x.n > 0 && compareKeys(vals, x.last) <= 0 {
		return fmt.Errorf("sqlitefile: index %s: entries out of order", x.def.name)
	}
	x.last = append(x.last[:0], vals...)
	f.rec = appendRecord(f.rec[:0], vals)
	f.cell = f.payloadCell(appendVarint(f.cell[:0], uint64(len(f.rec))), f.rec, true)
	x.tree.addIndex(f.cell)
	x.n++
	return f.err
}

// CreateView adds a view; its statement is kept as written.
func (f *File) CreateView(sql string) error {
	name, stmt, err := parseView(sql)
	if err != nil {
		return err
	}
	return f.add(&object{typ: "view", name: name, tbl: name, sql: stmt})
}

// Close finishes every b-tree, writes the schema on page 1 and the file
// header. It does not close the underlying file.
func (f *File) Close() error {
	if f.done {
		return f.err
	}
	f.done = true
	var roots []uint32
	for _, o := range f.objs {
		var root uint32
		if o.tree != nil {
			if err := o.tree.finish(); err != nil && f.err == nil {
				f.err = err
			}
			root = o.tree.root
		}
		roots = append(roots, root)
	}
	if f.err != nil {
		return f.err
	}
	schema := &Table{f: f, def: &tableDef{name: "sqlite_schema", cols: []column{
		{name: "type", aff: affText}, {name: "name", aff: affText}, {name: "tbl_name", aff: affText},
		{name: "rootpage", aff: affInteger}, {name: "sql", aff: affText}}}, rowidCol: -1}
	schema.tree = newBtree(f, false)
	schema.tree.fixed = 1
	f.done = false
	for i, o := range f.objs {
		if err := schema.Insert(o.typ, o.name, o.tbl, int64(roots[i]), o.sql); err != nil {
			return err
		}
	}
	f.done = true
	if err := schema.tree.finish(); err != nil {
		return err
	}
	f.writeAt(f.header(), 1) // not a whole page: sends the run held first
	f.flush()
	return f.err
}

// header is the 100-byte database header (file format, section 1.3).
func (f *File) header() []byte {
	h := make([]byte, 100)
	copy(h, "SQLite format 3\x00")
	binary.BigEndian.PutUint16(h[16:], PageSize)
	h[18], h[19] = 1, 1 // legacy (rollback journal) write and read versions
	h[20] = 0           // no reserved bytes
	h[21], h[22], h[23] = 64, 32, 32
	binary.BigEndian.PutUint32(h[24:], 1)       // file change counter
	binary.BigEndian.PutUint32(h[28:], f.pages) // the size in pages
	binary.BigEndian.PutUint32(h[40:], 1)       // schema cookie
	binary.BigEndian.PutUint32(h[44:], 4)       // schema format
	binary.BigEndian.PutUint32(h[56:], 1)       // UTF-8
	binary.BigEndian.PutUint32(h[92:], 1)       // version-valid-for: the change counter
	binary.BigEndian.PutUint32(h[96:], versionNumber)
	return h
}
