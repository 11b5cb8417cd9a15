package batch

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
)

// The worker protocol's frames. The parent writes a request frame followed
// by the document's bytes; the worker answers each request with a response
// frame followed by its payload. Both are binary (a magic byte, flags,
// varints and length-prefixed bytes): a JSON line each way cost the two
// processes tens of microseconds a file in encoding/json, a share of the
// worker design's overhead. A path travels as its bytes, whatever they are.
const (
	requestMagic  = 0xA7
	responseMagic = 0xA8

	reqWhole  = 1 << 0 // send the whole report, not only its summary
	reqInline = 1 << 1 // the document's Len bytes follow; else read the file at the path
	reqPack   = 1 << 2 // send the result compressed as the spool keeps it

	respExit   = 1 << 0 // the worker stops after this response
	respError  = 1 << 1 // Error follows instead of a result
	respPacked = 1 << 2 // the payload is packed (PackedLen bytes)

	// maxFrameBytes bounds a length read from a frame: past it the frame
	// is damage (a worker that wrote something else on its output), not a
	// length to allocate.
	maxFrameBytes = 1 << 30
	// maxFrameString bounds a path, an error's kind or reason.
	maxFrameString = 1 << 20
)

var errFrame = errors.New("bad frame")

// appendRequest appends r's frame to dst (the document's bytes follow it
// on the wire).
func appendRequest(dst []byte, r *request) []byte {
	var flags byte
	if r.Whole {
		flags |= reqWhole
	}
	if r.Inline {
		flags |= reqInline
	}
	if r.Pack {
		flags |= reqPack
	}
	dst = append(dst, requestMagic, flags)
	dst = binary.AppendUvarint(dst, uint64(r.ID))
	dst = appendString(dst, r.Path)
	return binary.AppendUvarint(dst, uint64(r.Len))
}

// readRequest reads a request frame; io.EOF at a frame's start is the end
// of the requests.
func readRequest(br *bufio.Reader, r *request) error {
	flags, id, err := readHead(br, requestMagic)
	if err != nil {
		return err
	}
	path, err := readBytes(br)
	if err != nil {
		return err
	}
	n, err := readLen(br)
	if err != nil {
		return err
	}
	*r = request{ID: int64(id), Path: string(path), Whole: flags&reqWhole != 0, Inline: flags&reqInline != 0,
		Pack: flags&reqPack != 0, Len: n}
	return nil
}

// readHead reads a frame's magic byte, which must be magic, its flags and
// its ID; io.EOF before the magic byte is the end of the frames.
func readHead(br *bufio.Reader, magic byte) (flags byte, id uint64, err error) {
	m, err := br.ReadByte()
	if err != nil {
		return 0, 0, err
	}
	if m != magic {
		return 0, 0, errFrame
	}
	if flags, err = br.ReadByte(); err != nil {
		return 0, 0, noEOF(err)
	}
	if id, err = binary.ReadUvarint(br); err != nil {
		return 0, 0, noEOF(err)
	}
	return flags, id, nil
}

// appendResponse appends r's frame to dst (its payload follows on the
// wire: the packed bytes, or the summary's and the report's).
func appendResponse(dst []byte, r *response) []byte {
	var flags byte
	if r.Exit {
		flags |= respExit
	}
	if r.Error != nil {
		flags |= respError
	}
	if r.PackedLen > 0 {
		flags |= respPacked
	}
	dst = append(dst, responseMagic, flags)
	dst = binary.AppendUvarint(dst, uint64(r.ID))
	if r.Error != nil {
		return appendString(appendString(dst, r.Error.Kind), r.Error.Reason)
	}
	if r.PackedLen > 0 {
		dst = binary.AppendUvarint(dst, uint64(r.PackedLen))
		dst = binary.AppendUvarint(dst, uint64(r.PathLen))
	}
	dst = binary.AppendUvarint(dst, uint64(r.SummaryLen))
	return binary.AppendUvarint(dst, uint64(r.ReportLen))
}

// readResponse reads a response frame and its payload.
func readResponse(br *bufio.Reader, r *response) error {
	flags, id, err := readHead(br, responseMagic)
	if err != nil {
		return err
	}
	*r = response{ID: int64(id), Exit: flags&respExit != 0}
	if flags&respError != 0 {
		kind, err := readBytes(br)
		if err != nil {
			return err
		}
		reason, err := readBytes(br)
		if err != nil {
			return err
		}
		r.Error = &errInfo{Kind: string(kind), Reason: string(reason)}
		return nil
	}
	var lens [4]int
	k := 2
	if flags&respPacked != 0 {
		k = 4
	}
	for i := range k {
		if lens[i], err = readLen(br); err != nil {
			return err
		}
	}
	if flags&respPacked != 0 {
		r.PackedLen, r.PathLen, r.SummaryLen, r.ReportLen = lens[0], lens[1], lens[2], lens[3]
		if r.PackedLen == 0 {
			return errFrame
		}
		r.packed = make([]byte, r.PackedLen)
		_, err := io.ReadFull(br, r.packed)
		return noEOF(err)
	}
	r.SummaryLen, r.ReportLen = lens[0], lens[1]
	if r.SummaryLen+r.ReportLen > 0 {
		b := make([]byte, r.SummaryLen+r.ReportLen)
		if _, err := io.ReadFull(br, b); err != nil {
			return noEOF(err)
		}
		r.summary, r.report = b[:r.SummaryLen:r.SummaryLen], b[r.SummaryLen:]
		if r.ReportLen == 0 {
			r.report = nil
		}
	}
	return nil
}

func readLen(br *bufio.Reader) (int, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return 0, noEOF(err)
	}
	if n > maxFrameBytes {
		return 0, errFrame
	}
	return int(n), nil
}

func readBytes(br *bufio.Reader) ([]byte, error) {
	n, err := readLen(br)
	if err != nil {
		return nil, err
	}
	if n > maxFrameString {
		return nil, errFrame
	}
	b := make([]byte, n)
	_, err = io.ReadFull(br, b)
	return b, noEOF(err)
}

// noEOF: a frame that ends early is damage, not the end of the stream.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
