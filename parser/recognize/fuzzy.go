package recognize

import (
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/lazy"
	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/rowlabel"
	"github.com/govreport/govreport/parser/textnorm"
)

// OCR misreads characters (属于国家秘蜜, 不掌暹): a label that no phrase
// matches is compared with every template label by shared character
// pairs, and taken for the best row only when it is clearly the best.

// templateCores is built on first use, not at start-up.
var templateCoresV lazy.Value[map[string]map[[2]rune]bool]

func templateCores() map[string]map[[2]rune]bool { return templateCoresV.Get(buildTemplateCores) }

func buildTemplateCores() map[string]map[[2]rune]bool {
	out := map[string]map[[2]rune]bool{}
	for _, r := range model.ApplicationRows {
		out[r.Key] = rowlabel.Bigrams(labelCore(textnorm.LabelFolded(textnorm.Fold(r.Label))))
	}
	return out
}

// labelCore strips group labels and numbering from a row label.
func labelCore(label string) string {
	for _, g := range groupLabels {
		label = strings.ReplaceAll(label, g, "")
	}
	for {
		m := numberingPrefix(label)
		if m == "" {
			return label
		}
		label = label[len(m):]
	}
}

// fuzzyApplicationRow returns the row whose template label is clearly the
// closest to label, or "".
func fuzzyApplicationRow(label string) string {
	core := labelCore(label)
	if utf8.RuneCountInString(core) < 4 {
		return ""
	}
	bg := rowlabel.Bigrams(core)
	best, second, key := 0.0, 0.0, ""
	for k, t := range templateCores() {
		d := rowlabel.Dice(bg, t)
		switch {
		case d > best:
			best, second, key = d, best, k
		case d > second:
			second = d
		}
	}
	if best >= 0.6 && best-second >= 0.2 {
		return key
	}
	return ""
}
