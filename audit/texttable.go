package audit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazy"
	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/internal/runefilter"
	"github.com/govreport/govreport/model"
)

// A claim is a kind of sentence of the free text that restates one table
// figure. Its patterns are strict on purpose (precision first): the
// number must follow the words that name the figure within one clause,
// in the unit the figure is counted in; anything looser is not compared.
type claim struct {
	key   string // what the sentence restates (see figure)
	label string // how the finding names it
	res   []*startRe
	// needs is a word the sentence must contain besides the pattern
	// (申请 for the outcomes of requests, so that 不予公开21条 about
	// documents is not read as requests withheld).
	needs []string
	gen   model.Generation // only for reports of this table 二 generation
}

// N is the number of a pattern: digits with optional thousands
// separators and decimals, captured as group "n"; the unit is group "u".
const N = `(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`

// pats1, pats2 and pats3 return the patterns to compile on first use. One
// a count and no loop, so that claims is static data: a call to a
// variadic builder with a loop would run at package initialisation.
func pats1(a string) []*startRe { return []*startRe{newStartRe(a)} }
func pats2(a, b string) []*startRe {
	return []*startRe{newStartRe(a), newStartRe(b)}
}
func pats3(a, b, c string) []*startRe {
	return []*startRe{newStartRe(a), newStartRe(b), newStartRe(c)}
}

const (
	unitReq  = `(?P<u>件|条|个)`
	unitCase = `(?P<u>件|起|宗|个)`
	gap      = `[^，,。；;：:\d（）()]{0,14}?`
	quant    = `(?:数量|总数|数)?(?:共计|合计|总计|共|累计)?(?:为|是|达)?`
)

var claims = []claim{
	{key: "new_requests", label: "本年新收申请", res: pats1(
		`新收` + gap + `申请` + quant + N + unitReq)},
	{key: "received", label: "收到申请", res: pats3(
		`(?:收到|受理|接收|接到)`+gap+`申请`+quant+N+unitReq,
		`(?:收到|受理|接收|接到)(?:了|共|共计)?`+N+`(?P<u>件|条)`+`(?:政府信息公开|依申请公开|信息公开)`+`(?:申请|信息)`,
		`未(?:收到|受理|接到)`+gap+`申请(?P<n>)(?P<u>)`)},
	{key: "carried_over", label: "上年结转申请", res: pats1(
		`上一?年度?结转` + gap + quant + N + unitReq)},
	{key: "carried_forward", label: "结转下年度办理", res: pats2(
		`结转(?:至|到)?(?:下一?年度?|(?P<y>\d{4})年度?)(?:继续办理|办理)?(?:的)?(?:申请)?`+quant+N+unitReq,
		`(?:顺延|结转)(?:至|到)下一?年度?(?:继续)?(?:办理|答复)`+quant+N+unitReq)},
	{key: "granted", label: "予以公开", needs: []string{"申请"}, res: pats1(
		`(?:予以公开|同意公开)(?:答复|信息)?` + quant + N + `(?P<u>件)`)},
	{key: "partially_granted", label: "部分公开", needs: []string{"申请"}, res: pats1(
		`(?:部分公开|区分处理后公开)(?:答复|信息)?` + quant + N + `(?P<u>件)`)},
	{key: "withheld", label: "不予公开", needs: []string{"申请"}, res: pats1(
		`不予公开(?:答复|信息)?` + quant + N + `(?P<u>件)`)},
	{key: "unavailable", label: "无法提供", needs: []string{"申请"}, res: pats1(
		`无法提供(?:答复|信息)?` + quant + N + `(?P<u>件)`)},
	{key: "not_processed", label: "不予处理", needs: []string{"申请"}, res: pats1(
		`不予处理(?:答复)?` + quant + N + `(?P<u>件)`)},
	// After the outcomes, so that 同意公开答复数1件 is read as granted.
	// The verb must open its clause (or follow 共/已/均): 同意公开答复
	// is not 答复.
	{key: "concluded", label: "办结申请", needs: []string{"申请"}, res: pats1(
		`(?:^|[，,；;共已均并])(?:办结|答复|办理)(?:了|完毕)?(?:政府信息公开|信息公开)?(?:申请)?` + quant + N + unitReq)},
	{key: "review", label: "政府信息公开行政复议", needs: []string{"信息公开"}, res: pats1(
		`行政复议(?:案件)?` + quant + N + unitCase)},
	{key: "litigation", label: "政府信息公开行政诉讼", needs: []string{"信息公开"}, res: pats1(
		`行政诉讼(?:案件)?` + quant + N + unitCase)},
	{key: "nd_issued", label: "制发行政规范性文件", gen: model.Gen2021, res: pats1(
		`(?:制发|印发|出台)(?:了)?(?:行政)?规范性文件` + quant + N + `(?P<u>件)`)},
	{key: "nd_repealed", label: "废止行政规范性文件", gen: model.Gen2021, res: pats1(
		`废止(?:了)?(?:行政)?规范性文件` + quant + N + `(?P<u>件)`)},
	{key: "nd_in_force", label: "现行有效行政规范性文件", gen: model.Gen2021, res: pats1(
		`现行有效(?:的)?(?:行政)?规范性文件` + quant + N + `(?P<u>件)`)},
	{key: "licensing", label: "行政许可决定", res: pats2(
		`(?:作出|办理|实施|办结)行政许可(?:处理)?(?:决定)?`+quant+N+`(?P<u>件)`,
		`行政许可(?:处理)?决定`+quant+N+`(?P<u>件)`)},
	{key: "punishment", label: "行政处罚决定", res: pats2(
		`(?:作出|办理|实施|办结)行政处罚(?:处理)?(?:决定)?`+quant+N+`(?P<u>件)`,
		`行政处罚(?:处理)?决定`+quant+N+`(?P<u>件)`)},
	{key: "coercion", label: "行政强制决定", res: pats2(
		`(?:作出|办理|实施|办结)行政强制(?:处理)?(?:决定)?`+quant+N+`(?P<u>件)`,
		`行政强制(?:处理)?决定`+quant+N+`(?P<u>件)`)},
	{key: "fees", label: "行政事业性收费", gen: model.Gen2021, res: pats1(
		`行政事业性收费(?:金额|总额|收入)?` + quant + N + `(?P<u>万元|元)`)},
}

var (
	// A clause about a change, not a level. (This and the other word
	// lists were literal alternations: a search for each word is cheaper.)
	changeWords = []string{"较", "同比", "比上年", "比去年", "增长", "下降", "上升", "减少", "增幅", "降幅", "增加"}
	// A scope wider or other than the agency's own table: the text may
	// count the whole area or every department. Such a sentence is only
	// compared when it agrees, never reported.
	scopeWords = []string{"全市", "全县", "全区", "全省", "全州", "全旗", "全盟", "全镇", "全乡", "各级", "各部门", "各单位", "全系统", "全国", "各地", "各县", "各乡镇", "各街道"}
	// An approximation before the number. approxRe and joinedRe define
	// endsApprox and endsJoined, which match them by hand (the test holds
	// them to these patterns).
	approxRe = lazyre.New(`(?:近|约|超过|逾|多于|不足|近乎)$`)
	// An outcome joined to the one a pattern names (予以公开及部分公开42件):
	// the number counts both together, so it restates no single cell.
	joinedRe = lazyre.New(`(?:公开|提供|处理|申请)(?:及|和|与|、|或|以及|或者)$`)
	yearRe   = lazyre.New(`((?:19|20)\d{2})\s*年`)
	// Another kind of application between the verb and the number
	// (受理行政复议申请36件, 接到信访投诉申请): not a disclosure request.
	otherKindWords = []string{"复议", "诉讼", "信访", "举报", "投诉", "许可", "审批", "听证", "赔偿", "补贴", "救助", "仲裁", "调解"}
	// A mention of 信息公开 that denies the subject (均不涉及政府信息公开,
	// 政府信息公开以外的事项) does not make a sentence about it.
	notAboutRe = newStartRe(`(?:不涉及|不属于|并非|非)(?:政府)?信息公开|与(?:政府)?信息公开(?:工作)?无关|(?:政府)?信息公开(?:工作)?(?:以外|之外)`)
)

// requestClaims count disclosure requests: the words before their number
// must not name another kind of application.
func requestClaims(key string) bool {
	switch key {
	case "new_requests", "received", "carried_over", "carried_forward", "concluded":
		return true
	}
	return false
}

// A statement is one number of the free text read as a claim.
type statement struct {
	claim    *claim
	value    float64
	unit     string
	field    string // text.overview …
	sentence string
	scoped   bool // the sentence names a wider scope (全市 …)
}

var sections = [...]struct{ field, label string }{
	{"text.overview", "第一部分"}, {"text.problems", "第五部分"}, {"text.other_matters", "第六部分"},
}

func sectionText(r *model.Report, field string) string {
	switch field {
	case "text.overview":
		return r.Text.Overview
	case "text.problems":
		return r.Text.Problems
	}
	return r.Text.OtherMatters
}

func sectionLabel(field string) string {
	for _, s := range sections {
		if s.field == field {
			return s.label
		}
	}
	return field
}

// statements reads the claims of the report's free text.
func statements(x *reading) []statement {
	var out []statement
	for i, s := range sections {
		for _, sent := range x.sentences(i) {
			out = sentenceStatements(out, x.r, s.field, sent)
		}
	}
	return out
}

// sentenceEnd is what ends a sentence; sentences cuts at each of its
// characters by hand (the test holds it to this pattern's Split).
var sentenceEnd = lazyre.New(`[。！？!?；;\n]+`)

// sentences splits text into sentences, keeping their characters.
func sentences(text string) []string {
	var out []string
	eachSentence(text, func(s string) { out = append(out, s) })
	return out
}

// eachSentence calls f with each sentence of text, in order.
func eachSentence(text string, f func(string)) {
	start := 0
	keep := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			f(s)
		}
	}
	// By bytes: each end is ASCII or a three-byte character whose lead
	// byte is never inside another character, so no rune is decoded.
	for i := 0; i < len(text); i++ {
		n := 0
		switch c := text[i]; c {
		case '!', '?', ';', '\n':
			n = 1
		case 0xE3: // 。 U+3002
			if strings.HasPrefix(text[i:], "。") {
				n = 3
			}
		case 0xEF: // ！ ？ ； U+FF01 U+FF1F U+FF1B
			if i+2 < len(text) && text[i+1] == 0xBC && (text[i+2] == 0x81 || text[i+2] == 0x9F || text[i+2] == 0x9B) {
				n = 3
			}
		}
		if n > 0 {
			keep(text[start:i])
			start = i + n
			i += n - 1
		}
	}
	keep(text[start:])
}

// squeeze drops spaces (the gaps of "申请 749 件") and folds full-width
// digits, for matching only; the sentence is quoted as printed.
func squeeze(s string) string {
	if !needsSqueeze(s) { // most sentences: no copy
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		switch {
		case c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0':
			continue
		case c >= '０' && c <= '９':
			c = '0' + (c - '０')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// needsSqueeze reports whether squeeze would change s: a space or a
// full-width digit (or a bad byte, which the loop writes as U+FFFD).
func needsSqueeze(s string) bool {
	for _, c := range s {
		switch {
		case c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0', c >= '０' && c <= '９', c == utf8.RuneError:
			return true
		}
	}
	return false
}

// sentenceStatements appends the statements of one sentence to out.
func sentenceStatements(out []statement, r *model.Report, field string, st sentence) []statement {
	sent, s := st.text, st.sq
	// A sentence about another year is not about this report's table.
	if r.Year != nil {
		other := false
		eachYear(s, func(_, year string) bool {
			y, _ := strconv.Atoi(year)
			other = y != *r.Year && y != *r.Year+1
			return !other
		})
		if other {
			return out
		}
	}
	taken := map[[2]int]bool{} // number positions already read by a claim
	// The sentence without its denials of 信息公开, computed once and only
	// when a claim with needs gets that far (the pattern only matches
	// around 信息公开, so a sentence without it is its own).
	about, aboutDone := s, !strings.Contains(s, "信息公开")
	idx := claimWordIndex()
	present := idx.found(s)
	numeric := claimNumeric()
	counted := countsSomething(s)
	for ci := range claims {
		c := &claims[ci]
		if c.gen != "" && r.Templates.ActiveDisclosure != c.gen {
			continue
		}
		if present&idx.masks[ci] == 0 { // !containsAny(s, claimWords[c.key])
			continue
		}
		if len(c.needs) > 0 && !aboutDone {
			about, aboutDone = notAboutRe.deleteAll(s), true
		}
		if !containsAll(about, c.needs) {
			continue
		}
		for ri, re := range c.res {
			if !counted && numeric[ci][ri] {
				continue // its number and unit stand nowhere in the sentence
			}
			for _, m := range re.FindAllStringSubmatchIndex(s) {
				ni, ui, yi := re.SubexpIndex("n"), re.SubexpIndex("u"), re.SubexpIndex("y")
				pos := [2]int{m[2*ni], m[2*ni+1]}
				if taken[pos] {
					continue
				}
				numText := s[pos[0]:pos[1]]
				v := 0.0
				if numText != "" {
					var err error
					v, err = strconv.ParseFloat(strings.ReplaceAll(numText, ",", ""), 64)
					if err != nil {
						continue
					}
				}
				if endsApprox(s[:m[0]]) || followsApprox(s[m[1]:]) || endsJoined(s[:m[0]]) {
					continue
				}
				if requestClaims(c.key) && containsAny(s[m[0]:pos[0]], otherKindWords) {
					continue
				}
				if yi >= 0 && m[2*yi] >= 0 && r.Year != nil {
					if y, _ := strconv.Atoi(s[m[2*yi]:m[2*yi+1]]); y != *r.Year+1 {
						continue
					}
				}
				if containsAny(clause(s, m[0], m[1]), changeWords) {
					continue
				}
				taken[pos] = true
				out = append(out, statement{claim: c, value: v, unit: s[m[2*ui]:m[2*ui+1]], field: field, sentence: sent,
					scoped: containsAny(s[:m[1]], scopeWords)})
			}
		}
	}
	return out
}

// claimNumeric tells, by claim and pattern, the patterns whose number is
// N directly followed by the unit group: N ends in an ASCII digit (\d)
// and every unit opens with one of countUnits, so they match only a
// sentence where such a digit and unit stand together (countsSomething),
// and most sentences that name a claim's word have none.
var claimNumericV lazy.Value[[][]bool]

func claimNumeric() [][]bool { return claimNumericV.Get(buildClaimNumeric) }

func buildClaimNumeric() [][]bool {
	out := make([][]bool, len(claims))
	for ci, c := range claims {
		out[ci] = make([]bool, len(c.res))
		for ri, re := range c.res {
			out[ci][ri] = strings.Contains(re.String(), N+"(?P<u>")
		}
	}
	return out
}

// countUnits are the first characters of the claim patterns' units
// (unitReq, unitCase, 件, 条, 万元, 元).
var countUnits = []string{"件", "条", "个", "起", "宗", "万", "元"}

// countsSomething reports whether an ASCII digit stands directly before
// one of countUnits in s.
func countsSomething(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' && s[i+1] >= 0xE0 {
			for _, u := range countUnits {
				if strings.HasPrefix(s[i+1:], u) {
					return true
				}
			}
		}
	}
	return false
}

// claimWords are words every pattern of a claim contains (one of them):
// most sentences name none, and a plain search is far cheaper than the
// patterns, whose alternations leave the regexp engine no prefix to skip by.
// (Built on first use: a map literal is built by package initialisation.)
func claimWords() map[string][]string { return claimWordsV.Get(buildClaimWords) }

var claimWordsV lazy.Value[map[string][]string]

func buildClaimWords() map[string][]string {
	return map[string][]string{
		"new_requests": {"新收"}, "received": {"收到", "受理", "接收", "接到"}, "carried_over": {"结转"},
		"carried_forward": {"结转", "顺延"}, "granted": {"予以公开", "同意公开"}, "partially_granted": {"部分公开", "区分处理"},
		"withheld": {"不予公开"}, "unavailable": {"无法提供"}, "not_processed": {"不予处理"},
		"concluded": {"办结", "答复", "办理"}, "review": {"行政复议"}, "litigation": {"行政诉讼"},
		"nd_issued": {"规范性文件"}, "nd_repealed": {"规范性文件"}, "nd_in_force": {"规范性文件"},
		"licensing": {"行政许可"}, "punishment": {"行政处罚"}, "coercion": {"行政强制"}, "fees": {"行政事业性收费"},
	}
}

// claimIndex finds every claim word of a sentence in one pass over it,
// looking only at the words that start with each character: the plain
// search tried each word of each claim on every sentence (a third of the
// audit's time).
type claimIndex struct {
	words   []string
	byFirst map[rune][]int // indexes into words
	masks   []uint64       // per claim of claims, the bits of its words
	// low has a bit for the low 12 bits of each first character (all
	// three bytes long): most characters of a sentence start no word,
	// and this tells them without decoding them or a map lookup.
	low runefilter.Set
}

var claimWordIndexV lazy.Value[*claimIndex]

func claimWordIndex() *claimIndex { return claimWordIndexV.Get(buildClaimWordIndex) }

func buildClaimWordIndex() *claimIndex {
	x := &claimIndex{byFirst: map[rune][]int{}}
	id := map[string]int{}
	for _, c := range claims {
		var mask uint64
		for _, w := range claimWords()[c.key] {
			i, ok := id[w]
			if !ok {
				i = len(x.words)
				if i == 64 {
					panic("audit: more than 64 claim words")
				}
				id[w] = i
				x.words = append(x.words, w)
				r, n := utf8.DecodeRuneInString(w)
				if n != 3 {
					panic("audit: a claim word starts with a character not three bytes long")
				}
				x.byFirst[r] = append(x.byFirst[r], i)
				x.low.Add(r)
			}
			mask |= 1 << i
		}
		x.masks = append(x.masks, mask)
	}
	return x
}

// found returns the bits of the words s contains.
func (x *claimIndex) found(s string) uint64 {
	var m uint64
	// By bytes: a word's first byte leads a three-byte character, which
	// no other character contains, so its positions are those of the
	// characters a range loop would decode.
	for i := 0; i+2 < len(s); i++ {
		if s[i] < 0xE0 || s[i] >= 0xF0 {
			continue
		}
		if !x.low.MayAt(s, i) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		for _, w := range x.byFirst[r] {
			if m&(1<<w) == 0 && strings.HasPrefix(s[i:], x.words[w]) {
				m |= 1 << w
			}
		}
	}
	return m
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// yearsIn is yearRe's matches.
func yearsIn(s string) [][]string {
	var out [][]string
	eachYear(s, func(m, y string) bool {
		out = append(out, []string{m, y})
		return true
	})
	return out
}

// eachYear calls f with each of yearRe's matches and its year, while f
// returns true, without running the regexp on a sentence that has no 年
// (most have none).
func eachYear(s string, f func(match, year string) bool) {
	if !strings.Contains(s, "年") {
		return
	}
	// yearRe by hand: 19dd or 20dd, ASCII spaces, 年; matches do not
	// overlap, as FindAllStringSubmatch's.
	for i := 0; i+4 <= len(s); {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			j := i + 4
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r') {
				j++
			}
			if strings.HasPrefix(s[j:], "年") {
				e := j + len("年")
				if !f(s[i:e], s[i:i+4]) {
					return
				}
				i = e
				continue
			}
		}
		i++
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// endsApprox is approxRe by hand: the regexp, anchored at the end only,
// was tried from every position of the text before the number.
func endsApprox(s string) bool {
	return hasAnySuffix(s, "近", "约", "超过", "逾", "多于", "不足", "近乎")
}

// endsJoined is joinedRe by hand: an outcome and a conjunction end s.
func endsJoined(s string) bool {
	for _, conj := range []string{"及", "和", "与", "、", "或", "以及", "或者"} {
		if rest, ok := strings.CutSuffix(s, conj); ok && hasAnySuffix(rest, "公开", "提供", "处理", "申请") {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// followsApprox: 余/多/左右 after the unit make the number approximate.
func followsApprox(rest string) bool {
	return strings.HasPrefix(rest, "余") || strings.HasPrefix(rest, "多") || strings.HasPrefix(rest, "左右")
}

// clause returns the part of s between the delimiters around [i, j).
func clause(s string, i, j int) string {
	start := strings.LastIndexAny(s[:i], "，,；;：:（(")
	if start < 0 {
		start = 0
	}
	end := strings.IndexAny(s[j:], "，,；;：:）)")
	if end < 0 {
		return s[start:]
	}
	return s[start : j+end]
}

// A figure is the table's side of a claim: its value (when every cell it
// needs was read) and where to find those cells.
type figure struct {
	value float64
	known bool
	// The cells, made into evidence only for a finding: most statements
	// agree with the table.
	r          *model.Report
	t          *model.Table
	table, col string
	rows       []string
}

// cells is the evidence of the figure's cells.
func (f figure) cells() []model.Evidence {
	out := make([]model.Evidence, len(f.rows))
	for i, row := range f.rows {
		out[i] = f.r.CellEvidence(f.t, f.table, row, f.col)
	}
	return out
}

// sumFigure adds the 总计 cells of rows of table 三 (or the given column
// of table 四's groups).
func sumFigure(r *model.Report, t *model.Table, table string, rows []string, col string) figure {
	f := figure{known: t != nil, r: r, t: t, table: table, col: col, rows: rows}
	for _, row := range rows {
		v, ok := t.Get(row, col) // CellEvidence's value
		if !ok {
			f.known = false
			continue
		}
		f.value += v
	}
	return f
}

func appRows(r *model.Report, rows ...string) figure {
	return sumFigure(r, r.Applications, "applications", rows, "total")
}

// The rows of table 三's outcomes summed by a claim, listed once.
// (Values built on first use: a sync.OnceValue variable is made by
// package initialisation.)
var withheldRowsV, unavailableRowsV, notProcessedRowsV lazy.Value[[]string]

func withheldRows() []string {
	return withheldRowsV.Get(func() []string { return prefixed("withheld_") })
}

func unavailableRows() []string {
	return unavailableRowsV.Get(func() []string { return prefixed("unavailable_") })
}

func notProcessedRows() []string {
	return notProcessedRowsV.Get(func() []string { return prefixed("not_processed_") })
}

func prefixed(prefix string) []string {
	var out []string
	for _, row := range model.ApplicationRows {
		if strings.HasPrefix(row.Key, prefix) {
			out = append(out, row.Key)
		}
	}
	return out
}

// tableFigure is the table's value for a claim other than 收到申请.
func tableFigure(r *model.Report, key string) (figure, string) {
	d := r.ActiveDisclosure
	dis := func(row, col string) figure {
		return sumFigure(r, d, "active_disclosure", []string{row}, col)
	}
	switch key {
	case "new_requests":
		return appRows(r, "new_requests"), "表三“一、本年新收政府信息公开申请数量”总计"
	case "carried_over":
		return appRows(r, "carried_over"), "表三“二、上年结转政府信息公开申请数量”总计"
	case "concluded":
		return appRows(r, "total"), "表三“（七）总计”"
	case "carried_forward":
		return appRows(r, "carried_forward"), "表三“四、结转下年度继续办理”总计"
	case "granted":
		return appRows(r, "granted"), "表三“（一）予以公开”总计"
	case "partially_granted":
		return appRows(r, "partially_granted"), "表三“（二）部分公开”总计"
	case "withheld":
		return appRows(r, withheldRows()...), "表三“（三）不予公开”八项总计之和"
	case "unavailable":
		return appRows(r, unavailableRows()...), "表三“（四）无法提供”三项总计之和"
	case "not_processed":
		return appRows(r, notProcessedRows()...), "表三“（五）不予处理”五项总计之和"
	case "review":
		return sumFigure(r, r.ReviewLitigation, "review_litigation", []string{"review"}, "total"), "表四行政复议总计"
	case "litigation":
		return sumFigure(r, r.ReviewLitigation, "review_litigation", []string{"litigation_direct", "litigation_after_review"}, "total"),
			"表四行政诉讼（未经复议直接起诉与复议后起诉）总计之和"
	case "nd_issued":
		return dis("normative_documents", "issued"), "表二行政规范性文件“本年制发件数”"
	case "nd_repealed":
		return dis("normative_documents", "repealed"), "表二行政规范性文件“本年废止件数”"
	case "nd_in_force":
		return dis("normative_documents", "in_force"), "表二行政规范性文件“现行有效件数”"
	case "licensing", "punishment", "coercion":
		return dis(key, "decisions"), "表二" + map[string]string{"licensing": "行政许可", "punishment": "行政处罚", "coercion": "行政强制"}[key] + "“处理决定数量”"
	case "fees":
		return dis("fees", "amount_10k_yuan"), "表二行政事业性收费“本年收费金额（万元）”"
	}
	return figure{}, ""
}

// textTable compares each claim of the free text with the table.
func textTable(x *reading) []model.Finding {
	r := x.r
	var out []model.Finding
	type key struct {
		claim    string
		value    float64
		sentence string
	}
	seen := map[key]bool{}
	for _, st := range statements(x) {
		k := key{st.claim.key, st.value, st.sentence}
		if seen[k] {
			continue
		}
		seen[k] = true
		if f := compareStatement(r, st); f != nil {
			out = append(out, *f)
		}
	}
	return out
}

func compareStatement(r *model.Report, st statement) *model.Finding {
	if st.scoped { // compared only to agree: never a finding
		return nil
	}
	if st.claim.key == "received" {
		return compareReceived(r, st)
	}
	fig, desc := tableFigure(r, st.claim.key)
	if !fig.known {
		return nil
	}
	if st.claim.key == "fees" {
		if sameAmount(st.value, st.unit, fig.value) {
			return nil
		}
	} else if st.value == fig.value {
		return nil
	}
	said, quote := saidQuote(st)
	return &model.Finding{
		Rule: RuleTextTable, Severity: model.SeverityWarning,
		Message:  fmt.Sprintf("%s（%s%s%s），而%s为%s。", quote, st.claim.label, num(st.value), st.unit, desc, num(fig.value)),
		Evidence: append([]model.Evidence{said}, fig.cells()...),
	}
}

// saidQuote is a statement's evidence and how a finding quotes it.
func saidQuote(st statement) (model.Evidence, string) {
	said := model.Evidence{Field: st.field, Value: ptr(st.value), Text: st.sentence}
	return said, fmt.Sprintf("%s称“%s”", sectionLabel(st.field), st.sentence)
}

// compareReceived: "收到申请 N 件" may count new requests alone, new plus
// carried over, or the requests concluded plus those carried forward;
// the sentence agrees with the table when it matches any of them.
func compareReceived(r *model.Report, st statement) *model.Finding {
	nr := appRows(r, "new_requests")
	in := appRows(r, "new_requests", "carried_over")
	outf := appRows(r, "total", "carried_forward")
	type rel struct {
		f    figure
		desc string
	}
	rels := []rel{
		{in, "按“收到＝本年新收＋上年结转”，表三为"},
		{outf, "按“收到＝（七）总计＋结转下年度”，表三为"},
		{nr, "表三本年新收为"},
	}
	var parts []string
	known := false
	for _, x := range rels {
		if !x.f.known {
			continue
		}
		known = true
		if x.f.value == st.value {
			return nil
		}
	}
	if !known {
		return nil
	}
	said, quote := saidQuote(st)
	for _, x := range rels {
		if x.f.known {
			parts = append(parts, x.desc+num(x.f.value))
		}
	}
	ev := []model.Evidence{said}
	seen := map[string]bool{}
	for _, x := range rels {
		for _, c := range x.f.cells() {
			if !seen[c.Field] {
				seen[c.Field] = true
				ev = append(ev, c)
			}
		}
	}
	return &model.Finding{
		Rule: RuleTextTable, Severity: model.SeverityWarning,
		Message:  fmt.Sprintf("%s（收到申请%s%s），而%s。", quote, num(st.value), st.unit, strings.Join(parts, "，")),
		Evidence: ev,
	}
}

// sameAmount compares a fee said in 元 or 万元 with the table's 万元,
// at the precision of the less precise of the two.
func sameAmount(said float64, unit string, table float64) bool {
	if unit == "元" {
		said /= 10000
	}
	for _, dec := range []int{0, 1, 2, 3, 4, 5, 6} {
		p := math.Pow(10, float64(dec))
		if math.Abs(math.Round(said*p)-said*p) < 1e-6 {
			// said has dec decimals: round the table to them.
			return math.Abs(math.Round(table*p)/p-said) < 1e-9
		}
	}
	return math.Abs(said-table) < 1e-6
}

// Statement is a number of the free text read as restating a table
// figure, beside the table's value (nil when a cell it needs was not
// read; for 收到申请, the first relation that holds, else 新收＋上年结转).
type Statement struct {
	Claim    string   // new_requests, received, granted, review, fees, …
	Value    float64  // as said (fees in the unit said)
	Unit     string   // 件, 条, 起, 万元, 元 …
	Field    string   // text.overview, text.problems, text.other_matters
	Sentence string   // as printed
	Scoped   bool     // the sentence names a wider scope (全市, 各部门 …)
	Table    *float64 // the table's value
}

// Statements lists what the report's free text says about its tables,
// each with the table's value: what the text_table rule compares.
func Statements(r *model.Report) []Statement {
	var out []Statement
	for _, st := range statements(newReading(r)) {
		s := Statement{Claim: st.claim.key, Value: st.value, Unit: st.unit, Field: st.field, Sentence: st.sentence, Scoped: st.scoped}
		if st.claim.key == "received" {
			for _, f := range []figure{appRows(r, "new_requests", "carried_over"), appRows(r, "total", "carried_forward"), appRows(r, "new_requests")} {
				if f.known && (s.Table == nil || f.value == st.value) {
					s.Table = ptr(f.value)
				}
			}
		} else if f, _ := tableFigure(r, st.claim.key); f.known {
			s.Table = ptr(f.value)
		}
		out = append(out, s)
	}
	return out
}
