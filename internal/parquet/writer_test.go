package parquet_test

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand"
	"reflect"
	"strings"
	"sync"
	"testing"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/govreport/govreport/internal/parquet"
)

// Every file written here is read back with parquet-go, an independent
// reader: schema, types, optionality and every value.

var testCols = []parquet.Column{
	{Name: "id", Type: parquet.Int64},
	{Name: "count", Type: parquet.Int64, Optional: true},
	{Name: "amount", Type: parquet.Double, Optional: true},
	{Name: "share", Type: parquet.Double},
	{Name: "name", Type: parquet.String},
	{Name: "note", Type: parquet.String, Optional: true},
}

// reference is the same schema as a Go struct for parquet-go's writer:
// the schema our files must match element for element.
type reference struct {
	ID     int64    `parquet:"id"`
	Count  *int64   `parquet:"count,optional"`
	Amount *float64 `parquet:"amount,optional"`
	Share  float64  `parquet:"share"`
	Name   string   `parquet:"name"`
	Note   *string  `parquet:"note,optional"`
}

func write(t testing.TB, cols []parquet.Column, rows [][]any, o parquet.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := parquet.NewWriter(&buf, cols, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t *testing.T, b []byte) *pq.File {
	t.Helper()
	f, err := pq.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("parquet-go cannot open the file: %v", err)
	}
	return f
}

// readAll reads every row back as nil, int64, float64 or string.
func readAll(t *testing.T, b []byte) [][]any {
	t.Helper()
	r := pq.NewReader(bytes.NewReader(b))
	defer r.Close()
	ncol := len(r.Schema().Columns())
	var out [][]any
	buf := make([]pq.Row, 64)
	for {
		n, err := r.ReadRows(buf)
		for _, row := range buf[:n] {
			vals := make([]any, ncol)
			for _, v := range row {
				switch {
				case v.IsNull():
				case v.Kind() == pq.Int64:
					vals[v.Column()] = v.Int64()
				case v.Kind() == pq.Double:
					vals[v.Column()] = v.Double()
				case v.Kind() == pq.ByteArray:
					vals[v.Column()] = string(v.ByteArray())
				default:
					t.Fatalf("unexpected kind %v", v.Kind())
				}
			}
			out = append(out, vals)
		}
		if err != nil {
			break
		}
	}
	return out
}

func sameRows(t *testing.T, got, want [][]any) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("read %d rows, wrote %d", len(got), len(want))
	}
	for i := range want {
		for j := range want[i] {
			g, w := got[i][j], want[i][j]
			if gf, ok := g.(float64); ok {
				if wf, ok := w.(float64); ok && math.Float64bits(gf) == math.Float64bits(wf) {
					continue
				}
			} else if g == w {
				continue
			}
			t.Fatalf("row %d column %d: read %#v, wrote %#v", i, j, g, w)
		}
	}
}

var strs = []string{"", "a", "政府信息公开", "😀 emoji", "tab\tand\nnewline", "\x00nul", strings.Repeat("长", 3000)}

var ints = []int64{0, 1, -1, 42, -42, 1<<53 - 1, -(1<<53 - 1), math.MaxInt64, math.MinInt64, 1 << 40}

var floats = []float64{0, 1.5, -2.25, 0.1, 1e300, -1e-300, math.MaxFloat64, math.SmallestNonzeroFloat64, 12345.678, math.Inf(1)}

func randomRows(n int, seed int64) [][]any {
	rnd := rand.New(rand.NewSource(seed))
	rows := make([][]any, n)
	for i := range rows {
		row := []any{int64(i), nil, nil, floats[rnd.Intn(len(floats))], strs[rnd.Intn(len(strs))], nil}
		// Runs of nulls and of values, and lone ones, so the level runs
		// vary in length.
		if (i/7)%3 != 0 || rnd.Intn(5) == 0 {
			row[1] = ints[rnd.Intn(len(ints))]
		}
		if rnd.Intn(3) != 0 {
			row[2] = floats[rnd.Intn(len(floats))] * float64(1-2*rnd.Intn(2))
		}
		if i%11 > 3 {
			row[5] = strs[rnd.Intn(len(strs))]
		}
		rows[i] = row
	}
	return rows
}

func TestSchemaMatchesParquetGo(t *testing.T) {
	for _, codec := range []parquet.Codec{parquet.Uncompressed, parquet.Gzip} {
		b := write(t, testCols, randomRows(10, 1), parquet.Options{Name: "reference", Codec: codec})
		got := open(t, b).Metadata()
		var ref bytes.Buffer
		w := pq.NewGenericWriter[reference](&ref)
		w.Write([]reference{{ID: 1}})
		w.Close()
		want := open(t, ref.Bytes()).Metadata()
		if len(got.Schema) != len(want.Schema) {
			t.Fatalf("%d schema elements, parquet-go writes %d", len(got.Schema), len(want.Schema))
		}
		for i := range want.Schema {
			g, w := got.Schema[i], want.Schema[i]
			g.TypeLength, w.TypeLength = format.SchemaElement{}.TypeLength, format.SchemaElement{}.TypeLength // parquet-go sets it on INT64; the format defines it only for fixed-length arrays
			if !reflect.DeepEqual(g, w) {
				t.Errorf("schema element %d:\n got %+v\nwant %+v", i, g, w)
			}
		}
		if got.CreatedBy != "govreport" {
			t.Errorf("created_by %q", got.CreatedBy)
		}
		col, ok := open(t, b).Schema().Lookup("count")
		if !ok || !col.Node.Optional() || col.Node.Type().Kind() != pq.Int64 {
			t.Errorf("count: %v %v", ok, col.Node)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 2, 1000, 20000} {
		for _, codec := range []parquet.Codec{parquet.Uncompressed, parquet.Gzip} {
			t.Run(fmt.Sprintf("%d/%d", n, codec), func(t *testing.T) {
				rows := randomRows(n, int64(n))
				// Small pages and row groups so many rows span several
				// of each.
				b := write(t, testCols, rows, parquet.Options{Codec: codec, PageSize: 4 << 10, RowGroupSize: 64 << 10})
				f := open(t, b)
				if f.NumRows() != int64(n) {
					t.Errorf("NumRows %d, want %d", f.NumRows(), n)
				}
				sameRows(t, readAll(t, b), rows)
				md := f.Metadata()
				if n == 20000 {
					if len(md.RowGroups) < 3 {
						t.Errorf("%d row groups; want several", len(md.RowGroups))
					}
					if pages := md.RowGroups[0].Columns[4].MetaData.EncodingStats[0].Count; pages < 2 {
						t.Errorf("%d pages in a chunk; want several", pages)
					}
				}
				// A row group ends at the bound on its uncompressed size
				// (give or take the row that reached it), compressed or not.
				for i, g := range md.RowGroups {
					if g.TotalByteSize > 64<<10+24<<10 || i < len(md.RowGroups)-1 && g.TotalByteSize < 64<<10 {
						t.Errorf("row group %d: %d bytes uncompressed", i, g.TotalByteSize)
					}
				}
				checkStats(t, md, rows)
			})
		}
	}
}

// checkStats compares the chunks' null counts and numeric bounds with the
// rows they hold.
func checkStats(t *testing.T, md *format.FileMetaData, rows [][]any) {
	t.Helper()
	first := 0
	for _, g := range md.RowGroups {
		part := rows[first : first+int(g.NumRows)]
		first += int(g.NumRows)
		for j, c := range g.Columns {
			var nulls int64
			var lo, hi any
			for _, r := range part {
				switch v := r[j].(type) {
				case nil:
					nulls++
				case int64:
					if lo == nil || v < lo.(int64) {
						lo = v
					}
					if hi == nil || v > hi.(int64) {
						hi = v
					}
				case float64:
					if lo == nil || v < lo.(float64) {
						lo = v
					}
					if hi == nil || v > hi.(float64) {
						hi = v
					}
				}
			}
			s := c.MetaData.Statistics
			if s.NullCount != nulls {
				t.Errorf("column %d: null_count %d, want %d", j, s.NullCount, nulls)
			}
			if lo == nil {
				continue
			}
			var glo, ghi any
			switch lo.(type) {
			case int64:
				glo, ghi = int64(le(s.MinValue)), int64(le(s.MaxValue))
			case float64:
				glo, ghi = math.Float64frombits(le(s.MinValue)), math.Float64frombits(le(s.MaxValue))
			}
			if glo != lo || ghi != hi {
				t.Errorf("column %d: bounds %v..%v, want %v..%v", j, glo, ghi, lo, hi)
			}
		}
	}
	if first != len(rows) {
		t.Errorf("row groups hold %d rows, want %d", first, len(rows))
	}
}

func le(b []byte) uint64 {
	var v uint64
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// A value longer than a page is a page of its own.
func TestLongStrings(t *testing.T) {
	long := strings.Repeat("年度报告", 100000)
	rows := [][]any{{int64(1), nil, nil, 0.5, long, long}, {int64(2), int64(3), 1.0, 0.25, "", nil}, {int64(3), nil, nil, 0.0, long + "x", ""}}
	b := write(t, testCols, rows, parquet.Options{Codec: parquet.Gzip, PageSize: 1024})
	sameRows(t, readAll(t, b), rows)
}

func TestAllNullColumn(t *testing.T) {
	rows := make([][]any, 300)
	for i := range rows {
		rows[i] = []any{int64(i), nil, nil, 1.0, "x", nil}
	}
	b := write(t, testCols, rows, parquet.Options{})
	sameRows(t, readAll(t, b), rows)
	s := open(t, b).Metadata().RowGroups[0].Columns[1].MetaData.Statistics
	if s.NullCount != 300 || s.MinValue != nil || s.MaxValue != nil {
		t.Errorf("statistics of an all-null column: %+v", s)
	}
}

func TestRejects(t *testing.T) {
	var buf bytes.Buffer
	w, err := parquet.NewWriter(&buf, testCols, parquet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range [][]any{
		{nil, nil, nil, 1.0, "x", nil},                // nil in a required column
		{int64(1), 1.5, nil, 1.0, "x", nil},           // a double in an INT64 column
		{int64(1), nil, nil, 1.0, 7, nil},             // an int in a string column
		{int64(1), nil, nil, 1.0, "x"},                // too short
		{int64(1), nil, nil, int64(1), "x", nil, nil}, // too long
	} {
		if err := w.Write(row); err == nil {
			t.Errorf("%v accepted", row)
		}
	}
	good := []any{int64(1), nil, nil, 1.0, "x", nil}
	if err := w.Write(good); err != nil {
		t.Fatal(err)
	}
	w.Close()
	sameRows(t, readAll(t, buf.Bytes()), [][]any{good})
	for _, cols := range [][]parquet.Column{{{Name: "a", Type: parquet.Int64}, {Name: "a", Type: parquet.String}}, {{Name: "", Type: parquet.Int64}}, {{Name: "a"}}} {
		if _, err := parquet.NewWriter(&buf, cols, parquet.Options{}); err == nil {
			t.Errorf("%v accepted", cols)
		}
	}
}

// The typed calls write the same file as Write, and a value of the wrong
// type stops the writer rather than tearing a row.
func TestTypedCalls(t *testing.T) {
	rows := randomRows(500, 3)
	var buf bytes.Buffer
	w, _ := parquet.NewWriter(&buf, testCols, parquet.Options{PageSize: 512})
	for _, r := range rows {
		for _, v := range r {
			switch v := v.(type) {
			case nil:
				w.Null()
			case int64:
				w.Int64(v)
			case float64:
				w.Double(v)
			case string:
				w.String(v)
			}
		}
		if err := w.EndRow(); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), write(t, testCols, rows, parquet.Options{PageSize: 512})) {
		t.Error("the typed calls wrote another file than Write")
	}
	sameRows(t, readAll(t, buf.Bytes()), rows)

	for name, bad := range map[string]func(w *parquet.Writer){
		"string for INT64": func(w *parquet.Writer) { w.String("1") },
		"null in required": func(w *parquet.Writer) { w.Null() },
		"short row":        func(w *parquet.Writer) { w.Int64(1) },
		"long row": func(w *parquet.Writer) {
			w.Int64(1)
			w.Null()
			w.Null()
			w.Double(1)
			w.String("")
			w.Null()
			w.Null()
		},
	} {
		w, _ := parquet.NewWriter(io.Discard, testCols, parquet.Options{})
		bad(w)
		if w.EndRow() == nil || w.Close() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	w, _ = parquet.NewWriter(io.Discard, testCols, parquet.Options{})
	w.Int64(1)
	if w.Close() == nil {
		t.Error("closed in the middle of a row")
	}
}

func BenchmarkWrite(b *testing.B) {
	rows := randomRows(10000, 7)
	for _, codec := range []parquet.Codec{parquet.Uncompressed, parquet.Gzip} {
		b.Run(fmt.Sprint(codec), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				write(b, testCols, rows, parquet.Options{Codec: codec})
			}
		})
	}
}

// TestDeterministic writes the same rows many times, several writers at
// once so their pages' compressions interleave differently: pages are
// compressed concurrently, but the file's bytes must depend on the rows
// alone.
func TestDeterministic(t *testing.T) {
	rows := randomRows(20000, 3)
	o := parquet.Options{Codec: parquet.Gzip, PageSize: 2 << 10, RowGroupSize: 48 << 10}
	want := write(t, testCols, rows, o)
	for range 3 {
		outs := make([][]byte, 4)
		var wg sync.WaitGroup
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				outs[i] = write(t, testCols, rows, o)
			}()
		}
		wg.Wait()
		for i, b := range outs {
			if !bytes.Equal(b, want) {
				t.Fatalf("writer %d: %d bytes differ from the first file's %d", i, len(b), len(want))
			}
		}
	}
	sameRows(t, readAll(t, want), rows)
}
