package region

import (
	"strings"

	"github.com/govreport/govreport/internal/lazy"
)

// OCR confuses characters that look alike (沭/沐, 己/已, 戊/戌). An agency
// whose name opens with no division may be such a misreading: when
// exactly one lookalike substitution makes it open with a division, that
// is the name the document printed.

// lookalikes are groups of characters OCR commonly takes for one another.
var lookalikes = []string{
	"沭沐", "己已巳", "戊戌戍", "未末", "土士", "日曰", "人入", "大太犬", "王玉主", "木本术",
	"汩汨", "拔拨", "侯候", "兔免", "刺剌", "崇祟", "徽微", "赢嬴羸", "析折", "栗粟", "盲肓",
	"祗祇", "泗洒", "渑绳", "鄞勤", "郓恽", "睢雎", "亳毫", "邛邙", "濮璞", "溧漂",
}

// lookalikeOf maps a character to its lookalikes, built on first use
// (only OCR text asks).
var lookalikeOfV lazy.Value[map[rune][]rune]

func lookalikeOf() map[rune][]rune { return lookalikeOfV.Get(buildLookalikes) }

func buildLookalikes() map[rune][]rune {
	m := map[rune][]rune{}
	for _, g := range lookalikes {
		rs := []rune(g)
		for _, r := range rs {
			for _, o := range rs {
				if o != r {
					m[r] = append(m[r], o)
				}
			}
		}
	}
	return m
}

// CorrectAgency returns the agency name with one misread character put
// right, when the name as printed opens with no division and exactly one
// lookalike substitution among its first characters makes it open with
// one.
func CorrectAgency(agency string) (string, bool) {
	t := load()
	if segs, _ := chain(t, agency); len(segs) > 0 {
		return agency, false
	}
	rs := []rune(agency)
	found := ""
	for i := 0; i < len(rs) && i < t.maxLen; i++ {
		for _, alt := range lookalikeOf()[rs[i]] {
			c := append([]rune(nil), rs...)
			c[i] = alt
			s := string(c)
			if segs, _ := chain(t, s); len(segs) > 0 && !segs[0].short && strings.HasPrefix(s, segs[0].name) {
				if found != "" && found != s {
					return agency, false // two readings fit: no way to tell
				}
				found = s
			}
		}
	}
	if found == "" {
		return agency, false
	}
	return found, true
}
