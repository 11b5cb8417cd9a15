package sqlitefile

import (
	"fmt"
	"strings"
)

// The parser reads the small subset of CREATE statements the writer
// supports: column names, declared types, PRIMARY KEY, NOT NULL, NULL,
// DEFAULT and REFERENCES, WITHOUT ROWID; plain indexes on columns. Anything
// that would need more of SQLite (UNIQUE, CHECK, COLLATE, AUTOINCREMENT,
// generated columns, partial or expression indexes) is an error.

type token struct {
	text  string // as written
	word  string // upper-cased keyword or unquoted identifier
	quote bool   // a quoted identifier or string
	pos   int
}

func tokenize(sql string) ([]token, error) {
	var out []token
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		case c == '-' && strings.HasPrefix(sql[i:], "--"):
			for i < len(sql) && sql[i] != '\n' {
				i++
			}
		case c == '"' || c == '`' || c == '[' || c == '\'':
			end := c
			if c == '[' {
				end = ']'
			}
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(sql) {
					return nil, fmt.Errorf("sqlitefile: unterminated quote in %q", sql)
				}
				if sql[j] == end {
					if end != ']' && j+1 < len(sql) && sql[j+1] == end {
						b.WriteByte(end)
						j += 2
						continue
					}
					break
				}
				b.WriteByte(sql[j])
				j++
			}
			out = append(out, token{text: sql[i : j+1], word: b.String(), quote: true, pos: i})
			i = j + 1
		case strings.IndexByte("(),;.", c) >= 0:
			out = append(out, token{text: sql[i : i+1], word: sql[i : i+1], pos: i})
			i++
		default:
			j := i
			for j < len(sql) && strings.IndexByte(" \t\n\r\f\"`['(),;.", sql[j]) < 0 {
				j++
			}
			out = append(out, token{text: sql[i:j], word: strings.ToUpper(sql[i:j]), pos: i})
			i = j
		}
	}
	return out, nil
}

type parser struct {
	sql  string
	toks []token
	i    int
}

func (p *parser) peek() string {
	if p.i < len(p.toks) && !p.toks[p.i].quote {
		return p.toks[p.i].word
	}
	return ""
}

func (p *parser) accept(words ...string) bool {
	for k, w := range words {
		if p.i+k >= len(p.toks) || p.toks[p.i+k].quote || p.toks[p.i+k].word != w {
			return false
		}
	}
	p.i += len(words)
	return true
}

func (p *parser) expect(words ...string) error {
	if !p.accept(words...) {
		return p.errorf("expected %s", strings.Join(words, " "))
	}
	return nil
}

func (p *parser) errorf(f string, args ...any) error {
	at := "the end"
	if p.i < len(p.toks) {
		at = fmt.Sprintf("%q", p.toks[p.i].text)
	}
	return fmt.Errorf("sqlitefile: %s at %s in %q", fmt.Sprintf(f, args...), at, p.sql)
}

// name reads an identifier; its value is the unquoted text as written.
func (p *parser) name() (string, error) {
	if p.i >= len(p.toks) {
		return "", p.errorf("expected a name")
	}
	t := p.toks[p.i]
	if t.quote && t.text[0] == '\'' || !t.quote && strings.IndexByte("(),;.", t.text[0]) >= 0 {
		return "", p.errorf("expected a name")
	}
	p.i++
	if t.quote {
		return t.word, nil
	}
	return t.text, nil
}

// end checks that only a semicolon is left and returns the statement as
// SQLite keeps it in sqlite_schema: "CREATE <kind> " and the text from the
// name to the last token.
func (p *parser) end(kind string, nameTok int) (string, error) {
	last := p.i
	p.accept(";")
	if p.i != len(p.toks) {
		return "", p.errorf("unexpected text")
	}
	lt := p.toks[last-1]
	return "CREATE " + kind + " " + p.sql[p.toks[nameTok].pos:lt.pos+len(lt.text)], nil
}

// group skips a parenthesised group whose "(" is the current token.
func (p *parser) group() error {
	depth := 0
	for ; p.i < len(p.toks); p.i++ {
		switch t := p.toks[p.i]; {
		case t.quote:
		case t.word == "(":
			depth++
		case t.word == ")":
			depth--
			if depth == 0 {
				p.i++
				return nil
			}
		}
	}
	return p.errorf("unbalanced parentheses")
}

type column struct {
	name, typ string
	aff       int
	notNull   bool
}

type tableDef struct {
	name, sql    string
	cols         []column
	pk           []int // primary key columns
	withoutRowid bool
}

// constraintWord reports whether w opens a column constraint (a switch,
// not a map: a map literal is built by package initialisation).
func constraintWord(w string) bool {
	switch w {
	case "CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS", "FOREIGN":
		return true
	}
	return false
}

func parseTable(sql string) (*tableDef, error) {
	toks, err := tokenize(sql)
	if err != nil {
		return nil, err
	}
	p := &parser{sql: sql, toks: toks}
	if err := p.expect("CREATE", "TABLE"); err != nil {
		return nil, err
	}
	if p.peek() == "IF" || p.peek() == "TEMP" {
		return nil, p.errorf("unsupported")
	}
	nameTok := p.i
	d := &tableDef{}
	if d.name, err = p.name(); err != nil {
		return nil, err
	}
	if err := p.expect("("); err != nil {
		return nil, err
	}
	for {
		if w := p.peek(); w == "CONSTRAINT" || w == "PRIMARY" || w == "FOREIGN" || w == "UNIQUE" || w == "CHECK" {
			if err := p.tableConstraint(d); err != nil {
				return nil, err
			}
		} else if err := p.columnDef(d); err != nil {
			return nil, err
		}
		if p.accept(")") {
			break
		}
		if err := p.expect(","); err != nil {
			return nil, err
		}
	}
	if p.accept("WITHOUT") {
		if err := p.expect("ROWID"); err != nil {
			return nil, err
		}
		d.withoutRowid = true
		if len(d.pk) == 0 {
			return nil, fmt.Errorf("sqlitefile: PRIMARY KEY missing on table %s", d.name)
		}
		for _, i := range d.pk {
			d.cols[i].notNull = true
		}
	}
	if d.sql, err = p.end("TABLE", nameTok); err != nil {
		return nil, err
	}
	return d, nil
}

func (p *parser) columnDef(d *tableDef) error {
	name, err := p.name()
	if err != nil {
		return err
	}
	var typ []string
	for p.i < len(p.toks) && !p.toks[p.i].quote && !constraintWord(p.peek()) && strings.IndexByte("(),;.", p.toks[p.i].text[0]) < 0 {
		typ = append(typ, p.toks[p.i].text)
		p.i++
		if p.peek() == "(" {
			start := p.i
			if err := p.group(); err != nil {
				return err
			}
			typ[len(typ)-1] += p.sql[p.toks[start].pos : p.toks[p.i-1].pos+1]
		}
	}
	c := column{name: name, typ: strings.Join(typ, " ")}
	c.aff = affinityOf(c.typ)
	idx := len(d.cols)
	for {
		switch {
		case p.accept("CONSTRAINT"):
			if _, err := p.name(); err != nil {
				return err
			}
		case p.accept("PRIMARY", "KEY"):
			if len(d.pk) > 0 {
				return p.errorf("a second PRIMARY KEY")
			}
			p.accept("ASC")
			if p.peek() == "DESC" || p.peek() == "AUTOINCREMENT" || p.peek() == "ON" {
				return p.errorf("unsupported")
			}
			d.pk = []int{idx}
		case p.accept("NOT", "NULL"):
			c.notNull = true
		case p.accept("NULL"):
		case p.accept("DEFAULT"):
			if p.peek() == "(" {
				if err := p.group(); err != nil {
					return err
				}
			} else {
				p.accept("-")
				p.accept("+")
				p.i++
			}
		case p.accept("REFERENCES"):
			if err := p.references(); err != nil {
				return err
			}
		case p.peek() == "," || p.peek() == ")":
			d.cols = append(d.cols, c)
			return nil
		default:
			return p.errorf("unsupported column constraint")
		}
	}
}

func (p *parser) references() error {
	if _, err := p.name(); err != nil {
		return err
	}
	if p.peek() == "(" {
		if err := p.group(); err != nil {
			return err
		}
	}
	for {
		switch {
		case p.accept("ON"):
			p.i++ // DELETE or UPDATE
			if p.accept("SET") || p.accept("NO") {
				p.i++
			} else {
				p.i++ // CASCADE, RESTRICT
			}
		case p.accept("MATCH"):
			p.i++
		case p.accept("NOT", "DEFERRABLE"), p.accept("DEFERRABLE"):
			if p.accept("INITIALLY") {
				p.i++
			}
		default:
			return nil
		}
	}
}

func (p *parser) tableConstraint(d *tableDef) error {
	if p.accept("CONSTRAINT") {
		if _, err := p.name(); err != nil {
			return err
		}
	}
	switch {
	case p.accept("PRIMARY", "KEY"):
		if len(d.pk) > 0 {
			return p.errorf("a second PRIMARY KEY")
		}
		cols, err := p.columnList(d)
		if err != nil {
			return err
		}
		d.pk = cols
		return nil
	case p.accept("FOREIGN", "KEY"):
		if _, err := p.columnList(d); err != nil {
			return err
		}
		if err := p.expect("REFERENCES"); err != nil {
			return err
		}
		return p.references()
	}
	return p.errorf("unsupported table constraint")
}

// columnList reads "(a, b ASC)" naming columns of d.
func (p *parser) columnList(d *tableDef) ([]int, error) {
	if err := p.expect("("); err != nil {
		return nil, err
	}
	var out []int
	for {
		n, err := p.name()
		if err != nil {
			return nil, err
		}
		i := d.column(n)
		if i < 0 {
			return nil, p.errorf("no column %s", n)
		}
		out = append(out, i)
		p.accept("ASC")
		if p.accept(")") {
			return out, nil
		}
		if err := p.expect(","); err != nil {
			return nil, err
		}
	}
}

func (d *tableDef) column(name string) int {
	for i, c := range d.cols {
		if strings.EqualFold(c.name, name) {
			return i
		}
	}
	return -1
}

// rowidColumn is the INTEGER PRIMARY KEY column, an alias of the rowid,
// or -1.
func (d *tableDef) rowidColumn() int {
	if !d.withoutRowid && len(d.pk) == 1 && strings.EqualFold(d.cols[d.pk[0]].typ, "INTEGER") {
		return d.pk[0]
	}
	return -1
}

type indexDef struct {
	name, table, sql string
	cols             []string
}

func parseIndex(sql string) (*indexDef, error) {
	toks, err := tokenize(sql)
	if err != nil {
		return nil, err
	}
	p := &parser{sql: sql, toks: toks}
	if err := p.expect("CREATE", "INDEX"); err != nil {
		return nil, err
	}
	nameTok := p.i
	d := &indexDef{}
	if d.name, err = p.name(); err != nil {
		return nil, err
	}
	if err := p.expect("ON"); err != nil {
		return nil, err
	}
	if d.table, err = p.name(); err != nil {
		return nil, err
	}
	if err := p.expect("("); err != nil {
		return nil, err
	}
	for {
		n, err := p.name()
		if err != nil {
			return nil, err
		}
		d.cols = append(d.cols, n)
		p.accept("ASC")
		if p.accept(")") {
			break
		}
		if err := p.expect(","); err != nil {
			return nil, err
		}
	}
	if d.sql, err = p.end("INDEX", nameTok); err != nil {
		return nil, err
	}
	return d, nil
}

// parseView reads the name of a view; its query is kept as written.
func parseView(sql string) (name, stmt string, err error) {
	toks, err := tokenize(sql)
	if err != nil {
		return "", "", err
	}
	p := &parser{sql: sql, toks: toks}
	if err := p.expect("CREATE", "VIEW"); err != nil {
		return "", "", err
	}
	nameTok := p.i
	if name, err = p.name(); err != nil {
		return "", "", err
	}
	if p.peek() != "AS" {
		return "", "", p.errorf("expected AS")
	}
	p.i = len(p.toks)
	if p.toks[len(p.toks)-1].word == ";" {
		p.i--
	}
	stmt, err = p.end("VIEW", nameTok)
	return name, stmt, err
}
