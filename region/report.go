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
	var b strings.Builder
	if doc != nil {
		b.WriteString(doc.Title)
		for _, l := range doc.Lines {
			b.WriteByte('\n')
			b.WriteString(l.Joined())
		}
	} else {
		b.WriteString(r.Text.Overview + "\n" + r.Text.Problems + "\n" + r.Text.OtherMatters)
	}
	c.Text = b.String()
	return Resolve(c)
}
