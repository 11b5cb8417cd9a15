package recognize

import (
	"net/url"
	"path"
	"strings"

	"github.com/govreport/govreport/internal/lazyre"
	"github.com/govreport/govreport/parser/textnorm"
)

var (
	// attachExtRe is the name of a file a page offers for download.
	attachExtRe = lazyre.New(`(?i)\.(?:docx?|pdf|wps|ofd|xlsx?|et)$`)
	// attachInTextRe is such a file named in the text (附件：XX年度报告.doc),
	// as a page copied without its links keeps it.
	attachHintRe   = lazyre.New(`(?i)\.(?:docx?|pdf|wps|ofd|xlsx?|et)`)
	attachInTextRe = lazyre.New(`(?i)([^\s:：/\\<>"'|,，;；]{1,80}\.(?:docx?|pdf|wps|ofd|xlsx?|et))(?:$|[\s)）\]】])`)
)

// attachment names the file a page links or mentions for download,
// preferring one whose name speaks of a report; "" when there is none.
func (st *state) attachment() string {
	var names []string
	for _, l := range st.doc.Links {
		if n := linkedFile(l.Text, l.Href); n != "" {
			names = append(names, n)
		}
	}
	for _, l := range st.lines {
		st.check()
		j := l.Joined()
		// The full pattern tries up to 80 characters at every position; a
		// line of a one-line dump is thousands long and rarely names a file.
		if !namesAttachment(j) {
			continue
		}
		for _, m := range attachInTextRe.FindAllStringSubmatch(j, -1) {
			if !strings.Contains(m[1], "://") {
				names = append(names, strings.TrimLeft(m[1], "(（【["))
			}
		}
	}
	for _, n := range names {
		if strings.Contains(n, "报告") || strings.Contains(n, "年报") {
			return n
		}
	}
	if len(names) > 0 {
		return names[0]
	}
	return ""
}

// linkedFile is the name of the file a link downloads: its text when that
// is a file name, else the last element of its target.
func linkedFile(text, href string) string {
	text = strings.TrimSpace(text)
	if endsAttachExt(text) {
		return text
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	base := path.Base(u.Path)
	if !endsAttachExt(base) {
		return ""
	}
	if text != "" && !strings.ContainsAny(text, "/\\") {
		return text + " (" + base + ")"
	}
	return base
}

// aboutReport reports whether the page speaks of an annual report, in its
// title or its lines, so that its attachment is taken for the report.
func (st *state) aboutReport(name string) bool {
	if strings.Contains(name, "报告") || strings.Contains(name, "年报") || st.report.Title != nil {
		return true
	}
	t := textnorm.Squeeze(st.doc.Title) + st.allText()
	return strings.Contains(t, "信息公开") && (strings.Contains(t, "年度报告") || strings.Contains(t, "年报"))
}
