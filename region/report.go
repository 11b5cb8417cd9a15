package region

import (
	"strings"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser/layout"
)

// OfReport resolves the region of a report from its agency, title and
// text: the lines of doc when given (everything the document says, site
// headers included), else the report's free-text sections.
func OfReport(r *model.Report, doc *layout.Document) *model.Region {
	var c Clues
	if r.Agency != nil {
		c.Agency = *r.Agency
	}
	if r.Title != nil {
		c.Title = *r.Title
	}
	c.textOf = func() string {
		if doc == nil {
			return r.Text.Overview + "\n" + r.Text.Problems + "\n" + r.Text.OtherMatters
		}
		n := len(doc.Title)
		for _, l := range doc.Lines {
			for _, c := range l.Cells {
				n += len(c.Text) + 1
			}
		}
		var b strings.Builder
		b.Grow(n)
		b.WriteString(doc.Title)
		for _, l := range doc.Lines {
			b.WriteByte('\n')
			b.WriteString(l.Joined())
		}
		return b.String()
	}
	return Resolve(c)
}
