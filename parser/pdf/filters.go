package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"io"
	"reflect"

	lpdf "github.com/ledongthuc/pdf"
)

// Stream filters the object layer does not decode (LZWDecode,
// ASCIIHexDecode, RunLengthDecode) are decoded here from the stream's raw
// bytes; the library decodes FlateDecode and ASCII85Decode.

// filters returns the stream's filter names and whether the library can
// decode them all.
func filters(v lpdf.Value) (names []string, libOK bool) {
	f := key(v, "Filter")
	switch f.Kind() {
	case lpdf.Name:
		names = []string{f.Name()}
	case lpdf.Array:
		for i := 0; i < length(f) && i < 8; i++ {
			names = append(names, nameOf(index(f, i)))
		}
	}
	libOK = true
	for _, n := range names {
		if n != "FlateDecode" && n != "ASCII85Decode" {
			libOK = false
		}
	}
	return names, libOK
}

// rawStream returns the undecoded bytes of a stream from src, the bytes
// the reader was opened on.
func rawStream(v lpdf.Value, src []byte) (raw []byte, ok bool) {
	defer func() {
		if recover() != nil {
			raw, ok = nil, false
		}
	}()
	start, ok := streamOffset(v)
	if !ok {
		return nil, false
	}
	n, _ := num(key(v, "Length"))
	if start < 0 || start > int64(len(src)) {
		return nil, false
	}
	end := start + int64(n)
	if n <= 0 || end > int64(len(src)) {
		end = int64(len(src))
		if k := bytes.Index(src[start:], []byte("endstream")); k >= 0 {
			end = start + int64(k)
		}
	}
	return src[start:end], true
}

// streamOffset is where a stream's data starts in the bytes the library
// reads (the library does not export it).
func streamOffset(v lpdf.Value) (int64, bool) {
	data := lib().data
	if data < 0 || v.Kind() != lpdf.Stream {
		return 0, false
	}
	s := reflect.ValueOf(v).Field(data)
	if s.Kind() == reflect.Interface {
		s = s.Elem()
	}
	off := s.FieldByName("offset")
	if !off.IsValid() {
		return 0, false
	}
	return off.Int(), true
}

// decodeRaw applies the filters to raw, at most limit bytes of output.
func decodeRaw(raw []byte, names []string, limit int64) ([]byte, error) {
	data := raw
	for _, n := range names {
		var rd io.Reader
		switch n {
		case "FlateDecode", "Fl":
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				return nil, err
			}
			rd = zr
		case "ASCII85Decode", "A85":
			d := bytes.TrimSpace(data)
			d = bytes.TrimPrefix(d, []byte("<~"))
			if k := bytes.Index(d, []byte("~>")); k >= 0 {
				d = d[:k]
			}
			rd = ascii85.NewDecoder(bytes.NewReader(d))
		case "ASCIIHexDecode", "AHx":
			rd = bytes.NewReader(asciiHex(data))
		case "LZWDecode", "LZW":
			rd = bytes.NewReader(lzwDecode(data, limit))
		case "RunLengthDecode", "RL":
			rd = bytes.NewReader(runLength(data, limit))
		default:
			return nil, errors.New("unsupported filter " + n)
		}
		out, err := io.ReadAll(io.LimitReader(rd, limit+1))
		if int64(len(out)) > limit {
			return out[:limit], errStreamTooLarge
		}
		if err != nil && len(out) == 0 {
			return nil, err
		}
		data = out
	}
	return data, nil
}

func asciiHex(b []byte) []byte {
	l := &lexer{b: append(append([]byte{}, b...), '>')}
	return []byte(l.hexString())
}

// lzwDecode decodes PDF's LZW (MSB first, early change).
func lzwDecode(b []byte, limit int64) []byte {
	var out []byte
	var table [][]byte
	reset := func() {
		table = table[:0]
		for i := 0; i < 256; i++ {
			table = append(table, []byte{byte(i)})
		}
		table = append(table, nil, nil) // 256 clear, 257 end
	}
	reset()
	width := 9
	var bitBuf uint32
	bits := 0
	var prev []byte
	for i := 0; i < len(b); i++ {
		bitBuf = bitBuf<<8 | uint32(b[i])
		bits += 8
		for bits >= width {
			code := int(bitBuf>>(bits-width)) & (1<<width - 1)
			bits -= width
			switch {
			case code == 256:
				reset()
				width = 9
				prev = nil
				continue
			case code == 257:
				return out
			}
			var entry []byte
			switch {
			case code < len(table) && table[code] != nil:
				entry = table[code]
			case code == len(table) && prev != nil:
				entry = append(append([]byte{}, prev...), prev[0])
			default:
				return out // corrupt
			}
			out = append(out, entry...)
			if int64(len(out)) > limit {
				return out
			}
			if prev != nil && len(table) < 4096 {
				table = append(table, append(append([]byte{}, prev...), entry[0]))
			}
			prev = entry
			switch {
			case len(table) >= 2047:
				width = 12
			case len(table) >= 1023:
				width = 11
			case len(table) >= 511:
				width = 10
			}
		}
	}
	return out
}

func runLength(b []byte, limit int64) []byte {
	var out []byte
	for i := 0; i < len(b) && int64(len(out)) <= limit; {
		n := int(b[i])
		i++
		switch {
		case n < 128:
			end := min(i+n+1, len(b))
			out = append(out, b[i:end]...)
			i = end
		case n > 128:
			if i < len(b) {
				out = append(out, bytes.Repeat(b[i:i+1], 257-n)...)
				i++
			}
		default:
			return out
		}
	}
	return out
}
