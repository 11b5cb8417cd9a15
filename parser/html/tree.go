package html

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"unsafe"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The page is read into a compact tree: nodes in one slice linked by
// index, text as ranges of one string. It is built straight from
// x/net/html's tokenizer for the markup that portals and Word produce
// (missing </td>, </tr>, </p>, <tbody>, stray end tags, …), following
// x/net/html's tree construction step by step for those cases. Markup
// whose tree that builder would rearrange in ways not followed here
// (foster parenting, the adoption agency, reconstructed formatting
// elements, foreign content, forms of <select>, …) makes the fast
// builder give up, and the page is parsed by x/net/html.Parse and
// copied into the same tree: the tree, and so the lines, are those of
// html.Parse either way.

type nodeKind uint8

const (
	docNode nodeKind = iota
	elemNode
	textNode
)

const none = -1

// node holds no pointers, so that the collector does not scan the tree.
type node struct {
	kind    nodeKind
	open    bool // on the builder's stack of open elements
	comment bool // has a comment child (comments are not kept)
	atom    atom.Atom
	// name is 1 + the index in tree.names of the name of an element whose
	// name is not its atom's (an unknown tag: o:p, st1:place); 0 otherwise.
	name                      int32
	parent, first, last, next int32
	// text: a range of tree.text; element: a range of tree.attrs.
	start, end int32
}

// attr keeps the attributes the reader looks at, in source order.
type attr struct {
	key string
	val string
}

type tree struct {
	nodes []node
	attrs []attr
	names []string
	buf   []byte // text while building
	text  string // buf once built
	// pooled: buf is a scratch buffer that goes to the next page, so the
	// text is copied out of it rather than shared.
	pooled bool
}

// nameOf returns an element's tag name.
func (t *tree) nameOf(n int32) string {
	if i := t.nodes[n].name; i > 0 {
		return t.names[i-1]
	}
	return t.nodes[n].atom.String()
}

// finish makes the text a string. A buffer of the page's own is not
// written again, so the string shares its bytes instead of copying them;
// a pooled buffer's text is copied out, at its exact size, and the buffer
// stays in t.buf for the caller to keep.
func (t *tree) finish() {
	if t.pooled {
		t.text = string(t.buf)
		return
	}
	if len(t.buf) > 0 {
		t.text = unsafe.String(&t.buf[0], len(t.buf))
	}
	t.buf = nil
}

func (t *tree) textOf(n int32) string {
	return t.text[t.nodes[n].start:t.nodes[n].end]
}

func (t *tree) attrsOf(n int32) []attr {
	return t.attrs[t.nodes[n].start:t.nodes[n].end]
}

func (t *tree) add(parent int32, n node) int32 {
	i := int32(len(t.nodes))
	n.parent, n.first, n.last, n.next = parent, none, none, none
	t.nodes = append(t.nodes, n)
	if parent != none {
		p := &t.nodes[parent]
		if p.last == none {
			p.first = i
		} else {
			t.nodes[p.last].next = i
		}
		p.last = i
	}
	return i
}

// addText appends text to parent, merging it with a text node just before
// it, as html.Parse does.
func (t *tree) addText(parent int32, s []byte) {
	if len(s) == 0 {
		return
	}
	if l := t.nodes[parent].last; l != none && t.nodes[l].kind == textNode && int(t.nodes[l].end) == len(t.buf) {
		t.buf = append(t.buf, s...)
		t.nodes[l].end = int32(len(t.buf))
		return
	}
	start := int32(len(t.buf))
	t.buf = append(t.buf, s...)
	t.add(parent, node{kind: textNode, start: start, end: int32(len(t.buf))})
}

// keptAttr reports the attributes the reader uses of an element: a link's
// target, a cell's spans, a meta's name and content, an input's type.
func keptAttr(el atom.Atom, key []byte) (string, bool) {
	switch el {
	case atom.A:
		if string(key) == "href" {
			return "href", true
		}
	case atom.Td, atom.Th:
		switch string(key) {
		case "colspan":
			return "colspan", true
		case "rowspan":
			return "rowspan", true
		}
	case atom.Meta:
		switch string(key) {
		case "name":
			return "name", true
		case "content":
			return "content", true
		}
	case atom.Input:
		if string(key) == "type" {
			return "type", true
		}
	}
	return "", false
}

// mayHaveAttr reports whether a tag's source can hold an attribute that
// keptAttr keeps: most cells have no span, and TagAttr copies every key
// and value it returns.
func mayHaveAttr(el atom.Atom, raw []byte) bool {
	switch el {
	case atom.Td, atom.Th:
		return containsFold(raw, "span")
	case atom.A:
		return containsFold(raw, "href")
	case atom.Input:
		return containsFold(raw, "type")
	}
	return true
}

// containsFold reports whether b contains the lower-case ASCII word w in
// any case.
func containsFold(b []byte, w string) bool {
	for i := 0; i+len(w) <= len(b); i++ {
		j := 0
		for j < len(w) && b[i+j]|0x20 == w[j] {
			j++
		}
		if j == len(w) {
			return true
		}
	}
	return false
}

// fromNode copies a tree built by html.Parse.
func fromNode(root *xhtml.Node) *tree {
	t := &tree{}
	var rec func(n *xhtml.Node, parent int32)
	rec = func(n *xhtml.Node, parent int32) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case xhtml.TextNode:
				t.addText(parent, []byte(c.Data))
			case xhtml.ElementNode:
				e := node{kind: elemNode, atom: c.DataAtom}
				if c.DataAtom == 0 || c.Data != c.DataAtom.String() {
					t.names = append(t.names, c.Data)
					e.name = int32(len(t.names))
				}
				e.start = int32(len(t.attrs))
				for _, a := range c.Attr {
					if k, ok := keptAttr(c.DataAtom, []byte(a.Key)); ok {
						t.attrs = append(t.attrs, attr{k, a.Val})
					}
				}
				e.end = int32(len(t.attrs))
				rec(c, t.add(parent, e))
			}
		}
	}
	t.add(none, node{kind: docNode})
	rec(root, 0)
	t.finish()
	return t
}

// errGiveUp says the fast builder met markup it does not follow.
var errGiveUp = errors.New("html: markup left to html.Parse")

// giveUp is errGiveUp saying what was met, for tests.
func giveUp(why string) error { return &giveUpError{why} }

type giveUpError struct{ why string }

func (e *giveUpError) Error() string        { return errGiveUp.Error() + ": " + e.why }
func (e *giveUpError) Is(target error) bool { return target == errGiveUp }

// maxOpen is html.Parse's limit of nested elements (it fails beyond it).
const maxOpen = 512

type phase uint8

const (
	beforeHead phase = iota // initial, before html, before head
	inHead
	afterHead
	inBody
)

// builder follows x/net/html's tree construction for the common cases.
type builder struct {
	t       *tree
	z       tokens
	lx      *lexer  // z, when it is our lexer
	oe      []int32 // stack of open elements
	modes   []mode  // modes[i] is mode() with oe[:i+1] open
	afe     []int32 // active formatting elements; none is a marker
	form    int32
	html    int32
	head    int32
	body    int32
	phase   phase
	names   map[string]int32 // each unknown tag's node.name
	attrBuf []attr
	nameBuf []byte
}

// buildFast builds the tree from the token stream, or returns errGiveUp.
func buildFast(ctx context.Context, src []byte) (*tree, error) {
	return buildFastTo(ctx, src, tree{})
}

// buildFastTo is buildFast in mem's memory: the nodes in mem.nodes' when
// it is large enough, the attributes in mem.attrs', and, when mem.pooled
// is set, the text built in mem.buf's and copied out at its exact size
// (t.buf is then the buffer to keep).
func buildFastTo(ctx context.Context, src []byte, mem tree) (*tree, error) {
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, giveUp("NUL handling differs by insertion mode") // NUL handling differs by insertion mode
	}
	// A page has about one node per '<' (fewer in Word's markup, a few
	// more in short pages), and text is a small part of most pages: the
	// slices are sized so that they rarely grow. (Text is 7% to 52% of
	// the pages we know: a page's own buffer at a quarter of it is too
	// large for most and grows for some, which a pooled buffer, grown once
	// and copied out exactly, avoids in a batch.)
	lt := bytes.Count(src, []byte{'<'})
	t := &tree{nodes: mem.nodes[:0], attrs: mem.attrs[:0], buf: mem.buf[:0], pooled: mem.pooled}
	if !t.pooled || cap(t.buf) == 0 {
		t.buf = make([]byte, 0, len(src)/4+64)
	}
	if cap(t.nodes) < lt+lt/8+32 {
		t.nodes = make([]node, 0, lt+lt/8+32)
	}
	lx := newLexer(src)
	lx.keptOnly = true
	err := build(ctx, t, lx)
	if errors.Is(err, errLexer) {
		t.nodes, t.attrs, t.names, t.buf = t.nodes[:0], t.attrs[:0], t.names[:0], t.buf[:0]
		err = build(ctx, t, xhtml.NewTokenizer(bytes.NewReader(src)))
	}
	if err != nil {
		return nil, err
	}
	t.finish()
	return t, nil
}

// build builds the tree from z's tokens.
func build(ctx context.Context, t *tree, z tokens) error {
	b := &builder{t: t, z: z, form: none, html: none, head: none, body: none}
	b.lx, _ = z.(*lexer)
	t.add(none, node{kind: docNode})
	for n := 0; ; n++ {
		if n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		tt := b.z.Next()
		if tt == xhtml.ErrorToken {
			if err := b.z.Err(); err != io.EOF {
				return err
			}
			return b.eof()
		}
		if err := b.token(tt); err != nil {
			return err
		}
	}
}

// tag is the current tag token.
type tag struct {
	atom  atom.Atom
	id    int32 // node.name
	attrs []attr
}

func (b *builder) readTag(withAttrs bool) tag {
	name := b.tagName()
	var tg tag
	if a := atom.Lookup(name); a != 0 {
		tg.atom = a
	} else {
		id, ok := b.names[string(name)]
		if !ok {
			if b.names == nil {
				b.names = map[string]int32{}
			}
			b.t.names = append(b.t.names, string(name))
			id = int32(len(b.t.names))
			b.names[b.t.names[id-1]] = id
		}
		tg.id = id
	}
	if !withAttrs || !attrsRead(tg.atom) {
		return tg
	}
	b.attrBuf = b.attrBuf[:0]
	if lx := b.lx; lx != nil {
		// The lexer has the keys at hand: only the values kept are read.
		for i := range lx.attrs {
			if key, ok := keptAttr(tg.atom, lx.key(i)); ok {
				b.attrBuf = append(b.attrBuf, attr{key, string(lx.value(i))})
			}
		}
		tg.attrs = b.attrBuf
		return tg
	}
	if !mayHaveAttr(tg.atom, b.z.Raw()) {
		return tg
	}
	for more := true; more; {
		var k, v []byte
		k, v, more = b.z.TagAttr()
		if k == nil {
			break
		}
		if key, ok := keptAttr(tg.atom, k); ok {
			b.attrBuf = append(b.attrBuf, attr{key, string(v)})
		}
	}
	tg.attrs = b.attrBuf
	return tg
}

// attrsRead reports the elements whose attributes the reader looks at.
func attrsRead(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Td, atom.Th, atom.Meta, atom.Input:
		return true
	}
	return false
}

// tagName is the tokenizer's TagName (lower-cased), read from the raw
// token (into a reused buffer when it must be lower-cased): TagName copies
// the name every time.
func (b *builder) tagName() []byte {
	var name []byte
	if b.lx != nil {
		name = b.lx.src[b.lx.name[0]:b.lx.name[1]] // found by the lexer already
	} else {
		raw := b.z.Raw()
		i := 1
		if i < len(raw) && raw[i] == '/' {
			i++
		}
		j := i
		for j < len(raw) {
			c := raw[j]
			if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>' {
				break
			}
			j++
		}
		name = raw[i:j]
	}
	if !hasUpper(name) {
		return name // most tags: no copy
	}
	b.nameBuf = append(b.nameBuf[:0], name...)
	for k, c := range b.nameBuf {
		if 'A' <= c && c <= 'Z' {
			b.nameBuf[k] = c + 'a' - 'A'
		}
	}
	return b.nameBuf
}

func (b *builder) token(tt xhtml.TokenType) error {
	switch tt {
	case xhtml.TextToken:
		return b.text(b.z.Text())
	case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
		return b.start(b.readTag(true))
	case xhtml.EndTagToken:
		return b.end(b.readTag(false))
	case xhtml.CommentToken:
		// A comment is the first child that keeps <pre> from dropping
		// its leading newline.
		if b.phase == inBody && len(b.oe) > 0 {
			b.t.nodes[b.top()].comment = true
		}
	}
	return nil // comments and doctypes are not part of the tree read
}

const whitespace = " \t\r\n\f"

func trimLeftSpace(s []byte) []byte {
	for len(s) > 0 && strings.IndexByte(whitespace, s[0]) >= 0 {
		s = s[1:]
	}
	return s
}

func (b *builder) top() int32 {
	if len(b.oe) == 0 {
		return 0
	}
	return b.oe[len(b.oe)-1]
}

func (b *builder) topAtom() atom.Atom {
	if len(b.oe) == 0 {
		return 0
	}
	return b.t.nodes[b.oe[len(b.oe)-1]].atom
}

// push adds an element under the current node and opens it.
func (b *builder) push(tg tag) (int32, error) { return b.pushUnder(b.top(), tg) }

// pushUnder adds an element under parent and opens it.
func (b *builder) pushUnder(parent int32, tg tag) (int32, error) {
	if len(b.oe) >= maxOpen {
		return none, giveUp("html.Parse fails here: let it say so") // html.Parse fails here: let it say so
	}
	n := node{kind: elemNode, atom: tg.atom, name: tg.id, open: true}
	n.start = int32(len(b.t.attrs))
	b.t.attrs = append(b.t.attrs, tg.attrs...)
	n.end = int32(len(b.t.attrs))
	i := b.t.add(parent, n)
	b.oe = append(b.oe, i)
	m, ok := modeOf(tg.atom)
	if !ok {
		m = b.mode() // that of the elements below
	}
	b.modes = append(b.modes, m)
	return i, nil
}

// void adds an element that is closed at once.
func (b *builder) void(tg tag) error {
	if _, err := b.push(tg); err != nil {
		return err
	}
	b.pop()
	return nil
}

func (b *builder) pop() {
	i := b.oe[len(b.oe)-1]
	b.t.nodes[i].open = false
	b.oe = b.oe[:len(b.oe)-1]
	b.modes = b.modes[:len(b.modes)-1]
}

// popTo closes the elements above index i of the stack, and i itself.
func (b *builder) popTo(i int) {
	for len(b.oe) > i {
		b.pop()
	}
}

func (b *builder) implied(a atom.Atom) tag { return tag{atom: a} }

// rawText reads the text of a raw-text or RCDATA element just opened (the
// tokenizer is in raw mode) up to its end tag.
func (b *builder) rawText(tg tag) error { return b.rawTextUnder(b.top(), tg) }

func (b *builder) rawTextUnder(parent int32, tg tag) error {
	el, err := b.pushUnder(parent, tg)
	if err != nil {
		return err
	}
	for {
		switch b.z.Next() {
		case xhtml.TextToken:
			d := b.z.Text()
			if tg.atom == atom.Textarea && b.t.nodes[el].first == none {
				if len(d) > 0 && d[0] == '\r' {
					d = d[1:]
				}
				if len(d) > 0 && d[0] == '\n' {
					d = d[1:]
				}
			}
			b.t.addText(el, d)
		case xhtml.ErrorToken:
			b.pop()
			if err := b.z.Err(); err != io.EOF {
				return err
			}
			return b.eof()
		default: // the end tag
			b.pop()
			return nil
		}
	}
}

func (b *builder) eof() error {
	// html.Parse creates the elements the page left implied.
	switch b.phase {
	case beforeHead, inHead, afterHead:
		if err := b.toBody(); err != nil {
			return err
		}
	}
	return nil
}

// toBody creates whichever of html, head and body are missing.
func (b *builder) toBody() error {
	if b.html == none {
		b.html, _ = b.push(b.implied(atom.Html))
	}
	if b.head == none {
		b.head, _ = b.push(b.implied(atom.Head))
	}
	if b.phase < afterHead {
		// </head>: head is the current node here.
		b.pop()
	}
	if b.body == none {
		b.body, _ = b.push(b.implied(atom.Body))
	}
	b.phase = inBody
	return nil
}

func (b *builder) text(d []byte) error {
	switch b.phase {
	case beforeHead, inHead, afterHead:
		s := trimLeftSpace(d)
		if b.phase != beforeHead {
			// Whitespace in the head, or after it in html.
			b.t.addText(b.top(), d[:len(d)-len(s)])
		}
		if len(s) == 0 {
			return nil
		}
		if err := b.toBody(); err != nil {
			return err
		}
		d = s
	}
	switch b.mode() {
	case modeTable, modeTBody, modeRow:
		if len(strings.Trim(string(d), whitespace)) == 0 {
			b.t.addText(b.top(), d)
			return nil
		}
		return giveUp("foster parenting") // foster parenting
	case modeColgroup:
		s := trimLeftSpace(d)
		b.t.addText(b.top(), d[:len(d)-len(s)])
		if len(s) == 0 {
			return nil
		}
		return giveUp("the colgroup ends and the text is foster-parented") // the colgroup ends and the text is foster-parented
	}
	switch b.topAtom() {
	case atom.Pre, atom.Listing:
		if b.t.nodes[b.top()].first == none && !b.t.nodes[b.top()].comment {
			if len(d) > 0 && d[0] == '\r' {
				d = d[1:]
			}
			if len(d) > 0 && d[0] == '\n' {
				d = d[1:]
			}
		}
	}
	if len(d) == 0 {
		return nil
	}
	if err := b.reconstruct(); err != nil {
		return err
	}
	b.t.addText(b.top(), d)
	return nil
}

type mode uint8

const (
	modeBody mode = iota
	modeCell
	modeRow
	modeTBody
	modeTable
	modeColgroup
)

// mode is the insertion mode html.Parse would be in, read off the stack
// of open elements as its "reset the insertion mode" does: within the
// markup followed here the two agree.
// It is kept for each depth of the stack as elements are opened.
func (b *builder) mode() mode {
	if len(b.modes) == 0 {
		return modeBody
	}
	return b.modes[len(b.modes)-1]
}

// modeOf returns the mode an element sets for the elements above it on
// the stack, if it sets one.
func modeOf(a atom.Atom) (mode, bool) {
	switch a {
	case atom.Td, atom.Th:
		return modeCell, true
	case atom.Tr:
		return modeRow, true
	case atom.Tbody, atom.Thead, atom.Tfoot:
		return modeTBody, true
	case atom.Table:
		return modeTable, true
	case atom.Colgroup:
		return modeColgroup, true
	case atom.Body, atom.Html:
		return modeBody, true
	}
	return 0, false
}

func (b *builder) start(tg tag) error {
	switch b.phase {
	case beforeHead:
		switch tg.atom {
		case atom.Html:
			if b.html == none {
				b.html, _ = b.push(tg)
			}
			return nil
		case atom.Head:
			if b.html == none {
				b.html, _ = b.push(b.implied(atom.Html))
			}
			b.head, _ = b.push(tg)
			b.phase = inHead
			return nil
		}
		if b.html == none {
			b.html, _ = b.push(b.implied(atom.Html))
		}
		b.head, _ = b.push(b.implied(atom.Head))
		b.phase = inHead
		return b.start(tg)
	case inHead:
		switch tg.atom {
		case atom.Html, atom.Head:
			return nil
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta:
			return b.void(tg)
		case atom.Noscript, atom.Script, atom.Title, atom.Noframes, atom.Style:
			return b.rawText(tg)
		case atom.Template:
			return giveUp("site1")
		}
		b.pop() // </head>
		b.phase = afterHead
		return b.start(tg)
	case afterHead:
		switch tg.atom {
		case atom.Html, atom.Head:
			return nil
		case atom.Body:
			b.body, _ = b.push(tg)
			b.phase = inBody
			return nil
		case atom.Frameset, atom.Template:
			return giveUp("site2")
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes, atom.Script, atom.Style, atom.Title:
			// Back into the head for these; the head itself stays closed.
			if tg.atom == atom.Noframes || tg.atom == atom.Script || tg.atom == atom.Style || tg.atom == atom.Title {
				return b.rawTextUnder(b.head, tg)
			}
			if _, err := b.pushUnder(b.head, tg); err != nil {
				return err
			}
			b.pop()
			return nil
		}
		if err := b.toBody(); err != nil {
			return err
		}
	}
	return b.startInBody(tg)
}

func (b *builder) startInBody(tg tag) error {
	switch b.mode() {
	case modeColgroup:
		switch tg.atom {
		case atom.Html:
			return nil
		case atom.Col:
			return b.void(tg)
		case atom.Template:
			return giveUp("site3")
		}
		b.pop()
		return b.startInBody(tg)
	case modeRow:
		switch tg.atom {
		case atom.Td, atom.Th:
			b.clearTo(atom.Tr)
			if _, err := b.push(tg); err != nil {
				return err
			}
			b.afe = append(b.afe, none)
			return nil
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if b.inScope(tableScope, atom.Tr) < 0 {
				return nil
			}
			b.clearTo(atom.Tr)
			b.pop()
			return b.startInBody(tg)
		}
		return b.startInTable(tg)
	case modeTBody:
		switch tg.atom {
		case atom.Tr:
			b.clearTo(atom.Tbody)
			_, err := b.push(tg)
			return err
		case atom.Td, atom.Th:
			if _, err := b.push(b.implied(atom.Tr)); err != nil {
				return err
			}
			return b.startInBody(tg)
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead:
			i := b.inScope(tableScope, atom.Tbody, atom.Thead, atom.Tfoot)
			if i < 0 {
				return nil
			}
			b.popTo(i)
			return b.startInBody(tg)
		}
		return b.startInTable(tg)
	case modeTable:
		return b.startInTable(tg)
	case modeCell:
		switch tg.atom {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
			i := b.inScope(tableScope, atom.Td, atom.Th)
			if i < 0 {
				return nil
			}
			b.popTo(i)
			b.clearFormatting()
			return b.startInBody(tg)
		}
	}
	return b.startBody(tg)
}

func (b *builder) startInTable(tg tag) error {
	switch tg.atom {
	case atom.Caption, atom.Template:
		return giveUp("site4")
	case atom.Colgroup:
		b.clearTo(atom.Table)
		_, err := b.push(tg)
		return err
	case atom.Col:
		b.clearTo(atom.Table)
		if _, err := b.push(b.implied(atom.Colgroup)); err != nil {
			return err
		}
		return b.startInBody(tg)
	case atom.Tbody, atom.Tfoot, atom.Thead:
		b.clearTo(atom.Table)
		_, err := b.push(tg)
		return err
	case atom.Td, atom.Th, atom.Tr:
		b.clearTo(atom.Table)
		if _, err := b.push(b.implied(atom.Tbody)); err != nil {
			return err
		}
		return b.startInBody(tg)
	case atom.Table:
		i := b.inScope(tableScope, atom.Table)
		if i < 0 {
			return nil
		}
		b.popTo(i)
		return b.startInBody(tg)
	case atom.Style, atom.Script:
		return b.rawText(tg)
	case atom.Input:
		for _, a := range tg.attrs {
			if a.key == "type" && strings.EqualFold(a.val, "hidden") {
				return b.void(tg)
			}
		}
	case atom.Form:
		if b.form != none {
			return nil
		}
		var err error
		b.form, err = b.push(tg)
		b.pop()
		return err
	}
	return giveUp("foster parenting") // foster parenting
}

// startBody is html.Parse's "in body" for a start tag.
func (b *builder) startBody(tg tag) error {
	switch tg.atom {
	case atom.Html, atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Frame, atom.Head, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
		return nil
	case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track:
		return b.void(tg)
	case atom.Noframes, atom.Script, atom.Style, atom.Title, atom.Noscript, atom.Iframe, atom.Noembed, atom.Textarea:
		return b.rawText(tg)
	case atom.Xmp:
		b.closeP()
		if err := b.reconstruct(); err != nil {
			return err
		}
		return b.rawText(tg)
	case atom.Template, atom.Frameset, atom.Plaintext, atom.Nobr, atom.Applet, atom.Marquee, atom.Object,
		atom.Select, atom.Rb, atom.Rtc, atom.Rp, atom.Rt, atom.Math, atom.Svg:
		return giveUp("<" + tg.atom.String() + ">")
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Search, atom.Section, atom.Summary, atom.Ul, atom.Pre, atom.Listing:
		b.closeP()
		_, err := b.push(tg)
		return err
	case atom.Button:
		if i := b.inScope(defaultScope, atom.Button); i >= 0 {
			b.impliedEnd(0)
			if i := b.inScope(defaultScope, atom.Button); i >= 0 {
				b.popTo(i)
			}
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.closeP()
		if isHeading(b.topAtom()) {
			b.pop()
		}
		_, err := b.push(tg)
		return err
	case atom.Form:
		if b.form != none {
			return nil
		}
		b.closeP()
		var err error
		b.form, err = b.push(tg)
		return err
	case atom.Li, atom.Dd, atom.Dt:
		for i := len(b.oe) - 1; i >= 0; i-- {
			a := b.t.nodes[b.oe[i]].atom
			if a == tg.atom || (tg.atom != atom.Li && (a == atom.Dd || a == atom.Dt)) {
				b.popTo(i)
				break
			}
			if a == atom.Address || a == atom.Div || a == atom.P {
				continue
			}
			if isSpecial(a) {
				break
			}
		}
		b.closeP()
		_, err := b.push(tg)
		return err
	case atom.A:
		for i := len(b.afe) - 1; i >= 0 && b.afe[i] != none; i-- {
			if b.t.nodes[b.afe[i]].atom == atom.A {
				return giveUp("an <a> left open: the adoption agency") // an <a> left open: the adoption agency
			}
		}
		return b.formatting(tg)
	case atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		return b.formatting(tg)
	case atom.Table:
		if b.inScope(buttonScope, atom.P) >= 0 {
			return giveUp("closes the <p> or not depending on quirks mode") // closes the <p> or not depending on quirks mode
		}
		_, err := b.push(tg)
		return err
	case atom.Area, atom.Br, atom.Embed, atom.Img, atom.Keygen, atom.Wbr, atom.Input:
		if err := b.reconstruct(); err != nil {
			return err
		}
		return b.void(tg)
	case atom.Image:
		tg.atom, tg.id = atom.Img, 0
		return b.startBody(tg)
	case atom.Hr:
		if b.inScope(buttonScope, atom.P) >= 0 {
			b.impliedEnd(atom.P)
			if i := b.inScope(defaultScope, atom.P); i >= 0 {
				b.popTo(i)
			}
		}
		return b.void(tg)
	case atom.Option, atom.Optgroup:
		if b.topAtom() == atom.Option {
			b.pop()
		}
	}
	if err := b.reconstruct(); err != nil {
		return err
	}
	_, err := b.push(tg)
	return err
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// formatting opens a formatting element and records it as active.
func (b *builder) formatting(tg tag) error {
	if err := b.reconstruct(); err != nil {
		return err
	}
	same := 0
	for i := len(b.afe) - 1; i >= 0 && b.afe[i] != none; i-- {
		if b.t.nodes[b.afe[i]].atom == tg.atom {
			if same++; same >= 3 {
				return giveUp("the Noah's Ark clause compares attributes") // the "Noah's Ark" clause compares attributes
			}
		}
	}
	n, err := b.push(tg)
	if err != nil {
		return err
	}
	b.afe = append(b.afe, n)
	return nil
}

// reconstruct is html.Parse's reconstruction of the active formatting
// elements: nothing to do unless a formatting element was closed by
// another element's end, which is left to html.Parse.
func (b *builder) reconstruct() error {
	if len(b.afe) == 0 {
		return nil
	}
	if n := b.afe[len(b.afe)-1]; n == none || b.t.nodes[n].open {
		return nil
	}
	return giveUp("reconstructing formatting elements")
}

func (b *builder) clearFormatting() {
	for len(b.afe) > 0 {
		n := b.afe[len(b.afe)-1]
		b.afe = b.afe[:len(b.afe)-1]
		if n == none {
			return
		}
	}
}

type scope uint8

const (
	defaultScope scope = iota
	listItemScope
	buttonScope
	tableScope
)

// inScope returns the stack index of the highest element among match in
// scope s, or -1.
func (b *builder) inScope(s scope, match ...atom.Atom) int {
	for i := len(b.oe) - 1; i >= 0; i-- {
		a := b.t.nodes[b.oe[i]].atom
		for _, m := range match {
			if a == m {
				return i
			}
		}
		switch s {
		case listItemScope:
			if a == atom.Ol || a == atom.Ul {
				return -1
			}
		case buttonScope:
			if a == atom.Button {
				return -1
			}
		case tableScope:
			if a == atom.Html || a == atom.Table || a == atom.Template {
				return -1
			}
			continue
		}
		switch a {
		case atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th, atom.Marquee, atom.Object, atom.Template, atom.Select:
			return -1
		}
	}
	return -1
}

// clearTo pops up to the nearest element a (or html).
func (b *builder) clearTo(a atom.Atom) {
	for i := len(b.oe) - 1; i >= 0; i-- {
		x := b.t.nodes[b.oe[i]].atom
		if x == atom.Html || x == atom.Template || x == a || (a == atom.Tbody && (x == atom.Thead || x == atom.Tfoot)) {
			b.popTo(i + 1)
			return
		}
	}
}

// closeP closes a <p> in button scope.
func (b *builder) closeP() {
	if i := b.inScope(buttonScope, atom.P); i >= 0 {
		b.popTo(i)
	}
}

// impliedEnd pops dd, dt, li, option, optgroup, p, rb, rp, rt, rtc, but
// not except.
func (b *builder) impliedEnd(except atom.Atom) {
	for len(b.oe) > 0 {
		switch a := b.topAtom(); a {
		case atom.Dd, atom.Dt, atom.Li, atom.Optgroup, atom.Option, atom.P, atom.Rb, atom.Rp, atom.Rt, atom.Rtc:
			if a == except {
				return
			}
			b.pop()
			continue
		}
		return
	}
}

func (b *builder) end(tg tag) error {
	switch b.phase {
	case beforeHead:
		switch tg.atom {
		case atom.Head, atom.Body, atom.Html, atom.Br:
			if b.html == none {
				b.html, _ = b.push(b.implied(atom.Html))
			}
			b.head, _ = b.push(b.implied(atom.Head))
			b.phase = inHead
			return b.end(tg)
		}
		return nil
	case inHead:
		switch tg.atom {
		case atom.Head:
			b.pop()
			b.phase = afterHead
			return nil
		case atom.Body, atom.Html, atom.Br:
			b.pop()
			b.phase = afterHead
			return b.end(tg)
		case atom.Template:
			return giveUp("site7")
		}
		return nil
	case afterHead:
		switch tg.atom {
		case atom.Body, atom.Html, atom.Br:
			if err := b.toBody(); err != nil {
				return err
			}
		case atom.Template:
			return giveUp("site8")
		default:
			return nil
		}
	}
	return b.endInBody(tg)
}

func (b *builder) endInBody(tg tag) error {
	switch tg.atom {
	case atom.Template:
		return giveUp("site9")
	case atom.Body, atom.Html:
		return nil // the stack stays; what follows goes where it would
	}
	switch b.mode() {
	case modeColgroup:
		switch tg.atom {
		case atom.Colgroup:
			b.pop()
			return nil
		case atom.Col:
			return nil
		}
		b.pop()
		return b.endInBody(tg)
	case modeRow:
		switch tg.atom {
		case atom.Tr:
			if b.inScope(tableScope, atom.Tr) >= 0 {
				b.clearTo(atom.Tr)
				b.pop()
			}
			return nil
		case atom.Table:
			if b.inScope(tableScope, atom.Tr) < 0 {
				return nil
			}
			b.clearTo(atom.Tr)
			b.pop()
			return b.endInBody(tg)
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if b.inScope(tableScope, tg.atom) < 0 || b.inScope(tableScope, atom.Tr) < 0 {
				return nil
			}
			b.clearTo(atom.Tr)
			b.pop()
			return b.endInBody(tg)
		case atom.Caption, atom.Col, atom.Colgroup, atom.Td, atom.Th:
			return nil
		}
		return b.endInTable(tg)
	case modeTBody:
		switch tg.atom {
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if b.inScope(tableScope, tg.atom) >= 0 {
				b.clearTo(atom.Tbody)
				b.pop()
			}
			return nil
		case atom.Table:
			i := b.inScope(tableScope, atom.Tbody, atom.Thead, atom.Tfoot)
			if i < 0 {
				return nil
			}
			b.popTo(i)
			return b.endInBody(tg)
		case atom.Caption, atom.Col, atom.Colgroup, atom.Td, atom.Th, atom.Tr:
			return nil
		}
		return b.endInTable(tg)
	case modeTable:
		return b.endInTable(tg)
	case modeCell:
		switch tg.atom {
		case atom.Td, atom.Th:
			i := b.inScope(tableScope, tg.atom)
			if i < 0 {
				return nil
			}
			b.popTo(i)
			b.clearFormatting()
			return nil
		case atom.Caption, atom.Col, atom.Colgroup:
			return nil
		case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if b.inScope(tableScope, tg.atom) < 0 {
				return nil
			}
			if i := b.inScope(tableScope, atom.Td, atom.Th); i >= 0 {
				b.popTo(i)
				b.clearFormatting()
			}
			return b.endInBody(tg)
		}
	}
	return b.endBody(tg)
}

func (b *builder) endInTable(tg tag) error {
	switch tg.atom {
	case atom.Table:
		if i := b.inScope(tableScope, atom.Table); i >= 0 {
			b.popTo(i)
		}
		return nil
	case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr:
		return nil
	case atom.P, atom.Br:
		return giveUp("an element foster-parented before the table") // an element foster-parented before the table
	}
	// The rest, read as in the body, find the table in the way: they
	// change nothing but the form pointer and formatting list, as there.
	return b.endBody(tg)
}

// endBody is html.Parse's "in body" for an end tag.
func (b *builder) endBody(tg tag) error {
	switch tg.atom {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Button, atom.Center, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Listing, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.Pre, atom.Search, atom.Section, atom.Select, atom.Summary, atom.Ul:
		if b.inScope(defaultScope, tg.atom) < 0 {
			return nil
		}
		b.impliedEnd(0)
		if i := b.inScope(defaultScope, tg.atom); i >= 0 {
			b.popTo(i)
		}
	case atom.Form:
		n := b.form
		b.form = none
		i := b.inScope(defaultScope, atom.Form)
		if n == none || i < 0 || b.oe[i] != n {
			return nil
		}
		b.impliedEnd(0)
		for j := len(b.oe) - 1; j >= 0; j-- {
			if b.oe[j] == n {
				b.t.nodes[n].open = false
				b.oe = append(b.oe[:j], b.oe[j+1:]...)
				// A form sets no mode: those above it keep theirs.
				b.modes = append(b.modes[:j], b.modes[j+1:]...)
				break
			}
		}
	case atom.P:
		if b.inScope(buttonScope, atom.P) < 0 {
			if _, err := b.push(b.implied(atom.P)); err != nil {
				return err
			}
		}
		if i := b.inScope(buttonScope, atom.P); i >= 0 {
			b.popTo(i)
		}
	case atom.Li:
		if i := b.inScope(listItemScope, atom.Li); i >= 0 {
			b.popTo(i)
		}
	case atom.Dd, atom.Dt:
		if i := b.inScope(defaultScope, tg.atom); i >= 0 {
			b.popTo(i)
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if i := b.inScope(defaultScope, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6); i >= 0 {
			b.popTo(i)
		}
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		return b.adoption(tg)
	case atom.Applet, atom.Marquee, atom.Object:
		if i := b.inScope(defaultScope, tg.atom); i >= 0 {
			b.popTo(i)
			b.clearFormatting()
		}
	case atom.Br:
		if err := b.reconstruct(); err != nil {
			return err
		}
		return b.void(tg)
	default:
		b.endOther(tg)
	}
	return nil
}

// endOther closes the nearest element of the tag's name unless a special
// element comes first.
func (b *builder) endOther(tg tag) {
	for i := len(b.oe) - 1; i >= 0; i-- {
		n := &b.t.nodes[b.oe[i]]
		if n.atom == tg.atom && (tg.atom != 0 || n.name == tg.id) {
			b.popTo(i)
			return
		}
		if isSpecial(n.atom) {
			return
		}
	}
}

// adoption is html.Parse's adoption agency for a formatting end tag, in
// the cases that do not move nodes.
func (b *builder) adoption(tg tag) error {
	if top := b.top(); b.t.nodes[top].atom == tg.atom && b.t.nodes[top].name == tg.id && b.afeIndex(top) < 0 {
		b.pop()
		return nil
	}
	fe := int32(none)
	for j := len(b.afe) - 1; j >= 0 && b.afe[j] != none; j-- {
		if b.t.nodes[b.afe[j]].atom == tg.atom {
			fe = b.afe[j]
			break
		}
	}
	if fe == none {
		b.endOther(tg)
		return nil
	}
	if !b.t.nodes[fe].open {
		b.afe = append(b.afe[:b.afeIndex(fe)], b.afe[b.afeIndex(fe)+1:]...)
		return nil
	}
	if b.inScope(defaultScope, tg.atom) < 0 {
		return nil
	}
	feIndex := -1
	for i := len(b.oe) - 1; i >= 0; i-- {
		if b.oe[i] == fe {
			feIndex = i
			break
		}
	}
	for _, e := range b.oe[feIndex:] {
		if isSpecial(b.t.nodes[e].atom) {
			return giveUp("a block inside the formatting element: nodes move") // a block inside the formatting element: nodes move
		}
	}
	b.popTo(feIndex)
	b.afe = append(b.afe[:b.afeIndex(fe)], b.afe[b.afeIndex(fe)+1:]...)
	return nil
}

func (b *builder) afeIndex(n int32) int {
	for i := len(b.afe) - 1; i >= 0; i-- {
		if b.afe[i] == n {
			return i
		}
	}
	return -1
}

// isSpecial is html's "special" category, as x/net/html lists it.
func isSpecial(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base, atom.Basefont, atom.Bgsound,
		atom.Blockquote, atom.Body, atom.Br, atom.Button, atom.Caption, atom.Center, atom.Col, atom.Colgroup, atom.Dd,
		atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Embed, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.Frame, atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Head, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Iframe, atom.Img, atom.Input, atom.Keygen,
		atom.Li, atom.Link, atom.Listing, atom.Main, atom.Marquee, atom.Menu, atom.Meta, atom.Nav, atom.Noembed,
		atom.Noframes, atom.Noscript, atom.Object, atom.Ol, atom.P, atom.Param, atom.Plaintext, atom.Pre,
		atom.Script, atom.Section, atom.Select, atom.Source, atom.Style, atom.Summary, atom.Table, atom.Tbody,
		atom.Td, atom.Template, atom.Textarea, atom.Tfoot, atom.Th, atom.Thead, atom.Title, atom.Tr, atom.Track,
		atom.Ul, atom.Wbr, atom.Xmp:
		return true
	}
	return false
}
